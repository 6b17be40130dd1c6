"""Worded pre-fill sources: the agency's Japanese name is a part of its own, so the page can mark its language."""

from __future__ import annotations

import pytest

from rxapp.i18n import T
from rxapp.procedures.messages import source_note, source_note_parts


@pytest.mark.parametrize("code", ["ja", "ja-easy", "en", "ar"])
def test_the_agency_is_split_out_of_the_translated_note(code: str) -> None:
    t = T(code)
    before, agency, after = source_note_parts(t, "tax_income", "愛知県豊田市")
    assert agency == "愛知県豊田市"
    assert before + agency + after == source_note(t, "tax_income", "愛知県豊田市")
    assert "愛知" not in before + after and before


def test_a_note_without_an_agency_is_one_part() -> None:
    t = T("en")
    assert source_note_parts(t, "session", "") == [source_note(t, "session", ""), "", ""]
