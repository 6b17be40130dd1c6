"""Ruby text (furigana): readings in small hiragana over kanji, for people who read kana but few kanji.

Accessibility criteria:
- real <ruby>/<rt> markup with <rp> parentheses for browsers without ruby layout;
- readings show only when the user turns furigana on (<html data-furigana="on">, Japanese and やさしい日本語);
  otherwise <rt> and <rp> are not displayed, so nothing is read twice and line height is calm;
- the readings are aria-hidden: screen readers read the kanji, and accessible names are not doubled;
- Japanese text on a page in another language carries lang="ja" (WCAG 3.1.2).

Automatic readings for whole sentences come from the languages work (rxapp.components.lang_fragment.furigana);
`ruby()` is for one word with a known reading.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components._examples import Example
from rxapp.i18n import T

try:  # The languages engineer's sentence-level furigana (Janome readings at build time).
    from rxapp.components.lang_fragment import furigana as _furigana
except ImportError:  # pragma: no cover - before rxapp/components/lang_fragment.py lands
    _furigana = None


def ruby(base: str, reading: str, *, lang: str | None = None) -> rx.Component:
    """One word with its reading: `ruby("在留", "ざいりゅう")`."""
    return rx.el.ruby(
        base,
        rx.el.rp("(", aria_hidden="true"),
        rx.el.rt(reading, aria_hidden="true"),
        rx.el.rp(")", aria_hidden="true"),
        lang=lang,
    )


def _japanese(t: T) -> T:
    # Japanese examples on every page: in Japanese pages the page's own catalog, elsewhere the Japanese one.
    return t if t.locale.html_lang == "ja" else T("ja")


def _words(t: T) -> rx.Component:
    ja = _japanese(t)
    lang = None if ja is t else "ja"
    return rx.el.p(
        ruby("在留", "ざいりゅう", lang=lang),
        rx.el.span("カード", lang=lang),
        " / ",
        ruby("児童手当", "じどうてあて", lang=lang),
        class_name="ruby-example",
    )


def _sentence(t: T) -> rx.Component:
    ja = _japanese(t)
    text = ja._("It can take up to 8 weeks to hear from the city office about your application.")
    body = _furigana(ja, text) if _furigana is not None else text
    return rx.el.p(body, lang=None if ja is t else "ja", class_name="ruby-example")


EXAMPLES: dict[str, Example] = {
    "default": _words,
    "long-text": _sentence,
}
