"""Languages benchmark: build time as locales are added, furigana cost, and the latency of a language switch.

    .venv/bin/python bench/bench_i18n.py [--runs 50] [--skip-export]

1. Export time (`reflex export --frontend-only`) with 1, 4 and 6 locales (PORTAL_LOCALES / PORTAL_PSEUDO_LOCALES),
   from its own web folder (.web-bench-i18n), once each after a warm-up build.
2. Furigana at build time: Janome load + readings for every ja and ja-easy catalog string (cold and cached), and
   the share of building every page's component tree that it takes.
3. Language switch: click in the picker until the new language's h1 is in the DOM and a frame has passed, on
   loopback, median of N. "cold": a fresh browser context each time, so the new route's code is not loaded yet;
   "warm": back and forth in one tab. Budget: < 150 ms.
Prints a table and writes bench/results/i18n.json. Never fails on a slow machine: budgets are reported.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from rxapp.devserver import running_portal
from rxapp.i18n import T

ROOT = Path(__file__).resolve().parents[1]

RESULTS = ROOT / "bench" / "results"
WEB_DIR = ".web-bench-i18n"
BUDGET_SWITCH_MS = 150.0
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCALE_SETS = {
    1: {"PORTAL_LOCALES": "ja", "PORTAL_PSEUDO_LOCALES": "0"},
    4: {"PORTAL_LOCALES": "ja,ja-easy,en,ar", "PORTAL_PSEUDO_LOCALES": "0"},
    6: {"PORTAL_LOCALES": "", "PORTAL_PSEUDO_LOCALES": "1"},
}

# Clicks a picker link and resolves with the milliseconds until the new h1 text is in the DOM and the next
# animation frame has started (the text is on screen by then).
SWITCH = """
(args) => new Promise((resolve, reject) => {
  const link = document.querySelector(`#language-picker a[data-locale="${args.code}"]`);
  if (!link) { reject(new Error("no picker link for " + args.code)); return; }
  let start = 0, done = false;
  const check = () => {
    const h1 = document.querySelector("main h1");
    if (done || !h1 || h1.textContent !== args.text) return;
    done = true;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now() - start));
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  setTimeout(() => { if (!done) { observer.disconnect(); reject(new Error("switch timed out")); } }, 10000);
  start = performance.now();
  link.click();
})
"""


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {**os.environ, **extra,
           "REFLEX_WEB_WORKDIR": str(ROOT / WEB_DIR), "REFLEX_USE_SYSTEM_BUN": "1",
           "REFLEX_TELEMETRY_ENABLED": "false",
           "PATH": f"{ROOT / '.tools/node_modules/.bin'}:{Path(sys.executable).parent}:{os.environ['PATH']}"}
    if not env.get("PORTAL_LOCALES"):
        env.pop("PORTAL_LOCALES", None)
    return env


def _routes(extra: dict[str, str]) -> int:
    code = "from rxapp.i18n import shipped_locales; from rxapp.pages import PAGES; print(len(shipped_locales()) * len(PAGES))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env(extra), capture_output=True, text=True,
                         check=True)
    return int(out.stdout.strip())


def export_seconds(extra: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "reflex", "export", "--frontend-only", "--no-zip"],
                            cwd=ROOT, env=_env(extra), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"export failed ({extra}):\n{(result.stdout + result.stderr)[-3000:]}")
    return elapsed


def export_table() -> list[dict[str, object]]:
    if not (ROOT / WEB_DIR).exists():
        # Start from any web folder that has its packages installed: no fresh install to time or to wait for.
        for source in sorted(ROOT.glob(".web*")):
            if (source / "node_modules").is_dir():
                shutil.copytree(source, ROOT / WEB_DIR, symlinks=True)
                break
    export_seconds(LOCALE_SETS[1])  # warm-up: package install, bun caches
    rows = []
    for count, extra in LOCALE_SETS.items():
        rows.append({"locales": count, "routes": _routes(extra), "export_s": round(export_seconds(extra), 1)})
    return rows


def furigana_cost() -> dict[str, float]:
    """Measured in a fresh interpreter so the Janome load and the caches start cold."""
    code = r"""
import json, time
from babel.messages.pofile import read_po
from rxapp.i18n.catalogs import _po_path
texts = []
for code in ("ja", "ja-easy"):
    with _po_path(code).open("rb") as fp:
        for m in read_po(fp):
            if m.id:
                texts += [s for s in (m.string if isinstance(m.string, tuple) else (m.string,)) if s]
