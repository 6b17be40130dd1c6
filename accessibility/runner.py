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
MAX_PAGE_SHOT_HEIGHT = 6000  # CSS px: the gallery is far longer, and a picture of its top says enough
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
    """Every failure gets a picture: its element outlined in magenta, or the whole page for page-level ones.
    Every row gets its first screen, so a failure found later (a shared title) has something to point at."""
    page = ctx.page
    if ctx.shots_dir is None:
        return
    page.evaluate("() => window.scrollTo(0, 0)")
    first_screen = ctx.save_shot(page.screenshot(type="jpeg", quality=50), "screen")
    for row in rows:
        row.screenshot = first_screen
    failing = [f for row in rows for f in row.findings if not f.screenshot]
    whole_page = ""
    taken: dict[str, str] = {}
    for finding in failing:
        if finding.selector in taken:
            finding.screenshot = taken[finding.selector]
            continue
        if not finding.selector or len(taken) >= MAX_SHOTS_PER_ROW:
            if not whole_page:  # the whole page (up to a height), taken once and only when needed
                height = min(page.evaluate("() => document.documentElement.scrollHeight"), MAX_PAGE_SHOT_HEIGHT)
                whole_page = ctx.save_shot(page.screenshot(full_page=True, type="jpeg", quality=55,
                                                           clip={"x": 0, "y": 0, "width": DESKTOP["width"], "height": height}),
                                           "page")
                for row in rows:
                    if row.failures:
                        row.screenshot = whole_page
            finding.screenshot = whole_page
            continue
        try:
            clip = page.evaluate(HIGHLIGHT, finding.selector)
            shot = ctx.save_shot(page.screenshot(clip=clip, type="jpeg", quality=75), finding.rule) if clip else first_screen
        except Exception:
            shot = first_screen
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


# Readiness: the load event, then the page quiet for QUIET_MS — no DOM change, no websocket message (Reflex
# delivers state over one), no fetch in flight — and fonts loaded. Faster and stricter than "network idle",
# which waits 500 ms and ignores the websocket.
QUIET_MS = 300
READY_PROBE = r"""
(() => {
  const mark = () => { window.__a11yActivity = performance.now(); };
  window.__a11yActivity = 0; window.__a11yPending = 0; window.__a11ySockets = 0; window.__a11yMessages = 0;
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  const Native = window.WebSocket;
  if (Native) {
    const Wrapped = function (...args) {
      const socket = new Native(...args);
      window.__a11ySockets++;
      socket.addEventListener("message", () => { window.__a11yMessages++; mark(); });
      socket.addEventListener("open", mark);
      return socket;
    };
    Wrapped.prototype = Native.prototype;
    for (const key of ["CONNECTING", "OPEN", "CLOSING", "CLOSED"]) Wrapped[key] = Native[key];
    window.WebSocket = Wrapped;
  }
  const nativeFetch = window.fetch;
  if (nativeFetch) {
    window.fetch = function (...args) {
      window.__a11yPending++; mark();
      return nativeFetch.apply(this, args).finally(() => { window.__a11yPending--; mark(); });
    };
  }
})();
"""
READY = """(quiet) => document.readyState === "complete" && window.__a11yPending === 0
  && (window.__a11ySockets === 0 || window.__a11yMessages > 0)
  && performance.now() - window.__a11yActivity > quiet"""


def wait_ready(page: Page, timeout_ms: int = 10_000) -> None:
    """Wait until the page has settled (see READY_PROBE); a page that never settles is checked as it is."""
    with contextlib.suppress(Exception):
        page.wait_for_function(READY, arg=QUIET_MS, timeout=timeout_ms, polling=50)
    page.evaluate("() => document.fonts ? document.fonts.ready.then(() => true) : true")


def new_context(browser: Browser, config: RunConfig, prefs: str) -> Any:
    """A fresh context: the display mode's cookie, the readiness probe, nothing left from other rows."""
    context = browser.new_context(viewport=DESKTOP, device_scale_factor=1, reduced_motion="no-preference")
    context.set_default_timeout(NAV_TIMEOUT_MS)
    context.add_init_script(READY_PROBE)
    if prefs:
        context.add_cookies([{"name": config.prefs_cookie, "value": quote(prefs, safe=""), "url": config.base_url}])
    return context


