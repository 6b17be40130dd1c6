"""Procedures recommended from a resident's own data, and dated items that need attention.

Pure Python (no Reflex, no HTTP): the state fetches the data through the adapter and calls `recommend`.
Each rule returns machine codes and dates; the page turns them into words in the resident's language.

Thresholds are data, one table per rule (`THRESHOLDS`), because they change by fiscal year and by law:
- child_allowance: a child under `newborn_max_days` old in the household and no 児童手当 on record
  (neither in わたしの情報 nor as an application) → apply within `apply_within_days` of the birth
  (認定請求: then payment starts the next month);
- care_insurance_65: the 65th birthday within `notice_days` → the resident becomes 第1号被保険者 of 介護保険;
- student_deferral: residence status 留学 (or another student code), aged 20–59, paying national-pension
  premiums as 第1号被保険者 and no deferral applied for → 学生納付特例;
- renew_residence / renew_card / renew_certificate: the period of stay, the card or the sign-in certificate
  ends within `warn_days` → renew the status at the immigration bureau first (a foreign resident's card
  ends with the period of stay), then the card or certificate at the municipal office.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from rxapp.api.models import (
    AmountValue,
    Application,
    ApplicationStatus,
    InfoCategory,
    InfoItem,
    Notice,
    ResidentProfile,
    TextValue,
)

# One table per rule. Change the figures here, not in code.
THRESHOLDS: dict[str, dict[str, int | str | tuple[str, ...]]] = {
    "child_allowance": {"newborn_max_days": 365, "apply_within_days": 15, "procedure_id": "child_allowance"},
    "care_insurance_65": {"age": 65, "notice_days": 90, "procedure_id": "care_certification"},
    "student_deferral": {
        "min_age": 20,
        "max_age": 59,
        "student_status_codes": ("student",),
        "procedure_id": "pension_student_deferral",
    },
    "expiry": {"warn_days": 90, "urgent_days": 30},
    "status_change": {"recent_days": 14},
}

# Applications that count as "already applied" (a draft does not: it was never sent).
_APPLIED = {
    ApplicationStatus.submitted,
    ApplicationStatus.received,
    ApplicationStatus.under_review,
    ApplicationStatus.approved,
}


@dataclass(frozen=True)
class Recommendation:
    """A procedure suggested to the resident.

    `code` names the rule (the page's words depend on it), `due` is the date that matters (deadline, birthday,
    expiry), `days_left` counts from today to `due`, `urgent` asks the page to show it first and strongly.
    """

    code: str
    procedure_id: str | None
    due: date | None = None
    days_left: int | None = None
    urgent: bool = False
    params: dict[str, str] = field(default_factory=dict)


def age_on(birth: date, day: date) -> int:
    """Completed years on `day` (a 29 February birthday counts on 1 March in common years)."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def birthday_in_year(birth: date, year: int) -> date:
    """The birthday in `year`; 29 February becomes 1 March in a common year (Japanese age law counts the
    day before, 28 February, but the day the rule speaks of is the birthday itself)."""
    try:
        return birth.replace(year=year)
    except ValueError:
        return date(year, 3, 1)


def _has_child_allowance(items: Iterable[InfoItem], applications: Iterable[Application]) -> bool:
    for item in items:
        if item.category is InfoCategory.childcare and "児童手当" in item.title:
            return True
    procedure = str(THRESHOLDS["child_allowance"]["procedure_id"])
    return any(a.procedure_id == procedure and a.status in _APPLIED for a in applications)


def _applied_for(procedure_id: str, applications: Iterable[Application]) -> bool:
    return any(a.procedure_id == procedure_id and a.status in _APPLIED for a in applications)


def _child_allowance(
    profile: ResidentProfile, items: Sequence[InfoItem], applications: Sequence[Application], today: date
) -> list[Recommendation]:
    rule = THRESHOLDS["child_allowance"]
    if _has_child_allowance(items, applications):
        return []
    newborns = [
        m for m in profile.household
        if m.relation.value == "child" and 0 <= (today - m.birth_date).days <= int(rule["newborn_max_days"])
    ]  # fmt: skip
    out = []
    for child in sorted(newborns, key=lambda m: m.birth_date, reverse=True):
        due = date.fromordinal(child.birth_date.toordinal() + int(rule["apply_within_days"]))
        days_left = (due - today).days
        name = child.name.kanji or child.name.latin or child.name.kana
        out.append(Recommendation("child_allowance", str(rule["procedure_id"]), due, days_left,
                                  urgent=days_left >= 0, params={"child": name}))  # fmt: skip
    return out[:1]  # one application covers every child of the household


