"""Summary list: key–value rows, as on "Check your answers", each with a change link.

Accessibility criteria:
- a <dl> with <dt>/<dd> pairs (one <div> per row), so each value is read with its key;
- change links carry a visually hidden end naming what they change ("Change name"), so the link text makes
  sense out of context (WCAG 2.4.4) and 3.3.7 is honoured: answers are shown back, never asked twice;
- rows stack under each other on narrow screens and at 200 % text; nothing is cut off.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.components.link import internal_link
from rxapp.i18n import T


@dataclass(frozen=True)
class Row:
    """One answer: key, value (text or component) and an optional change link."""

    key: str
    value: str | rx.Component
    href: str | None = None
    action: str | None = None  # translated "Change"
    action_hidden: str | None = None  # what it changes, for screen readers ("name")


def summary_list(rows: Sequence[Row], *, id: str | None = None) -> rx.Component:
    items = []
    for row in rows:
        action = []
        if row.href and row.action:
            action = [
                rx.el.dd(
                    internal_link(
                        row.action,
                        rx.el.span(" ", row.action_hidden, class_name="visually-hidden") if row.action_hidden else "",
                        href=row.href,
                    ),
                    class_name="summary-list__actions",
                )
            ]
        items.append(
            rx.el.div(
                rx.el.dt(row.key, class_name="summary-list__key"),
                rx.el.dd(row.value, class_name="summary-list__value"),
                *action,
                class_name="summary-list__row",
            )
        )
    return rx.el.dl(*items, id=id, class_name="summary-list")


def _data(value: str) -> rx.Component:
    # A resident's own data, not UI text: never translated, by the catalogs or by the browser.
    return rx.el.span(value, custom_attrs={"translate": "no"})


def _date(t: T) -> str:
    import datetime as dt

    try:
        from rxapp.i18n.formatting import format_date

        return format_date(dt.date(1943, 5, 12), t)
    except ImportError:  # pragma: no cover - before the languages work lands
        return "1943-05-12"


def _rows(t: T) -> list[Row]:
    change = t._("Change")
    return [
        Row(t._("Full name"), _data("Sato Haru"), f"/{t.code}/help", change, t._("Full name")),
        Row(t._("Date of birth"), _date(t), f"/{t.code}/help", change, t._("Date of birth")),
        Row(t._("How should we contact you?"), t._("By post"), f"/{t.code}/help", change, t._("How should we contact you?")),
    ]


def _long(t: T) -> rx.Component:
    return summary_list(
        [
            Row(
                t._("Name of the person who will receive the allowance, if it is not you, exactly as written on their bank account"),
                _data("ミナミ ハナコ — Minami Hanako-Oliveira dos Santos Pereira"),
                f"/{t.code}/help",
                t._("Change"),
                t._("Full name"),
            ),
            Row(t._("Tell us why you are applying"), t._("Do not include personal or financial information")),
        ],
        id="ex-summary-list-long",
    )


EXAMPLES: dict[str, Example] = {
    "default": lambda t: summary_list(_rows(t), id="ex-summary-list-default"),
    "long-text": _long,
    "rtl": rtl(lambda t: summary_list(_rows(t), id="ex-summary-list-rtl")),
}
