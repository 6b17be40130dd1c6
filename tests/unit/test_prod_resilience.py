"""Production faults, each in a few seconds: a killed worker is respawned, a Redis restart keeps the session
records, a tab whose worker died keeps its token.

The supervisor is the Granian server class rxapp/serve.py gives Reflex, serving a one-line ASGI app (the
portal itself takes a minute to build; `bench/bench_faults.py` runs the same faults against it). Redis runs
with the production settings of rxapp/prod_redis.py. Each test has a control that shows the fault does harm
without the fix, so the test can fail.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from rxapp import prod_redis
from rxapp.devserver import stop_process_group
from tests.unit.async_run import run_coroutine

ROOT = Path(__file__).resolve().parents[2]
needs_redis = pytest.mark.skipif(shutil.which("redis-server") is None, reason="redis-server is not installed")


def free_port(low: int, high: int) -> int:
    """A free loopback port in [low, high]: parallel runs on a shared machine keep to their own range."""
    for port in range(low, high + 1):
        with socket.socket() as sock:
            # As the servers do: a port left in TIME_WAIT by the previous test is free for a new listener.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {low}..{high}")


TINY_APP = '''
import os

async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": str(os.getpid()).encode()})
'''

SERVER = '''
import sys
import granian.server
from granian.constants import Interfaces
from rxapp.serve import install_supervised_server

if sys.argv[2] == "supervised":
    install_supervised_server(kill_timeout=2, respawn_interval=0.5)
server = granian.server.Server(target="tiny_app:app", address="127.0.0.1", port=int(sys.argv[1]),
                               interface=Interfaces.ASGI, workers=2)
server.serve()
'''


@contextlib.contextmanager
def granian_server(tmp_path: Path, mode: str) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    (tmp_path / "tiny_app.py").write_text(TINY_APP)
    (tmp_path / "server.py").write_text(textwrap.dedent(SERVER))
    port = free_port(8150, 8199)
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}:{ROOT}"}
    process = subprocess.Popen([sys.executable, str(tmp_path / "server.py"), str(port), mode], cwd=tmp_path,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while len(psutil.Process(process.pid).children()) < 2 or not _answers(base):
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        yield process, base
    finally:
        stop_process_group(process, timeout=10)


def _answers(base: str) -> bool:
    with contextlib.suppress(httpx.HTTPError):
        return httpx.get(base, timeout=1).status_code == 200
    return False


def _kill_one_worker(process: subprocess.Popen[bytes], sig: signal.Signals) -> tuple[int, list[int]]:
    workers = psutil.Process(process.pid).children()
    victim = workers[0]
    victim.send_signal(sig)
    return victim.pid, [w.pid for w in workers]


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_worker_is_respawned_and_the_others_keep_serving(tmp_path: Path, sig: signal.Signals) -> None:
    with granian_server(tmp_path, "supervised") as (process, base):
        victim, before = _kill_one_worker(process, sig)
        survivor = next(pid for pid in before if pid != victim)
        deadline = time.monotonic() + 15
        while True:
            workers = [w.pid for w in psutil.Process(process.pid).children()]
            if len(workers) == 2 and victim not in workers:
                break
            assert process.poll() is None, "the supervisor exited with its worker"
            assert _answers(base), "the surviving worker stopped answering"
            assert time.monotonic() < deadline, f"no replacement for worker {victim}: {workers}"
            time.sleep(0.2)
        assert survivor in workers
        assert _answers(base)


def test_control_without_the_supervisor_settings_one_dead_worker_stops_the_server(tmp_path: Path) -> None:
    with granian_server(tmp_path, "plain") as (process, _base):
        _kill_one_worker(process, signal.SIGKILL)
        process.wait(timeout=20)  # what `reflex run --env prod` did: the whole server went down
        assert process.returncode is not None


def test_sigterm_stops_the_supervised_server_within_its_kill_timeout(tmp_path: Path) -> None:
    with granian_server(tmp_path, "supervised") as (process, _base):
        started = time.monotonic()
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
        assert time.monotonic() - started < 10


# ------------------------------------------------------------------------------------------ Redis


@contextlib.contextmanager
def redis_at(tmp_path: Path, flags: list[str] | None = None) -> Iterator[int]:
    port = free_port(6391, 6399)
    directory = tmp_path / "redis"
    if flags is None:
        prod_redis.start(port, directory)
    else:  # the control: the settings run-prod used to have
        directory.mkdir(parents=True, exist_ok=True)
        subprocess.run(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--daemonize", "yes",
                        "--dir", str(directory), *flags], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        while not prod_redis.ping(port):
            time.sleep(0.1)
    try:
        yield port
    finally:
        prod_redis.stop(port)


def _cli(port: int, *args: str) -> str:
    return subprocess.run(["redis-cli", "-p", str(port), *args], capture_output=True, text=True, check=True).stdout.strip()


def _restart(port: int, directory: Path, *, crash: bool) -> None:
    if crash:
        pid = int(_cli(port, "info", "server").split("process_id:")[1].split()[0])
        os.kill(pid, signal.SIGKILL)
        while prod_redis.ping(port):
            time.sleep(0.05)
    else:
        prod_redis.stop(port)
    prod_redis.start(port, directory)


@needs_redis
@pytest.mark.parametrize("crash", [False, True], ids=["shutdown", "sigkill"])
def test_a_redis_restart_keeps_session_state(tmp_path: Path, crash: bool) -> None:
    with redis_at(tmp_path) as port:
        # A state key as Reflex writes it: a pickled blob with the token's expiry.
        _cli(port, "set", "token-1_reflex___state____state", "signed-in", "ex", "3600")
        time.sleep(1.5)  # appendfsync everysec: a crash loses at most the last second
        _restart(port, tmp_path / "redis", crash=crash)
        assert _cli(port, "get", "token-1_reflex___state____state") == "signed-in"
        assert 3000 < int(_cli(port, "ttl", "token-1_reflex___state____state")) <= 3600


@needs_redis
def test_control_redis_without_persistence_forgets_every_session(tmp_path: Path) -> None:
    with redis_at(tmp_path, flags=["--save", ""]) as port:
        _cli(port, "set", "token-1_reflex___state____state", "signed-in", "ex", "3600")
        prod_redis.stop(port)
        subprocess.run(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--daemonize", "yes",
                        "--dir", str(tmp_path / "redis"), "--save", ""], check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        while not prod_redis.ping(port):
            time.sleep(0.1)
        assert _cli(port, "get", "token-1_reflex___state____state") == ""


# ------------------------------------------------------------------------------------------ tokens


def _dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@needs_redis
@pytest.mark.parametrize(("owner", "manager", "keeps_token"), [
    ("no alive key", "reclaiming", True),  # the process stopped saying it is alive (another host, > 6 s)
    ("dead pid on this host", "reclaiming", True),  # a sibling worker just killed: its key has not expired yet
    ("live process", "reclaiming", False),  # a real duplicated tab: Reflex's answer stands
    ("dead pid on this host", "reflex", False),  # the control: Reflex alone hands out a new token
])  # fmt: skip
def test_a_tab_whose_worker_died_keeps_its_token(tmp_path: Path, owner: str, manager: str, keeps_token: bool) -> None:
    import json

    import redis.asyncio as redis
    from reflex.utils.token_manager import RedisTokenManager, SocketRecord

    from rxapp.token_reclaim import HOST_ID, ReclaimingTokenManager, _me, alive_key

    async def link(port: int) -> str | None:
        client = redis.Redis.from_url(f"redis://127.0.0.1:{port}")
        instance = "instance-of-the-previous-worker"
        record = SocketRecord(instance_id=instance, sid="old-sid")
        await client.set("token_manager_socket_record_tab-1", pickle.dumps(record), ex=3600)
        if owner == "dead pid on this host":
            dead = json.dumps({"host": HOST_ID, "pid": _dead_pid(), "started": 1.0})
            await client.set(alive_key(instance), dead.encode(), ex=6)
        elif owner == "live process":
            await client.set(alive_key(instance), _me(), ex=6)
        cls = ReclaimingTokenManager if manager == "reclaiming" else RedisTokenManager
        token_manager = cls(client)
        try:
            return await token_manager.link_token_to_sid("tab-1", "new-sid")
        finally:
            if isinstance(token_manager, ReclaimingTokenManager) and token_manager._heartbeat:
                token_manager._heartbeat.cancel()
            await client.aclose()

    with redis_at(tmp_path) as port:
        new_token = run_coroutine(link(port))
    # None: the tab keeps its token, so its state (and sign-in) in Redis; a new token is a new, signed-out state.
    assert (new_token is None) is keeps_token
