"""Load test: simulated residents over the browser's own websocket protocol against a running portal.

    .venv/bin/python bench/bench_load.py --start --sessions 50,200 --duration 60     # make bench-load
    .venv/bin/python bench/bench_load.py --base-url http://127.0.0.1:8080 --sessions 200 --duration 60 \
        [--redis-url redis://127.0.0.1:6390] [--server-pid PID] [--server-log FILE] [--kill-worker-at 30]

--start builds and starts its own production portal (rxapp/serve.py) and Redis (rxapp/prod_redis.py) on free
loopback ports, with its own data and web folders, runs each level against it, then stops both.

Each resident speaks what rxapp/web_shims/socket-io-lite.js speaks (Socket.IO v5 over Engine.IO v4 on
/_event, one WebSocket): the handshake, a namespace CONNECT that carries the hydrate event, then events.
It hydrates /ja/sign-in, signs in with a demo card (GET /api/v1/demo-cards, the demo PIN), then until the
end of the run loads signed-in pages (the on_load event the router sends on a client-side move) and fills
a form field (the proxies form's person), with a think time between steps, answering heartbeats.

Latency of an event: from sending it to the frame that ends it (hydrated again for a page load, the
redirect for the sign-in, the changed variable for a field). Errors: connections refused or dropped,
events without an answer in --event-timeout, a signed-in resident sent back to sign-in, and, with
--server-log, lock-expiry and error lines the server wrote during the run. Memory: RSS, PSS and USS of
every process listening on the port (idle, and the peak during the run), per session the PSS growth per
resident; Redis used_memory growth and MEMORY USAGE of the residents' keys per session.

Bounded: at most --sessions residents for --duration seconds (plus a short grace), loopback only.
Writes bench/results/load-<sessions>.json. A benchmark, not a test: it reports, it never fails a build.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import psutil
import websockets

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
DEMO_PIN = "1234"  # rxapp/backend/seed.py: every demo card's PIN
STATE_ROOT = "reflex___state____state"
HYDRATE = f"{STATE_ROOT}.hydrate_and_load"
ON_LOAD = f"{STATE_ROOT}.reflex___state____on_load_internal_state.on_load_internal"
SIGN_IN = f"{STATE_ROOT}.rxapp___state___sign_in____sign_in_state.submit"
PROXIES = f"{STATE_ROOT}.rxapp___state___proxies____proxies_state"
SET_PERSON = f"{PROXIES}.set_person"
PAGES = ["my-info", "notices", "disclosure", "proxies", "mypage"]
EVENT_PREFIX = "42/_event,"
SESSION_COOKIE = "minna_session"
ROTATION = re.compile(r"/_session/rotate\?next=[A-Za-z0-9%/._~-]+")


class Signedout(Exception):
    """A signed-in resident was sent back to the sign-in page."""


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    residents_done: int = 0
    events: int = 0
    tokens: list[str] = field(default_factory=list)
    reconnects: int = 0

    def record(self, kind: str, seconds: float) -> None:
        self.latencies.setdefault(kind, []).append(seconds * 1000)
        self.events += 1

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def _route(path: str) -> dict[str, str]:
    return {"pathname": path, "asPath": path}


class Resident:
    """One browser tab: one token, one WebSocket, one event at a time (as state.js queues them)."""

    def __init__(self, ws_url: str, card: str, tally: Tally, timeout: float) -> None:
        self.http_url = "http" + ws_url.removeprefix("ws")
        self.cookie = ""  # the browser's HttpOnly session cookie (rxapp/browser_session.py), sent at the handshake
        self.token = str(uuid.uuid4())
        self.url = f"{ws_url}/_event/?token={self.token}&EIO=4&transport=websocket"
        self.card = card
        self.tally = tally
        self.timeout = timeout
        self.ws: Any = None
        self.signed_in = False

    async def open(self, first_path: str) -> None:
        if not self.cookie:  # a browser's first page sets the cookie that every later handshake carries
            async with httpx.AsyncClient(timeout=self.timeout) as http:
                self.cookie = (await http.get(f"{self.http_url}/ja/sign-in/")).cookies.get(SESSION_COOKIE, "")
        self.ws = await websockets.connect(self.url, open_timeout=self.timeout, max_size=None, compression=None,
                                           additional_headers={"Cookie": f"{SESSION_COOKIE}={self.cookie}"})
        handshake = await asyncio.wait_for(self.ws.recv(), self.timeout)
        if not str(handshake).startswith("0{"):
            raise ConnectionError(f"unexpected handshake {str(handshake)[:80]}")
        boot = {"event": {"name": HYDRATE, "payload": {}, "router_data": _route(first_path)}}
        started = time.perf_counter()
        await self.ws.send("40/_event," + json.dumps(boot))
        await self._until(lambda data: _hydrated(data), "hydrate")
        self.tally.record("hydrate", time.perf_counter() - started)

    async def event(self, kind: str, name: str, payload: dict[str, Any], path: str, done: Any) -> Any:
        message = ["event", {"name": name, "payload": payload, "router_data": _route(path)}]
        started = time.perf_counter()
        await self.ws.send(EVENT_PREFIX + json.dumps(message))
        result = await self._until(done, kind)
        self.tally.record(kind, time.perf_counter() - started)
        return result

    async def _until(self, done: Any, kind: str) -> Any:
        """Read frames until `done(data)` is truthy; answer heartbeats; notice a move to sign-in."""
        deadline = time.monotonic() + self.timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(kind)
            frame = str(await asyncio.wait_for(self.ws.recv(), remaining))
            if frame == "2":
                await self.ws.send("3")
                continue
            if frame.startswith("41"):
                raise ConnectionError("server disconnected the namespace")
            if not frame.startswith(EVENT_PREFIX):
                continue
            name, data = json.loads(frame[len(EVENT_PREFIX):])
            if name != "event":
                continue
            target = _redirect(data)
            if self.signed_in and target and "/sign-in" in target:
                raise Signedout(target)
            if result := done(data):
                return result

    async def sign_in(self, form: dict[str, Any]) -> str:
        """Submit the sign-in form, then do what the page does after it: load /_session/rotate (a new cookie
        value for the signed-in browser) and, on a new socket, the page it redirects to. Returns that path."""
        rotate = await self.event("sign_in", SIGN_IN, form, "/ja/sign-in/", _rotation)
        async with httpx.AsyncClient(timeout=self.timeout) as http:
            answer = await http.get(f"{self.http_url}{rotate}", cookies={SESSION_COOKIE: self.cookie})
        self.cookie = answer.cookies.get(SESSION_COOKIE, self.cookie)
        target = answer.headers.get("location", "")
        self.signed_in = "/sign-in" not in target
        await self.close()
        await self.open(target)
        return target

    async def think(self, seconds: float) -> None:
        """Wait as a reader does, still answering the server's heartbeat."""
        end = time.monotonic() + seconds
        while (remaining := end - time.monotonic()) > 0:
            try:
                frame = str(await asyncio.wait_for(self.ws.recv(), remaining))
            except TimeoutError:
                return
            if frame == "2":
                await self.ws.send("3")

    async def close(self) -> None:
        if self.ws is not None:
            with contextlib.suppress(Exception):
                await self.ws.close()


