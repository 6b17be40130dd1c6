"""Two portal processes behind nginx, one Redis, one backend: does a session survive the death of its process?

    .venv/bin/python bench/bench_cluster.py [--residents 20] [--port-base 8110] [--redis-port 6393]

Starts, on loopback: Redis (rxapp/prod_redis.py), the demo backend alone (`python -m rxapp.backend serve`),
portal A (`python -m rxapp.serve`, which builds the frontend for the proxy's origin), portal B on the same
build (`--serve-built`), and nginx in front of both (deploy/nginx-portal.conf, round robin, no stickiness).
Residents sign in through nginx (bench_load.Resident: the browser's Socket.IO protocol); each one's socket
lands on A or B. Portal A is then SIGKILLed, supervisor and workers, as a host that dies. Every resident
reconnects through nginx with its token and rehydrates /ja/mypage, as state.js does: those A served are now
served by B. Prints, for the residents of each portal, how many are still signed in. Stops everything it
started. Needs nginx (Debian: `apt-get install nginx`; `make cluster-deps`).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psutil
import redis

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_faults import sign_in_all, still_signed_in
from bench.bench_load import Tally, free_port
from rxapp import prod_redis
from rxapp.token_reclaim import alive_key

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
CONF = ROOT / "deploy" / "nginx-portal.conf"


def wait_healthy(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 900) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args} exited:\n{log.read_text()[-3000:]}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=5).status_code == 200:
                return
        time.sleep(1)
    raise RuntimeError(f"{url} did not become healthy:\n{log.read_text()[-3000:]}")


@contextlib.contextmanager
def cluster(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise SystemExit("nginx is not installed (Debian: apt-get install nginx, or make cluster-deps)")
    ports = [args.port_base + i for i in range(4)] if args.port_base else [free_port() for _ in range(4)]
    proxy, port_a, port_b, backend = ports
    redis_port = args.redis_port or free_port()
    data = Path(tempfile.mkdtemp(prefix="minna-cluster-"))
    processes: list[subprocess.Popen[bytes]] = []
    env = {**os.environ, "REFLEX_REDIS_URL": f"redis://127.0.0.1:{redis_port}",
           "PORTAL_API_URL": f"http://127.0.0.1:{backend}", "PORTAL_DATA_DIR": str(data),
           # The browser reaches the backend through the proxy's origin: the build must say so.
           "REFLEX_API_URL": f"http://127.0.0.1:{proxy}",
           "REFLEX_WEB_WORKDIR": str(ROOT / ".web-cluster"), "REFLEX_USE_SYSTEM_BUN": "1",
           "REFLEX_TELEMETRY_ENABLED": "false",
           "PATH": f"{ROOT / '.tools/node_modules/.bin'}:{Path(sys.executable).parent}:{os.environ['PATH']}"}  # fmt: skip

    def start(name: str, command: list[str]) -> tuple[subprocess.Popen[bytes], Path]:
        log = data / f"{name}.log"
        with log.open("wb") as out:
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                       start_new_session=True)  # fmt: skip
        processes.append(process)
        return process, log

    try:
        prod_redis.start(redis_port, data / "redis")
        api, api_log = start("backend", [sys.executable, "-m", "rxapp.backend", "serve", "--port", str(backend)])
        wait_healthy(f"http://127.0.0.1:{backend}/api/v1/health", api, api_log, 60)
        portal_a, log_a = start("portal-a", [sys.executable, "-m", "rxapp.serve", "--host", "127.0.0.1",
                                             "--port", str(port_a)])  # fmt: skip
        wait_healthy(f"http://127.0.0.1:{port_a}/_minna/health", portal_a, log_a)
        portal_b, log_b = start("portal-b", [sys.executable, "-m", "rxapp.serve", "--serve-built", "--host",
                                             "127.0.0.1", "--port", str(port_b)])  # fmt: skip
        wait_healthy(f"http://127.0.0.1:{port_b}/_minna/health", portal_b, log_b, 120)
        for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (data / "nginx" / sub).mkdir(parents=True, exist_ok=True)
        upstreams = "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;"
                              for port in (port_a, port_b))  # fmt: skip
        conf = CONF.read_text().replace("{prefix}", str(data / "nginx")).replace("{upstreams}", upstreams)
        conf = conf.replace("{listen}", f"127.0.0.1:{proxy}")
        (data / "nginx" / "nginx.conf").write_text(conf)
        proxy_process, proxy_log = start("nginx", [nginx, "-p", str(data / "nginx"), "-c",
                                                   str(data / "nginx" / "nginx.conf"), "-g", "daemon off;"])  # fmt: skip
        wait_healthy(f"http://127.0.0.1:{proxy}/_minna/health", proxy_process, proxy_log, 30)
        yield {"proxy": f"http://127.0.0.1:{proxy}", "portal_a": portal_a, "portal_b": portal_b,
               "redis_url": env["REFLEX_REDIS_URL"], "data": data}  # fmt: skip
    finally:
        for process in reversed(processes):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        prod_redis.stop(redis_port)
        shutil.rmtree(data, ignore_errors=True)


def serving_portal(client: redis.Redis, token: str, portals: dict[int, str]) -> str:
    """Which portal process holds this tab's socket: its socket record → instance → alive key → pid → parent."""
    raw = client.get(f"token_manager_socket_record_{token}")
    if raw is None:
        return "unknown"
    record = pickle.loads(raw)  # written by Reflex itself, on loopback
    alive = client.get(alive_key(record.instance_id))
    if alive is None:
        return "unknown"
    pid = int(json.loads(alive)["pid"])
    with contextlib.suppress(psutil.Error):
        return portals.get(psutil.Process(pid).ppid(), "unknown")
    return "unknown"


async def scenario(setup: dict[str, Any], residents_count: int) -> dict[str, Any]:
    base = setup["proxy"]
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        cards = [c["card_id"] for c in (await client.get("/api/v1/demo-cards")).json() if not c.get("locked")]
    tally = Tally()
    residents = await sign_in_all(base.replace("http://", "ws://"), cards, residents_count, tally)
    portals = {setup["portal_a"].pid: "A", setup["portal_b"].pid: "B"}
    client = redis.Redis.from_url(setup["redis_url"])
    where = {resident.token: serving_portal(client, resident.token, portals) for resident in residents}
    os.killpg(setup["portal_a"].pid, signal.SIGKILL)  # the whole process A: supervisor and workers
    await asyncio.sleep(1)
    health = httpx.get(f"{base}/_minna/health", timeout=10)
    outcome: dict[str, Any] = {}
    for name in ("A", "B", "unknown"):
        group = [r for r in residents if where[r.token] == name]
        if group:
            outcome[f"residents on {name}"] = {"count": len(group), "after A died": await still_signed_in(group)}
    for resident in residents:
        await resident.close()
    client.close()
    return {"residents": len(residents), "health through the proxy after A died": [health.status_code,
            health.json()], **outcome}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=20)
    parser.add_argument("--port-base", type=int, default=None, help="proxy, portal A, portal B, backend: N..N+3")
    parser.add_argument("--redis-port", type=int, default=None)
    args = parser.parse_args()
    if not 1 <= args.residents <= 200:
        raise SystemExit("--residents 1..200")
    with cluster(args) as setup:
        print(f"proxy {setup['proxy']}: portal A pid {setup['portal_a'].pid}, portal B pid {setup['portal_b'].pid}")
        result = asyncio.run(scenario(setup, args.residents))
    print(json.dumps(result, indent=2, ensure_ascii=False))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "cluster.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
