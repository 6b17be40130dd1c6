"""Inset text: sets apart a quotation, an example or additional information from the text around it.

Accessibility criteria:
- a plain block with a thick inline-start border (on the right in RTL, through logical properties);
- no role: it is ordinary content, read in order; never used for warnings (warning text does that).
"""

from __future__ import annotations

import reflex as rx

from rxapp.components._examples import Example, rtl


def inset_text(*children: rx.Component | str, id: str | None = None) -> rx.Component:
    return rx.el.div(*children, id=id, class_name="inset-text")


EXAMPLES: dict[str, Example] = {
    "default": lambda t: inset_text(t._("It can take up to 8 weeks to hear from the city office about your application.")),
    "long-text": lambda t: inset_text(
        t._("If you moved from another city within the last year, the city office asks your previous city for your income information. This is done for you, and you do not need to bring a certificate, unless the city office writes to you to ask for one."),
    ),
    "rtl": rtl(lambda t: inset_text(t._("It can take up to 8 weeks to hear from the city office about your application."))),
}
