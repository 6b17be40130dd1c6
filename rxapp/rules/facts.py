"""Facts for the rules and pre-filled answers, from the resident record and わたしの情報 (typed adapter models).

Pure: the state fetches the models through the adapter and passes them here. Every pre-filled answer says
where it came from (WCAG 3.3.7: do not ask again for what the resident already gave), as a source code the
page words, plus the agency that holds the data (shown as the agency writes its name).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rxapp.api.models import (
    AmountValue,
    InfoCategory,
    InfoItem,
    PublicFundAccount,
    ResidentProfile,
    TextValue,
)
from rxapp.rules.child_allowance import counted_children
from rxapp.rules.deficiency import AnswerValue, Facts, Member
from rxapp.rules.tables import parameters

INCOME_LABEL = "総所得金額等"
MEDICAL_PAID_LABEL = "窓口負担相当額"
CARE_NUMBER_LABEL = "被保険者番号"


@dataclass(frozen=True)
class Prefill:
    """A pre-filled answer and where it came from: source is resident_record | care_insurance | tax_income |
    medical_costs | public_fund_account | session."""

    value: AnswerValue
    source: str
    agency: str = ""


def _amount(items: Sequence[InfoItem], category: InfoCategory, label: str) -> tuple[int, str] | None:
    for item in items:
        if item.category is not category:
            continue
        for value in item.values:
            if isinstance(value, AmountValue) and value.label == label:
                return value.amount_yen, item.source_agency
    return None


def _text(items: Sequence[InfoItem], category: InfoCategory, label: str) -> tuple[str, str] | None:
    for item in items:
        if item.category is not category:
            continue
        for value in item.values:
            if isinstance(value, TextValue) and value.label == label:
                return value.text, item.source_agency
    return None


def build_facts(
    today: date,
    profile: ResidentProfile | None,
    items: Sequence[InfoItem] = (),
    account: PublicFundAccount | None = None,
    *,
    acting_as_proxy: bool = False,
) -> Facts:
    """Facts about the subject of the application."""
    if profile is None:
        return Facts(today=today, acting_as_proxy=acting_as_proxy)
    income = _amount(items, InfoCategory.tax_income, INCOME_LABEL)
    paid = _amount(items, InfoCategory.medical_costs, MEDICAL_PAID_LABEL)
    care = _text(items, InfoCategory.nursing_care, CARE_NUMBER_LABEL)
    status = profile.residence_status
    return Facts(
        today=today,
        name_kana=profile.name.kana,
        birth_date=profile.birth_date,
        household=tuple(Member(m.name.kana, m.birth_date, m.relation.value) for m in profile.household),
        residence_status=status.code if status else None,
        residence_expires_on=status.expires_on if status else None,
        card_expires_on=profile.card_expires_on,
        acting_as_proxy=acting_as_proxy,
        has_public_fund_account=account is not None,
        care_insured_number=care[0] if care else None,
        income_yen=income[0] if income else None,
        medical_paid_yen=paid[0] if paid else None,
    )


def prefills(
    procedure_id: str,
    today: date,
    profile: ResidentProfile | None,
    items: Sequence[InfoItem] = (),
    account: PublicFundAccount | None = None,
    *,
    acting_as_proxy: bool = False,
) -> dict[str, Prefill]:
    """Answers the portal can fill in for a procedure, each with its source."""
    if profile is None:
        return {}
    record = profile.address.municipality
    out: dict[str, Prefill] = {}
    if procedure_id == "child_allowance":
        children = sorted((m for m in profile.household if m.relation.value == "child"), key=lambda m: m.birth_date)
        if children:
            youngest = children[-1]
            out["child_name_kana"] = Prefill(youngest.name.kana, "resident_record", record)
            out["child_birth_date"] = Prefill(youngest.birth_date.isoformat(), "resident_record", record)
            facts = build_facts(today, profile, items, account)
            out["children_supported"] = Prefill(
                counted_children(facts, today, parameters("child_allowance", today)), "resident_record", record
            )
        if account is not None:
            out["use_public_fund_account"] = Prefill(True, "public_fund_account")
        out["holder_kana"] = Prefill(profile.name.kana, "resident_record", record)
    elif procedure_id == "moving_out":
        out["members_moving"] = Prefill(len(profile.household), "resident_record", record)
    elif procedure_id == "care_certification":
        care = _text(items, InfoCategory.nursing_care, CARE_NUMBER_LABEL)
        if care:
            out["insured_number"] = Prefill(care[0], "care_insurance", care[1])
        out["applicant_relation"] = Prefill("family" if acting_as_proxy else "self", "session")
    elif procedure_id in ("pension_student_deferral", "pension_exemption"):
        income = _amount(items, InfoCategory.tax_income, INCOME_LABEL)
        if income:
            key = "previous_year_income" if procedure_id == "pension_student_deferral" else "household_income"
            out[key] = Prefill(income[0], "tax_income", income[1])
    elif procedure_id == "public_fund_account":
        out["holder_kana"] = Prefill(profile.name.kana, "resident_record", record)
    elif procedure_id == "tax_return_medical":
        paid = _amount(items, InfoCategory.medical_costs, MEDICAL_PAID_LABEL)
        if paid:
            out["medical_paid"] = Prefill(paid[0], "medical_costs", paid[1])
        income = _amount(items, InfoCategory.tax_income, INCOME_LABEL)
        if income:
            out["income"] = Prefill(income[0], "tax_income", income[1])
    return out
