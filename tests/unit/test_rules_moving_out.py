"""転出届 rules: the online window (30 days before to 10 days after), age, card, household size."""

from __future__ import annotations

from datetime import date

import pytest

from rxapp.rules.deficiency import check
from tests.unit.rules_cases import facts, finding

P = "moving_out"
GOOD = {"move_date": "2026-12-20", "new_postal_code": "100-0001", "new_address": "東京都千代田区", "members_moving": 2}


def test_good_answers_have_no_findings() -> None:
    assert check(P, GOOD, facts(card_expires_on=date(2029, 3, 31))) == []


@pytest.mark.parametrize(
    ("code", "good_date", "bad_date"),
    [
        ("move_date_too_early", "2026-12-27", "2026-12-28"),  # exactly 30 days ahead is allowed, 31 not
        ("move_date_too_late", "2026-11-17", "2026-11-16"),  # 10 days after is allowed, 11 not
    ],
)
def test_window(code: str, good_date: str, bad_date: str) -> None:
    assert finding(P, code, {**GOOD, "move_date": good_date}) is None
    fired = finding(P, code, {**GOOD, "move_date": bad_date})
    assert fired is not None and fired.severity == "error" and fired.field == "move_date"


def test_too_late_says_until_when() -> None:
    fired = finding(P, "move_date_too_late", {**GOOD, "move_date": "2026-11-01"})
    assert fired is not None and fired.params["until"] == "2026-11-11"


def test_applicant_too_young() -> None:
    assert finding(P, "applicant_too_young", GOOD) is None
    fired = finding(P, "applicant_too_young", GOOD, facts(birth_date=date(2012, 1, 1)))
    assert fired is not None and fired.blocks and fired.field == ""


def test_card_expires_before_move() -> None:
    assert finding(P, "card_expires_before_move", GOOD, facts(card_expires_on=date(2027, 1, 20))) is None
    fired = finding(P, "card_expires_before_move", {**GOOD, "move_date": "2026-12-20"}, facts(card_expires_on=date(2026, 12, 1)))
    assert fired is not None and fired.severity == "check"


def test_members_more_than_household() -> None:
    assert finding(P, "members_more_than_household", {**GOOD, "members_moving": 3}) is None
    fired = finding(P, "members_more_than_household", {**GOOD, "members_moving": 4})
    assert fired is not None and fired.params == {"given": 4, "household": 3}
