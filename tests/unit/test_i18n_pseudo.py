"""Pseudo-locales: en-XA accented, about 40 % longer and bracketed; ar-XB right to left (mirrored) and bracketed.
Placeholders survive both, and the shipped pseudo catalogs are what the generator makes."""

from __future__ import annotations

from babel.messages.pofile import read_po

from rxapp.i18n import T
from rxapp.i18n.catalogs import _po_path
from rxapp.i18n.pseudo import PLACEHOLDER, is_marked, pseudo_ar, pseudo_en

SAMPLE = "You have {count} new notices from {agency}"


def test_en_xa_is_accented_longer_and_bracketed() -> None:
    out = pseudo_en(SAMPLE)
    assert out.startswith("[") and out.endswith("]")
    body = PLACEHOLDER.sub("", out)
    assert not any("a" <= ch <= "z" or "A" <= ch <= "Z" for ch in body.strip("[]·")), out
    source_len = len(PLACEHOLDER.sub("", SAMPLE))
    assert len(body) >= source_len * 1.35, (len(body), source_len)
    assert PLACEHOLDER.findall(out) == ["{count}", "{agency}"]
    assert out.format(count=3, agency="X")  # still formattable


def test_ar_xb_is_right_to_left_with_placeholders_outside_the_override() -> None:
    out = pseudo_ar(SAMPLE)
    assert "[" in out and "]" in out
    assert out.count("\u202e") == out.count("\u202c") == 2  # two runs of text, each before a placeholder
    for holder in ("{count}", "{agency}"):
        before = out[: out.index(holder)]
        assert before.count("\u202e") == before.count("\u202c"), "placeholder inside an override"


def test_marks_are_recognised() -> None:
    assert is_marked(pseudo_en("Help")) and is_marked(pseudo_ar("Help")) and not is_marked("Help")


def test_shipped_pseudo_catalogs_are_marked_everywhere() -> None:
    for code, transform in (("en-XA", pseudo_en), ("ar-XB", pseudo_ar)):
        with _po_path(code).open("rb") as fp:
            catalog = read_po(fp)
        messages = [m for m in catalog if m.id]
        assert messages
        for message in messages:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            assert all(is_marked(text) for text in strings), (code, message.id)
            if isinstance(message.id, str):
                assert message.string == transform(message.id)


def test_translator_reads_pseudo_catalogs() -> None:
    assert T("en-XA")._("Help") == pseudo_en("Help")
    assert T("ar-XB")._("Help") == pseudo_ar("Help")
