"""Components benchmark: CSS + JS weight of the gallery's first load, and the latency of a display-mode switch.

    .venv/bin/python bench/bench_components.py [--runs 20] [--base-url http://127.0.0.1:3201]

Without --base-url it builds and starts the production app on a free port (own web folder). Measures:
- first load of each gallery page /ja/components/<group> in a fresh context (the heaviest is detailed): compressed bytes as Chromium receives them
  (CDP Network.loadingFinished encodedDataLength), split by type (document, stylesheet, script, other),
  and the same for /ja/help (a plain page) to show what the gallery's examples add;
- the components' own share: the component sections of assets/minna.css and the inline head scripts the
  components add (client_script, the preferences form), each gzip-compressed as a server would send them;
- mode switch: a real click on a settings radio, from the click event to the <html> attribute change
  (MutationObserver) and to the next frame, alternating standard/simplified, median of N.
Prints a table and writes bench/results/components.json. Never fails on a slow machine: budgets are reported.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import statistics
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from rxapp.components.client_script import COMPONENTS_SCRIPT
from rxapp.pages.gallery import GALLERY_GROUPS
from rxapp.prefs_script import PREFS_FORM_SCRIPT, PREFS_SCRIPT

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
CSS_MARKER = "Components (issue 5)"
BUDGET_COMPONENT_BYTES = 20 * 1024  # compressed CSS + JS the components add
BUDGET_SWITCH_MS = 50.0  # click → attribute: must feel instant (one frame is 16.7 ms)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

# Time from the click event to the attribute change and to the frame after it, in the page's own clock.
SWITCH_PROBE = """
(() => {
  window.__switch = [];
  let clickAt = null;
  document.addEventListener('click', (e) => { if (e.target.closest('form[data-prefs-form]')) clickAt = e.timeStamp; }, true);
  const observer = new MutationObserver(() => {
    if (clickAt === null) return;
    const start = clickAt, changed = performance.now();
    clickAt = null;
    requestAnimationFrame(() => window.__switch.push({attribute: changed - start, frame: performance.now() - start}));
  });
  // Init scripts may run before <html> exists.
  const watch = () => observer.observe(document.documentElement, {attributes: true, attributeFilter: ['data-mode']});
  if (document.documentElement) watch(); else document.addEventListener('DOMContentLoaded', watch);
})();
"""


def gzip_size(text: str) -> int:
    return len(gzip.compress(text.encode(), compresslevel=9))


def own_weight() -> dict[str, int]:
    css = (ROOT / "assets" / "minna.css").read_text(encoding="utf-8")
    start = css.find(CSS_MARKER)
    # The marker sits inside a comment: back up to the comment's start.
    component_css = css[css.rfind("/*", 0, start):] if start >= 0 else ""
    return {
        "minna_css_gzip": gzip_size(css),
        "component_css_gzip": gzip_size(component_css),
        "component_css_raw": len(component_css.encode()),
        "components_script_gzip": gzip_size(COMPONENTS_SCRIPT),
        "prefs_scripts_gzip": gzip_size(PREFS_SCRIPT + PREFS_FORM_SCRIPT),
    }


def first_load(browser: Browser, url: str) -> dict[str, int]:
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    kinds: dict[str, str] = {}
    totals: dict[str, int] = {"document": 0, "stylesheet": 0, "script": 0, "other": 0, "requests": 0}

    def received(event: dict) -> None:
        kind = str(event.get("type", "Other")).lower()
        kinds[event["requestId"]] = kind if kind in {"document", "stylesheet", "script"} else "other"

    def finished(event: dict) -> None:
        totals[kinds.get(event["requestId"], "other")] += int(event.get("encodedDataLength", 0))
        totals["requests"] += 1

    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", finished)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    context.close()
    return totals


def switch_latency(browser: Browser, url: str, runs: int) -> list[dict[str, float]]:
    context = browser.new_context()
    context.add_init_script(SWITCH_PROBE)
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_function(
        "() => { const a = document.querySelector('#language-picker a');"
        " return !!a && Object.keys(a).some((k) => k.startsWith('__reactFiber')); }"
    )
    for index in range(runs):
        value = "simple" if index % 2 == 0 else "standard"
        page.locator(f"label[for=settings-mode-{value}]").click()
        page.wait_for_function(f"window.__switch.length >= {index + 1}")
    samples = page.evaluate("window.__switch")
    context.close()
    return samples


@contextlib.contextmanager
def portal(base_url: str | None) -> Iterator[str]:
    if base_url:
        yield base_url.rstrip("/")
        return
    from rxapp.devserver import running_portal

    with running_portal(".web-bench-components", {"PORTAL_PSEUDO_LOCALES": "1"}) as (base, _process):
        yield base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--base-url", default=None, help="measure an already running portal")
    args = parser.parse_args()
    weight = own_weight()
    with portal(args.base_url) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        first_load(browser, f"{base}/ja/components")  # warm the server
        loads = {group: first_load(browser, f"{base}/ja/components/{group}") for group in GALLERY_GROUPS}
        heaviest = max(loads, key=lambda g: sum(loads[g][k] for k in ("document", "stylesheet", "script", "other")))
        load = loads[heaviest]
        home = first_load(browser, f"{base}/ja/help")  # a plain page: what the gallery adds on top of the shell
        samples = switch_latency(browser, f"{base}/en/settings", args.runs)
        browser.close()
    attribute = [s["attribute"] for s in samples]
    frame = [s["frame"] for s in samples]
    component_bytes = weight["component_css_gzip"] + weight["components_script_gzip"] + weight["prefs_scripts_gzip"]
    result = {
        "gallery_first_load": load,
        "gallery_heaviest_page": f"/ja/components/{heaviest}",
        "gallery_pages_total_bytes": {f"/ja/components/{g}": sum(v[k] for k in ("document", "stylesheet", "script", "other"))
                                      for g, v in loads.items()},
        "plain_page_first_load": home,
        "components_own_weight": {**weight, "total_gzip": component_bytes},
        "mode_switch_ms": {
            "runs": len(samples),
            "click_to_attribute_median": round(statistics.median(attribute), 2),
            "click_to_attribute_max": round(max(attribute), 2),
            "click_to_next_frame_median": round(statistics.median(frame), 2),
        },
        "budgets": {"component_bytes": BUDGET_COMPONENT_BYTES, "switch_ms": BUDGET_SWITCH_MS},
    }
    kb = 1024
    for path, total in result["gallery_pages_total_bytes"].items():
        print(f"{path:32} {total / kb:8.1f} KB first load")
    print(f"Heaviest gallery page /ja/components/{heaviest}, first load (compressed, as received)")
    for kind in ("document", "stylesheet", "script", "other"):
        print(f"  {kind:12} {load[kind] / kb:8.1f} KB")
    print(f"  {'total':12} {sum(load[k] for k in ('document', 'stylesheet', 'script', 'other')) / kb:8.1f} KB"
          f" in {load['requests']} requests")
    extra = sum(load[k] - home[k] for k in ("stylesheet", "script"))
    print(f"  vs /ja/help: +{(load['script'] - home['script']) / kb:.1f} KB script, "
          f"+{(load['document'] - home['document']) / kb:.1f} KB document (the examples' compiled JSX and markup)")
    result["gallery_extra_css_js_vs_plain_page"] = extra
    print("Components' own CSS + JS (gzip -9)")
    print(f"  component CSS       {weight['component_css_gzip'] / kb:6.1f} KB  (raw {weight['component_css_raw'] / kb:.1f} KB,"
          f" all of minna.css {weight['minna_css_gzip'] / kb:.1f} KB)")
    print(f"  components script   {weight['components_script_gzip'] / kb:6.1f} KB  (inline in <head>)")
    print(f"  preferences scripts {weight['prefs_scripts_gzip'] / kb:6.1f} KB  (inline in <head>)")
    flag = "" if component_bytes <= BUDGET_COMPONENT_BYTES else "  ! over budget"
    print(f"  total               {component_bytes / kb:6.1f} KB  (budget {BUDGET_COMPONENT_BYTES // kb} KB){flag}")
    switch = result["mode_switch_ms"]
    flag = "" if switch["click_to_attribute_median"] <= BUDGET_SWITCH_MS else "  ! over budget"
    print(f"Mode switch, median of {switch['runs']}: click → attribute {switch['click_to_attribute_median']:.2f} ms"
          f" (max {switch['click_to_attribute_max']:.2f}), click → next frame {switch['click_to_next_frame_median']:.2f} ms{flag}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "components.json").write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
