"""Worded pre-fill sources: the agency's Japanese name is a part of its own, so the page can mark its language."""

from __future__ import annotations

import pytest

from rxapp.i18n import T
from rxapp.procedures.flows import MOVING_OUT
from rxapp.procedures.messages import field_error, source_note, source_note_parts
from rxapp.rules.fields import ANSWER_MAX_LENGTH, validate


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



@pytest.mark.parametrize("code", ["ja", "ja-easy", "en", "ar"])
def test_an_over_long_answer_is_refused_with_its_limit_in_the_residents_language(code: str) -> None:
    address = MOVING_OUT.question("new_address")  # max_length=200 in the procedure's schema
    pasted = "東" * 3_600_000
    assert validate(address.spec, pasted) == "too_long"
    assert validate(address.spec, "東" * 200) is None
    message = field_error(T(code), address, "too_long")
    assert "200" in message
    assert message != address.short(T(code))
    postcode = MOVING_OUT.question("new_postal_code")  # no limit of its own: the general one applies
    assert validate(postcode.spec, "1" * (ANSWER_MAX_LENGTH + 1)) == "too_long"
    assert str(ANSWER_MAX_LENGTH) in field_error(T("en"), postcode, "too_long").replace(",", "")
