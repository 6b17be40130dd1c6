"""The categories of わたしの情報 in plain words: name, Japanese name, what it is, who provides it.

Shared by my-info, access records and disclosure (one place for the words).
"""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.api.models import InfoCategory, Recipient
from rxapp.i18n import T

# The Japanese names residents know from マイナポータル.
CATEGORY_JA: dict[str, str] = {
    "tax_income": "税・所得",
    "pension": "年金",
    "health_insurance": "健康保険",
    "medicines": "薬剤",
    "medical_costs": "医療費",
    "checkups": "特定健診",
    "vaccinations": "予防接種",
    "nursing_care": "介護",
    "childcare": "子育て",
    "household": "世帯",
}


@dataclass(frozen=True)
class CategoryText:
    code: str
    name: str
    what: str
    who: str


def categories(t: T) -> list[CategoryText]:
    """Every category, in the order of the menu."""
    texts = {
        "tax_income": (t._("Tax and income"),
                       t._("Your income and the local tax (住民税) your city worked out from it."),
                       t._("Your city, town or village office.")),
        "pension": (t._("Pension"),
                    t._("Your pension record: how long you have been in the pension system, what you paid, or what you receive."),
                    t._("The Japan Pension Service (日本年金機構).")),
        "health_insurance": (t._("Health insurance"),
                             t._("Which health insurance covers you, and since when."),
                             t._("Your health insurer.")),
        "medicines": (t._("Medicines"),
                      t._("Medicines a pharmacy gave you, with the dose."),
                      t._("Your health insurer, from the pharmacy's claims.")),
        "medical_costs": (t._("Medical costs"),
                          t._("What your medical care cost and what you paid. You can use it for the medical-cost deduction in your tax return."),
                          t._("Your health insurer.")),
        "checkups": (t._("Health check-ups"),
                     t._("Results of your health check-ups (特定健診 and others)."),
                     t._("Your health insurer or your city.")),
        "vaccinations": (t._("Vaccinations"),
                         t._("Vaccinations you or your children had."),
                         t._("Your city, town or village office.")),
        "nursing_care": (t._("Long-term care"),
                         t._("Your long-term care insurance (介護保険): your number, your premium and your care level."),
                         t._("Your city, town or village office.")),
        "childcare": (t._("Children and child-raising"),
                      t._("Child allowance and health care for mothers and children (母子保健)."),
                      t._("Your city, town or village office.")),
        "household": (t._("Household"),
                      t._("Who lives in your household, as registered in your residence record (住民票)."),
                      t._("Your city, town or village office.")),
    }  # fmt: skip
    return [CategoryText(c.value, *texts[c.value]) for c in InfoCategory]


def also_in_japanese(t: T, japanese: str) -> rx.Component | str:
    """The name residents know from マイナポータル, after a translated heading: only where the page is not
    in Japanese already (there it would repeat the heading)."""
    if t.locale.is_japanese:
        return ""
    return rx.fragment(" ", rx.el.span(f"（{japanese}）", lang="ja"))


def category_name(t: T, code: Var) -> Var:
    """A category's name in the page's language, from its code (a state var)."""
    return rx.match(code, *[(c.code, c.name) for c in categories(t)], code)


def recipients(t: T) -> dict[str, tuple[str, str]]:
    """Recipient code → (name, what happens when they may not receive it)."""
    return {
        Recipient.municipality.value: (
            t._("Your city, town or village"),
            t._("The city office will ask you for paper certificates instead, and some procedures take longer.")),
        Recipient.national_tax_agency.value: (
            t._("National Tax Agency"),
            t._("Your tax return cannot be filled in automatically; you may need to send papers.")),
        Recipient.japan_pension_service.value: (
            t._("Japan Pension Service"),
            t._("Pension checks and exemptions may need paper proof from you.")),
        Recipient.health_insurers.value: (
            t._("Health insurers"),
            t._("Your insurer cannot check this information; you may need to bring papers.")),
        Recipient.linked_services.value: (
            t._("Linked services (private and public websites you connected)"),
            t._("Sites you linked will not receive this information.")),
    }  # fmt: skip


def recipient_name(t: T, code: Var) -> Var:
    return rx.match(code, *[(k, v[0]) for k, v in recipients(t).items()], code)
