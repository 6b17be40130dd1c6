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


def test_japanese_terms_in_a_translated_page_get_their_own_lang() -> None:
    from rxapp.components.lang_fragment import with_japanese_marked

    tree = rx.el.div(rx.el.p("The sign-in certificate (利用者証明用電子証明書). You can paste it."), rx.el.p("Plain."))
    out = _js(with_japanese_marked(T("en"), tree))
    assert '"The sign-in certificate ("' in out
    assert 'jsx("span",{lang:"ja"},"利用者証明用電子証明書")' in out
    assert '"). You can paste it."' in out


def test_japanese_pages_and_subtrees_with_their_own_lang_are_left_alone() -> None:
    from rxapp.components.lang_fragment import with_japanese_marked

    marked = rx.el.p(rx.el.span("住民税", lang="ja"), " tax")
    assert str(with_japanese_marked(T("en"), rx.el.div(marked))).count("lang:") == 1
    out = _js(with_japanese_marked(T("ja"), rx.el.p("マイナポータル")))
    assert 'lang:"ja"' not in out


def test_full_width_punctuation_alone_is_not_marked() -> None:
    from rxapp.components.lang_fragment import japanese_parts

    assert japanese_parts("A！ B") == ["A！ B"]