from rxapp.i18n import furigana
t0 = time.perf_counter(); furigana.segments("年金"); load = time.perf_counter() - t0
t0 = time.perf_counter()
for s in texts: furigana.segments(s)
cold = time.perf_counter() - t0
t0 = time.perf_counter()
for s in texts: furigana.segments(s)
warm = time.perf_counter() - t0
import rxapp.i18n.furigana as f
calls = {"n": 0, "s": 0.0}
inner = f._segments
def timed(text):
    t = time.perf_counter()
    try: return inner(text)
    finally: calls["n"] += 1; calls["s"] += time.perf_counter() - t
timed.cache_clear = inner.cache_clear
f._segments = timed
from rxapp.components.lang_fragment import furigana_page
from rxapp.i18n import T, shipped_locales
from rxapp.pages import PAGES
f._segments.cache_clear()
t0 = time.perf_counter()
for loc in shipped_locales():
    t = T(loc)
    for spec in PAGES:
        furigana_page(t, spec.build)()  # what rxapp.py registers: the page with its readings
build = time.perf_counter() - t0
print(json.dumps({"strings": len(texts), "janome_load_s": load, "all_strings_cold_s": cold,
                  "all_strings_cached_s": warm, "build_all_pages_s": build, "furigana_calls_in_build": calls["n"],
                  "furigana_in_build_s": calls["s"]}))
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env({"PORTAL_PSEUDO_LOCALES": "1"}),
                         capture_output=True, text=True, check=True)
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in json.loads(out.stdout).items()}


def _ready(page: Page) -> None:
    page.wait_for_function(
        "() => { const a = document.querySelector('#language-picker a');"
        " return !!a && Object.keys(a).some((k) => k.startsWith('__reactFiber')); }", timeout=30_000)
    page.wait_for_load_state("networkidle")


def switch_ms(browser: Browser, base: str, runs: int) -> tuple[list[float], list[float]]:
    to_ja = {"code": "ja", "text": T("ja")._("Help")}
    to_en = {"code": "en", "text": T("en")._("Help")}
    cold = []
    for _ in range(runs):
        context = browser.new_context()  # empty cache: the /ja/help route module is fetched on the click
        page = context.new_page()
        page.goto(f"{base}/en/help")
        _ready(page)
        cold.append(float(page.evaluate(SWITCH, to_ja)))
        context.close()
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{base}/en/help")
    _ready(page)
    page.evaluate(SWITCH, to_ja)  # load both routes once
    page.evaluate(SWITCH, to_en)
    warm = []
    for index in range(runs):
        warm.append(float(page.evaluate(SWITCH, to_ja if index % 2 == 0 else to_en)))
    context.close()
    return cold, warm


def _stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {"median_ms": round(statistics.median(samples), 1),
            "p90_ms": round(ordered[max(0, int(len(ordered) * 0.9) - 1)], 1),
            "max_ms": round(ordered[-1], 1), "n": len(samples)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--skip-export", action="store_true", help="only the furigana cost and the switch")
    args = parser.parse_args()
    exports = [] if args.skip_export else export_table()
    furigana = furigana_cost()
    with running_portal(WEB_DIR) as (base, _process), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        cold, warm = switch_ms(browser, base, args.runs)
        browser.close()
    switch = {"cold": _stats(cold), "warm": _stats(warm), "budget_ms": BUDGET_SWITCH_MS}

    if exports:
        print(f"{'locales':>7} {'routes':>6} {'export':>8}")
        for row in exports:
            print(f"{row['locales']:>7} {row['routes']:>6} {row['export_s']:>7.1f}s")
    print(f"furigana: Janome load {furigana['janome_load_s'] * 1000:.0f} ms; {furigana['strings']} ja/ja-easy strings "
          f"{furigana['all_strings_cold_s'] * 1000:.0f} ms cold, {furigana['all_strings_cached_s'] * 1000:.1f} ms cached; "
          f"in a build of every page ({furigana['build_all_pages_s']:.2f} s): {furigana['furigana_calls_in_build']} "
          f"calls, {furigana['furigana_in_build_s'] * 1000:.0f} ms")
    print(f"{'switch':>6} {'median':>8} {'p90':>8} {'max':>8}   (click → new text on screen, n={args.runs})")
    for name in ("cold", "warm"):
        row = switch[name]
        flag = " " if row["median_ms"] < BUDGET_SWITCH_MS else "!"
        print(f"{name:>6} {row['median_ms']:>6.1f}ms {row['p90_ms']:>6.1f}ms {row['max_ms']:>6.1f}ms {flag}")
    print(f"budget: switch < {BUDGET_SWITCH_MS:.0f} ms (median); ! marks a miss")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "i18n.json").write_text(json.dumps(
        {"exports": exports, "furigana": furigana, "switch": switch,
         "raw": {"cold_ms": [round(x, 1) for x in cold], "warm_ms": [round(x, 1) for x in warm]}}, indent=2))


if __name__ == "__main__":
    main()
