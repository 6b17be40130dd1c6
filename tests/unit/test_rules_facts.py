"""Facts and pre-filled answers from the demo residents' record and わたしの情報, each with its source."""

from __future__ import annotations

from rxapp.backend import seed
from rxapp.rules.deficiency import check
from rxapp.rules.facts import build_facts, prefills
from tests.unit.rules_cases import TODAY


def _resident(rid: str):  # type: ignore[no-untyped-def]
    profile = next(p for p in seed._profiles() if p.resident_id == rid)
    return profile, seed._items().get(rid, [])


def test_chen_jing_newborn_prefill_passes_the_rules() -> None:
    profile, items = _resident("res-chen-jing")
    filled = prefills("child_allowance", TODAY, profile, items, account=None)
    assert filled["child_name_kana"].value == "リ　ショウウ" and filled["child_name_kana"].source == "resident_record"
    assert filled["child_birth_date"].value == seed.BABY_BIRTH.isoformat()
    assert filled["children_supported"].value == 1
    answers = {k: p.value for k, p in filled.items()} | {"payee_is_higher_earner": True, "use_public_fund_account": False}
    facts = build_facts(TODAY, profile, items, None)
    assert [f.code for f in check("child_allowance", answers, facts)] == []


def test_haru_care_number_from_care_insurance_record() -> None:
    profile, items = _resident("res-sato-haru")
    filled = prefills("care_certification", TODAY, profile, items, acting_as_proxy=True)
    assert filled["insured_number"].value == "0512345678"
    assert filled["insured_number"].source == "care_insurance" and filled["insured_number"].agency == "秋田県秋田市"
    assert filled["applicant_relation"].value == "family"


def test_income_and_medical_costs_from_info() -> None:
    profile, items = _resident("res-nguyen-van-an")
    assert prefills("pension_exemption", TODAY, profile, items)["household_income"].value == 1_842_000
    facts = build_facts(TODAY, profile, items)
    assert facts.income_yen == 1_842_000 and facts.medical_paid_yen == 5_520
    assert facts.residence_status == "technical_intern_training_2"
    profile, items = _resident("res-thapa-bishnu")
    assert "previous_year_income" not in prefills("pension_student_deferral", TODAY, profile, items)  # 給与収入 only
