"""Parts of a page in another language than the page (WCAG 3.1.2), and furigana.

- `japanese_only(t, content)`: content the backend sends only in Japanese (notices, agency names). It is marked
  `lang="ja"` so screen readers switch voice, and in a non-Japanese page a visible note says it is in Japanese.
  With `machine_translated=True` the content is a machine translation into the page's language: a note says so,
  and the Japanese original, when given, is one click away.
- `ruby_text(t, msgid)` / `furigana(t, text)`: translated text with readings over its kanji as `<ruby>`, in
  Japanese locales only (a no-op elsewhere). The readings are computed when the page is built
  (rxapp/i18n/furigana.py); the stylesheet shows them when `<html data-furigana="on">`.
- `with_furigana(t, tree)`: the same for every static text of a page; rxapp/rxapp.py applies it to every page
  in ja and ja-easy, so pages need not call `ruby_text` themselves.

Examples:
    japanese_only(t, notice.body)                                  # a notice body (block)
    japanese_only(t, "厚生労働省", inline=True)                      # an agency name inside a sentence
    japanese_only(t, translated, machine_translated=True, original=notice.body)
    rx.el.h1(ruby_text(t, "Apply for child allowance"))
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import reflex as rx
from reflex_base.vars.base import Var
from reflex_base.vars.sequence import LiteralStringVar
from reflex_components_core.base.bare import Bare

from rxapp.i18n import T
from rxapp.i18n.furigana import has_kanji, segments

Content = rx.Component | Var | str


def _is_japanese(t: T) -> bool:
    return t.locale.is_japanese


def japanese_only(
    t: T,
    content: Content,
    *,
    inline: bool = False,
    machine_translated: bool = False,
    original: Content | None = None,
) -> rx.Component:
    """Backend content in Japanese, marked as such; see the module docstring."""
    tag = rx.el.span if inline else rx.el.div
    if _is_japanese(t):
        # The page is Japanese already: show the Japanese text itself, no note needed.
        shown = original if machine_translated and original is not None else content
        return tag(shown, lang="ja", class_name="lang-fragment", custom_attrs={"data-lang-fragment": "ja"})
    if machine_translated:
        note = t._("Translated automatically from Japanese. It may contain mistakes.")
        parts: list[rx.Component] = [
            rx.el.p(note, class_name="lang-fragment__note"),
            rx.el.div(content, class_name="lang-fragment__content"),
        ]
        if original is not None:
            parts.append(
                rx.el.details(
                    rx.el.summary(t._("Show the original in Japanese")),
                    rx.el.div(original, lang="ja", dir="ltr", custom_attrs={"data-lang-fragment": "ja"}),
                )
            )
        return rx.el.div(*parts, class_name="lang-fragment lang-fragment--machine",
                         custom_attrs={"data-machine-translated": "true"})
    if inline:
        return rx.el.span(
            rx.el.span(content, lang="ja", dir="ltr", custom_attrs={"data-lang-fragment": "ja"}),
            " ",
            # TRANSLATORS: short note after a name or phrase that is shown in Japanese only.
            rx.el.span(t._("(in Japanese)"), class_name="lang-fragment__note"),
            class_name="lang-fragment lang-fragment--inline",
        )
    return rx.el.div(
        # TRANSLATORS: note above text (a notice, a letter) that is available only in Japanese.
        rx.el.p(t._("This is in Japanese. It is not available in your language yet."),
                class_name="lang-fragment__note"),
        rx.el.div(content, lang="ja", dir="ltr", class_name="lang-fragment__content",
                  custom_attrs={"data-lang-fragment": "ja"}),
        class_name="lang-fragment",
    )


def _ruby(base: str, reading: str) -> rx.Component:
    # The readings are for the eye: screen readers read the kanji themselves, and accessible names
    # (a link's text) must not double every word, so <rt> and its fallback parentheses are aria-hidden.
    return rx.el.ruby(
        base,
        rx.el.rp("(", aria_hidden="true"),
        rx.el.rt(reading, aria_hidden="true"),
        rx.el.rp(")", aria_hidden="true"),
    )


def furigana_html(t: T, text: str) -> str:
    """`furigana` as HTML, for the few words the browser writes itself (the notices and the crash page of
    rxapp/i18n/overlay.py, outside the pages this module's build-time pass reaches). Text is escaped."""
    if not _is_japanese(t):
        return html.escape(text)
    hidden = ' aria-hidden="true"'
    return "".join(
        html.escape(base) if reading is None
        else (f"<ruby>{html.escape(base)}<rp{hidden}>(</rp><rt{hidden}>{html.escape(reading)}</rt>"
              f"<rp{hidden}>)</rp></ruby>")
        for base, reading in segments(text)
    )


def furigana(t: T, text: str) -> rx.Component:
    """Already-translated static text with ruby over its kanji in Japanese locales; unchanged elsewhere."""
    if not _is_japanese(t):
        return rx.fragment(text)
    return rx.fragment(*[base if reading is None else _ruby(base, reading) for base, reading in segments(text)])


def ruby_text(t: T, msgid: str, /, **params: object) -> rx.Component:
    """`t._(msgid, **params)` with furigana (see `furigana`). Extracted for the catalogs like `t._`."""
    return furigana(t, t._(msgid, **params))


# Where readings must not go: ruby inside ruby, text-only elements (<option>, <title>, <textarea>), code.
_NO_RUBY = {"ruby", "rt", "rp", "option", "optgroup", "textarea", "title", "script", "style", "code", "pre",
            "kbd", "samp", "select", "input", "svg"}


def _literal(var: object) -> str | None:
    value = getattr(var, "_var_value", None)
    return value if isinstance(value, str) and isinstance(var, LiteralStringVar) else None


def _skip(component: rx.Component) -> bool:
    if getattr(component, "tag", None) in _NO_RUBY:
        return True
    attrs = getattr(component, "custom_attrs", None) or {}
    if str(attrs.get("translate", "")) == "no" or "data-no-furigana" in attrs:
        return True  # names and data: their readings are not ours to guess
    lang = _literal(getattr(component, "lang", None))
    return lang is not None and not lang.startswith("ja")


def with_furigana(t: T, component: rx.Component) -> rx.Component:
    """Give every static text with kanji in `component`'s tree its readings (Japanese locales only).

    Only literal strings that are children are touched: text computed at run time (state, `rx.cond` branches)
    stays as it is. Subtrees marked `translate="no"` or `data-no-furigana`, or in another language, are skipped.
    """
    if _is_japanese(t):
        _add_readings(t, component)
    return component


def _add_readings(t: T, component: rx.Component) -> None:
    if _skip(component):
        return
    children = []
    changed = False
    for child in getattr(component, "children", []):
        text = _literal(child.contents) if isinstance(child, Bare) else None
        if text is not None and has_kanji(text):
            children.append(furigana(t, text))
            changed = True
        else:
            if isinstance(child, rx.Component):
                _add_readings(t, child)
            children.append(child)
    if changed:
        component.children = children


# Japanese in a translated sentence: kana, kanji, and the full-width punctuation between them.
_JAPANESE_RUN = re.compile(r"[\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uFF01-\uFF60]+")
_JAPANESE_CHAR = re.compile(r"[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF]")


def japanese_parts(text: str) -> list[str | rx.Component]:
    """`text` with each Japanese run in its own <span lang="ja"> (the rest stays plain text)."""
    parts: list[str | rx.Component] = []
    at = 0
    for match in _JAPANESE_RUN.finditer(text):
        if not _JAPANESE_CHAR.search(match.group()):
            continue  # full-width punctuation alone is not Japanese words
        if match.start() > at:
            parts.append(text[at:match.start()])
        parts.append(rx.el.span(match.group(), lang="ja"))
        at = match.end()
    if at < len(text):
        parts.append(text[at:])
    return parts


def with_japanese_marked(t: T, component: rx.Component) -> rx.Component:
    """In a page that is not in Japanese, give every Japanese run of its static text `lang="ja"` (WCAG 3.1.2).

    Translations keep the Japanese term a resident meets on paper ("sign-in certificate (利用者証明用電子証明書)");
    a screen reader must switch voice for it. Text computed at run time is marked where it is shown
    (`japanese_only`); subtrees that declare a language are left as they are.
    """
    if t.locale.cldr.split("_")[0] not in {"ja", "zh", "ko"}:
        _mark_japanese(component)
    return component


def _mark_japanese(component: rx.Component) -> None:
    if getattr(component, "tag", None) in {"title", "option", "textarea", "script", "style", "svg"}:
        return
    if _literal(getattr(component, "lang", None)) is not None:
        return  # the subtree says its own language
    children = []
    changed = False
    for child in getattr(component, "children", []):
        text = _literal(child.contents) if isinstance(child, Bare) else None
        if text is not None and _JAPANESE_CHAR.search(text):
            children.extend(japanese_parts(text))
            changed = True
        else:
            if isinstance(child, rx.Component):
                _mark_japanese(child)
            children.append(child)
    if changed:
        component.children = [Bare.create(c) if isinstance(c, str) else c for c in children]


def furigana_page(t: T, build: Callable[[T], rx.Component]) -> Callable[[], rx.Component]:
    """The page builder for `add_page`: `build(t)` with readings over its kanji in Japanese locales, and its
    Japanese terms marked `lang="ja"` in the other locales."""

    def page() -> rx.Component:
        return with_japanese_marked(t, with_furigana(t, build(t)))

    return page
