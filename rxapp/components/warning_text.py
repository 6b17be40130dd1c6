"""Warning text: a consequence the user must know before acting (a fine, a deadline, a lost right).

Accessibility criteria:
- the "!" icon is decorative (aria-hidden); a visually hidden "Warning" starts the text, so the meaning is
  not carried by the icon or colour alone (WCAG 1.1.1, 1.4.1);
- the text is bold and wraps under itself at 200 % text and 320 px; the icon never shrinks.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T


def warning_text(t: T, text: str | rx.Component, *, id: str | None = None) -> rx.Component:
    return rx.el.div(
        rx.el.span("!", class_name="warning-text__icon", aria_hidden="true"),
        rx.el.strong(rx.el.span(t._("Warning"), class_name="visually-hidden"), " ", text,
                     class_name="warning-text__text"),
        id=id,
        class_name="warning-text",
    )


EXAMPLES: dict[str, Example] = {
    "default": lambda t: warning_text(t, t._("You can be fined up to 50,000 yen if you do not register your new address within 14 days.")),
    "long-text": lambda t: warning_text(
        t,
        t._("If you send this application after the 15th day from the birth, child allowance is paid only from the month after you apply, and the months before cannot be paid later, even if you were eligible."),
    ),
    "rtl": rtl(lambda t: warning_text(t, t._("You can be fined up to 50,000 yen if you do not register your new address within 14 days."))),
}