def _care_insurance(profile: ResidentProfile, today: date) -> list[Recommendation]:
    rule = THRESHOLDS["care_insurance_65"]
    age = int(rule["age"])
    birthday = birthday_in_year(profile.birth_date, profile.birth_date.year + age)
    days_left = (birthday - today).days
    if 0 <= days_left <= int(rule["notice_days"]):
        return [Recommendation("care_insurance_65", str(rule["procedure_id"]), birthday, days_left)]
    return []


def _pays_national_pension(items: Iterable[InfoItem]) -> bool:
    """A pension record as 第1号被保険者 with a premium above zero: the resident pays premiums themself."""
    for item in items:
        if item.category is not InfoCategory.pension:
            continue
        first_category = any(isinstance(v, TextValue) and "第1号" in v.text for v in item.values)
        premium = any(isinstance(v, AmountValue) and "保険料" in v.label and v.amount_yen > 0 for v in item.values)
        if first_category and premium:
            return True
    return False


def _student_deferral(
    profile: ResidentProfile, items: Sequence[InfoItem], applications: Sequence[Application], today: date
) -> list[Recommendation]:
    rule = THRESHOLDS["student_deferral"]
    status = profile.residence_status
    if status is None or status.code not in rule["student_status_codes"]:  # type: ignore[operator]
        return []
    if not int(rule["min_age"]) <= age_on(profile.birth_date, today) <= int(rule["max_age"]):
        return []
    procedure = str(rule["procedure_id"])
    if not _pays_national_pension(items) or _applied_for(procedure, applications):
        return []
    return [Recommendation("student_deferral", procedure)]


def _expiry(profile: ResidentProfile, today: date) -> list[Recommendation]:
    rule = THRESHOLDS["expiry"]
    warn, urgent = int(rule["warn_days"]), int(rule["urgent_days"])
    found: list[Recommendation] = []
    residence_end = profile.residence_status.expires_on if profile.residence_status else None
    candidates: list[tuple[str, date | None]] = [
        ("renew_residence", residence_end),
        ("renew_card", profile.card_expires_on),
        ("renew_certificate", profile.certificate_expires_on),
    ]
    for code, end in candidates:
        if end is None:
            continue
        days_left = (end - today).days
        if days_left <= warn:
            found.append(Recommendation(code, None, end, days_left, urgent=days_left <= urgent))
    # For a foreign resident the card ends with the period of stay: one visit order, one message each, but
    # the card and certificate messages say "after renewing your status" when the dates coincide.
    if residence_end is not None:
        found = [
            r if r.code == "renew_residence" or r.due != residence_end
            else Recommendation(r.code, None, r.due, r.days_left, r.urgent, {"after_residence": "yes"})
            for r in found
        ]  # fmt: skip
    return found


def recommend(
    profile: ResidentProfile,
    items: Sequence[InfoItem],
    applications: Sequence[Application],
    today: date,
) -> list[Recommendation]:
    """Every recommendation for the resident, most urgent first, then by date."""
    found = [
        *_expiry(profile, today),
        *_child_allowance(profile, items, applications, today),
        *_care_insurance(profile, today),
        *_student_deferral(profile, items, applications, today),
    ]
    return sorted(found, key=lambda r: (not r.urgent, r.days_left if r.days_left is not None else 10**6))


# ---------------------------------------------------------------------------------------------- attention


@dataclass(frozen=True)
class Attention:
    """Counts for "what needs your attention" on the home page."""

    unread_notices: int
    drafts: int
    recent_status_changes: list[Application]


def attention(notices: Sequence[Notice], applications: Sequence[Application], today: date) -> Attention:
    """Unread notices, unsent drafts, and applications whose status changed lately (not by the resident's
    own submission: a decision or a receipt from the agency)."""
    recent = int(THRESHOLDS["status_change"]["recent_days"])
    changed = []
    for application in applications:
        if application.status in {ApplicationStatus.draft, ApplicationStatus.submitted}:
            continue
        last = application.status_history[-1].at.date() if application.status_history else None
        if last is not None and (today - last).days <= recent:
            changed.append(application)
    return Attention(
        unread_notices=sum(1 for n in notices if not n.read),
        drafts=sum(1 for a in applications if a.status is ApplicationStatus.draft),
        recent_status_changes=changed,
    )
