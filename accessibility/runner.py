"""Runs the matrix: each target in a fresh browser context, several worker processes in parallel.

A worker owns one Chromium; each row gets a new context (its own cookies: the display mode, the session),
loads the page, checks that the mode really applied, runs every check, attributes findings inside gallery
examples to the example's own row, applies the allowlist against the live page and takes screenshots of
what failed. After the matrix, titles are compared across the pages of each locale and mode.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from accessibility import allowlist as allow
from accessibility.checks import DESKTOP, CheckContext, all_checks
from accessibility.checks.dom import evaluate
from accessibility.checks.pixels import Analyzer
from accessibility.model import Finding, RowResult, Target
from accessibility.signin import DEFAULT_SIGN_IN, load_sign_in

CHROMIUM = os.environ.get("MINNA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
]
MAX_SHOTS_PER_ROW = 12
NAV_TIMEOUT_MS = 30_000


@dataclass
class RunConfig:
    base_url: str
    report_dir: Path | None = None
    workers: int = 2
    allowlist: list[allow.AllowEntry] = field(default_factory=list)
    prefs_cookie: str = "minna_prefs"
    sign_in: str = DEFAULT_SIGN_IN
    sign_in_info: dict[str, Any] = field(default_factory=dict)
    checks: tuple[str, ...] = ()  # only these check families ("" = all)

    @property
    def shots_dir(self) -> Path | None:
        return self.report_dir / "shots" if self.report_dir else None


def launch(pw: Playwright) -> Browser:
    executable = CHROMIUM if Path(CHROMIUM).exists() else None
    return pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)


def expected_attributes(prefs: str) -> dict[str, str]:
    """The <html> data attributes the pre-hydration script sets for a minna_prefs value."""
    out = {}
    for pair in filter(None, prefs.split("&")):
        key, _, value = pair.partition("=")
        out["data-text-size" if key == "size" else f"data-{key}"] = value
    return out


def _settle(page: Page) -> None:
    with contextlib.suppress(Exception):
        page.wait_for_load_state("networkidle", timeout=10_000)
    page.evaluate("() => document.fonts ? document.fonts.ready.then(() => true) : true")


HIGHLIGHT = r"""(selector) => {
  let el = null;
  try { el = selector ? document.querySelector(selector) : null; } catch (e) { el = null; }
  if (!el) return null;
  el.scrollIntoView({ block: "center", inline: "center" });
  const r = el.getBoundingClientRect();
  const box = document.createElement("div");
  box.id = "__a11y-highlight";
  Object.assign(box.style, { position: "fixed", left: r.left - 4 + "px", top: r.top - 4 + "px",
    width: r.width + 8 + "px", height: r.height + 8 + "px", outline: "4px solid #d4006a",
    outlineOffset: "0", zIndex: 2147483647, pointerEvents: "none" });
  document.body.appendChild(box);
  const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
  const x = Math.max(0, r.left - 160), y = Math.max(0, r.top - 120);
  return { x, y, width: Math.max(40, Math.min(vw, r.right + 160) - x), height: Math.max(40, Math.min(vh, r.bottom + 120) - y) };
}"""


def _screenshots(ctx: CheckContext, rows: list[RowResult]) -> None:
    """Every failure gets a picture: its element outlined in magenta, or the whole page for page-level ones."""
    page = ctx.page
    if ctx.shots_dir is None:
        return
    failing = [f for row in rows for f in row.findings if not f.screenshot]
    # Every row shows what was checked (a failure found later, like a shared title, points at it too):
    # the whole page when something failed, else the first screen.
    page_shot = ctx.save_shot(page.screenshot(full_page=bool(failing), type="jpeg", quality=60 if failing else 45,
                                              animations="disabled"), "page")
    for row in rows:
        row.screenshot = page_shot
    taken: dict[str, str] = {}
    for finding in failing:
        if finding.selector in taken:
            finding.screenshot = taken[finding.selector]
            continue
        if not finding.selector or len(taken) >= MAX_SHOTS_PER_ROW:
            finding.screenshot = page_shot
            continue
        clip = None
        try:
            clip = page.evaluate(HIGHLIGHT, finding.selector)
            shot = (ctx.save_shot(page.screenshot(clip=clip, type="jpeg", quality=75, animations="disabled"), finding.rule)
                    if clip else page_shot)
        except Exception:
            shot = page_shot
        finally:
            with contextlib.suppress(Exception):
                page.evaluate("() => { const h = document.getElementById('__a11y-highlight'); if (h) h.remove(); }")
        taken[finding.selector] = shot
        finding.screenshot = shot


# A problem found in the plain page is not repeated for the variants (320 px, text spacing, emulations).
VARIANT_ORDER = {"": 0, "320px": 1, "text-spacing": 2, "reduced-motion": 3, "forced-colors": 4, "dark": 5}
# Our checks that overlap an axe rule: when axe flags the same element, axe's finding is kept.
EQUIVALENT_AXE_RULE = {("targets", "target-size"): "target-size", ("forms", "control-label"): "label",
                       ("language", "html-lang"): "html-has-lang"}
SAME_ELEMENT = r"""(pairs) => pairs.map(([a, b]) => {
  try { const x = document.querySelector(a); return !!x && x === document.querySelector(b); } catch (e) { return false; }
})"""


def _dedupe(findings: list[Finding], page: Page | None = None) -> list[Finding]:
    seen: set[tuple[str, str]] = set()
    out = []
    for f in sorted(findings, key=lambda f: VARIANT_ORDER.get(f.variant, 9)):
        key = (f.rule if f.check != "axe" else "axe:" + f.rule, f.selector)
        if key not in seen:
            seen.add(key)
            out.append(f)
    if page is None:
        return out
    pairs: list[tuple[int, str, str]] = []
    for i, f in enumerate(out):
        axe_rule = EQUIVALENT_AXE_RULE.get((f.check, f.rule))
        if axe_rule:
            pairs.extend((i, f.selector, g.selector) for g in out
                         if g.check == "axe" and g.rule == axe_rule and g.variant == f.variant)
    if not pairs:
        return out
    same = page.evaluate(SAME_ELEMENT, [[a, b] for _, a, b in pairs])
    drop = {i for (i, _, _), hit in zip(pairs, same, strict=True) if hit}
    return [f for i, f in enumerate(out) if i not in drop]


def check_target(
    browser: Browser,
    analyzer: Analyzer | None,
    target: Target,
    config: RunConfig,
    sign_in: Callable[..., None] | None = None,
) -> list[RowResult]:
    """All checks on one page × locale × mode; the page row first, then one row per gallery example."""
    started = time.monotonic()
    url = config.base_url + target.path
    row = RowResult(page=target.page, locale=target.locale, mode=target.mode, url=url)
    context = browser.new_context(viewport=DESKTOP, device_scale_factor=1, reduced_motion="no-preference")
    context.set_default_timeout(NAV_TIMEOUT_MS)
    try:
        if target.prefs:
            context.add_cookies([{"name": config.prefs_cookie, "value": quote(target.prefs, safe=""), "url": config.base_url}])
        page = context.new_page()
        if target.signed_in:
            (sign_in or load_sign_in(config.sign_in))(page, config.base_url, target.locale, config.sign_in_info)
        response = page.goto(url, wait_until="load", timeout=NAV_TIMEOUT_MS)
        status = response.status if response else 0
        if status != target.status:
            row.error = f"{url} answered HTTP {status}, expected {target.status}"
            return [row]
        _settle(page)
        if target.signed_in and page.url.split("?")[0].rstrip("/") != url.rstrip("/"):
            row.error = f"{url} sent the signed-in visitor to {page.url}: the sign-in step did not hold"
            return [row]
        attributes = expected_attributes(target.prefs)
        actual = page.evaluate("(names) => names.map((n) => document.documentElement.getAttribute(n))", list(attributes))
        missing = [f'{k}="{v}"' for (k, v), got in zip(attributes.items(), actual, strict=True) if got != v]
        if missing:
            row.error = f"the {target.mode} mode did not apply: <html> lacks {', '.join(missing)}"
            return [row]
        row.title = page.title()
        ctx = CheckContext(page=page, target=target, shots_dir=config.shots_dir, analyzer=analyzer)
        findings: list[Finding] = []
        errors = []
        for name, check in all_checks():
            if config.checks and name not in config.checks:
                continue
            try:
                findings.extend(check(ctx))
                row.checks_run.append(name)
            except Exception as exc:  # one broken check must not hide the others' results
                errors.append(f"{name} check crashed: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
                with contextlib.suppress(Exception):
                    page.set_viewport_size(DESKTOP)
        row.error = "; ".join(errors)
        findings = _dedupe(findings, page)
        # Gallery examples: each is a row of its own, holding the findings inside it.
        examples: list[str] = evaluate(page, "() => window.__a11y.examples()")  # type: ignore[assignment]
        rows = [row]
        if examples:
            owners: list[str] = evaluate(  # type: ignore[assignment]
                page,
                "(sels) => sels.map((s) => { let el = null; try { el = s ? document.querySelector(s) : null; }"
                " catch (e) {} return el ? window.__a11y.exampleOf(el) : ''; })",
                [f.selector for f in findings],
            )
            by_example = {e: RowResult(page=target.page, locale=target.locale, mode=target.mode,
                                       url=f"{url}#{e}", example=e, checks_run=row.checks_run) for e in examples}
            for finding, owner in zip(findings, owners, strict=True):
                finding.example = owner
                (by_example.get(owner, row)).findings.append(finding)
            rows.extend(by_example.values())
        else:
            row.findings = findings
        for r in rows:
            used = allow.apply(
                r.findings, config.allowlist, target.page, target.locale, target.mode,
                element_matches=lambda s, c: page.evaluate(allow.MATCHES_JS, [s, c]),
            )
            r.allowlist_used = sorted(used)
        _screenshots(ctx, rows)
        return rows
    except Exception as exc:
        row.error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
        return [row]
    finally:
        row.seconds = round(time.monotonic() - started, 2)
        with contextlib.suppress(Exception):
            context.close()


def _worker(config: RunConfig, tasks: Any, results: Any) -> None:
    """A worker process: one Chromium, rows from `tasks` until a None arrives."""
    sign_in = load_sign_in(config.sign_in)
    with sync_playwright() as pw:
        browser = launch(pw)
        analyzer = Analyzer(browser)
        while True:
            item = tasks.get()
            if item is None:
                break
            index, target = item
            try:
                rows = check_target(browser, analyzer, target, config, sign_in)
            except Exception:
                rows = [RowResult(target.page, target.locale, target.mode, config.base_url + target.path,
                                  error=traceback.format_exc(limit=3))]
            if not browser.is_connected():  # Chromium crashed: start a new one for the next rows
                browser = launch(pw)
                analyzer = Analyzer(browser)
            results.put((index, [r.to_dict() for r in rows]))
        with contextlib.suppress(Exception):
            browser.close()


def _cost(target: Target) -> tuple[int, int]:
    # Big pages first (the gallery), so no worker is left with one long row at the end.
    return (0 if target.page == "components" else 1, 0 if target.emulations else 1)


def run_matrix(
    targets: list[Target],
    config: RunConfig,
    progress: Callable[[int, int, list[RowResult]], None] | None = None,
) -> list[RowResult]:
    """Check every target; rows come back in matrix order, whatever order the workers finish in."""
    if config.shots_dir:
        config.shots_dir.mkdir(parents=True, exist_ok=True)
    order = sorted(range(len(targets)), key=lambda i: _cost(targets[i]))
    done: dict[int, list[RowResult]] = {}
    workers = max(1, min(config.workers, len(targets)))
    spawn = mp.get_context("spawn")  # never fork a process that may already run Playwright
    tasks, results = spawn.Queue(), spawn.Queue()
    for index in order:
        tasks.put((index, targets[index]))
    for _ in range(workers):
        tasks.put(None)
    processes = [spawn.Process(target=_worker, args=(config, tasks, results), daemon=True) for _ in range(workers)]
    for process in processes:
        process.start()
    try:
        while len(done) < len(targets):
            try:
                index, rows = results.get(timeout=5)
            except queue.Empty:
                if not any(p.is_alive() for p in processes):
                    break
                continue
            done[index] = [RowResult.from_dict(r) for r in rows]
            if progress:
                progress(len(done), len(targets), done[index])
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
    out: list[RowResult] = []
    for index, target in enumerate(targets):
        out.extend(done.get(index) or [RowResult(target.page, target.locale, target.mode,
                                                 config.base_url + target.path, error="the worker process died")])
    check_titles(out, config.allowlist)
    return out


def check_titles(rows: list[RowResult], entries: list[allow.AllowEntry] | None = None) -> None:
    """WCAG 2.4.2: within one locale and mode, no two pages share a title."""
    groups: dict[tuple[str, str], dict[str, list[RowResult]]] = {}
    for row in rows:
        if row.example or row.error or not row.title:
            continue
        groups.setdefault((row.locale, row.mode), {}).setdefault(row.title, []).append(row)
    for by_title in groups.values():
        for title, same in by_title.items():
            if len(same) < 2:
                continue
            pages = ", ".join(r.page for r in same)
            for row in same:
                finding = Finding("structure", "title-unique", "2.4.2", f'pages {pages} share the title "{title}"',
                                  "head > title", "serious", screenshot=row.screenshot)
                used = allow.apply([finding], entries or [], row.page, row.locale, row.mode)
                row.allowlist_used = sorted(set(row.allowlist_used) | used)
                row.findings.append(finding)