def _hydrated(data: dict[str, Any]) -> bool:
    return bool(data.get("delta", {}).get(STATE_ROOT, {}).get("is_hydrated_rx_state_") is True)


def _redirect(data: dict[str, Any]) -> str:
    for event in data.get("events") or []:
        if event.get("name") == "_redirect":
            return str(event.get("payload", {}).get("path", ""))
    return ""


def _rotation(data: dict[str, Any]) -> str:
    """The /_session/rotate URL a signed-in (or signed-out) page is sent through, if this frame carries it."""
    for event in data.get("events") or []:
        if event.get("name") == "_call_script":
            found = ROTATION.search(json.dumps(event.get("payload", {})))
            if found:
                return found.group(0)
    return ""


def _changed(var: str) -> Any:
    return lambda data: var in data.get("delta", {}).get(PROXIES, {})


DROPPED = (OSError, websockets.WebSocketException, ConnectionError)


async def resident_journey(ws_url: str, card: str, tally: Tally, stop_at: float, think: tuple[float, float],
                           timeout: float) -> None:
    resident = Resident(ws_url, card, tally, timeout)
    path = "/ja/sign-in/"

    async def reconnect() -> None:
        """As state.js does after a dropped transport: a new socket, same token, a full hydrate of the page."""
        tally.reconnects += 1
        for attempt in range(5):
            await resident.close()
            await asyncio.sleep(0.5 * (attempt + 1))
            with contextlib.suppress(*DROPPED):
                await resident.open(path)
                return
        raise ConnectionError("could not reconnect")

    async def step(kind: str, name: str, payload: dict[str, Any], done: Any) -> Any:
        """Think, then send one event; a dropped socket is reconnected and the next step carries on."""
        try:
            await resident.think(random.uniform(*think))
            return await resident.event(kind, name, payload, path, done)
        except DROPPED:
            await reconnect()
            return None

    try:
        try:
            await resident.open(path)
        except (*DROPPED, TimeoutError) as err:
            tally.error(f"connect: {type(err).__name__}")
            return
        form = {"form": {"__reflex_form_data__": [["card", card], ["pin", DEMO_PIN]]}}
        target = None
        while target is None:  # a socket dropped mid-sign-in: back on the sign-in page, the resident tries again
            if time.monotonic() >= stop_at:
                return
            try:
                await resident.think(random.uniform(*think))
                target = await resident.sign_in(form)
            except DROPPED:
                await reconnect()
        if "/mypage" not in target:
            tally.error("sign-in refused")
            return
        path = "/ja/mypage"
        await step("on_load", ON_LOAD, {}, _hydrated)
        turn = 0
        while time.monotonic() < stop_at:
            for slug in PAGES:
                if time.monotonic() >= stop_at:
                    break
                path = f"/ja/{slug}"
                await step("on_load", ON_LOAD, {}, _hydrated)
                if slug == "proxies":
                    turn += 1
                    await step("form_field", SET_PERSON, {"value": f"person-{turn}"}, _changed("new_person_rx_state_"))
        tally.residents_done += 1
    except Signedout:
        tally.error("signed-in resident sent to sign-in")
    except TimeoutError as err:
        tally.error(f"no answer within {timeout:.0f} s ({err})")
    except DROPPED as err:
        tally.error(f"connection lost for good: {type(err).__name__}")
    finally:
        await resident.close()
        tally.tokens.append(resident.token)


