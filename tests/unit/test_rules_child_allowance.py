"""児童手当 rules: each rule passes for a good answer and fires for a bad one; amounts from the table."""

from __future__ import annotations

from datetime import date

import pytest

from rxapp.rules.child_allowance import monthly_amount
from rxapp.rules.deficiency import Member, end_of_school_year_after
from rxapp.rules.tables import parameters
from tests.unit.rules_cases import TODAY, facts, finding

P = "child_allowance"
GOOD = {"child_name_kana": "リ　ショウウ", "child_birth_date": "2026-11-22", "children_supported": 1,
        "payee_is_higher_earner": True, "use_public_fund_account": True}  # fmt: skip
ACCOUNT = facts(has_public_fund_account=True)


def test_good_answers_have_no_findings() -> None:
    from rxapp.rules.deficiency import check

    assert check(P, GOOD, ACCOUNT) == []


@pytest.mark.parametrize(
    ("code", "bad", "severity", "field"),
    [
        ("child_birth_in_future", {"child_birth_date": "2026-12-10"}, "error", "child_birth_date"),
        ("child_too_old", {"child_birth_date": "2007-04-01"}, "error", "child_birth_date"),
        ("late_application", {"child_birth_date": "2026-11-01"}, "check", "child_birth_date"),
        ("child_not_on_record", {"child_name_kana": "リ　ショウ"}, "check", "child_name_kana"),
        ("children_fewer_than_record", {"children_supported": 0}, "check", "children_supported"),
        ("payee_not_higher_earner", {"payee_is_higher_earner": False}, "check", "payee_is_higher_earner"),
        ("holder_mismatch", {"use_public_fund_account": False, "holder_kana": "リ　イ"}, "error", "holder_kana"),
    ],
)
def test_rule_fires_and_passes(code: str, bad: dict, severity: str, field: str) -> None:
    assert finding(P, code, GOOD, ACCOUNT) is None
    fired = finding(P, code, {**GOOD, **bad}, ACCOUNT)
    assert fired is not None and fired.severity == severity and fired.field == field


def test_no_public_fund_account() -> None:
    assert finding(P, "no_public_fund_account", GOOD, ACCOUNT) is None
    fired = finding(P, "no_public_fund_account", GOOD, facts(has_public_fund_account=False))
    assert fired is not None and fired.blocks


def test_own_account_in_own_name_passes_with_other_spacing() -> None:
    answers = {**GOOD, "use_public_fund_account": False, "holder_kana": "ちん せい"}
    assert finding(P, "holder_mismatch", answers, ACCOUNT) is None


def test_eligible_until_first_31_march_after_18th_birthday() -> None:
    # Born 1 April: reaches 18 on 31 March (the day before the birthday), counted until that day.
    assert end_of_school_year_after(date(2008, 4, 1), 18) == date(2026, 3, 31)
    assert end_of_school_year_after(date(2008, 4, 2), 18) == date(2027, 3, 31)
    assert end_of_school_year_after(date(2009, 3, 31), 18) == date(2027, 3, 31)
    # A 2008-04-02 child (18 in April 2026) is still eligible today; one born 2008-04-01 is not.
    assert finding(P, "child_too_old", {**GOOD, "child_birth_date": "2008-04-02"}, ACCOUNT) is None
    assert finding(P, "child_too_old", {**GOOD, "child_birth_date": "2008-04-01"}, ACCOUNT) is not None


def test_monthly_amounts_follow_the_table() -> None:
    params = parameters(P, TODAY)
    newborn = date(2026, 11, 22)
    assert monthly_amount(newborn, 1, TODAY, params) == 15_000
    assert monthly_amount(date(2020, 4, 22), 2, TODAY, params) == 10_000
    assert monthly_amount(newborn, 3, TODAY, params) == 30_000  # third child at any age
    assert monthly_amount(date(2007, 4, 1), 1, TODAY, params) == 0  # past eligibility
    # Until the month of the third birthday the under-3 amount applies.
    assert monthly_amount(date(2023, 11, 5), 1, TODAY, params) == 15_000
    assert monthly_amount(date(2023, 10, 5), 1, TODAY, params) == 10_000


def test_older_siblings_up_to_22_count_for_the_third_child() -> None:
    from rxapp.rules.child_allowance import counted_children

    household = (*facts().household, Member("リ　ア", date(2005, 5, 1), "child"), Member("リ　ビ", date(2003, 5, 1), "child"))
    f = facts(household=household)
    # 2005 child: 21, counts; 2003 child: 23 and past 31 March after 22 → does not count.
    assert counted_children(f, TODAY, parameters(P, TODAY)) == 2


def test_backend_figures_override_the_table() -> None:
    params = parameters(P, TODAY, {"monthly_under_3_yen": 16_000, "unknown": 1})
    assert params["monthly_under_3_yen"] == 16_000 and "unknown" not in params
