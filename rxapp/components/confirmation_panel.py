"""Confirmation panel: the end of a transaction, with its reference number.

Accessibility criteria:
- the panel's title is the page's h1 (it says what happened); the reference is in text, never only in an image,
  and marked with <strong> and translate="no" so browser translation keeps it intact;
- white on the brand colour at ≥ 7:1; in high contrast a black border keeps the edge visible.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T


def confirmation_panel(
    t: T, title: str, *, reference: str | None = None, body: str | None = None, heading_level: int = 1,
    id: str | None = None,
) -> rx.Component:
    """`heading_level` is 1 on the confirmation page; the gallery passes 2."""
    heading = rx.el.h1 if heading_level == 1 else rx.el.h2
    parts: list[rx.Component | str] = []
    if reference:
        parts = [t._("Your reference number"), rx.el.br(),
                 rx.el.strong(reference, class_name="panel__reference", custom_attrs={"translate": "no"})]
    elif body:
        parts = [body]
    return rx.el.div(
        heading(title, class_name="panel__title"),
        rx.el.div(*parts, class_name="panel__body") if parts else rx.fragment(),
        id=id,
        class_name="panel panel--confirmation",
    )


EXAMPLES: dict[str, Example] = {
    "default": lambda t: confirmation_panel(t, t._("Application complete"), reference="HDJ2123F", heading_level=2),
    "long-text": lambda t: confirmation_panel(
        t,
        t._("Your application for child allowance has been sent to the city office"),
        reference="MINNA-2025-000123-4567-8901",
        heading_level=2,
    ),
    "rtl": rtl(lambda t: confirmation_panel(t, t._("Application complete"), reference="HDJ2123F", heading_level=2)),
}
