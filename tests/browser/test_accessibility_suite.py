"""The accessibility suite's core over the running portal: every page of its inventory in ja, ja-easy, en and
ar × the default, simple, high-contrast and 200 % modes, the pseudo-locales in the default mode, every gallery
example as a row of its own, and expects zero failures. `make test` runs it over every page in ja, ja-easy, en
and ar (Makefile, A11Y_TEST_PAGES / A11Y_TEST_LOCALES narrow it while working). The report is written to
reports/accessibility-test/ (index.html, report.json, screenshots).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from accessibility.checks import all_checks
from accessibility.inventory import fetch_inventory
from accessibility.suite import SuiteOptions, default_workers, run_suite

pytestmark = pytest.mark.browser

REPORT = Path(__file__).resolve().parents[2] / "reports" / "accessibility-test"


def _env_list(name: str) -> list[str] | None:
    # MINNA_A11Y_PAGES / _LOCALES / _MODES narrow the matrix (empty: everything the portal lists).
    items = [v.strip() for v in os.environ.get(name, "").split(",") if v.strip()]
    return items or None


def test_every_page_locale_and_mode_meets_wcag_22_aa(portal_url: str) -> None:
    inventory = fetch_inventory(portal_url)
    pages, locales, modes = _env_list("MINNA_A11Y_PAGES"), _env_list("MINNA_A11Y_LOCALES"), _env_list("MINNA_A11Y_MODES")
    workers = int(os.environ.get("MINNA_A11Y_WORKERS", default_workers()))
    result = run_suite(SuiteOptions(base_url=portal_url, report_dir=REPORT, workers=workers,
                                    pages=pages, locales=locales, modes=modes))

    # The matrix really ran: every page, every real locale in every mode, pseudo-locales in the default mode.
    checked = {(r.page, r.locale, r.mode) for r in result.rows if not r.example}
    for page in inventory.pages:
        if pages and page.name not in pages:
            continue
        for code in page.locales:
            if locales and code not in locales:
                continue
            modes_here = ["default"] if inventory.locales[code].pseudo and not modes else modes or list(inventory.modes)
            for mode in modes_here:
                assert (page.name, code, mode) in checked, f"{page.name} · {code} · {mode} was not checked"
    every_check = [name for name, _ in all_checks()]
    assert all(r.checks_run == every_check for r in result.rows if not r.error), "a check did not run"

    for line in result.retried_lines():  # shown with -rA / in the captured output of a failure
        sys.stderr.write(f"accessibility: {line}\n")
    if result.failed_rows:
        lines = result.summary_lines(limit=80)
        pytest.fail(f"{len(result.failed_rows)} of {len(result.rows)} rows fail; report: {result.report_html}\n"
                    + "\n".join(lines), pytrace=False)
