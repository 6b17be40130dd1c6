"""Honest checks: every check of the accessibility suite fails on a page that is bad on purpose, and a good page
passes them all, in every mode. Pages in accessibility/fixtures/, served by a tiny local server (no app needed).

The matrix runs once through the real suite (`run_suite`: inventory, parallel workers, allowlist, report);
each test then reads the rows of its fixture. Besides the expected rules, nothing else may fire (precision).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from accessibility.allowlist import AllowEntry
from accessibility.checks.pixels import Analyzer
from accessibility.fixtures.server import MANIFEST, serve
from accessibility.inventory import build_targets, fetch_inventory
from accessibility.model import RowResult
from accessibility.runner import RunConfig, check_target
from accessibility.signin import SignInError, sign_in_with_demo_card
from accessibility.suite import SuiteOptions, SuiteResult, run_suite

pytestmark = pytest.mark.browser

MORE_MODES = ["good", "good-ar", "clipped-200", "simple-target"]
EMULATED = ["good", "good-ar", "media-emulations"]  # also under reduced motion, forced colours, dark scheme
OWN_CHECKS = ["unlabelled-input", "tiny-target", "missing-lang"]  # where axe reports the same problem first

# fixture → (rules that must fire, rules that may fire as a consequence); "check/rule", "@variant" if not plain.
EXPECTED: dict[str, tuple[set[str], set[str]]] = {
    "good": (set(), set()),
    "good-ar": (set(), set()),
    "unlabelled-input": ({"axe/label"}, set()),
    "low-contrast": ({"axe/color-contrast"}, set()),
    "missing-lang": ({"axe/html-has-lang"}, set()),
    "hscroll-320": ({"layout/reflow-320@320px"}, set()),
    "tiny-target": ({"axe/target-size"}, set()),
    "focus-hidden-sticky": ({"keyboard/focus-obscured"}, set()),
    "skipped-heading": ({"structure/heading-skipped-level"}, set()),
    "no-main": ({"structure/landmark-main"}, set()),
    "no-focus-style": ({"keyboard/focus-visible"}, set()),
    "faint-focus": ({"keyboard/focus-indicator-contrast"}, set()),
    "offscreen-focus": ({"keyboard/focus-offscreen"}, set()),
    "positive-tabindex": ({"keyboard/tabindex-positive"}, {"keyboard/focus-order-visual"}),
    "visual-order": ({"keyboard/focus-order-visual"}, set()),
    "keyboard-trap": ({"keyboard/keyboard-trap"}, {"keyboard/keyboard-unreachable"}),
    "unreachable": ({"keyboard/keyboard-unreachable"}, set()),
    "clipped-200": (set(), set()),
    "overlap": ({"layout/text-overlap"}, set()),
    "text-spacing": ({"layout/text-clipped@text-spacing"}, set()),
    "lang-of-parts": ({"language/lang-of-parts", "language/language-name-lang"}, set()),
    "wrong-dir": ({"language/html-dir"}, set()),
    "two-h1": ({"structure/one-h1"}, set()),
    "untranslated-title": ({"structure/title-untranslated"}, {"structure/title-describes-page"}),
    "duplicate-title-a": ({"structure/title-unique"}, set()),
    "duplicate-title-b": ({"structure/title-unique"}, set()),
    "error-summary-no-focus": ({"forms/error-summary-focus", "forms/error-described"}, set()),
    "simple-target": (set(), set()),
    "media-emulations": ({"layout/reflow-320@reduced-motion", "layout/reflow-320@forced-colors",
                          "axe/color-contrast@dark"}, set()),
    "pseudo-escape": ({"language/pseudo-untranslated"}, set()),
    "signed-in": (set(), set()),
    "examples": (set(), set()),  # the page row; the bad example has a row of its own (below)
}
IN_MODE: dict[tuple[str, str], set[str]] = {
    ("clipped-200", "200"): {"layout/text-clipped"},
    ("simple-target", "simple"): {"targets/target-size-simple"},
}
WITHOUT_AXE: dict[str, set[str]] = {
    "unlabelled-input": {"forms/control-label"},
    "tiny-target": {"targets/target-size"},
    "missing-lang": {"language/html-lang"},
}


def rules(rows: list[RowResult]) -> set[str]:
    return {f"{f.check}/{f.rule}" + (f"@{f.variant}" if f.variant else "") for r in rows for f in r.failures}


@pytest.fixture(scope="module")
def fixtures_url() -> Iterator[str]:
    with serve() as url:
        yield url


@pytest.fixture(scope="module")
def runs(fixtures_url: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, SuiteResult]:
    report = tmp_path_factory.mktemp("a11y-fixtures")
    plain = [name for name in MANIFEST if name not in EMULATED]
    return {
        "default": run_suite(SuiteOptions(fixtures_url, modes=["default"], pages=plain, emulations=False,
                                          report_dir=report / "default", workers=2)),
        "emulated": run_suite(SuiteOptions(fixtures_url, modes=["default"], pages=EMULATED,
                                           report_dir=report / "emulated", workers=2)),
        "modes": run_suite(SuiteOptions(fixtures_url, modes=["simple", "high-contrast", "200"], pages=MORE_MODES,
                                        report_dir=report / "modes", workers=2)),
        "own": run_suite(SuiteOptions(fixtures_url, modes=["default"], pages=OWN_CHECKS, workers=2, emulations=False,
                                      checks=("keyboard", "language", "structure", "targets", "layout", "forms"))),
    }


def rows_of(result: SuiteResult, page: str, mode: str = "default", example: str = "") -> list[RowResult]:
    found = [r for r in result.rows if r.page == page and r.mode == mode and r.example == example]
    assert found, f"no row for {page} in {mode}"
    for row in found:
        assert not row.error, f"{row.key} was not checked: {row.error}"
        assert len(row.checks_run) >= 6, row.checks_run
    return found


def test_every_fixture_is_in_the_expectations() -> None:
    assert set(EXPECTED) == set(MANIFEST)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_check_fails_exactly_where_it_should(runs: dict[str, SuiteResult], name: str) -> None:
    must, may = EXPECTED[name]
    found = rules(rows_of(runs["emulated" if name in EMULATED else "default"], name))
    assert must <= found, f"{name}: expected {sorted(must - found)} among {sorted(found)}"
    assert found <= must | may, f"{name}: unexpected {sorted(found - must - may)}"


@pytest.mark.parametrize("name", MORE_MODES)
@pytest.mark.parametrize("mode", ["simple", "high-contrast", "200"])
def test_display_modes(runs: dict[str, SuiteResult], name: str, mode: str) -> None:
    must = IN_MODE.get((name, mode), set())
    found = {r.split("@")[0] for r in rules(rows_of(runs["modes"], name, mode))}
    assert found == must


@pytest.mark.parametrize("name", OWN_CHECKS)
def test_own_checks_catch_what_axe_also_catches(runs: dict[str, SuiteResult], name: str) -> None:
    found = rules(rows_of(runs["own"], name))
    assert WITHOUT_AXE[name] <= found, sorted(found)


def test_wcag_criteria_and_screenshots_are_reported(runs: dict[str, SuiteResult]) -> None:
    result = runs["default"]
    assert result.report_html and result.report_html.exists() and result.report_json and result.report_json.exists()
    spacing = rows_of(result, "text-spacing")[0].failures[0]
    assert spacing.wcag == "1.4.12"
    obscured = rows_of(result, "focus-hidden-sticky")[0].failures[0]
    assert obscured.wcag == "2.4.11"
    for run in (result, runs["emulated"]):
        assert run.report_html
        for row in run.rows:
            for finding in row.failures:
                assert finding.wcag, f"{finding.rule} has no WCAG criterion"
                assert finding.screenshot, f"{row.key} {finding.rule} has no screenshot"
                assert (run.report_html.parent / finding.screenshot).exists()
    assert result.exit_code == 1


def test_gallery_examples_are_rows_of_their_own(runs: dict[str, SuiteResult]) -> None:
    result = runs["default"]
    bad = rows_of(result, "examples", example="example-button-unnamed")
    assert "axe/button-name" in rules(bad)
    assert rows_of(result, "examples", example="example-button-default")[0].passed
    assert rows_of(result, "examples")[0].passed  # the page row keeps only what is outside the examples


def test_a_clean_selection_exits_zero(fixtures_url: str) -> None:
    result = run_suite(SuiteOptions(fixtures_url, pages=["good"], modes=["default"], workers=1))
    assert result.exit_code == 0 and len(result.rows) == 1 and result.rows[0].checks_run


# The sign-in step, against the fixture sign-in page (the portal's own arrives later).

def test_sign_in_with_a_demo_card(browser: Browser, fixtures_url: str) -> None:
    page = browser.new_page()
    try:
        sign_in_with_demo_card(page, fixtures_url, "en", {})
        page.goto(f"{fixtures_url}/en/signed-in")
        assert page.url.endswith("/en/signed-in")
        assert page.locator("h1").inner_text() == "Your page"
        assert page.evaluate("sessionStorage.getItem('fixture-session')") == "card-001"  # the unlocked card
    finally:
        page.close()


def test_sign_in_with_a_wrong_pin_is_an_error(browser: Browser, fixtures_url: str) -> None:
    page = browser.new_page()
    try:
        with pytest.raises(SignInError, match="not signed in"):
            sign_in_with_demo_card(page, fixtures_url, "en", {"demo_pin": "0000"})
    finally:
        page.close()


def test_a_signed_in_page_without_a_session_is_not_a_pass(browser: Browser, fixtures_url: str) -> None:
    target = build_targets(fetch_inventory(fixtures_url), pages=["signed-in"], modes=["default"])[0]
    rows = check_target(browser, None, target, RunConfig(fixtures_url), sign_in=lambda *args: None)
    assert not rows[0].passed and "sign-in step did not hold" in rows[0].error


# The allowlist, applied against the live page.

def allow_run(browser: Browser, url: str, expires: date, selector: str = ".faint") -> RowResult:
    target = build_targets(fetch_inventory(url), pages=["low-contrast"], modes=["default"], emulations=False)[0]
    entry = AllowEntry("color-contrast", selector, "vendor widget, upstream issue #1", expires)
    analyzer = Analyzer(browser)
    try:
        return check_target(browser, analyzer, target, RunConfig(url, allowlist=[entry], checks=("axe",)))[0]
    finally:
        analyzer.close()


def test_allowlist_excuses_a_named_element_until_it_expires(browser: Browser, fixtures_url: str) -> None:
    excused = allow_run(browser, fixtures_url, date(2099, 1, 1))
    assert excused.passed and [f.rule for f in excused.excused] == ["color-contrast"]
    assert excused.allowlist_used == [0]
    inside = allow_run(browser, fixtures_url, date(2099, 1, 1), selector="#main")  # the element sits inside #main
    assert inside.passed
    expired = allow_run(browser, fixtures_url, date(2020, 1, 1))
    assert not expired.passed and "expired on 2020-01-01" in expired.failures[0].note
    other = allow_run(browser, fixtures_url, date(2099, 1, 1), selector=".something-else")
    assert not other.passed


def test_fixture_report_is_written(runs: dict[str, SuiteResult]) -> None:
    html = Path(runs["default"].report_html or "").read_text(encoding="utf-8")
    assert "focus-obscured" in html and "2.4.11 Focus Not Obscured (Minimum)" in html


# A row that could not be checked (a crash, not a finding) gets one more attempt in a fresh tab.

def _flaky_check_loaded(monkeypatch: pytest.MonkeyPatch, fail_times: int) -> list[Any]:
    """check_loaded that reports a crash for its first `fail_times` calls, then checks for real."""
    from accessibility import runner

    real = runner.check_loaded
    pages: list[Any] = []

    def flaky(page: Any, analyzer: Any, target: Any, config: Any, focus_cache: Any = None) -> list[RowResult]:
        pages.append(page)
        if len(pages) <= fail_times:
            return [RowResult(target.page, target.locale, target.mode, config.base_url + target.path,
                              error=f"TimeoutError: attempt {len(pages)} hung")]
        return real(page, analyzer, target, config, focus_cache)

    monkeypatch.setattr(runner, "check_loaded", flaky)
    return pages


def _check_one(browser: Browser, url: str, page: str, **config: Any) -> list[RowResult]:
    target = build_targets(fetch_inventory(url), pages=[page], modes=["default"], emulations=False)[0]
    return check_target(browser, None, target, RunConfig(url, **config))


def test_a_row_that_crashed_is_checked_once_more_in_a_fresh_tab(
    browser: Browser, fixtures_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _flaky_check_loaded(monkeypatch, fail_times=1)
    rows = _check_one(browser, fixtures_url, "good")
    assert len(pages) == 2 and pages[0].context is not pages[1].context  # a new context: nothing carried over
    assert rows[0].passed and rows[0].retried == "TimeoutError: attempt 1 hung"
    assert rows[0].checks_run  # the second attempt really ran the checks


def test_a_row_that_crashes_twice_fails_and_keeps_both_errors(
    browser: Browser, fixtures_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = _flaky_check_loaded(monkeypatch, fail_times=2)
    rows = _check_one(browser, fixtures_url, "good")
    assert len(pages) == 2
    assert not rows[0].passed
    assert rows[0].error == "TimeoutError: attempt 2 hung" and rows[0].retried == "TimeoutError: attempt 1 hung"


def test_findings_are_never_retried(browser: Browser, fixtures_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _flaky_check_loaded(monkeypatch, fail_times=0)
    rows = _check_one(browser, fixtures_url, "low-contrast", checks=("axe",))
    assert len(pages) == 1 and not rows[0].passed and not rows[0].retried
    assert any(f.rule == "color-contrast" for f in rows[0].failures)
