"""Resident-journey benchmark: page weight and hydration time of the sign-in, home and data pages.

    .venv/bin/python bench/bench_journeys.py [--runs 10]

Reuses bench_pages' measurements (first-load bytes from CDP, time to the first state message over the
websocket) and the shared launcher (rxapp.devserver.running_portal). Signed-in pages are measured in a tab
that signed in first (the session lives in server state keyed by the tab), with the HTTP cache disabled, so
each load transfers the page in full; "data ready" is the time until the page's own data is on screen.
Writes bench/results/journeys.json. Reports numbers; never fails on a slow machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

# Run as a script (python bench/bench_journeys.py): the repository root is needed on the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.bench_pages import (
    BUDGET_BYTES,
    BUDGET_HYDRATE_MS,
    CHROMIUM_ARGS,
    HYDRATION_PROBE,
    first_load_bytes,
    hydration_ms,
    sign_in,
    signed_in_load,
)
from rxapp.devserver import running_portal

RESULTS = Path(__file__).resolve().parent / "results"
PUBLIC = [("ja", "sign-in", "input[name='card']"), ("ja", "statistics", "#registrations-chart"),
          ("en", "contact", "#contact-options")]  # fmt: skip
SIGNED_IN = [
    ("mypage", "#menu-title"),
    ("my-info", ".info-item"),
    ("access-records", ".record"),
    ("notices", ".notice"),
    ("disclosure", "#disclosure-form"),
    ("proxies", "#appointed-title"),
    ("external-services", ".service-card"),
    ("activity", "#activity-table"),
]
def measure_signed_in(browser: Browser, base: str, runs: int) -> list[dict[str, object]]:
    context = browser.new_context()
    context.add_init_script(HYDRATION_PROBE)
    page = context.new_page()
    sign_in(page, base, "ja")
    rows = []
    for slug, ready in SIGNED_IN:
        samples = [signed_in_load(page, f"{base}/ja/{slug}", ready) for _ in range(runs)]
        rows.append({
            "page": f"/ja/{slug}", "signed_in": True,
            "first_load_bytes": samples[0][0], "requests": samples[0][1],
            "hydrated_ms_median": round(statistics.median(s[2] for s in samples), 1),
            "data_ready_ms_median": round(statistics.median(s[3] for s in samples), 1),
        })  # fmt: skip
    context.close()
    return rows


def measure_public(browser: Browser, base: str, runs: int) -> list[dict[str, object]]:
    rows = []
    for locale, slug, _ in PUBLIC:
        url = f"{base}/{locale}/{slug}"
        size, requests = first_load_bytes(browser, url)
        samples = hydration_ms(browser, url, runs)
        rows.append({"page": f"/{locale}/{slug}", "signed_in": False, "first_load_bytes": size,
                     "requests": requests, "hydrated_ms_median": round(statistics.median(samples), 1),
                     "data_ready_ms_median": None})  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with running_portal(".web-bench-journeys") as (base, _process), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        hydration_ms(browser, f"{base}/ja/", 2)  # warm the server
        rows = measure_public(browser, base, args.runs) + measure_signed_in(browser, base, args.runs)
        browser.close()
    print(f"{'page':28} {'first load':>11} {'req':>4} {'hydrated p50':>13} {'data ready p50':>15}")
    for row in rows:
        size, hydrated = int(row["first_load_bytes"]), float(row["hydrated_ms_median"])  # type: ignore[arg-type]
        ready = row["data_ready_ms_median"]
        flag = " " if size <= BUDGET_BYTES and hydrated <= BUDGET_HYDRATE_MS else "!"
        ready_text = f"{ready:13.1f}ms" if ready is not None else f"{'—':>15}"
        print(f"{row['page']:28} {size / 1024:9.1f}KB {row['requests']:4d} {hydrated:11.1f}ms {ready_text} {flag}")
    print(f"budgets (bench_pages): first load ≤ {BUDGET_BYTES // 1024} KB, hydrated ≤ {BUDGET_HYDRATE_MS:.0f} ms")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "journeys.json").write_text(json.dumps({"runs": args.runs, "pages": rows}, indent=2))


if __name__ == "__main__":
    main()
