"""Plainer words in simplified mode: both wordings are in the page, CSS shows the one for the mode.

Why both in the HTML: the mode is a client-side choice applied before first paint (no reload, no flash),
while pages are prerendered per locale. `display: none` hides the other wording from screen readers too.

    simple_or(t._("Submit your application"), t.p_("simple", "Submit your application"))

The simplified wording lives in the catalogs under the context "simple" (translators see it as such).

Accessibility criteria:
- exactly one wording is displayed and exposed to assistive technology at a time (the other is display: none);
- switching the mode swaps the words without a reload and without moving focus.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T


def simple_or(normal: str, simple: str, *, element: str = "span") -> rx.Component:
    """`normal` in the standard mode, `simple` in simplified mode; one element when they are the same."""
    make = getattr(rx.el, element)
    if simple == normal:
        return make(normal)
    return rx.fragment(make(normal, class_name="when-standard"), make(simple, class_name="when-simple"))


def _example(t: T) -> rx.Component:
    return rx.el.p(
        simple_or(
            t._("You must notify the city office within 14 days of moving."),
            t.p_("simple", "You must notify the city office within 14 days of moving."),
        )
    )


EXAMPLES: dict[str, Example] = {
    "default": _example,
    "rtl": rtl(_example),
}
