"""Status tag: the state of an application or task in one or two words.

Accessibility criteria:
- the word carries the meaning; colour only repeats it (WCAG 1.4.1); text ≥ 4.5:1 on its background
  (≥ 7:1 in high contrast, where tags become black on white with a border);
- not interactive and not a heading: a <strong> inside the text it qualifies.
"""

from __future__ import annotations

from typing import Literal

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T

Colour = Literal["grey", "blue", "green", "yellow", "red"]


def status_tag(text: str, colour: Colour = "blue", *, id: str | None = None) -> rx.Component:
    return rx.el.strong(text, id=id, class_name=f"tag tag--{colour}")


def _all(t: T) -> rx.Component:
    return rx.el.ul(
        rx.el.li(status_tag(t._("Draft"), "grey")),
        rx.el.li(status_tag(t._("Sent"), "blue")),
        rx.el.li(status_tag(t._("Approved"), "green")),
        rx.el.li(status_tag(t._("Action needed"), "yellow")),
        rx.el.li(status_tag(t._("Rejected"), "red")),
        class_name="tag-list",
    )


EXAMPLES: dict[str, Example] = {
    "default": _all,
    "long-text": lambda t: status_tag(t._("Waiting for documents from your previous city"), "yellow"),
    "rtl": rtl(_all),
}
