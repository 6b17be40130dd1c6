"""不備の自動検出: automatic deficiency checks of an application, before it is sent.

A rule looks at the answers (typed as the backend stores them), at what the portal knows about the resident
(`Facts`, from the resident record and わたしの情報) and at the figures in force (`tables.parameters`), and
either passes (returns None) or fires (returns the values its message needs). Each firing becomes a `Finding`:

- `code`: a stable machine code; the page turns it into words in the resident's language;
- `severity`: "error" blocks sending (the application would be refused or cannot be made online),
  "check" asks the resident to confirm the answer is right (the office may still decide otherwise);
- `field`: the answer it concerns, so the page links to the question that fixes it ("" = the whole
  application, when nothing the resident typed can fix it);
- `params`: values for the message (ISO dates, yen amounts, counts), never prose.

Rules skip while the answers they need are missing: required answers are the form's business, not theirs.
Rules live in one module per procedure and register themselves with `@rule(...)`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from rxapp.rules.tables import Value, parameters

Severity = Literal["error", "check"]
AnswerValue = str | int | float | bool | None
Answers = Mapping[str, AnswerValue]
Params = Mapping[str, Value]
Fired = dict[str, Value] | None
RuleFn = Callable[[Answers, "Facts", Params], Fired]


@dataclass(frozen=True)
class Member:
    """A member of the resident's household, from the resident record (住民票)."""

    name_kana: str
    birth_date: date
    relation: str  # head | spouse | child | parent | other


@dataclass(frozen=True)
class Facts:
    """What the portal knows about the person the application is for (the principal when a proxy acts)."""

    today: date
    name_kana: str = ""
    birth_date: date | None = None
    household: tuple[Member, ...] = ()
    residence_status: str | None = None  # code, e.g. "student"; None for Japanese nationals
    residence_expires_on: date | None = None
    card_expires_on: date | None = None
    acting_as_proxy: bool = False
    has_public_fund_account: bool = False
    care_insured_number: str | None = None
    income_yen: int | None = None  # 総所得金額等 of the previous year, from わたしの情報
    medical_paid_yen: int | None = None  # 窓口負担相当額 from 医療費通知情報


@dataclass(frozen=True)
class Finding:
    """One result of a rule that fired."""

    code: str
    severity: Severity
    field: str
    params: dict[str, Value] = field(default_factory=dict)

    @property
    def blocks(self) -> bool:
        return self.severity == "error"


@dataclass(frozen=True)
class Rule:
    """A registered rule: what it is called, how serious it is, which answer it concerns."""

    procedure_id: str
    code: str
    severity: Severity
    field: str
    fn: RuleFn


REGISTRY: dict[str, list[Rule]] = {}


def rule(procedure_id: str | tuple[str, ...], code: str, severity: Severity, field: str) -> Callable[[RuleFn], RuleFn]:
    """Register a rule for one procedure (or several that share it)."""
    ids = (procedure_id,) if isinstance(procedure_id, str) else procedure_id

    def register(fn: RuleFn) -> RuleFn:
        for pid in ids:
            REGISTRY.setdefault(pid, []).append(Rule(pid, code, severity, field, fn))
        return fn

    return register


def rules_for(procedure_id: str) -> list[Rule]:
    _load()
    return list(REGISTRY.get(procedure_id, []))


def check(
    procedure_id: str, answers: Answers, facts: Facts, overrides: Mapping[str, Value] | None = None
) -> list[Finding]:
    """Every finding for an application, errors first, in the order the rules are declared."""
    params = parameters(procedure_id, facts.today, overrides)
    found: list[Finding] = []
    for r in rules_for(procedure_id):
        fired = r.fn(answers, facts, params)
        if fired is not None:
            found.append(Finding(r.code, r.severity, r.field, dict(fired)))
    return sorted(found, key=lambda f: f.severity != "error")


def _load() -> None:
    # Importing the procedure modules registers their rules (once; Python caches modules).
    from rxapp.rules import (  # noqa: F401
        care_certification,
        child_allowance,
        moving_out,
        pension,
        public_fund_account,
        tax_return,
    )


# ---------------------------------------------------------------------------------------------- helpers for rules


def as_date(value: AnswerValue) -> date | None:
    """An ISO date answer, or None when missing or unreadable (the form reports that, not the rules)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def as_int(value: AnswerValue) -> int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def as_bool(value: AnswerValue) -> bool | None:
    return value if isinstance(value, bool) else None


def age_on(birth: date, day: date) -> int:
    """Completed years on `day`."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def end_of_school_year_after(birth: date, age: int) -> date:
    """The first 31 March on or after the day one reaches `age` (児童手当: "18歳に達する日以後の最初の3月31日").

    By Japanese law one reaches an age on the day before the birthday, so a child born on 1 April reaches 18
    on 31 March and is counted until that very day, like the school year (早生まれ).
    """
    try:
        birthday = birth.replace(year=birth.year + age)
    except ValueError:  # 29 February in a common year: the birthday is taken as 1 March
        birthday = date(birth.year + age, 3, 1)
    reached = date.fromordinal(birthday.toordinal() - 1)
    year = reached.year if (reached.month, reached.day) <= (3, 31) else reached.year + 1
    return date(year, 3, 31)


def kana_key(text: str | None) -> str:
    """A name reduced for comparison: width-normalised, hiragana as katakana, no spaces or middle dots."""
    normal = unicodedata.normalize("NFKC", text or "")
    katakana = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in normal)
    return "".join(c for c in katakana if c not in " 　・･")


def documents_of(value: AnswerValue) -> set[str]:
    """The documents answer is stored as codes joined by commas (answers hold scalars only)."""
    return {part for part in str(value or "").split(",") if part}


def period_end(period: AnswerValue, today: date, start_month: int) -> date | None:
    """The last day of a yearly period that starts in `start_month` (April for the deferral, July for the
    exemption): "current" is the period containing today, "previous" the one before."""
    if period not in {"current", "previous"}:
        return None
    start_year = today.year if today.month >= start_month else today.year - 1
    if period == "previous":
        start_year -= 1
    end_month = start_month - 1 or 12
    end_year = start_year + 1 if start_month > 1 else start_year
    # The last day of the month before the start month, a year later.
    next_first = date(end_year + (end_month == 12), end_month % 12 + 1, 1)
    return date.fromordinal(next_first.toordinal() - 1)