# ------------------------------------------------------------------------------------------ server side


def server_processes(port: int, pid: int | None) -> list[psutil.Process]:
    """The supervisor and its workers: `pid`'s tree, else every process listening on the port."""
    if pid:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    listening = {c.pid for c in psutil.net_connections("tcp") if c.status == psutil.CONN_LISTEN
                 and c.laddr and c.laddr.port == port and c.pid}  # fmt: skip
    return [psutil.Process(p) for p in sorted(listening)]


def cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for proc in processes:
        with contextlib.suppress(psutil.Error):
            times = proc.cpu_times()
            total += times.user + times.system
    return total


def memory(processes: list[psutil.Process]) -> list[dict[str, float]]:
    rows = []
    for proc in processes:
        with contextlib.suppress(psutil.Error):
            info = proc.memory_full_info()
            rows.append({"pid": proc.pid, "rss_mb": info.rss / 2**20, "pss_mb": info.pss / 2**20,
                         "uss_mb": info.uss / 2**20})  # fmt: skip
    return rows


async def sample_memory(port: int, pid: int | None, peak: dict[str, Any], stop: asyncio.Event) -> None:
    while not stop.is_set():
        rows = await asyncio.to_thread(lambda: memory(server_processes(port, pid)))
        total = sum(r["pss_mb"] for r in rows)
        if total > peak.get("pss_total_mb", 0):
            peak.update(pss_total_mb=total, rows=rows)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), 2.0)


def redis_figures(url: str | None, tokens: list[str]) -> dict[str, Any]:
    if not url:
        return {}
    import redis

    client = redis.Redis.from_url(url)
    info = client.info("memory")
    sample = tokens[:20]
    per_session = []
    for token in sample:
        keys = list(client.scan_iter(match=f"{token}*", count=500))
        per_session.append(sum(client.memory_usage(k) or 0 for k in keys))
    return {"used_memory": int(info["used_memory"]), "keys": int(client.dbsize()),
            "key_bytes_per_session": statistics.mean(per_session) if per_session else None}  # fmt: skip


