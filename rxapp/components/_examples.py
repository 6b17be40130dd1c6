"""Helpers for the named examples every component module exposes (EXAMPLES: name → builder)."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from rxapp.i18n import T

Example = Callable[[T], rx.Component]


def rtl(build: Example) -> Example:
    """The example in Arabic, right to left, whatever the page's locale: RTL is checked on every page.

    The wrapper carries lang and dir (WCAG 3.1.2, language of parts).
    """

    def example(t: T) -> rx.Component:
        # On a pseudo-locale page the Arabic pseudo-locale, so testers still see every string's marks.
        return rx.el.div(build(T("ar-XB" if t.locale.pseudo else "ar")), lang="ar", dir="rtl", class_name="example-rtl")

    return example