class SessionLost(Exception):
    """A signed-in page sent the visitor elsewhere: sign in again, or report the row."""


def _error(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}"


def check_loaded(
    page: Page,
    analyzer: Analyzer | None,
    target: Target,
    config: RunConfig,
    focus_cache: dict[Any, Any] | None = None,
) -> list[RowResult]:
    """Load the target in `page` (already signed in when the target needs it) and run every check."""
    started = time.monotonic()
    url = config.base_url + target.path
    row = RowResult(page=target.page, locale=target.locale, mode=target.mode, url=url)
    try:
        response = page.goto(url, wait_until="load", timeout=NAV_TIMEOUT_MS)
        status = response.status if response else 0
        if status != target.status:
            row.error = f"{url} answered HTTP {status}, expected {target.status}"
            return [row]
        wait_ready(page)
        if target.signed_in and page.url.split("?")[0].split("#")[0].rstrip("/") != url.rstrip("/"):
            raise SessionLost(f"{url} sent the signed-in visitor to {page.url}: the sign-in step did not hold")
        attributes = expected_attributes(target.prefs)
        actual = page.evaluate("(names) => names.map((n) => document.documentElement.getAttribute(n))", list(attributes))
        missing = [f'{k}="{v}"' for (k, v), got in zip(attributes.items(), actual, strict=True) if got != v]
        if missing:
            row.error = f"the {target.mode} mode did not apply: <html> lacks {', '.join(missing)}"
            return [row]
        row.title = page.title()
        ctx = CheckContext(page=page, target=target, shots_dir=config.shots_dir, analyzer=analyzer,
                           focus_cache=focus_cache if focus_cache is not None else {})
        findings: list[Finding] = []
        errors = []
        for name, check in all_checks():
            if config.checks and name not in config.checks:
                continue
            try:
                findings.extend(check(ctx))
                row.checks_run.append(name)
            except Exception as exc:  # one broken check must not hide the others' results
                errors.append(f"{name} check crashed: {_error(exc)}")
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
    except SessionLost:
        raise
    except Exception as exc:
        row.error = _error(exc)
        return [row]
    finally:
        row.seconds = round(time.monotonic() - started, 2)


def check_target(
    browser: Browser,
    analyzer: Analyzer | None,
    target: Target,
    config: RunConfig,
    sign_in: Callable[..., None] | None = None,
    focus_cache: dict[Any, Any] | None = None,
) -> list[RowResult]:
    """All checks on one page × locale × mode in a context of its own; the page row first, then one row per
    gallery example."""
    rows: list[RowResult] = []
    check_batch(browser, analyzer, [target], config, sign_in, focus_cache, lambda _i, r: rows.extend(r))
    return rows


def check_batch(
    browser: Browser,
    analyzer: Analyzer | None,
    targets: list[Target],
    config: RunConfig,
    sign_in: Callable[..., None] | None,
    focus_cache: dict[Any, Any] | None,
    emit: Callable[[int, list[RowResult]], None],
) -> None:
    """Targets of one locale and mode in one tab. Signed-in pages share one sign-in (a Reflex session belongs
    to the tab); a page that loses the session gets one more sign-in before it is reported."""
    context = new_context(browser, config, targets[0].prefs)
    try:
        page = context.new_page()
        signed_in = False
        do_sign_in = sign_in or load_sign_in(config.sign_in)

        def attempt(target: Target) -> list[RowResult]:
            nonlocal signed_in
            started = time.monotonic()
            try:
                if target.signed_in and not signed_in:
                    do_sign_in(page, config.base_url, target.locale, config.sign_in_info)
                    signed_in = True
                try:
                    return check_loaded(page, analyzer, target, config, focus_cache)
                except SessionLost:
                    do_sign_in(page, config.base_url, target.locale, config.sign_in_info)
                    return check_loaded(page, analyzer, target, config, focus_cache)
            except Exception as exc:  # the sign-in step failed, or the session would not hold
                signed_in = False
                return [RowResult(target.page, target.locale, target.mode, config.base_url + target.path,
                                  error=_error(exc), seconds=round(time.monotonic() - started, 2))]

        for index, target in enumerate(targets):
            rows = attempt(target)
            if rows[0].error:
                # The row could not be checked (a check crashed, the tab hung or navigated under a starved CPU):
                # check it once more from scratch in a fresh tab. Findings are never retried, and the second
                # attempt's result is the row's result; the report keeps the first error.
                first_error = rows[0].error
                with contextlib.suppress(Exception):
                    context.close()
                context = new_context(browser, config, target.prefs)
                page = context.new_page()
                signed_in = False
                rows = attempt(target)
                rows[0].retried = first_error
            emit(index, rows)
    finally:
        with contextlib.suppress(Exception):
            context.close()


