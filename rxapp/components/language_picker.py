"""Language picker: each language named in itself, with `lang` and `hreflang` on each link.

The current language is marked with aria-current. Links go to the same page in the other language.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components.link import internal_link
from rxapp.i18n import T, shipped_locales


def language_picker(t: T, slug: str) -> rx.Component:
    items = []
    for locale in shipped_locales():
        current = locale.code == t.code
        items.append(
            rx.el.li(
                internal_link(
                    locale.native_name,
                    href=f"/{locale.code}/{slug}".rstrip("/") + ("/" if not slug else ""),
                    lang=locale.html_lang,
                    hreflang=locale.html_lang,
                    dir=locale.direction,
                    aria_current="true" if current else None,
                ),
            )
        )
    return rx.el.nav(
        rx.el.ul(*items),
        aria_label=t._("Language"),
        class_name="language-picker",
        id="language-picker",
    )