async def kill_a_worker(args: argparse.Namespace, port: int, started: float) -> dict[str, Any]:
    """SIGKILL one worker mid-run (as the OOM killer would); report whether the server replaced it."""
    await asyncio.sleep(max(0.0, started + args.kill_worker_at - time.monotonic()))
    processes = server_processes(port, args.server_pid)
    workers = [p for p in processes if p.ppid() in {q.pid for q in processes}]
    if not workers:
        return {"killed": None, "note": "no worker found (give --server-pid)"}
    victim = workers[0]
    victim.send_signal(signal.SIGKILL)
    at = round(time.monotonic() - started, 1)
    await asyncio.sleep(8)  # Granian forks the replacement within a few seconds
    after = [p.pid for p in server_processes(port, args.server_pid)]
    return {"killed": victim.pid, "at_s": at, "processes_8s_later": after,
            "respawned": len(after) == len(processes) and victim.pid not in after}  # fmt: skip


def log_lines(path: str | None) -> int:
    return Path(path).stat().st_size if path and Path(path).exists() else 0


def log_problems(path: str | None, offset: int) -> dict[str, int]:
    if not path or not Path(path).exists():
        return {}
    with open(path, "rb") as handle:
        handle.seek(offset)
        text = handle.read().decode("utf-8", "replace")
    return {"LockExpiredError": text.count("LockExpiredError"), "Traceback": text.count("Traceback"),
            "ERROR lines": sum(" ERROR " in line or line.startswith("ERROR") for line in text.splitlines())}  # fmt: skip


# ------------------------------------------------------------------------------------------ run


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def check_loopback(host: str) -> None:
    address = ipaddress.ip_address(socket.gethostbyname(host))
    if not address.is_loopback:
        raise SystemExit(f"{host} is not a loopback address: this load test only runs against this machine")


async def run(args: argparse.Namespace) -> dict[str, Any]:
    parts = urlsplit(args.base_url)
    check_loopback(parts.hostname or "")
    port = parts.port or 80
    ws_url = f"ws://{parts.hostname}:{port}"
    async with httpx.AsyncClient(base_url=args.base_url, timeout=30) as client:
        response = await client.get("/api/v1/demo-cards")
        response.raise_for_status()
        cards = [c["card_id"] for c in response.json() if not c.get("locked")]
    idle = memory(server_processes(port, args.server_pid))
    load_at_start = [round(x, 2) for x in os.getloadavg()]  # the machine may be shared: say how busy it was
    # Server CPU per event does not depend on how busy other programs keep the machine, latency does.
    cpu_before = cpu_seconds(server_processes(port, args.server_pid))
    redis_before = redis_figures(args.redis_url, [])
    offset = log_lines(args.server_log)

    tally = Tally()
    peak: dict[str, Any] = {}
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(port, args.server_pid, peak, stop))
    started = time.monotonic()
    stop_at = started + args.duration
    ramp = min(args.ramp, args.duration / 3)
    tasks = []
    killer = asyncio.create_task(kill_a_worker(args, port, started)) if args.kill_worker_at else None
    for index in range(args.sessions):
        # Residents arrive over the ramp rather than in one burst, as tabs do.
        await asyncio.sleep(ramp / args.sessions)
        tasks.append(asyncio.create_task(resident_journey(
            ws_url, cards[index % len(cards)], tally, stop_at, (args.think_min, args.think_max), args.event_timeout)))
    _done, pending = await asyncio.wait(tasks, timeout=max(1.0, stop_at - time.monotonic()) + args.event_timeout + 5)
    for task in pending:
        task.cancel()
        tally.error("still running at the end (cancelled)")
    await asyncio.gather(*pending, return_exceptions=True)
    elapsed = time.monotonic() - started
    killed = await killer if killer else None
    cpu_used = cpu_seconds(server_processes(port, args.server_pid)) - cpu_before
    stop.set()
    await sampler
    redis_after = redis_figures(args.redis_url, tally.tokens)
    problems = log_problems(args.server_log, offset)

    every = [v for values in tally.latencies.values() for v in values]
    idle_pss = sum(r["pss_mb"] for r in idle)
    return {
        "base_url": args.base_url, "sessions": args.sessions, "duration_s": args.duration,
        "elapsed_s": round(elapsed, 1), "think_s": [args.think_min, args.think_max],
        "events": tally.events, "events_per_s": round(tally.events / elapsed, 1),
        "server_cpu_s": round(cpu_used, 1), "server_cpu_ms_per_event": round(1000 * cpu_used / max(1, tally.events), 1),
        "residents_completed": tally.residents_done, "reconnects": tally.reconnects, "killed_worker": killed,
        "load_average_at_start": load_at_start,
        "latency_ms": {"all": _summary(every), **{k: _summary(v) for k, v in sorted(tally.latencies.items())}},
        "errors": tally.errors, "server_log": problems,
        "memory_idle": idle, "memory_peak": peak.get("rows", []),
        "pss_idle_total_mb": round(idle_pss, 1), "pss_peak_total_mb": round(peak.get("pss_total_mb", 0), 1),
        "pss_per_session_mb": round((peak.get("pss_total_mb", 0) - idle_pss) / args.sessions, 3),
        "redis": {"before": redis_before, "after": redis_after,
                  "used_memory_per_session": (redis_after["used_memory"] - redis_before["used_memory"]) / args.sessions
                  if redis_after else None},
    }  # fmt: skip


