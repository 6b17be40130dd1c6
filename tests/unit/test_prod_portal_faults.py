"""The real production portal under faults: a killed worker is respawned, a Redis restart keeps a session.

Slow (the production build alone takes a minute or more), so not part of `make test`: run it with
MINNA_PROD_TESTS=1 .venv/bin/python -m pytest tests/unit/test_prod_portal_faults.py
tests/unit/test_prod_resilience.py checks the same pieces in seconds; this checks them assembled: the portal
as `make run-prod` starts it (rxapp/serve.py, rxapp/prod_redis.py) and a resident speaking the browser's
protocol (bench/bench_load.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import psutil
import pytest

from rxapp import prod_redis

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # bench/ is scripts, not an installed package

from bench.bench_faults import sign_in_all, still_signed_in
from bench.bench_load import Tally, started_portal
from tests.unit.async_run import run_coroutine

pytestmark = [
    pytest.mark.prod,
    pytest.mark.skipif(os.environ.get("MINNA_PROD_TESTS") != "1", reason="slow: set MINNA_PROD_TESTS=1"),
]


@pytest.fixture(scope="module")
def portal() -> Iterator[tuple[str, int, str, Path]]:
    # Free ports unless given (a shared machine may reserve a range per user).
    port, redis_port = os.environ.get("MINNA_PROD_TEST_PORT"), os.environ.get("MINNA_PROD_TEST_REDIS_PORT")
    with started_portal(2, int(port) if port else None, int(redis_port) if redis_port else None) as running:
        yield running


def _redis_port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


def _signed_in_after(base: str, fault: object) -> dict[str, int]:
    async def scenario() -> dict[str, int]:
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            cards = [c["card_id"] for c in (await client.get("/api/v1/demo-cards")).json() if not c.get("locked")]
        residents = await sign_in_all(base.replace("http://", "ws://"), cards, 6, Tally())
        fault()  # type: ignore[operator]
        outcome = await still_signed_in(residents)
        for resident in residents:
            await resident.close()
        return outcome

    return run_coroutine(scenario())


def test_a_redis_restart_keeps_residents_signed_in(portal: tuple[str, int, str, Path]) -> None:
    base, _pid, redis_url, _log = portal
    port = _redis_port(redis_url)
    def restart() -> None:
        answer = subprocess.run(["redis-cli", "-p", str(port), "config", "get", "dir"], capture_output=True,
                                text=True, check=True).stdout.split()  # fmt: skip
        prod_redis.stop(port)
        prod_redis.start(port, Path(answer[1]))

    assert _signed_in_after(base, restart) == {"signed in": 6, "sent to sign-in": 0, "no answer": 0}


def test_a_killed_worker_is_respawned_and_its_residents_stay_signed_in(portal: tuple[str, int, str, Path]) -> None:
    base, supervisor, _redis_url, _log = portal
    before = [p.pid for p in psutil.Process(supervisor).children()]

    def kill_a_worker() -> None:
        os.kill(before[0], signal.SIGKILL)

    outcome = _signed_in_after(base, kill_a_worker)
    deadline = time.monotonic() + 20
    while True:
        after = [p.pid for p in psutil.Process(supervisor).children()]
        if len(after) == len(before) and before[0] not in after:
            break
        assert time.monotonic() < deadline, f"no replacement for worker {before[0]}: {after}"
        time.sleep(0.5)
    assert outcome == {"signed in": 6, "sent to sign-in": 0, "no answer": 0}
    assert httpx.get(f"{base}/_minna/health", timeout=10).json()["status"] == "ok"
