"""Thresholds of the application rules, as data: one table per procedure, each row valid from a date.

Figures change by fiscal year (April–March) or by law (児童手当 since October 2024), so a rule never holds a
number: it asks `parameters(procedure_id, on=day)` for the row in force that day. The backend sends its own
figures in `Procedure.parameters`; they override the row key by key (the agency's word wins), and a unit test
keeps the demo backend's seed and these tables in step.

Rows marked "check" are the demo's values (see /work/shared/reference/domain.md), not verified for the year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

Value = int | str


@dataclass(frozen=True)
class Row:
    """The figures of one procedure from `valid_from` until the next row begins."""

    valid_from: date
    values: Mapping[str, Value]
    source: str  # where the figures come from; "check" when they are the demo's values


TABLES: dict[str, tuple[Row, ...]] = {
    # 児童手当: no income limit since October 2024; monthly amounts per child.
    "child_allowance": (
        Row(date(2024, 10, 1), {
            "monthly_under_3_yen": 15_000,
            "monthly_3_to_18_yen": 10_000,
            "monthly_third_child_yen": 30_000,
            "under_age": 3,  # "under 3": until the month of the 3rd birthday
            "eligible_until_age": 18,  # until the first 31 March after this birthday
            "sibling_counts_until_age": 22,  # older siblings supported count towards the third child
            "apply_within_days": 15,
        }, "domain.md: rules since October 2024"),
    ),
    # 転出届 online: from 30 days before the move to 10 days after it, applicant 15 or older.
    "moving_out": (
        Row(date(2023, 2, 6), {"days_before_move": 30, "days_after_move": 10, "min_age": 15},
            "domain.md: online 転出届 window"),
    ),
    # 要介護認定: 第1号 65+, 第2号 40–64 only for the 16 specified diseases.
    "care_certification": (
        Row(date(2000, 4, 1), {"first_insured_min_age": 65, "second_insured_min_age": 40,
                               "second_insured_max_age": 64, "result_within_days": 30},
            "domain.md: long-term-care insurance"),
    ),
    # 学生納付特例: the student's own previous-year income (所得).
    "pension_student_deferral": (
        Row(date(2025, 4, 1), {"income_limit_base_yen": 1_280_000, "income_limit_per_dependant_yen": 380_000,
                               "monthly_premium_yen": 17_510, "period_start_month": 4},
            "FY2025 (check)"),
    ),
    # 免除: the household's previous-year income; full exemption up to (dependants + 1) × 350,000 + 320,000.
    # The partial rows (¾, ½, ¼) use base + 380,000 per dependant, a simplification of the deductions.
    "pension_exemption": (
        Row(date(2025, 4, 1), {"full_exemption_base_yen": 320_000, "full_exemption_per_person_yen": 350_000,
                               "quarter_exemption_base_yen": 1_680_000, "partial_per_dependant_yen": 380_000,
                               "monthly_premium_yen": 17_510, "period_start_month": 7},
            "FY2025 (check)"),
    ),
    # 公金受取口座: one account per person, in their own name.
    "public_fund_account": (
        Row(date(2022, 3, 28), {"bank_code_digits": 4, "branch_code_digits": 3, "account_number_digits": 7},
            "domain.md: public-fund receiving account"),
    ),
    # 医療費控除 for 確定申告: costs above 100,000 yen, or 5 % of income when income is under 2 million.
    "tax_return_medical": (
        Row(date(2017, 1, 1), {"threshold_yen": 100_000, "income_rate_percent": 5,
                               "low_income_limit_yen": 2_000_000, "max_deduction_yen": 2_000_000},
            "domain.md: medical-cost deduction"),
    ),
}


def row_for(procedure_id: str, on: date) -> Row:
    """The row in force on `on` (the latest that began on or before it; the first row before any began)."""
    rows = sorted(TABLES[procedure_id], key=lambda r: r.valid_from)
    chosen = rows[0]
    for row in rows:
        if row.valid_from <= on:
            chosen = row
    return chosen


def parameters(procedure_id: str, on: date, overrides: Mapping[str, Value] | None = None) -> dict[str, Value]:
    """The figures for a procedure on a day; the backend's `Procedure.parameters` override them by key."""
    values: dict[str, Value] = dict(row_for(procedure_id, on).values)
    for key, value in (overrides or {}).items():
        if key in values:
            values[key] = value
    return values


def fiscal_year(day: date) -> int:
    """The Japanese fiscal year (April to March) a day falls in, by its starting year."""
    return day.year if day.month >= 4 else day.year - 1
