"""Adapter overhead: p50/p95 latency of PortalClient.get_profile vs raw httpx on the same endpoint.

Starts the demo backend on a free port (temporary data dir), runs both in the same process and
loop, interleaving rounds so drift affects both alike; prints a table and writes
bench/results/adapter.json. Usage: .venv/bin/python bench/bench_adapter.py [--requests 500]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rxapp.api.client import PortalClient  # noqa: E402 - after the repo is importable
from rxapp.api.settings import ApiSettings  # noqa: E402


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(data_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "PORTAL_DATA_DIR": str(data_dir)}
    proc = subprocess.Popen([sys.executable, "-m", "rxapp.backend", "serve", "--port", str(port)], cwd=REPO,
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("backend did not start")


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _summary(samples: list[float]) -> dict[str, float]:
    ms = [s * 1000 for s in samples]
    return {"n": len(ms), "p50_ms": round(_percentile(ms, 0.50), 3), "p95_ms": round(_percentile(ms, 0.95), 3),
            "mean_ms": round(statistics.fmean(ms), 3), "max_ms": round(max(ms), 3)}  # fmt: skip


async def _measure(url: str, requests: int, warmup: int) -> dict[str, dict[str, float]]:
    adapter = PortalClient(ApiSettings(api_url=url))
    session = await adapter.sign_in("card-nguyen-van-an", "1234")
    raw = httpx.AsyncClient(base_url=f"{url}/api/v1", headers={"Authorization": f"Bearer {session.token}"},
                            trust_env=False)  # fmt: skip

    async def via_adapter() -> None:
        await adapter.get_profile(session.token)

    async def via_raw() -> None:
        response = await raw.get("/profile")
        response.raise_for_status()
        response.json()

    runners: dict[str, Callable[[], Awaitable[None]]] = {"adapter get_profile": via_adapter,
                                                          "raw httpx GET /profile": via_raw}  # fmt: skip
    samples: dict[str, list[float]] = {name: [] for name in runners}
    for fn in runners.values():
        for _ in range(warmup):
            await fn()
    for _ in range(requests):  # interleaved, one of each per round
        for name, fn in runners.items():
            start = time.perf_counter()
            await fn()
            samples[name].append(time.perf_counter() - start)
    await raw.aclose()
    await adapter.aclose()
    return {name: _summary(values) for name, values in samples.items()}


def main() -> int:
    """Run the benchmark and report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "adapter.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        proc, url = _start(Path(tmp))
        try:
            results = asyncio.run(_measure(url, args.requests, args.warmup))
        finally:
            proc.terminate()
            proc.wait(timeout=10)

    adapter, raw = results["adapter get_profile"], results["raw httpx GET /profile"]
    overhead = {"p50_ms": round(adapter["p50_ms"] - raw["p50_ms"], 3),
                "p95_ms": round(adapter["p95_ms"] - raw["p95_ms"], 3)}  # fmt: skip
    print(f"{'client':<26}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'mean ms':>10}{'max ms':>10}")
    for name, r in results.items():
        print(
            f"{name:<26}{r['n']:>6}{r['p50_ms']:>10.3f}{r['p95_ms']:>10.3f}{r['mean_ms']:>10.3f}{r['max_ms']:>10.3f}"
        )
    print(f"adapter overhead: p50 {overhead['p50_ms']:+.3f} ms, p95 {overhead['p95_ms']:+.3f} ms")

    args.out.parent.mkdir(parents=True, exist_ok=True)
    report = {"benchmark": "adapter_vs_raw_httpx", "endpoint": "GET /api/v1/profile", "results": results,
              "adapter_overhead": overhead, "python": platform.python_version(), "cpus": os.cpu_count(),
              "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}  # fmt: skip
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(REPO) if args.out.is_relative_to(REPO) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
