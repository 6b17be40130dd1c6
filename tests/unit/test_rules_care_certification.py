"""要介護認定 rules: insured category by age, specified disease, insured number, proxy relation, documents."""

from __future__ import annotations

from datetime import date

import pytest

from rxapp.rules.deficiency import check
from tests.unit.rules_cases import facts, finding

P = "care_certification"
HARU = facts(name_kana="サトウ　ハル", birth_date=date(1944, 2, 11), household=(), care_insured_number="0512345678",
             acting_as_proxy=True)  # fmt: skip
GOOD = {"insured_number": "0512345678", "applicant_relation": "family", "doctor_name": "山田 一郎",
        "clinic_name": "八橋クリニック", "documents": "care_insurance_card"}  # fmt: skip


def test_good_answers_have_no_findings() -> None:
    assert check(P, GOOD, HARU) == []


def test_not_insured_under_40() -> None:
    assert finding(P, "care_not_insured", GOOD, HARU) is None
    fired = finding(P, "care_not_insured", GOOD, facts(birth_date=date(1990, 1, 1)))
    assert fired is not None and fired.blocks


def test_specified_disease_needed_between_40_and_64() -> None:
    keiko = facts(birth_date=date(1971, 6, 30), acting_as_proxy=False)
    mine = {**GOOD, "applicant_relation": "self"}
    assert finding(P, "care_specified_disease_needed", {**mine, "specified_disease": True}, keiko) is None
    assert finding(P, "care_specified_disease_needed", {**mine, "specified_disease": False}, HARU) is None  # 65+
    fired = finding(P, "care_specified_disease_needed", {**mine, "specified_disease": False}, keiko)
    assert fired is not None and fired.blocks and fired.field == "specified_disease"


def test_insured_number_differs_from_record() -> None:
    fired = finding(P, "care_insured_number_differs", {**GOOD, "insured_number": "0512345679"}, HARU)
    assert fired is not None and fired.severity == "check" and fired.params["on_record"] == "0512345678"


@pytest.mark.parametrize(("proxy", "good", "bad"), [(True, "family", "self"), (False, "self", "family")])
def test_relation_matches_who_applies(proxy: bool, good: str, bad: str) -> None:
    f = facts(birth_date=date(1944, 2, 11), acting_as_proxy=proxy)
    assert finding(P, "care_relation_proxy", {**GOOD, "applicant_relation": good}, f) is None
    assert finding(P, "care_relation_proxy", {**GOOD, "applicant_relation": bad}, f) is not None


def test_document_missing() -> None:
    fired = finding(P, "document_missing", {**GOOD, "documents": ""}, HARU)
    assert fired is not None and fired.blocks and fired.field == "documents"
