"""Details: help text a few people need, hidden behind a short summary.

Accessibility criteria:
- native <details>/<summary>: keyboard (Enter, Space) and screen readers know it as a disclosure with no script;
- the summary is a link-like control ≥ 24 px tall (44 px simplified) with the standard focus ring;
- the marker points down when open and along the reading direction when closed (flips in RTL).
"""

from __future__ import annotations

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T


def details(summary: str, *content: rx.Component | str, open: bool = False, id: str | None = None) -> rx.Component:
    return rx.el.details(
        rx.el.summary(rx.el.span(summary, class_name="details__summary-text"), class_name="details__summary"),
        rx.el.div(*content, class_name="details__text"),
        open=open,
        id=id,
        class_name="details",
    )


def _default(t: T) -> rx.Component:
    return details(
        t._("Help with your My Number"),
        rx.el.p(t._("Your My Number is the 12-digit number on the back of your My Number Card.")),
    )


EXAMPLES: dict[str, Example] = {
    "default": _default,
    "open": lambda t: details(
        t._("I cannot find my residence card number"),
        rx.el.p(t._("The number is at the top right of the front of the card. It has 2 letters, 8 numbers and 2 letters.")),
        open=True,
    ),
    "long-text": lambda t: details(
        t._("What to do if you do not have a My Number Card, or your card has expired, or you have forgotten its PIN"),
        rx.el.p(t._("You can still apply on paper at the city office. Bring your residence card or passport.")),
    ),
    "rtl": rtl(_default),
}
