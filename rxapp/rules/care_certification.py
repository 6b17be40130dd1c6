"""要介護・要支援認定: who is insured for what, the insured number, who applies, the insurance card."""

from __future__ import annotations

from rxapp.rules.deficiency import (
    Answers,
    Facts,
    Fired,
    Params,
    age_on,
    as_bool,
    documents_of,
    rule,
)

P = "care_certification"
CARE_DOCUMENT = "care_insurance_card"  # 介護保険被保険者証 (the medical-insurance card for 40–64)


def insured_category(facts: Facts, params: Params) -> str:
    """"first" (65+, any cause), "second" (40–64, specified diseases only), "none" (under 40), "" unknown."""
    if facts.birth_date is None:
        return ""
    age = age_on(facts.birth_date, facts.today)
    if age >= int(params["first_insured_min_age"]):
        return "first"
    if age >= int(params["second_insured_min_age"]):
        return "second"
    return "none"


@rule(P, "care_not_insured", "error", "")
def _under_40(a: Answers, facts: Facts, params: Params) -> Fired:
    if insured_category(facts, params) != "none":
        return None
    return {"age": int(params["second_insured_min_age"])}


@rule(P, "care_specified_disease_needed", "error", "specified_disease")
def _disease(a: Answers, facts: Facts, params: Params) -> Fired:
    """40–64: only for one of the 16 specified diseases (特定疾病)."""
    if insured_category(facts, params) != "second" or as_bool(a.get("specified_disease")) is True:
        return None
    if a.get("specified_disease") is None:
        return None  # not answered yet: the form asks
    return {"min": int(params["second_insured_min_age"]), "max": int(params["second_insured_max_age"])}


@rule(P, "care_insured_number_differs", "check", "insured_number")
def _number(a: Answers, facts: Facts, params: Params) -> Fired:
    given = str(a.get("insured_number") or "").strip()
    if not given or not facts.care_insured_number or given == facts.care_insured_number:
        return None
    return {"on_record": facts.care_insured_number}


@rule(P, "care_relation_proxy", "check", "applicant_relation")
def _relation(a: Answers, facts: Facts, params: Params) -> Fired:
    """A proxy applies as family (or provider); someone acting for themself applies as "self"."""
    relation = a.get("applicant_relation")
    if relation is None:
        return None
    if facts.acting_as_proxy and relation == "self":
        return {"proxy": "yes"}
    if not facts.acting_as_proxy and relation != "self":
        return {"proxy": "no"}
    return None


@rule(P, "document_missing", "error", "documents")
def _document(a: Answers, facts: Facts, params: Params) -> Fired:
    if "documents" not in a or CARE_DOCUMENT in documents_of(a.get("documents")):
        return None
    return {"document": CARE_DOCUMENT}
