"""Back link: returns to the previous question, at the top of a one-question page.

Accessibility criteria:
- a real link (client-side, works without JavaScript) with the visible word "Back", never an arrow alone;
- the chevron is drawn in CSS, decorative, and points the reading direction's way back (it flips in RTL);
- placed before <main>'s content so it is found first; always visible, also in simplified mode;
- at least 24 px tall (44 px in simplified mode).
"""

from __future__ import annotations

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.components.link import internal_link
from rxapp.i18n import T


def back_link(t: T, href: str, *, text: str | None = None, id: str | None = None) -> rx.Component:
    props: dict[str, str] = {"id": id} if id else {}
    return internal_link(text or t._("Back"), href=href, class_name="back-link", **props)


EXAMPLES: dict[str, Example] = {
    "default": lambda t: back_link(t, f"/{t.code}/help"),
    "long-text": lambda t: back_link(t, f"/{t.code}/help", text=t._("Back to your applications and saved drafts")),
    "rtl": rtl(lambda t: back_link(t, f"/{t.code}/help")),
}
