"""The production Redis: how `make run-prod`, the load test and the tests start it, in one place.

    python -m rxapp.prod_redis start --port 6390 --dir var/redis
    python -m rxapp.prod_redis stop --port 6390

Session state (who is signed in, each journey's answers) lives in Redis, so Redis must keep it across a
restart: an append-only file, fsynced every second (a crash loses at most the last second of writes, a
clean shutdown nothing), no RDB snapshots (the AOF rewrites itself to stay small). Bound to loopback.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import time
from pathlib import Path

FLAGS = ["--bind", "127.0.0.1", "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""]


def command(port: int, directory: Path, *, daemonize: bool = True) -> list[str]:
    directory = directory.resolve()
    return [
        shutil.which("redis-server") or "redis-server", "--port", str(port), *FLAGS, "--dir", str(directory),
        "--pidfile", str(directory / f"redis-{port}.pid"), "--logfile", str(directory / f"redis-{port}.log"),
        "--daemonize", "yes" if daemonize else "no",
    ]  # fmt: skip


def ping(port: int) -> bool:
    result = subprocess.run(["redis-cli", "-p", str(port), "ping"], capture_output=True, text=True, check=False)
    return result.stdout.strip() == "PONG"


def start(port: int, directory: Path, timeout: float = 10.0) -> None:
    """Start Redis on `port` with its files in `directory`, unless one already answers there."""
    if ping(port):
        return
    directory.mkdir(parents=True, exist_ok=True)
    subprocess.run(command(port, directory), check=True, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while not ping(port):
        if time.monotonic() > deadline:
            raise RuntimeError(f"Redis did not answer on port {port}; see {directory}/redis-{port}.log")
        time.sleep(0.1)


def stop(port: int, timeout: float = 10.0) -> None:
    """SHUTDOWN: Redis fsyncs the append-only file, then exits."""
    subprocess.run(["redis-cli", "-p", str(port), "shutdown"], capture_output=True, check=False)
    deadline = time.monotonic() + timeout
    while ping(port) and time.monotonic() < deadline:
        time.sleep(0.1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["start", "stop"])
    parser.add_argument("--port", type=int, default=6390)
    parser.add_argument("--dir", type=Path, default=Path("var/redis"))
    args = parser.parse_args()
    if args.action == "start":
        start(args.port, args.dir)
    else:
        stop(args.port)


if __name__ == "__main__":
    main()
