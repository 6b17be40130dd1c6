"""The procedures a resident can find and apply for, with plain-language copy for the detail pages.

Five are procedures of the backend (ぴったりサービス: drafts, submission with a receipt); two are services of
the portal itself: registering the 公金受取口座 (PUT /public-fund-account) and preparing medical-cost data for
確定申告 on e-Tax (外部サイト連携). `kind` says which.

Search matches the words of the resident's language (title, summary, keywords), the Japanese name and its
romanisation, after folding width, case and kana (`search_key`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from rxapp.i18n import T
from rxapp.i18n.formatting import format_yen
from rxapp.rules.tables import parameters

Msg = Callable[[T], str]
Kind = Literal["application", "public_fund_account", "e_tax"]
Scope = Literal["municipal", "national"]

LIFE_EVENTS: tuple[str, ...] = ("birth", "moving", "care", "school-work")


def event_label(t: T, event: str) -> str:
    return {
        "birth": t._("A child is born"),
        "moving": t._("Moving house"),
        "care": t._("A parent needs care"),
        "school-work": t._("Starting school or work"),
    }.get(event, event)


@dataclass(frozen=True)
class ProcedureInfo:
    """One procedure of the catalogue."""

    id: str  # backend procedure id, or the portal service's id
    slug: str  # URL part: /<locale>/procedures/<slug>, /<locale>/apply/<slug>
    kind: Kind
    scope: Scope
    events: tuple[str, ...]
    title_ja: str  # the official Japanese name, shown with lang="ja" and searchable
    romaji: str
    title: Msg
    summary: Msg
    keywords: Msg  # words people search with, separated by commas, in the resident's language
    who: Callable[[T], Sequence[str]]
    need: Callable[[T], Sequence[str]]
    how_long: Msg
    where: Msg
    minutes: int  # about how long the form takes


def _yen(t: T, key: str, pid: str = "child_allowance") -> str:
    return format_yen(int(parameters(pid, date.today())[key]), t)


def _child_who(t: T) -> list[str]:
    p = parameters("child_allowance", date.today())
    return [
        t._("Parents who bring up a child in Japan, including foreign residents with a resident record."),
        t._("For each child until the end of March after they turn {age}.", age=p["eligible_until_age"]),
        t._("There is no income limit."),
        t._("{amount} a month for a child under 3.", amount=_yen(t, "monthly_under_3_yen")),
        t._("{amount} a month from 3 until the end of March after 18.", amount=_yen(t, "monthly_3_to_18_yen")),
        t._("{amount} a month for the third child and later. Older children you support count until the end of March after they turn {age}.",
            amount=_yen(t, "monthly_third_child_yen"), age=p["sibling_counts_until_age"]),
    ]


CATALOG: tuple[ProcedureInfo, ...] = (
    ProcedureInfo(
        id="child_allowance", slug="child-allowance", kind="application", scope="municipal",
        events=("birth", "moving"), title_ja="児童手当 認定請求", romaji="jidou teate",
        title=lambda t: t._("Child allowance"),
        summary=lambda t: t._("Money every two months for parents who bring up children."),
        keywords=lambda t: t._("child benefit, baby, children, birth, money for children"),
        who=_child_who,
        need=lambda t: [
            t._("The child's name and date of birth."),
            t._("A bank account in your name. You can use your registered account for public payments."),
        ],
        how_long=lambda t: t._("Apply within 15 days of the birth or of moving in. Then payment starts the next month. It is paid in February, April, June, August, October and December."),
        where=lambda t: t._("The children's section of your city, ward, town or village office."),
        minutes=5,
    ),
    ProcedureInfo(
        id="moving_out", slug="moving-out", kind="application", scope="municipal",
        events=("moving",), title_ja="転出届", romaji="tenshutsu todoke",
        title=lambda t: t._("Moving out of your city"),
        summary=lambda t: t._("Tell your city you are moving to another city, town or village in Japan."),
        keywords=lambda t: t._("move, moving, new address, relocation, leave the city"),
        who=lambda t: [
            t._("People aged 15 or older with a valid My Number Card."),
            t._("Only for moves inside Japan. You can include the people in your household who move with you."),
        ],
        need=lambda t: [
            t._("Your My Number Card and its signature PIN (6 to 16 letters and numbers)."),
            t._("The date you move and your new address."),
        ],
        how_long=lambda t: t._("You can send it from 30 days before the move until 10 days after it. After you move, go to the office of your new city within 14 days."),
        where=lambda t: t._("The resident registration section of your city, ward, town or village office."),
        minutes=4,
    ),
    ProcedureInfo(
        id="care_certification", slug="care-certification", kind="application", scope="municipal",
        events=("care",), title_ja="要介護・要支援認定申請", romaji="youkaigo nintei",
        title=lambda t: t._("Long-term care certification"),
        summary=lambda t: t._("Ask for a care level, so that you or your parent can use care services."),
        keywords=lambda t: t._("care, nursing care, elderly, parent, help at home, care insurance"),
        who=lambda t: [
            t._("People aged 65 or older, for any reason."),
            t._("People aged 40 to 64, only for one of 16 illnesses named by law."),
            t._("The person, a family member as their proxy, or a care-support provider can apply."),
        ],
        need=lambda t: [
            t._("The care insurance card (people aged 40 to 64: the health insurance card)."),
            t._("The name of the doctor and of their clinic or hospital."),
        ],
        how_long=lambda t: t._("Someone from the city visits to ask questions. You get the result within 30 days in most cases."),
        where=lambda t: t._("The care insurance section of your city, ward, town or village office."),
        minutes=6,
    ),
    ProcedureInfo(
        id="pension_student_deferral", slug="pension-student-deferral", kind="application", scope="national",
        events=("school-work",), title_ja="国民年金保険料 学生納付特例申請", romaji="gakusei nofu tokurei",
        title=lambda t: t._("Student deferral of pension payments"),
        summary=lambda t: t._("Students can pay the national pension later, while they study."),
        keywords=lambda t: t._("pension, student, university, school, pay later, nenkin"),
        who=lambda t: [
            t._("Students at a university, college, vocational school or similar school, including foreign students."),
            t._("Your own income last year must be {amount} or less, plus {per} for each person you support.",
                amount=_yen(t, "income_limit_base_yen", "pension_student_deferral"),
                per=_yen(t, "income_limit_per_dependant_yen", "pension_student_deferral")),
        ],
        need=lambda t: [t._("A copy of your student card, or a certificate of enrolment from your school.")],
        how_long=lambda t: t._("Apply every school year (April to March). You can apply for up to 2 years back. The result comes by post in about 2 months."),
        where=lambda t: t._("The Japan Pension Service or the pension section of your city office."),
        minutes=5,
    ),
    ProcedureInfo(
        id="pension_exemption", slug="pension-exemption", kind="application", scope="national",
        events=("school-work",), title_ja="国民年金保険料 免除・納付猶予申請", romaji="nenkin menjo",
        title=lambda t: t._("Exemption from pension payments"),
        summary=lambda t: t._("If your income is low or you lost your job, you may pay less or nothing."),
        keywords=lambda t: t._("pension, low income, lost job, unemployment, cannot pay, nenkin"),
        who=lambda t: [
            t._("People aged 20 to 59 in the national pension who pay it themselves."),
            t._("It depends on the income of your household last year. Full exemption up to {base} plus {per} for each person in the household.",
                base=_yen(t, "full_exemption_base_yen", "pension_exemption"),
                per=_yen(t, "full_exemption_per_person_yen", "pension_exemption")),
        ],
        need=lambda t: [t._("If you lost your job: the separation notice from your employer.")],
        how_long=lambda t: t._("The period runs from July to June. The result comes by post in about 2 months."),
        where=lambda t: t._("The Japan Pension Service or the pension section of your city office."),
        minutes=4,
    ),
    ProcedureInfo(
        id="public_fund_account", slug="public-fund-account", kind="public_fund_account", scope="national",
        events=("birth", "school-work"), title_ja="公金受取口座の登録", romaji="koukin uketori kouza",
        title=lambda t: t._("Bank account for public payments"),
        summary=lambda t: t._("Register one bank account for benefits and tax refunds."),
        keywords=lambda t: t._("bank account, benefits, refund, payment, register account"),
        who=lambda t: [t._("Everyone with a My Number Card. The account must be in your own name.")],
        need=lambda t: [
            t._("The bank code (4 numbers), the branch code (3 numbers) and the account number (7 numbers)."),
            t._("The account holder's name in katakana, as the bank writes it."),
        ],
        how_long=lambda t: t._("It is registered at once. You can change it at any time."),
        where=lambda t: t._("The Minna Portal help desk."),
        minutes=3,
    ),
    ProcedureInfo(
        id="tax_return_medical", slug="tax-return-medical", kind="e_tax", scope="national",
        events=("care", "school-work"), title_ja="確定申告（医療費控除）", romaji="kakutei shinkoku iryouhi koujo",
        title=lambda t: t._("Medical costs for your tax return"),
        summary=lambda t: t._("Use your medical-cost records to pay less income tax, through e-Tax."),
        keywords=lambda t: t._("tax return, income tax, medical costs, hospital bills, deduction, e-Tax"),
        who=lambda t: [
            t._("People who paid a lot for medical care last year."),
            t._("You can deduct the part above {amount}, or above 5% of your income if your income is under {limit}.",
                amount=_yen(t, "threshold_yen", "tax_return_medical"),
                limit=_yen(t, "low_income_limit_yen", "tax_return_medical")),
        ],
        need=lambda t: [
            t._("Your medical-cost records in My information. We fill them in for you."),
            t._("Receipts for costs that are not in the records."),
        ],
        how_long=lambda t: t._("Tax returns are due between 16 February and 15 March."),
        where=lambda t: t._("The tax office (National Tax Agency)."),
        minutes=3,
    ),
)

BY_ID: dict[str, ProcedureInfo] = {p.id: p for p in CATALOG}
BY_SLUG: dict[str, ProcedureInfo] = {p.slug: p for p in CATALOG}


def search_key(text: str) -> str:
    """Text folded for matching: NFKC, case-folded, katakana as hiragana, without spaces and marks."""
    normal = unicodedata.normalize("NFKC", text or "").casefold()
    hiragana = "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in normal)
    # Arabic diacritics (tashkil) are optional in writing: ignore them.
    stripped = "".join(c for c in hiragana if not ("\u064b" <= c <= "\u065f"))
    return "".join(c for c in stripped if c.isalnum())


def search_text(info: ProcedureInfo, t: T) -> str:
    """Everything a search in locale `t` may match for one procedure."""
    # Life-event names are left out: "A child is born" would make "child" find the bank-account registration.
    parts = [info.title(t), info.summary(t), info.keywords(t), info.title_ja, info.romaji, info.slug]
    return " ".join(parts)


def search(query: str, event: str, t: T) -> list[str]:
    """Ids of the procedures matching every word of `query` (in locale `t`) and the life event, in catalogue order."""
    words = [search_key(w) for w in (query or "").replace("、", " ").replace(",", " ").split()]
    words = [w for w in words if w]
    found = []
    for info in CATALOG:
        if event and event not in info.events:
            continue
        haystack = search_key(search_text(info, t)) + "|" + search_key(search_text(info, T("ja")))
        if all(w in haystack for w in words):
            found.append(info.id)
    return found
