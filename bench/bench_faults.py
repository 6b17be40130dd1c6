"""Faults under a few signed-in residents: a Redis restart, a Redis crash, a killed worker. Who stays signed in?

    .venv/bin/python bench/bench_faults.py --base-url http://127.0.0.1:8080 --redis-port 6390 --server-pid PID \
        [--residents 20] [--redis-dir var/redis]

Residents (bench_load.Resident: the browser's Socket.IO protocol) sign in and open /ja/mypage. Then, one
fault at a time: Redis is shut down and started again (rxapp.prod_redis, the production settings); Redis is
SIGKILLed two seconds after the residents' last write and started again; one server worker is SIGKILLed.
After each, every resident does what state.js does when its socket drops or its next event fails: a new
socket with the same token and a full hydrate of the page it is on. A resident sent to /sign-in by that
hydrate lost its session. Prints, per fault, how many residents are still signed in and the server's
health answer. Loopback only; a few seconds per fault.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import signal
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_load import (
    DEMO_PIN,
    DROPPED,
    ON_LOAD,
    Resident,
    Signedout,
    Tally,
    _hydrated,
    check_loopback,
)
from rxapp import prod_redis

RESULTS = Path(__file__).resolve().parent / "results"


async def sign_in_all(ws_url: str, cards: list[str], count: int, tally: Tally) -> list[Resident]:
    residents = []
    for index in range(count):
        card = cards[index % len(cards)]
        resident = Resident(ws_url, card, tally, timeout=30)
        await resident.open("/ja/sign-in/")
        form = {"form": {"__reflex_form_data__": [["card", card], ["pin", DEMO_PIN]]}}
        target = await resident.sign_in(form)
        if "/mypage" not in target:
            raise RuntimeError(f"sign-in refused for {card}: {target}")
        await resident.event("on_load", ON_LOAD, {}, "/ja/mypage", _hydrated)
        residents.append(resident)
    return residents


async def still_signed_in(residents: list[Resident]) -> dict[str, int]:
    """Each resident reconnects (same token) and rehydrates /ja/mypage; count the outcomes."""
    outcome = {"signed in": 0, "sent to sign-in": 0, "no answer": 0}
    for resident in residents:
        await resident.close()
        for attempt in range(10):
            try:
                await resident.open("/ja/mypage")
                outcome["signed in"] += 1
                break
            except Signedout:
                outcome["sent to sign-in"] += 1
                break
            except (*DROPPED, TimeoutError):
                await resident.close()
                await asyncio.sleep(0.5 * (attempt + 1))
        else:
            outcome["no answer"] += 1
    return outcome


async def health(base_url: str) -> Any:
    with contextlib.suppress(httpx.HTTPError):
        async with httpx.AsyncClient(timeout=5) as client:
            response = await client.get(f"{base_url}/_minna/health")
            return response.status_code, response.json()
    return None


async def wait_health(base_url: str, timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        answer = await health(base_url)
        if answer and answer[0] == 200:
            return answer
        await asyncio.sleep(0.5)
    return await health(base_url)


def redis_pid(port: int) -> int | None:
    for proc in psutil.process_iter(["name", "cmdline"]):
        cmdline = " ".join(proc.info["cmdline"] or [])
        if "redis-server" in cmdline and f":{port}" in cmdline:
            return proc.pid
    return None


async def run(args: argparse.Namespace) -> dict[str, Any]:
    parts = urlsplit(args.base_url)
    check_loopback(parts.hostname or "")
    ws_url = f"ws://{parts.hostname}:{parts.port or 80}"
    async with httpx.AsyncClient(base_url=args.base_url, timeout=30) as client:
        cards = [c["card_id"] for c in (await client.get("/api/v1/demo-cards")).json() if not c.get("locked")]
    tally = Tally()
    residents = await sign_in_all(ws_url, cards, args.residents, tally)
    results: dict[str, Any] = {"residents": len(residents)}

    # 1. A clean Redis restart (an upgrade, a reboot): SHUTDOWN fsyncs the append-only file.
    prod_redis.stop(args.redis_port)
    down = await health(args.base_url)
    prod_redis.start(args.redis_port, Path(args.redis_dir))
    results["redis restart"] = {"health while down": down, "health after": await wait_health(args.base_url),
                                "residents": await still_signed_in(residents)}  # fmt: skip

    # 2. A Redis crash: SIGKILL, no shutdown; everysec fsync keeps what is older than a second.
    await asyncio.sleep(2)
    if (pid := redis_pid(args.redis_port)) is not None:
        psutil.Process(pid).send_signal(signal.SIGKILL)
        await asyncio.sleep(0.5)
    prod_redis.start(args.redis_port, Path(args.redis_dir))
    results["redis crash"] = {"health after": await wait_health(args.base_url),
                              "residents": await still_signed_in(residents)}  # fmt: skip

    # 3. A worker killed (OOM killer, a crash): its sockets drop, the supervisor forks a new one.
    root = psutil.Process(args.server_pid)
    workers = root.children()
    victim = workers[0]
    victim.send_signal(signal.SIGKILL)
    await asyncio.sleep(6)
    after = [p.pid for p in root.children()]
    results["worker killed"] = {"killed": victim.pid, "workers before": [p.pid for p in workers],
                                "workers after": after, "health after": await wait_health(args.base_url),
                                "residents": await still_signed_in(residents)}  # fmt: skip
    for resident in residents:
        await resident.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8080")
    parser.add_argument("--redis-port", type=int, default=6390)
    parser.add_argument("--redis-dir", default="var/redis")
    parser.add_argument("--server-pid", type=int, required=True, help="the portal's supervisor process")
    parser.add_argument("--residents", type=int, default=20)
    args = parser.parse_args()
    if not 1 <= args.residents <= 200:
        raise SystemExit("--residents 1..200")
    results = asyncio.run(run(args))
    print(json.dumps(results, indent=2, ensure_ascii=False))
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "faults.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