def _worker(config: RunConfig, tasks: Any, results: Any) -> None:
    """A worker process: one Chromium, batches of rows from `tasks` until a None arrives."""
    sign_in = load_sign_in(config.sign_in)
    focus_cache: dict[Any, Any] = {}  # focus-indicator results per style signature, shared by this worker's rows
    with sync_playwright() as pw:
        browser = launch(pw)
        analyzer = Analyzer(browser)
        while True:
            item = tasks.get()
            if item is None:
                break
            indices, batch = item
            sent: set[int] = set()

            def emit(position: int, rows: list[RowResult], indices: list[int] = indices, sent: set[int] = sent) -> None:
                sent.add(position)
                results.put((indices[position], [r.to_dict() for r in rows]))

            try:
                check_batch(browser, analyzer, batch, config, sign_in, focus_cache, emit)
            except Exception:
                for position, target in enumerate(batch):
                    if position not in sent:
                        emit(position, [RowResult(target.page, target.locale, target.mode,
                                                  config.base_url + target.path, error=traceback.format_exc(limit=3))])
            if not browser.is_connected():  # Chromium crashed: start a new one for the next rows
                browser = launch(pw)
                analyzer = Analyzer(browser)
        with contextlib.suppress(Exception):
            browser.close()


SIGNED_IN_BATCH = 8  # signed-in pages per sign-in; small enough to keep the workers evenly loaded


def batches(targets: list[Target]) -> list[tuple[list[int], list[Target]]]:
    """Signed-in rows grouped by locale and mode (one sign-in each), then public rows one by one, the gallery
    (the longest) first."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, t in enumerate(targets):
        if t.signed_in:
            groups.setdefault((t.locale, t.mode), []).append(i)
    out: list[tuple[list[int], list[Target]]] = []
    for indices in groups.values():
        for k in range(0, len(indices), SIGNED_IN_BATCH):
            chunk = indices[k:k + SIGNED_IN_BATCH]
            out.append((chunk, [targets[i] for i in chunk]))
    public = sorted((i for i, t in enumerate(targets) if not t.signed_in), key=lambda i: _cost(targets[i]))
    out.extend(([i], [targets[i]]) for i in public)
    return out


def _cost(target: Target) -> tuple[int, int]:
    # Big pages first (the gallery), so no worker is left with one long row at the end.
    return (0 if target.page.startswith("components/") else 1, 0 if target.emulations else 1)


def run_matrix(
    targets: list[Target],
    config: RunConfig,
    progress: Callable[[int, int, list[RowResult]], None] | None = None,
) -> list[RowResult]:
    """Check every target; rows come back in matrix order, whatever order the workers finish in."""
    if config.shots_dir:
        config.shots_dir.mkdir(parents=True, exist_ok=True)
    done: dict[int, list[RowResult]] = {}
    work = batches(targets)
    workers = max(1, min(config.workers, len(work)))
    spawn = mp.get_context("spawn")  # never fork a process that may already run Playwright
    tasks, results = spawn.Queue(), spawn.Queue()
    for item in work:
        tasks.put(item)
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
