"""Shared fixtures: the running portal (once per test session, on free ports) and Chromium with axe.

The app runs as it does in production (`reflex run --env prod`, one port) from its own web folder
(`.web-test`, or $MINNA_TEST_WEB_DIR) so a developer's `make run` on :3000 is never disturbed.
Set MINNA_BASE_URL to test an already running portal instead.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator

import pytest

from rxapp.devserver import running_portal

CHROMIUM = os.environ.get("MINNA_CHROMIUM", "/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="session")
def portal_url() -> Iterator[str]:
    """Base URL of a running portal with the embedded demo backend and the pseudo-locales on."""
    external = os.environ.get("MINNA_BASE_URL")
    if external:
        yield external.rstrip("/")
        return
    web_dir = os.environ.get("MINNA_TEST_WEB_DIR", ".web-test")
    extra = {"PORTAL_PSEUDO_LOCALES": "1", "PORTAL_DEMO_TEST_HOOKS": "1"}
    with running_portal(web_dir, extra) as (base, _process):
        yield base


@pytest.fixture(scope="session")
def base_url(portal_url: str) -> str:
    """pytest-playwright resolves relative page.goto() paths against this."""
    return portal_url


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, object]:
    return {
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


class AxeRunner:
    """Runs axe-core (bundled by axe-playwright-python) with our WCAG 2.2 AA tags."""

    def __init__(self) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self._axe = Axe()

    def violations(self, page: object, context: str | None = None) -> list[dict[str, object]]:
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
        results = self._axe.run(page, context=context, options=options)
        return list(results.response["violations"])

    def assert_clean(self, page: object, context: str | None = None) -> None:
        found = self.violations(page, context)
        summary = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in found
        ]
        assert not found, "axe violations:\n" + "\n".join(summary)


@pytest.fixture(scope="session")
def axe() -> AxeRunner:
    return AxeRunner()


# Every page a browser test opens reports Content-Security-Policy violations here: the portal's policy must
# never block its own scripts, styles or connections (rxapp/web_security.py).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__minnaCspViolation?.(JSON.stringify({directive: e.effectiveDirective, blocked: e.blockedURI,
    source: e.sourceFile, line: e.lineNumber, sample: e.sample, page: location.href}));
});
"""


@pytest.fixture(autouse=True)
def _no_csp_violations(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fails a browser test whose pages reported a CSP violation (opt out: @pytest.mark.allow_csp_violations).

    Every context of the test is watched: pytest-playwright's `context`/`page` and those a test opens itself
    with `browser.new_context()`.
    """
    if "browser" not in request.fixturenames or request.node.get_closest_marker("allow_csp_violations"):
        yield
        return
    browser = request.getfixturevalue("browser")
    found: list[str] = []
    watched: list[object] = []

    def watch(context: object) -> None:
        if any(context is seen for seen in watched):
            return
        watched.append(context)
        context.expose_binding("__minnaCspViolation", lambda _source, report: found.append(report))  # type: ignore[attr-defined]
        context.add_init_script(CSP_LISTENER)  # type: ignore[attr-defined]
        context.on("console", lambda msg: found.append(msg.text)  # type: ignore[attr-defined]
                   if msg.type == "error" and "Content Security Policy" in msg.text else None)

    original = browser.new_context

    def new_context(*args: object, **kwargs: object) -> object:
        context = original(*args, **kwargs)
        watch(context)
        return context

    browser.new_context = new_context
    try:
        if "page" in request.fixturenames or "context" in request.fixturenames:
            watch(request.getfixturevalue("context"))
        yield
        for context in watched:
            for page in context.pages:  # type: ignore[attr-defined]
                # Let queued reports arrive; a page that is navigating or crashed has nothing left to report.
                with contextlib.suppress(Exception):
                    page.evaluate("new Promise((resolve) => setTimeout(resolve, 50))")
    finally:
        browser.new_context = original
    assert not found, "CSP violations:\n" + "\n".join(
        json.dumps(json.loads(item), ensure_ascii=False) if item.startswith("{") else item for item in found
    )
