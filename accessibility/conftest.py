"""pytest entry for testers: `pytest accessibility --base-url URL [--a11y-locales ja,en] [--a11y-modes …]`.

With a base URL (option, or $MINNA_BASE_URL) known when tests are collected, every page × locale × mode is a
test of its own. Without one, the portal of this checkout is started (rxapp.devserver) and the whole matrix
is one test; where that is impossible the test is skipped with the reason. The matrix runs once, in parallel
workers, and writes the usual HTML/JSON report (--a11y-report, default reports/accessibility).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from accessibility.inventory import SuiteError, build_targets, fetch_inventory
from accessibility.model import Target
from accessibility.suite import SuiteOptions, SuiteResult, default_workers, run_suite


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("accessibility", "Minna Portal accessibility suite")
    group.addoption("--a11y-locales", default="", help="comma-separated locales (default: all)")
    group.addoption("--a11y-modes", default="", help="comma-separated display modes (default: all)")
    group.addoption("--a11y-pages", default="", help="comma-separated page names (default: all)")
    group.addoption("--a11y-workers", type=int, default=default_workers(), help="parallel browsers")
    group.addoption("--a11y-report", default="reports/accessibility", help="report folder")


def _csv(value: str) -> list[str] | None:
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    return items or None


def _given_base_url(config: pytest.Config) -> str | None:
    try:
        value = config.getoption("--base-url")
    except ValueError:  # neither pytest-base-url nor pytest-playwright registered the option
        value = None
    return value or os.environ.get("MINNA_BASE_URL") or None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "a11y_target" not in metafunc.fixturenames:
        return
    config = metafunc.config
    base = _given_base_url(config)
    if not base:
        metafunc.parametrize("a11y_target", [None], ids=["whole-matrix"])
        return
    try:
        inventory = fetch_inventory(base)
        targets = build_targets(inventory, _csv(config.getoption("--a11y-locales")),
                                _csv(config.getoption("--a11y-modes")), _csv(config.getoption("--a11y-pages")))
    except SuiteError as exc:
        raise pytest.UsageError(f"accessibility: {exc}") from None
    metafunc.parametrize("a11y_target", targets, ids=[f"{t.page}-{t.locale}-{t.mode}" for t in targets])


@pytest.fixture(scope="session")
def a11y_base_url(pytestconfig: pytest.Config) -> Iterator[str]:
    given = _given_base_url(pytestconfig)
    if given:
        yield given.rstrip("/")
        return
    try:
        from rxapp.devserver import running_portal
    except ImportError as exc:
        pytest.skip(f"no --base-url given and this checkout cannot start the portal ({exc})")
    web_dir = os.environ.get("MINNA_TEST_WEB_DIR", ".web-test")
    with running_portal(web_dir, {"PORTAL_PSEUDO_LOCALES": "1", "PORTAL_DEMO_TEST_HOOKS": "1"}) as (base, _process):
        yield base


@pytest.fixture(scope="session")
def a11y_result(request: pytest.FixtureRequest, a11y_base_url: str) -> SuiteResult:
    """The whole selected matrix, run once."""
    config = request.config
    selected: list[Target] = [
        item.callspec.params["a11y_target"]
        for item in request.session.items
        if hasattr(item, "callspec") and item.callspec.params.get("a11y_target") is not None
    ]
    pages = sorted({t.page for t in selected}) or _csv(config.getoption("--a11y-pages"))
    locales = sorted({t.locale for t in selected}) or _csv(config.getoption("--a11y-locales"))
    modes = _csv(config.getoption("--a11y-modes"))
    try:
        return run_suite(SuiteOptions(
            base_url=a11y_base_url, locales=locales, modes=modes, pages=pages,
            report_dir=Path(config.getoption("--a11y-report")), workers=config.getoption("--a11y-workers"),
        ))
    except SuiteError as exc:
        pytest.fail(f"accessibility: {exc}", pytrace=False)
