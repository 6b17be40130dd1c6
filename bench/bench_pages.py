"""Page benchmark: first-load bytes, time to hydrated state, backend memory per session.

    make bench        (or: .venv/bin/python bench/bench_pages.py [--runs 20] [--sessions 50])

Builds and starts the production app on a free port, then for every page (Japanese, plus one page in
each other locale; the resident pages in a tab that signed in first, with the HTTP cache off) measures in one run:
- first-load transfer: compressed bytes as Chromium receives them (CDP encodedDataLength), fresh context;
- time from navigation start to the hydrated state: the first state message over the websocket
  (median of N fresh browser contexts);
- backend memory per connected session: RSS growth of the server's process tree with S tabs open.
Prints a table, writes bench/results/pages.json. Never fails on a slow machine: budgets are reported.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import psutil
from playwright.sync_api import Browser, CDPSession, Page, sync_playwright

from rxapp.devserver import running_portal
from rxapp.i18n import shipped_locales
from rxapp.pages import PAGES

RESULTS = Path(__file__).resolve().parent / "results"
BUDGET_BYTES = 150 * 1024
BUDGET_HYDRATE_MS = 400.0
BUDGET_SESSION_MB = 0.3
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# Records when the first websocket message (the hydrate delta) arrives, relative to navigation start.
HYDRATION_PROBE = """
(() => {
  const Native = window.WebSocket;
  window.__minnaHydratedAt = null;
  window.WebSocket = function (...args) {
    const socket = new Native(...args);
    socket.addEventListener("message", () => {
      if (window.__minnaHydratedAt === null) window.__minnaHydratedAt = performance.now();
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})();
"""


def count_transfer(cdp: CDPSession) -> dict[str, int]:
    """Counts, from now on, the compressed bytes and requests the page receives (CDP encodedDataLength)."""
    cdp.send("Network.enable")
    total = {"bytes": 0, "requests": 0}

    def finished(event: dict) -> None:
        total["bytes"] += int(event.get("encodedDataLength", 0))
        total["requests"] += 1

    cdp.on("Network.loadingFinished", finished)
    return total


def first_load_bytes(browser: Browser, url: str) -> tuple[int, int]:
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    total = count_transfer(cdp)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    context.close()
    return total["bytes"], total["requests"]


def hydration_ms(browser: Browser, url: str, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        context = browser.new_context()
        context.add_init_script(HYDRATION_PROBE)
        page = context.new_page()
        page.goto(url, wait_until="commit")
        page.wait_for_function("window.__minnaHydratedAt !== null", timeout=20_000)
        samples.append(float(page.evaluate("window.__minnaHydratedAt")))
        context.close()
    return samples


CARD = "card-sato-haru"  # a demo resident


def sign_in(page: Page, base: str, locale: str) -> None:
    page.goto(f"{base}/{locale}/sign-in")
    page.check(f"input[value='{CARD}']")
    page.fill("#pin", "1234")
    page.press("#pin", "Enter")
    page.wait_for_url("**/mypage**", timeout=30_000)


def signed_in_load(page: Page, url: str, ready: str) -> tuple[int, int, float, float]:
    """(bytes, requests, hydrated ms, data-ready ms) of one uncached full load in a signed-in tab."""
    cdp = page.context.new_cdp_session(page)
    total = count_transfer(cdp)
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    page.goto(url, wait_until="commit")
    page.wait_for_function("window.__minnaHydratedAt !== null", timeout=30_000)
    page.wait_for_selector(ready, timeout=30_000)
    ready_ms = float(page.evaluate("performance.now()"))
    hydrated = float(page.evaluate("window.__minnaHydratedAt"))
    page.wait_for_timeout(300)
    cdp.detach()
    return total["bytes"], total["requests"], hydrated, ready_ms


def measure_signed_in_pages(browser: Browser, base: str, slugs: list[str], runs: int) -> list[dict[str, object]]:
    """Every resident page, loaded in full (HTTP cache off) in a tab that signed in first: the session lives in
    server state keyed by the tab, so a fresh context would only see the sign-in page."""
    context = browser.new_context()
    context.add_init_script(HYDRATION_PROBE)
    page = context.new_page()
    sign_in(page, base, "ja")
    rows = []
    for slug in slugs:
        samples = [signed_in_load(page, f"{base}/ja/{slug}", "main#main") for _ in range(runs)]
        rows.append({
            "page": f"/ja/{slug}", "signed_in": True, "first_load_bytes": samples[0][0], "requests": samples[0][1],
            "hydrated_ms_median": round(statistics.median(s[2] for s in samples), 1),
            "hydrated_ms_p90": round(sorted(s[2] for s in samples)[max(0, int(len(samples) * 0.9) - 1)], 1),
        })
    context.close()
    return rows


def tree_rss(process: psutil.Process) -> int:
    procs = [process, *process.children(recursive=True)]
    total = 0
    for proc in procs:
        try:
            if "bun" in proc.name() or "node" in proc.name():
                continue  # no frontend server in prod mode; be explicit anyway
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def memory_per_session(browser: Browser, base: str, pid: int, sessions: int) -> float:
    server = psutil.Process(pid)
    context = browser.new_context()
    warm = context.new_page()
    warm.goto(f"{base}/ja/", wait_until="networkidle")
    time.sleep(1)
    before = tree_rss(server)
    pages = []
    for _ in range(sessions):
        page = context.new_page()
        page.add_init_script(HYDRATION_PROBE)
        page.goto(f"{base}/ja/", wait_until="commit")
        pages.append(page)
    for page in pages:
        page.wait_for_function("window.__minnaHydratedAt !== null", timeout=60_000)
    time.sleep(2)
    after = tree_rss(server)
    context.close()
    return (after - before) / sessions / (1024 * 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--sessions", type=int, default=50)
    args = parser.parse_args()
    other_locales = [loc.code for loc in shipped_locales() if loc.code != "ja" and not loc.pseudo]
    targets = [("ja", spec.slug) for spec in PAGES if not spec.signed_in]
    targets += [(code, "") for code in other_locales]
    rows = []
    with running_portal(".web-bench") as (base, process), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        hydration_ms(browser, f"{base}/ja/", 2)  # warm the server's caches
        for code, slug in targets:
            url = f"{base}/{code}/{slug}"
            size, requests = first_load_bytes(browser, url)
            samples = hydration_ms(browser, url, args.runs)
            rows.append({
                "page": f"/{code}/{slug}", "first_load_bytes": size, "requests": requests,
                "hydrated_ms_median": round(statistics.median(samples), 1),
                "hydrated_ms_p90": round(sorted(samples)[int(len(samples) * 0.9) - 1], 1),
            })
        signed_in = [spec.slug for spec in PAGES if spec.signed_in]
        rows += measure_signed_in_pages(browser, base, signed_in, args.runs)
        per_session = memory_per_session(browser, base, process.pid, args.sessions)
        browser.close()
    names = [f"{row['page']} (signed in)" if row.get("signed_in") else str(row["page"]) for row in rows]
    width = max(len(name) for name in names)
    print(f"{'page':{width}} {'first load':>11} {'req':>4} {'hydrated p50':>13} {'p90':>8}")
    for name, row in zip(names, rows, strict=True):
        flag = " " if row["first_load_bytes"] <= BUDGET_BYTES and row["hydrated_ms_median"] <= BUDGET_HYDRATE_MS else "!"
        print(f"{name:{width}} {row['first_load_bytes'] / 1024:9.1f}KB {row['requests']:4d} "
              f"{row['hydrated_ms_median']:11.1f}ms {row['hydrated_ms_p90']:6.1f}ms {flag}")
    print(f"backend memory per session ({args.sessions} open): {per_session:.3f} MB "
          f"(budget {BUDGET_SESSION_MB} MB)")
    print(f"budgets: first load ≤ {BUDGET_BYTES // 1024} KB, hydrated ≤ {BUDGET_HYDRATE_MS:.0f} ms; ! marks a miss")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "pages.json").write_text(json.dumps(
        {"runs": args.runs, "sessions": args.sessions, "pages": rows, "memory_per_session_mb": per_session},
        indent=2))


if __name__ == "__main__":
    main()
