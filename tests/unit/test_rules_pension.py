"""国民年金 rules: student deferral and exemption limits from the FY table, status, period, documents."""

from __future__ import annotations

from datetime import date

from rxapp.rules.deficiency import check, period_end
from rxapp.rules.pension import deferral_limit, full_exemption_limit
from rxapp.rules.tables import parameters
from tests.unit.rules_cases import TODAY, facts, finding

D, E = "pension_student_deferral", "pension_exemption"
BISHNU = facts(name_kana="タパ　ビシュヌ", birth_date=date(2004, 8, 3), household=(), residence_status="student",
               residence_expires_on=date(2027, 10, 15))  # fmt: skip
AN = facts(name_kana="グエン　ヴァン　アン", birth_date=date(2002, 5, 14), household=(),
           residence_status="technical_intern_training_2", residence_expires_on=date(2027, 1, 20))  # fmt: skip
STUDENT = {"school_name": "新宿日本語学院", "school_type": "vocational", "enrolled_since": "2024-04-02",
           "previous_year_income": 470_000, "dependants": 0, "period": "current", "documents": "student_proof"}  # fmt: skip
EXEMPT = {"household_income": 600_000, "dependants": 0, "reason": "low_income", "period": "current"}


def test_limits_come_from_the_table() -> None:
    params = parameters(D, TODAY)
    assert deferral_limit(0, params) == 1_280_000 and deferral_limit(2, params) == 2_040_000
    assert full_exemption_limit(0, parameters(E, TODAY)) == 670_000
    assert full_exemption_limit(2, parameters(E, TODAY)) == 1_370_000


def test_good_answers_have_no_findings() -> None:
    assert check(D, STUDENT, BISHNU) == []
    assert check(E, EXEMPT, facts(residence_status=None)) == []


def test_not_a_student() -> None:
    assert finding(D, "not_a_student", STUDENT, BISHNU) is None
    by_status = finding(D, "not_a_student", STUDENT, AN)
    by_school = finding(D, "not_a_student", {**STUDENT, "school_type": "other"}, BISHNU)
    assert by_status is not None and by_status.params == {"reason": "status"} and by_status.severity == "check"
    assert by_school is not None and by_school.params == {"reason": "school"}


def test_enrolment_in_future() -> None:
    fired = finding(D, "enrolment_in_future", {**STUDENT, "enrolled_since": "2027-04-01"}, BISHNU)
    assert fired is not None and fired.blocks


def test_student_income_over_limit_counts_dependants() -> None:
    assert finding(D, "income_over_limit", {**STUDENT, "previous_year_income": 1_280_000}, BISHNU) is None
    assert finding(D, "income_over_limit", {**STUDENT, "previous_year_income": 1_500_000, "dependants": 1}, BISHNU) is None
    fired = finding(D, "income_over_limit", {**STUDENT, "previous_year_income": 1_280_001}, BISHNU)
    assert fired is not None and fired.params["limit"] == 1_280_000


def test_exemption_income_over_full_limit() -> None:
    assert finding(E, "income_over_full_exemption", {**EXEMPT, "household_income": 670_000}) is None
    partial = finding(E, "income_over_full_exemption", {**EXEMPT, "household_income": 1_200_000})
    none = finding(E, "income_over_full_exemption", {**EXEMPT, "household_income": 1_842_000})
    assert partial is not None and partial.params["partial"] == "yes" and partial.severity == "check"
    assert none is not None and none.params["partial"] == "no"


def test_residence_status_expires_before_the_period() -> None:
    assert period_end("current", TODAY, 4) == date(2027, 3, 31)
    assert period_end("current", TODAY, 7) == date(2027, 6, 30)
    assert period_end("previous", TODAY, 4) == date(2026, 3, 31)
    assert finding(D, "residence_ends_before_period", STUDENT, BISHNU) is None
    fired = finding(E, "residence_ends_before_period", EXEMPT, AN)
    assert fired is not None and fired.params == {"expires": "2027-01-20", "period_end": "2027-06-30"}
    assert finding(E, "residence_ends_before_period", {**EXEMPT, "period": "previous"}, AN) is None


def test_documents() -> None:
    fired = finding(D, "document_missing", {**STUDENT, "documents": ""}, BISHNU)
    assert fired is not None and fired.blocks and fired.params["document"] == "student_proof"
    assert finding(E, "document_missing", EXEMPT) is None  # low income: no document needed
    fired = finding(E, "document_missing", {**EXEMPT, "reason": "unemployment", "documents": ""})
    assert fired is not None and fired.params["document"] == "separation_notice"
    assert finding(E, "document_missing", {**EXEMPT, "reason": "unemployment", "documents": "separation_notice"}) is None