def _summary(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    return {"n": len(values), "p50": round(percentile(values, 0.5), 1), "p95": round(percentile(values, 0.95), 1),
            "max": round(max(values), 1)}


def report(result: dict[str, Any]) -> None:
    print(f"{result['sessions']} residents, {result['elapsed_s']} s, {result['events']} events "
          f"({result['events_per_s']}/s), {result['residents_completed']} residents ran to the end, "
          f"{result['reconnects']} reconnects; load average at start {result['load_average_at_start']}")
    print(f"server CPU {result['server_cpu_s']} s, {result['server_cpu_ms_per_event']} ms per event")
    print(f"{'event':12} {'n':>6} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}")
    for kind, row in result["latency_ms"].items():
        if row["n"]:
            print(f"{kind:12} {row['n']:6d} {row['p50']:9.1f} {row['p95']:9.1f} {row['max']:9.1f}")
    if result["killed_worker"]:
        print("killed worker:", result["killed_worker"])
    print("errors:", result["errors"] or "none", "| server log:", result["server_log"] or "not read")
    for label, rows in (("idle", result["memory_idle"]), ("peak", result["memory_peak"])):
        print(f"memory {label}: " + ", ".join(f"{r['pid']}: rss {r['rss_mb']:.0f} pss {r['pss_mb']:.0f} "
                                              f"uss {r['uss_mb']:.0f} MB" for r in rows))  # fmt: skip
    print(f"PSS total idle {result['pss_idle_total_mb']} MB, peak {result['pss_peak_total_mb']} MB, "
          f"per session {result['pss_per_session_mb']} MB")
    redis_row = result["redis"]
    if redis_row["after"]:
        print(f"redis: used_memory per session {redis_row['used_memory_per_session']:.0f} B, keys of a session "
              f"{redis_row['after']['key_bytes_per_session']} B (MEMORY USAGE), keys {redis_row['after']['keys']}")


@contextlib.contextmanager
def started_portal(workers: int | None, port: int | None = None, redis_port: int | None = None
                   ) -> Iterator[tuple[str, int, str, Path]]:
    """Redis (production settings) and `python -m rxapp.serve` on free loopback ports, own data and web folders."""
    from rxapp import prod_redis

    data = Path(tempfile.mkdtemp(prefix="minna-load-"))
    redis_port, port = redis_port or free_port(), port or free_port()
    stack = contextlib.ExitStack()
    stack.callback(shutil.rmtree, data, True)
    stack.callback(prod_redis.stop, redis_port)  # runs first: Redis stops before its folder goes
    try:
        prod_redis.start(redis_port, data / "redis")
    except BaseException:
        stack.close()
        raise
    with stack:
        redis_url = f"redis://127.0.0.1:{redis_port}"
        log = data / "portal.log"
        env = {**os.environ, "REFLEX_REDIS_URL": redis_url, "PORTAL_API_URL": f"http://127.0.0.1:{port}",
               "PORTAL_DATA_DIR": str(data), "REFLEX_WEB_WORKDIR": str(ROOT / ".web-bench-load"),
               "REFLEX_STATES_WORKDIR": str(data / "states"), "REFLEX_USE_SYSTEM_BUN": "1",
               "REFLEX_TELEMETRY_ENABLED": "false",
               "PATH": f"{ROOT / '.tools/node_modules/.bin'}:{Path(sys.executable).parent}:{os.environ['PATH']}"}  # fmt: skip
        command = [sys.executable, "-m", "rxapp.serve", "--port", str(port), "--host", "127.0.0.1"]
        if workers:
            command += ["--workers", str(workers)]
        with log.open("wb") as out:
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                       start_new_session=True)  # fmt: skip
        yield from _serve_until_done(process, port, redis_url, log)


