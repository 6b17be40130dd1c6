"""国民年金保険料: student deferral (学生納付特例) and exemption (免除), judged on previous-year income."""

from __future__ import annotations

from rxapp.rules.deficiency import (
    Answers,
    Facts,
    Fired,
    Params,
    as_date,
    as_int,
    documents_of,
    period_end,
    rule,
)

DEFERRAL = "pension_student_deferral"
EXEMPTION = "pension_exemption"
STUDENT_STATUS_CODES = frozenset({"student"})  # 在留資格「留学」
STUDENT_DOCUMENT = "student_proof"  # 学生証の写し or 在学証明書
UNEMPLOYMENT_DOCUMENT = "separation_notice"  # 離職票


def deferral_limit(dependants: int, params: Params) -> int:
    return int(params["income_limit_base_yen"]) + int(params["income_limit_per_dependant_yen"]) * dependants


def full_exemption_limit(dependants: int, params: Params) -> int:
    return int(params["full_exemption_base_yen"]) + int(params["full_exemption_per_person_yen"]) * (dependants + 1)


def quarter_exemption_limit(dependants: int, params: Params) -> int:
    return int(params["quarter_exemption_base_yen"]) + int(params["partial_per_dependant_yen"]) * dependants


# ---------------------------------------------------------------------------------------------- student deferral


@rule(DEFERRAL, "not_a_student", "check", "school_type")
def _not_student(a: Answers, facts: Facts, params: Params) -> Fired:
    """The deferral is for students of universities, colleges, vocational schools and the like."""
    if a.get("school_type") == "other":
        return {"reason": "school"}
    if facts.residence_status is not None and facts.residence_status not in STUDENT_STATUS_CODES:
        return {"reason": "status"}
    return None


@rule(DEFERRAL, "enrolment_in_future", "error", "enrolled_since")
def _future(a: Answers, facts: Facts, params: Params) -> Fired:
    since = as_date(a.get("enrolled_since"))
    if since is None or since <= facts.today:
        return None
    return {"since": since.isoformat()}


@rule(DEFERRAL, "income_over_limit", "check", "previous_year_income")
def _deferral_income(a: Answers, facts: Facts, params: Params) -> Fired:
    income, dependants = as_int(a.get("previous_year_income")), as_int(a.get("dependants")) or 0
    if income is None:
        return None
    limit = deferral_limit(dependants, params)
    return {"income": income, "limit": limit} if income > limit else None


@rule((DEFERRAL, EXEMPTION), "residence_ends_before_period", "check", "period")
def _residence(a: Answers, facts: Facts, params: Params) -> Fired:
    end = period_end(a.get("period"), facts.today, int(params["period_start_month"]))
    if end is None or facts.residence_expires_on is None or facts.residence_expires_on >= end:
        return None
    return {"expires": facts.residence_expires_on.isoformat(), "period_end": end.isoformat()}


@rule(DEFERRAL, "document_missing", "error", "documents")
def _student_document(a: Answers, facts: Facts, params: Params) -> Fired:
    if "documents" not in a or STUDENT_DOCUMENT in documents_of(a.get("documents")):
        return None
    return {"document": STUDENT_DOCUMENT}


# ---------------------------------------------------------------------------------------------- exemption


@rule(EXEMPTION, "income_over_full_exemption", "check", "household_income")
def _exemption_income(a: Answers, facts: Facts, params: Params) -> Fired:
    """Above the full-exemption limit a partial exemption (¾, ½, ¼) may still be granted, up to the ¼ limit."""
    income, dependants = as_int(a.get("household_income")), as_int(a.get("dependants")) or 0
    if income is None:
        return None
    full = full_exemption_limit(dependants, params)
    if income <= full:
        return None
    quarter = quarter_exemption_limit(dependants, params)
    return {"income": income, "limit": full, "partial_limit": quarter, "partial": "yes" if income <= quarter else "no"}


@rule(EXEMPTION, "document_missing", "error", "documents")
def _unemployment_document(a: Answers, facts: Facts, params: Params) -> Fired:
    if a.get("reason") != "unemployment" or UNEMPLOYMENT_DOCUMENT in documents_of(a.get("documents")):
        return None
    return {"document": UNEMPLOYMENT_DOCUMENT}
