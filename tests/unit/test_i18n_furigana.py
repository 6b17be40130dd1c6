"""Furigana readings (Janome at build time), their ruby rendering, and the cost of computing them."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from rxapp.components.lang_fragment import furigana, ruby_text
from rxapp.i18n import T
from rxapp.i18n.furigana import has_kanji, reading_of, segments


@pytest.mark.parametrize(
    ("word", "reading"),
    [("暗証番号", "あんしょうばんごう"), ("役所", "やくしょ"), ("年金", "ねんきん"), ("介護", "かいご"),
     ("要介護認定", "ようかいごにんてい"), ("公金受取口座", "こうきんうけとりこうざ"), ("健康保険", "けんこうほけん")],
)
def test_known_words(word: str, reading: str) -> None:
    assert reading_of(word) == reading
    assert all(r is not None for _, r in segments(word))  # every part of the word carries its reading
    assert "".join(base for base, _ in segments(word)) == word


def test_each_word_of_a_compound_gets_its_own_ruby() -> None:
    assert segments("暗証番号") == [("暗証", "あんしょう"), ("番号", "ばんごう")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("読む", [("読", "よ"), ("む", None)]),
        ("お知らせ", [("お", None), ("知", "し"), ("らせ", None)]),
        ("子ども", [("子", "こ"), ("ども", None)]),
        ("取り扱い", [("取", "と"), ("り", None), ("扱", "あつか"), ("い", None)]),
        ("申請を読む", [("申請", "しんせい"), ("を", None), ("読", "よ"), ("む", None)]),
    ],
)
def test_okurigana_stay_outside_the_ruby(text: str, expected: list) -> None:
    assert segments(text) == expected


def test_counters_after_digits() -> None:
    assert segments("4月1日") == [("4", None), ("月", "がつ"), ("1日", "ついたち")]
    assert segments("11月27日") == [("11", None), ("月", "がつ"), ("27", None), ("日", "にち")]
    assert ("3日", "みっか") in segments("3日まで")
    assert ("分", "ぷん") in segments("30分")
    assert ("分", "ふん") in segments("5分")
    assert ("2人", "ふたり") in segments("2人で")


def test_text_without_kanji_has_no_readings() -> None:
    assert segments("マイナンバーカードと ひらがな 123") == [("マイナンバーカードと ひらがな 123", None)]
    assert segments("") == []
    assert not has_kanji("カタカナ")


def test_segments_rebuild_the_text_exactly() -> None:
    text = "マイナンバーカードと 4けたの 暗証番号が いります。2025年（令和7年）11月27日まで。"
    assert "".join(base for base, _ in segments(text)) == text
    assert all(reading is None or has_kanji(base) for base, reading in segments(text))
    assert reading_of("暗証番号を読む") == "あんしょうばんごうをよむ"


def test_every_japanese_catalog_string_gets_readings_for_all_its_common_kanji() -> None:
    """Every kanji segment of every ja-easy string gets a reading (unknown names are the only exception)."""
    from babel.messages.pofile import read_po

    from rxapp.i18n.catalogs import _po_path

    with _po_path("ja-easy").open("rb") as fp:
        catalog = read_po(fp)
    missing = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            missing += [base for base, reading in segments(text or "") if reading is None and has_kanji(base)]
    assert missing == [], missing


def test_ruby_markup_in_japanese_and_nothing_elsewhere() -> None:
    ja = str(furigana(T("ja-easy"), "年金を読む")).encode("ascii").decode("unicode_escape")
    assert 'jsx("ruby",{},"年金",' in ja
    assert 'jsx("rt",{"aria-hidden":"true"},"ねんきん")' in ja
    assert 'jsx("rp",{"aria-hidden":"true"},"(")' in ja
    assert '"む"' in ja
    en = str(ruby_text(T("en"), "Minna Portal"))
    assert "ruby" not in en and "Minna Portal" in en
    assert "ruby" in str(ruby_text(T("ja"), "Help")) or not has_kanji(T("ja")._("Help"))


def test_the_tokenizer_loads_lazily_and_results_are_cached() -> None:
    code = (
        "import sys, time\n"
        "import rxapp.i18n.furigana as f\n"
        "assert 'janome.tokenizer' not in sys.modules, 'Janome loaded at import'\n"
        "t0 = time.perf_counter(); f.segments('暗証番号を読む'); first = time.perf_counter() - t0\n"
        "t0 = time.perf_counter(); f.segments('暗証番号を読む'); again = time.perf_counter() - t0\n"
        "print(first, again)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    first, again = (float(x) for x in out.split())
    assert again < first / 10, (first, again)
    assert first < 5.0  # dictionary load + one string, on a slow shared machine


def test_reading_many_strings_is_fast_once_loaded() -> None:
    segments("準備")  # load
    texts = [f"{n}月{n}日に 市役所で 年金の 手続きを します" for n in range(1, 13)] * 20
    start = time.perf_counter()
    for text in texts:
        segments(text)
    # 240 calls, 12 distinct strings: the cache makes the repeats free.
    assert time.perf_counter() - start < 1.0


def test_with_furigana_covers_static_text_and_skips_data_code_and_other_languages() -> None:
    import reflex as rx

    from rxapp.components.lang_fragment import with_furigana

    def tree() -> rx.Component:
        return rx.el.div(
            rx.el.h1("年金の 手続き"),
            rx.el.p("読む", rx.el.span("佐藤", custom_attrs={"translate": "no"})),
            rx.el.select(rx.el.option("東京")),
            rx.el.p("漢字", lang="en"),
        )

    out = str(with_furigana(T("ja-easy"), tree())).encode("ascii").decode("unicode_escape")
    assert out.count('jsx("ruby"') == 3  # 年金, 手続, 読
    assert '"ねんきん"' in out and '"てつづ"' in out and '"よ"' in out
    assert 'jsx("span",{translate:"no"},"佐藤")' in out
    assert 'jsx("option",{},"東京")' in out
    assert 'jsx("p",{lang:"en"},"漢字")' in out
    assert "ruby" not in str(with_furigana(T("en"), tree()))
