"""Every page × locale × display mode of the portal passes WCAG 2.2 AA (see accessibility/conftest.py)."""

from __future__ import annotations

import pytest

from accessibility.model import Target
from accessibility.suite import SuiteResult


def test_page_locale_mode(a11y_target: Target | None, a11y_result: SuiteResult) -> None:
    if a11y_target is None:  # the portal was started here: the whole matrix is this one test
        rows = a11y_result.rows
    else:
        rows = [r for r in a11y_result.rows
                if (r.page, r.locale, r.mode) == (a11y_target.page, a11y_target.locale, a11y_target.mode)]
        assert rows, f"{a11y_target.key} was not checked"
    failing = [r for r in rows if not r.passed]
    lines = [line for line in a11y_result.summary_lines(limit=10_000) if any(line.startswith(r.key) for r in failing)]
    if failing:
        pytest.fail(f"report: {a11y_result.report_html}\n" + "\n".join(lines[:60]), pytrace=False)
