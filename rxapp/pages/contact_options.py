"""The ways to get help, and the languages each one supports (part of /contact).

Language names are written in their own language and script, each marked with its `lang` (WCAG 3.1.2), so a
reader finds their language whatever the page's language is.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components.table import table
from rxapp.i18n import T

# BCP 47 tag → the language's own name.
LANGUAGE_NAMES: dict[str, str] = {
    "ja": "日本語",
    "ja-x-easy": "やさしい日本語",
    "en": "English",
    "zh-Hans": "中文（简体）",
    "ko": "한국어",
    "vi": "Tiếng Việt",
    "pt-BR": "Português",
    "es": "Español",
    "fil": "Filipino",
    "ne": "नेपाली",
    "id": "Bahasa Indonesia",
    "th": "ไทย",
    "ar": "العربية",
    "jsl": "日本手話",
}

# Demo contact points: (key, languages).
CHANNELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("phone", ("ja", "ja-x-easy", "en", "zh-Hans", "ko", "es", "pt-BR")),
    ("foreign_residents", ("ja-x-easy", "en", "zh-Hans", "ko", "vi", "pt-BR", "es", "fil", "ne", "id", "th", "ar")),
    ("relay", ("ja", "jsl")),
    ("counter", ("ja", "ja-x-easy")),
)


def _languages(codes: tuple[str, ...]) -> rx.Component:
    items: list[rx.Component | str] = []
    for i, code in enumerate(codes):
        if i:
            items.append(", ")
        # "ja-x-easy" and "jsl" are not tags screen readers switch voices on: speak them as Japanese.
        lang = "ja" if code in {"ja-x-easy", "jsl"} else code
        items.append(rx.el.span(LANGUAGE_NAMES[code], lang=lang, custom_attrs={"translate": "no"}))
    return rx.el.span(*items)


def contact_options(t: T) -> rx.Component:
    """The contact points as a table: how, when, and in which languages."""
    texts = {
        "phone": (t._("Minna Portal help desk (phone, free)"), t._("0120-000-000 (demo number). Weekdays 9:30 to 20:00, weekends and holidays 9:30 to 17:30.")),
        "foreign_residents": (t._("Foreign Residents Support Center (phone or visit)"), t._("0570-000-000 (demo number). Weekdays 9:00 to 17:00. An interpreter joins the call.")),
        "relay": (t._("For deaf and hard-of-hearing people: telephone relay service (電話リレーサービス)"), t._("Sign language or text, through the national relay service, at any time.")),
        "counter": (t._("Your city, town or village office counter (in person)"), t._("Opening hours of your office. Many offices have video interpreters: ask at the counter.")),
    }
    rows = [[texts[key][0], texts[key][1], _languages(codes)] for key, codes in CHANNELS]
    return rx.el.section(
        rx.el.h2(t._("Other ways to get help"), id="contact-options-title"),
        rx.el.p(t._("Each way to reach us, and the languages you can use there.")),
        table(t._("Contact options and their languages"), [t._("Contact"), t._("How and when"), t._("Languages")],
              rows, id="contact-options"),
        aria_labelledby="contact-options-title",
    )
