"""Date input: day, month and year as three number fields (GOV.UK), with the Japanese era in Japanese.

Accessibility criteria:
- a <fieldset> whose <legend> is the question (the h1 on a one-question page) and a hint with an example;
- three labelled text inputs with inputmode="numeric" (no spinners, no date picker that traps keyboards);
  autocomplete bday-* for a date of birth; the order follows the locale (年・月・日 in Japanese);
- the error names what is wrong; only the fields at fault get the red border; the fieldset is described
  by the hint and the error;
- in Japanese (and やさしい日本語) the Western year is shown with its era (DADS: 2019年（令和元年）), and the
  era of a typed year is announced politely, once the year has four digits.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Collection, Mapping
from typing import Literal

import reflex as rx

from rxapp.components import _field as f
from rxapp.components._examples import Example, rtl
from rxapp.i18n import T

try:  # The languages engineer's table is the source of truth; the fallback keeps this module importable alone.
    from rxapp.i18n.formatting import ERAS as _ERAS

    _ERA_TABLE: list[tuple[str, dt.date]] = [(era.name, era.start) for era in _ERAS]
except ImportError:  # pragma: no cover - only before rxapp/i18n/formatting.py exists
    _ERA_TABLE = [
        ("明治", dt.date(1868, 1, 25)),
        ("大正", dt.date(1912, 7, 30)),
        ("昭和", dt.date(1926, 12, 25)),
        ("平成", dt.date(1989, 1, 8)),
        ("令和", dt.date(2019, 5, 1)),
    ]

Part = Literal["day", "month", "year"]


def era_label(year: int, month: int | None = None, day: int | None = None) -> str:
    """令和元年, 平成31年／令和元年 when only the year is known and an era began that year; '' before Meiji."""
    def one(date: dt.date) -> str:
        for name, start in reversed(_ERA_TABLE):
            if date >= start:
                number = date.year - start.year + 1
                return f"{name}{'元' if number == 1 else number}年"
        return ""

    if month and day:
        try:
            return one(dt.date(year, month, day))
        except ValueError:
            return ""
    first, last = one(dt.date(year, 1, 1)), one(dt.date(year, 12, 31))
    return first if first == last else "／".join(p for p in (first, last) if p)


def _is_japanese(t: T) -> bool:
    return t.locale.html_lang == "ja"


def date_input(
    t: T,
    *,
    legend: str,
    name: str,
    id: str | None = None,
    hint: str | None = None,
    error: f.Text | None = None,
    error_fields: Collection[Part] | None = None,
    values: Mapping[Part, f.Text] | None = None,
    on_change: Mapping[Part, f.Handler] | None = None,
    on_blur: Mapping[Part, f.Handler] | None = None,
    legend_is_heading: bool = False,
    birthday: bool = False,
    show_era: bool | None = None,
) -> rx.Component:
    """Three fields named `<name>-day`, `<name>-month`, `<name>-year`; ids `<id>-day` etc.

    The error summary should link to `#<id>-<first field at fault>` (`error_target()` gives it).
    `on_blur` per part lets a form keep each part as soon as the resident leaves it (a draft survives a reload).
    """
    field_id = id or name
    values = values or {}
    on_change = on_change or {}
    on_blur = on_blur or {}
    faulty = set(error_fields) if error_fields else {"day", "month", "year"}
    labels: dict[Part, str] = {"day": t._("Day"), "month": t._("Month"), "year": t._("Year")}
    order: list[Part] = ["year", "month", "day"] if _is_japanese(t) else ["day", "month", "year"]
    era = _is_japanese(t) if show_era is None else show_era
    items = []
    for part in order:
        part_id = f"{field_id}-{part}"
        width = "4" if part == "year" else "2"
        base = f"input date-input__input input--width-{width}"
        custom = {"data-era-part": part} if era else {}
        items.append(
            rx.el.div(
                rx.el.label(labels[part], html_for=part_id, class_name="label date-input__label"),
                rx.el.input(
                    id=part_id,
                    name=f"{name}-{part}",
                    type="text",
                    input_mode="numeric",
                    max_length=f.hard_limit(10),  # room for 令和元 and full-width digits, never a pasted page
                    auto_complete=f"bday-{part}" if birthday else None,
                    aria_invalid=f.invalid(error) if part in faulty else None,
                    class_name=f.when_error(error, f"{base} input--error", base) if part in faulty else base,
                    custom_attrs=custom,
                    **f.bind_value(values.get(part), on_change.get(part)),
                    **({"on_blur": on_blur[part]} if part in on_blur else {}),
                ),
                class_name="date-input__item",
            )
        )
    extra: list[rx.Component] = []
    group_custom: dict[str, str] = {}
    if era:
        year_value = values.get("year")
        current = ""
        if isinstance(year_value, str) and year_value.isdigit() and len(year_value) == 4:
            current = t._("In the Japanese calendar: {era}", era=era_label(int(year_value)))
        group_custom = {
            "data-era-table": json.dumps([[n, s.isoformat()] for n, s in _ERA_TABLE], ensure_ascii=False),
            "data-era-template": t._("In the Japanese calendar: {era}"),
        }
        # Always rendered, text replaced by the script as the year is typed (announced politely).
        extra.append(rx.el.p(current, class_name="hint date-input__era", aria_live="polite", id=f"{field_id}-era"))
    return rx.el.div(
        rx.el.fieldset(
            *f.compact(
                f.legend(t, legend, is_heading=legend_is_heading),
                f.hint(field_id, hint),
                f.error_message(t, field_id, error),
                rx.el.div(*items, class_name="date-input", id=field_id, custom_attrs=group_custom),
                *extra,
            ),
            aria_describedby=f.described_by(field_id, hint, error),
            class_name="fieldset",
        ),
        class_name=f.group_class(error),
    )


def error_target(id: str, t: T, error_fields: Collection[Part] | None = None) -> str:
    """The id the error summary should link to: the first field at fault, in the locale's order."""
    order: list[Part] = ["year", "month", "day"] if _is_japanese(t) else ["day", "month", "year"]
    faulty = set(error_fields) if error_fields else set(order)
    first = next(part for part in order if part in faulty)
    return f"{id}-{first}"


def _example_hint(t: T) -> str:
    if _is_japanese(t):
        # DADS style: the Western year with its era, 1990年（平成2年）4月27日.
        example = f"1990年（{era_label(1990)}）4月27日"
        return t._("For example, {example}", example=example)
    return t._("For example, {example}", example="27 4 1990")


def _default(t: T, key: str = "default") -> rx.Component:
    return date_input(t, legend=t._("What is your date of birth?"), name=f"dob-{key}", id=f"ex-date-input-{key}",
                      hint=_example_hint(t), birthday=True)


def _long(t: T) -> rx.Component:
    return date_input(
        t,
        legend=t._("When did you move into your current address, or when will you move if you have not moved yet?"),
        name="moved",
        id="ex-date-input-long",
        hint=t._("If you do not know the exact day, enter the first day of the month. You can change this later."),
        values={"year": "2019"},
    )


def _error(t: T) -> rx.Component:
    return date_input(
        t,
        legend=t._("What is your date of birth?"),
        name="dob-error",
        id="ex-date-input-error",
        hint=_example_hint(t),
        error=t._("Date of birth must include a month"),
        error_fields={"month"},
        values={"day": "27", "year": "1990"},
        birthday=True,
    )


EXAMPLES: dict[str, Example] = {
    "default": _default,
    "long-text": _long,
    "error": _error,
    "rtl": rtl(lambda t: _default(t, "rtl")),
}