def _serve_until_done(process: subprocess.Popen[bytes], port: int, redis_url: str, log: Path
                      ) -> Iterator[tuple[str, int, str, Path]]:
    from rxapp.devserver import stop_process_group

    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 900  # a first build installs the frontend packages
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the portal exited:\n{log.read_text()[-3000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{base}/_minna/health", timeout=5).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError(f"the portal did not become healthy:\n{log.read_text()[-3000:]}")
            time.sleep(1)
        print(f"portal {base} (supervisor {process.pid}), Redis {redis_url}, log {log}")
        yield base, process.pid, redis_url, log
    finally:
        stop_process_group(process, timeout=30)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8080")
    parser.add_argument("--start", action="store_true",
                        help="start Redis and a production portal on free ports for the run, stop them after")
    parser.add_argument("--workers", type=int, default=None, help="with --start: worker count (default: rxapp.serve's)")
    parser.add_argument("--port", type=int, default=None, help="with --start: the portal's port (default: a free one)")
    parser.add_argument("--redis-port", type=int, default=None, help="with --start: Redis's port (default: a free one)")
    parser.add_argument("--sessions", default="50", help="concurrent residents, one level or several: 50,200,500")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load per level (at most 90)")
    parser.add_argument("--ramp", type=float, default=15.0, help="seconds over which residents arrive")
    parser.add_argument("--think-min", type=float, default=1.0)
    parser.add_argument("--think-max", type=float, default=4.0)
    parser.add_argument("--event-timeout", type=float, default=30.0)
    parser.add_argument("--redis-url", default=None, help="the portal's REFLEX_REDIS_URL, for bytes per session")
    parser.add_argument("--server-pid", type=int, default=None, help="the server's supervisor (else: the port's listeners)")
    parser.add_argument("--server-log", default=None, help="the server's log, to count lock expiries and errors")
    parser.add_argument("--kill-worker-at", type=float, default=None,
                        help="SIGKILL one server worker this many seconds into the run")
    parser.add_argument("--label", default="", help="suffix of the results file (before, after)")
    args = parser.parse_args()
    levels = [int(level) for level in str(args.sessions).split(",") if level.strip()]
    if not levels or not all(1 <= level <= 1000 for level in levels) or not 1 <= args.duration <= 90:
        raise SystemExit("--sessions 1..1000 each and --duration 1..90 s: keep every run bounded")
    with contextlib.ExitStack() as stack:
        if args.start:
            args.base_url, args.server_pid, args.redis_url, log = stack.enter_context(
                started_portal(args.workers, args.port, args.redis_port))
            args.server_log = str(log)
        for level in levels:
            args.sessions = level
            result = asyncio.run(run(args))
            report(result)
            RESULTS.mkdir(exist_ok=True)
            name = f"load-{level}{'-' + args.label if args.label else ''}.json"
            (RESULTS / name).write_text(json.dumps(result, indent=2, ensure_ascii=False))
            print(f"written: {RESULTS / name}")


if __name__ == "__main__":
    sys.exit(main())
