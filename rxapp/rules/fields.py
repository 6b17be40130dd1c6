"""Answers as typed: normalise what people type, check each answer on its own, convert to the stored value.

Lenient on input, strict on output (GOV.UK): full-width digits, hiragana for katakana, spaces of either width,
hyphens in postcodes and era years (令和8, R8) are all accepted and normalised; what is stored is what the
backend's form schema expects (int, bool, ISO date, full-width katakana with one full-width space).

Each check returns a machine code or None; the page words it. Codes: required, not_katakana, not_number,
too_small, too_large, too_long, pattern, digits, invalid_choice, date_incomplete, invalid_date.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rxapp.i18n.formatting import DateParseError, parse_date
from rxapp.rules.deficiency import AnswerValue


class Kind(StrEnum):
    """How an answer is asked and stored."""

    text = "text"
    katakana = "katakana"
    number = "number"
    yen = "yen"
    date = "date"
    yesno = "yesno"
    choice = "choice"  # radios
    select = "select"
    postal_code = "postal_code"
    digits = "digits"  # a code of exactly `digits` digits, kept as text (leading zeros matter)
    documents = "documents"  # checkboxes, stored as codes joined by commas


@dataclass(frozen=True)
class FieldSpec:
    """What an answer must be."""

    name: str
    kind: Kind
    required: bool = True
    min_value: int | None = None
    max_value: int | None = None
    max_length: int | None = None
    digits: int | None = None
    choices: tuple[str, ...] = ()


# The limit of an answer whose field states none: no real answer comes near it, a pasted document does.
ANSWER_MAX_LENGTH = 1000


def length_limit(spec: FieldSpec) -> int:
    """How many characters the answer may have."""
    return spec.max_length or ANSWER_MAX_LENGTH


_KATAKANA = re.compile(r"^[ァ-ヴー]+(?:　[ァ-ヴー]+)*$")
_POSTAL = re.compile(r"^[0-9]{3}-?[0-9]{4}$")
_DASHES = "‐－―−ー‑–—"  # hyphens people type in postcodes (ー only between digits)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def to_katakana(text: str) -> str:
    """Full-width katakana with single full-width spaces: hiragana and half-width katakana are converted."""
    # NFKC turns half-width katakana into full-width, and the full-width space into an ASCII one.
    normal = unicodedata.normalize("NFKC", text or "")
    katakana = "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in normal)
    return "　".join(part for part in re.split(r"[\s・･]+", katakana) if part)


def normalise(spec: FieldSpec, raw: str) -> str:
    """The typed text, cleaned the way the field expects (still text)."""
    if spec.kind is Kind.katakana:
        return to_katakana(raw)
    if spec.kind in (Kind.number, Kind.yen, Kind.digits):
        text = _nfkc(raw)
        # Grouping marks and a yen sign are what people copy from letters: ignore them.
        return re.sub(r"[,\s円¥]", "", text)
    if spec.kind is Kind.postal_code:
        text = _nfkc(raw)
        for dash in _DASHES:
            text = text.replace(dash, "-")
        return text.replace(" ", "")
    if spec.kind is Kind.text:
        return (raw or "").strip()
    return (raw or "").strip()


def validate(spec: FieldSpec, raw: str) -> str | None:
    """A machine code when the answer cannot be accepted, else None. Dates go through `compose_date`."""
    value = normalise(spec, raw)
    if not value:
        return "required" if spec.required else None
    if len(value) > length_limit(spec):
        return "too_long"  # first: the length is what to fix, whatever else a pasted text gets wrong
    kind = spec.kind
    if kind is Kind.katakana:
        if not _KATAKANA.match(value):
            return "not_katakana"
    elif kind in (Kind.number, Kind.yen):
        if not re.fullmatch(r"[0-9]+", value):
            return "not_number"
        number = int(value)
        if spec.min_value is not None and number < spec.min_value:
            return "too_small"
        if spec.max_value is not None and number > spec.max_value:
            return "too_large"
    elif kind is Kind.digits:
        if not re.fullmatch(r"[0-9]+", value) or (spec.digits is not None and len(value) != spec.digits):
            return "digits"
    elif kind is Kind.postal_code:
        if not _POSTAL.match(value):
            return "pattern"
    elif kind in (Kind.choice, Kind.select):
        if spec.choices and value not in spec.choices:
            return "invalid_choice"
    elif kind is Kind.yesno:
        if value not in ("yes", "no"):
            return "invalid_choice"
    elif kind is Kind.documents and spec.choices and not set(value.split(",")) <= set(spec.choices):
        return "invalid_choice"
    return None


def to_answer(spec: FieldSpec, raw: str) -> AnswerValue:
    """The stored value of a (valid or not) typed answer; None when empty or not convertible."""
    value = normalise(spec, raw)
    if not value:
        return None
    if spec.kind in (Kind.number, Kind.yen):
        return int(value) if value.isdigit() else value
    if spec.kind is Kind.yesno:
        return {"yes": True, "no": False}.get(value, value)
    if spec.kind is Kind.postal_code and re.fullmatch(r"[0-9]{7}", value):
        return f"{value[:3]}-{value[3:]}"
    return value


def from_answer(spec: FieldSpec, value: AnswerValue) -> str:
    """A stored value back as form text (resuming a draft)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


# ---------------------------------------------------------------------------------------------- dates

DatePart = str  # "year" | "month" | "day"


def compose_date(year: str, month: str, day: str, *, required: bool = True) -> tuple[str | None, str | None, tuple[DatePart, ...]]:
    """(ISO date or None, error code or None, the parts at fault) from three typed parts.

    The year may be Western (2026) or an era year (令和8, R8, H31); full-width digits are fine.
    """
    parts = {"year": _nfkc(year), "month": _nfkc(month), "day": _nfkc(day)}
    missing = tuple(p for p in ("year", "month", "day") if not parts[p])
    if len(missing) == 3:
        return None, ("required" if required else None), (missing if required else ())
    if missing:
        return None, "date_incomplete", missing
    bad = tuple(p for p in ("month", "day") if not parts[p].isdigit())
    if bad:
        return None, "invalid_date", bad
    try:
        parsed = parse_date(f"{parts['year']}.{parts['month']}.{parts['day']}")
    except DateParseError:
        return None, "invalid_date", ("year", "month", "day")
    if not 1900 <= parsed.year <= 2100:
        return None, "invalid_date", ("year",)
    return parsed.isoformat(), None, ()


def split_date(value: AnswerValue) -> tuple[str, str, str]:
    """A stored date as (year, month, day) text for the three fields; blanks when absent. A draft keeps a date
    that is not complete or not valid yet as the typed parts joined by "-" ("2027--9"): they come back as typed."""
    if not isinstance(value, str):
        return "", "", ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        parts = value.split("-")
        return (parts[0], parts[1], parts[2]) if len(parts) == 3 else ("", "", "")
    return str(day.year), str(day.month), str(day.day)


def documents_answer(chosen: Sequence[str]) -> str:
    return ",".join(sorted(set(chosen)))


def validate_all(specs: Sequence[FieldSpec], raw: Mapping[str, str]) -> dict[str, str]:
    """Field name → code for every answer that cannot be accepted (dates composed from their parts)."""
    errors: dict[str, str] = {}
    for spec in specs:
        if spec.kind is Kind.date:
            _, code, _ = compose_date(raw.get(f"{spec.name}-year", ""), raw.get(f"{spec.name}-month", ""),
                                      raw.get(f"{spec.name}-day", ""), required=spec.required)  # fmt: skip
        else:
            code = validate(spec, raw.get(spec.name, ""))
        if code:
            errors[spec.name] = code
    return errors
