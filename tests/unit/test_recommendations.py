"""Recommendation rules: each rule fires on the data it is about and stays quiet otherwise."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from rxapp.api.models import (
    Address,
    AmountValue,
    Application,
    ApplicationStatus,
    HouseholdMember,
    InfoCategory,
    InfoItem,
    Notice,
    PersonName,
    Relation,
    ResidenceStatus,
    ResidentProfile,
    StatusChange,
    TextValue,
)
from rxapp.rules.recommendations import THRESHOLDS, age_on, attention, birthday_in_year, recommend

TODAY = date(2026, 11, 27)
ADDR = Address(postal_code="100-0001", prefecture_code="13", prefecture="東京都", municipality="千代田区", street="1")


def person(
    birth: date,
    *,
    household: list[HouseholdMember] | None = None,
    status: ResidenceStatus | None = None,
    card: date = date(2032, 1, 1),
    certificate: date = date(2030, 1, 1),
) -> ResidentProfile:
    return ResidentProfile(
        resident_id="res-x", name=PersonName(kana="テスト"), birth_date=birth, address=ADDR,
        household=household or [], nationality="JP", residence_status=status, card_expires_on=card,
        certificate_expires_on=certificate, preferred_language="ja",
    )  # fmt: skip


def child(born: date) -> HouseholdMember:
    return HouseholdMember(name=PersonName(kana="コ", latin="BABY"), relation=Relation.child, relation_ja="子",
                           birth_date=born)  # fmt: skip


def application(procedure: str, status: ApplicationStatus, at: datetime | None = None) -> Application:
    when = at or datetime(2026, 11, 1, tzinfo=UTC)
    return Application(
        application_id="app-1", procedure_id=procedure, resident_id="res-x", created_by_resident_id="res-x",
        status=status, answers={}, created_at=when, updated_at=when,
        status_history=[StatusChange(status=status, at=when)],
    )  # fmt: skip


def allowance_item() -> InfoItem:
    return InfoItem(item_id="i1", category=InfoCategory.childcare, title="児童手当 受給状況",
                    values=[AmountValue(label="月額", amount_yen=15_000)], source_agency="市", as_of=TODAY)  # fmt: skip


def pension_item(premium: int) -> InfoItem:
    return InfoItem(item_id="p1", category=InfoCategory.pension, title="国民年金 保険料納付状況",
                    values=[TextValue(label="種別", text="第1号被保険者"), AmountValue(label="月額保険料", amount_yen=premium)],
                    source_agency="日本年金機構", as_of=TODAY)  # fmt: skip


def codes(found: list) -> list[str]:
    return [r.code for r in found]


# --------------------------------------------------------------------------------------------- child allowance


def test_newborn_without_allowance_is_recommended_with_the_15_day_deadline() -> None:
    born = TODAY - timedelta(days=5)
    found = recommend(person(date(1993, 1, 25), household=[child(born)]), [], [], TODAY)
    assert codes(found) == ["child_allowance"]
    assert found[0].due == born + timedelta(days=15)
    assert found[0].days_left == 10
    assert found[0].urgent
    assert found[0].procedure_id == "child_allowance"


def test_no_child_allowance_recommendation_when_already_received_or_applied() -> None:
    profile = person(date(1993, 1, 25), household=[child(TODAY - timedelta(days=5))])
    assert recommend(profile, [allowance_item()], [], TODAY) == []
    submitted = application("child_allowance", ApplicationStatus.submitted)
    assert recommend(profile, [], [submitted], TODAY) == []
    # A draft was never sent: still recommended.
    draft = application("child_allowance", ApplicationStatus.draft)
    assert codes(recommend(profile, [], [draft], TODAY)) == ["child_allowance"]


def test_older_children_do_not_trigger_the_newborn_rule() -> None:
    limit = int(THRESHOLDS["child_allowance"]["newborn_max_days"])
    profile = person(date(1985, 1, 1), household=[child(TODAY - timedelta(days=limit + 1))])
    assert recommend(profile, [], [], TODAY) == []


# --------------------------------------------------------------------------------------------- care insurance


def test_65th_birthday_within_the_notice_period() -> None:
    birth = date(1962, 1, 20)  # 65 on 2027-01-20: 54 days away
    found = recommend(person(birth), [], [], TODAY)
    assert codes(found) == ["care_insurance_65"]
    assert found[0].due == date(2027, 1, 20)
    assert found[0].days_left == 54


def test_65th_birthday_too_far_away_or_past() -> None:
    assert recommend(person(date(1962, 6, 1)), [], [], TODAY) == []  # 186 days away
    assert recommend(person(date(1944, 2, 11)), [], [], TODAY) == []  # 82 years old


def test_leap_day_birthday() -> None:
    assert birthday_in_year(date(1964, 2, 29), 2029) == date(2029, 3, 1)
    assert age_on(date(2000, 2, 29), date(2021, 2, 28)) == 20
    assert age_on(date(2000, 2, 29), date(2021, 3, 1)) == 21


# --------------------------------------------------------------------------------------------- student deferral

STUDENT = ResidenceStatus(code="student", name_ja="留学", expires_on=date(2027, 10, 15))


def test_student_paying_premiums_gets_the_deferral() -> None:
    found = recommend(person(date(2004, 8, 3), status=STUDENT), [pension_item(17_510)], [], TODAY)
    assert codes(found) == ["student_deferral"]
    assert found[0].procedure_id == "pension_student_deferral"


def test_no_deferral_when_not_paying_not_a_student_too_young_or_already_applied() -> None:
    assert recommend(person(date(2004, 8, 3), status=STUDENT), [pension_item(0)], [], TODAY) == []
    worker = ResidenceStatus(code="specified_skilled_worker_1", name_ja="特定技能1号", expires_on=date(2028, 1, 1))
    assert recommend(person(date(2004, 8, 3), status=worker), [pension_item(17_510)], [], TODAY) == []
    assert recommend(person(date(2008, 1, 1), status=STUDENT), [pension_item(17_510)], [], TODAY) == []
    applied = application("pension_student_deferral", ApplicationStatus.received)
    assert recommend(person(date(2004, 8, 3), status=STUDENT), [pension_item(17_510)], [applied], TODAY) == []


# --------------------------------------------------------------------------------------------- expiry


def test_residence_card_and_certificate_ending_within_90_days() -> None:
    end = TODAY + timedelta(days=54)
    status = ResidenceStatus(code="technical_intern_training_2", name_ja="技能実習", expires_on=end)
    found = recommend(person(date(2002, 5, 14), status=status, card=end, certificate=end), [], [], TODAY)
    assert codes(found) == ["renew_residence", "renew_card", "renew_certificate"]
    assert all(r.days_left == 54 and not r.urgent for r in found)
    # The card and certificate end because the stay ends: renew the status first.
    assert found[1].params == {"after_residence": "yes"}
    assert found[0].params == {}


@pytest.mark.parametrize(("days", "expected"), [(91, []), (90, ["renew_card"]), (0, ["renew_card"]),
                                                 (-3, ["renew_card"])])  # fmt: skip
def test_card_expiry_boundary(days: int, expected: list[str]) -> None:
    found = recommend(person(date(1970, 1, 1), card=TODAY + timedelta(days=days)), [], [], TODAY)
    assert codes(found) == expected
    if found:
        assert found[0].urgent == (days <= int(THRESHOLDS["expiry"]["urgent_days"]))


def test_urgent_first_then_soonest() -> None:
    born = TODAY - timedelta(days=2)
    profile = person(date(1962, 1, 20), household=[child(born)], certificate=TODAY + timedelta(days=80))
    found = recommend(profile, [], [], TODAY)
    assert codes(found) == ["child_allowance", "care_insurance_65", "renew_certificate"]


# --------------------------------------------------------------------------------------------- attention


def test_attention_counts_unread_drafts_and_recent_decisions() -> None:
    sent = datetime(2026, 11, 1, tzinfo=UTC)
    notices = [
        Notice(notice_id=f"n{i}", sent_at=sent, sender_agency="市", title="t", body="b", read=read)
        for i, read in enumerate([False, True, False])
    ]
    apps = [
        application("a", ApplicationStatus.draft),
        application("b", ApplicationStatus.approved, datetime(2026, 11, 20, tzinfo=UTC)),
        application("c", ApplicationStatus.approved, datetime(2026, 9, 1, tzinfo=UTC)),
        application("d", ApplicationStatus.submitted, datetime(2026, 11, 26, tzinfo=UTC)),
    ]
    found = attention(notices, apps, TODAY)
    assert found.unread_notices == 2
    assert found.drafts == 1
    assert [a.procedure_id for a in found.recent_status_changes] == ["b"]


# --------------------------------------------------------------------------------------------- demo residents


@pytest.mark.parametrize(("resident", "expected"), [
    ("res-chen-jing", ["child_allowance"]),
    ("res-nguyen-van-an", ["renew_residence", "renew_card", "renew_certificate"]),
    ("res-thapa-bishnu", ["student_deferral"]),
    ("res-souza-ana", []),
    ("res-sato-haru", []),
])  # fmt: skip
def test_demo_residents(resident: str, expected: list[str]) -> None:
    from rxapp.backend import seed

    profile = next(p for p in seed._profiles() if p.resident_id == resident)
    items = seed._items().get(resident, [])
    assert codes(recommend(profile, items, [], seed.DEMO_TODAY)) == expected
