"""Japanese-only content (WCAG 3.1.2): lang="ja" always, a visible note in other languages, machine translation
labelled."""

from __future__ import annotations

import reflex as rx

from rxapp.components.lang_fragment import japanese_only
from rxapp.i18n import T


def _js(component: rx.Component) -> str:
    return str(component).encode("ascii").decode("unicode_escape")


def test_in_english_the_content_is_marked_japanese_with_a_visible_note() -> None:
    out = _js(japanese_only(T("en"), "年金の お知らせ"))
    assert '"data-lang-fragment":"ja",dir:"ltr",lang:"ja"},"年金の お知らせ"' in out
    assert "This is in Japanese." in out


def test_in_arabic_the_note_is_arabic_and_the_content_left_to_right() -> None:
    t = T("ar")
    out = _js(japanese_only(t, "厚生労働省", inline=True))
    assert t._("(in Japanese)") in out and t._("(in Japanese)") != "(in Japanese)"
    assert 'dir:"ltr",lang:"ja"},"厚生労働省"' in out


def test_in_japanese_there_is_no_note() -> None:
    for code in ("ja", "ja-easy"):
        out = _js(japanese_only(T(code), "年金の お知らせ"))
        assert 'lang:"ja"' in out
        assert "lang-fragment__note" not in out


def test_machine_translation_is_labelled_and_links_the_original() -> None:
    out = _js(japanese_only(T("en"), "Pension notice", machine_translated=True, original="年金の お知らせ"))
    assert "Translated automatically from Japanese" in out
    assert '"data-machine-translated":"true"' in out
    assert 'jsx("details"' in out and "Show the original in Japanese" in out
    assert 'lang:"ja"},"年金の お知らせ"' in out
    # The translation itself is in the page's language: no lang="ja" on it.
    assert '"Pension notice"' in out and 'lang:"ja"},"Pension notice"' not in out
    # In Japanese the original is shown, not the translation.
    ja = _js(japanese_only(T("ja"), "Pension notice", machine_translated=True, original="年金の お知らせ"))
    assert "年金の お知らせ" in ja and "Pension notice" not in ja
