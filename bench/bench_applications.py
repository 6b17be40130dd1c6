"""Application benchmark: page weight of the procedure pages and of every step of an application.

    .venv/bin/python bench/bench_applications.py [--base-url http://127.0.0.1:3601]

Public pages (search, detail) are measured as bench_pages measures them (first load, fresh context, its
`first_load_bytes`). A signed-in application is measured step by step: the bytes Chromium receives between
pressing Continue and the next step's heading getting focus (route data, websocket frames), plus the first load of
the form. Without --base-url a production portal is started (bench_pages' `running_portal`).
Writes bench/results/applications.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import CDPSession, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.bench_pages import CHROMIUM_ARGS, RESULTS, first_load_bytes
from rxapp.devserver import running_portal
from tests.browser.apply_helpers import press, sign_in, wait_step


class Meter:
    """Bytes received (HTTP bodies and websocket frames) since the last `take()`."""

    def __init__(self, cdp: CDPSession) -> None:
        self.total = 0
        cdp.send("Network.enable")
        cdp.on("Network.loadingFinished", lambda e: self._add(int(e.get("encodedDataLength", 0))))
        cdp.on("Network.webSocketFrameReceived", lambda e: self._add(len(e["response"].get("payloadData", ""))))

    def _add(self, n: int) -> None:
        self.total += n

    def take(self) -> int:
        value, self.total = self.total, 0
        return value


@contextlib.contextmanager
def portal(base_url: str | None) -> Iterator[str]:
    if base_url:
        yield base_url.rstrip("/")
        return
    with running_portal(".web-bench", {"PORTAL_DEMO_TEST_HOOKS": "1"}) as (base, _process):
        yield base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url")
    args = parser.parse_args()
    rows: list[dict[str, object]] = []
    with portal(args.base_url) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for path in ("/ja/procedures", "/en/procedures?q=baby", "/ja/procedures/child-allowance"):
            size, requests = first_load_bytes(browser, base + path)
            rows.append({"page": path, "bytes": size, "requests": requests})
        # Moving out, in English (grouped pages): Paulo's household is pre-filled, the date and address typed.
        context = browser.new_context()
        page = context.new_page()
        meter = Meter(context.new_cdp_session(page))
        sign_in(page, base, "en", "paulo", "/en/apply/moving-out")
        wait_step(page, "g-move")
        rows.append({"page": "sign-in + /en/apply/moving-out (first load)", "bytes": meter.take()})
        started = time.monotonic()
        for name, value in (("move_date-day", "15"), ("move_date-month", "12"), ("move_date-year", "2026")):
            page.fill(f"#answer-{name}", value)
        steps = [("g-address", None), ("g-people", None), ("check", None), ("done", "send-button")]
        for step, button in steps:
            if step == "g-people":
                page.fill("#answer-new_postal_code", "430-0901")
                page.fill("#answer-new_address", "Hamamatsu")
            meter.take()
            t0 = time.monotonic()
            press(page, button or "continue-button")
            wait_step(page, step)
            page.wait_for_timeout(300)
            rows.append({"page": f"step → {step}", "bytes": meter.take(), "ms": round((time.monotonic() - t0) * 1000)})
        rows.append({"page": "moving out, whole form", "ms": round((time.monotonic() - started) * 1000)})
        context.close()
        browser.close()
    for row in rows:
        size = f"{int(row['bytes']) / 1024:8.1f} KB" if "bytes" in row else " " * 11
        ms = f"{row['ms']:6d} ms" if "ms" in row else ""
        print(f"{row['page']:48} {size} {ms}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "applications.json").write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
