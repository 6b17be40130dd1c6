"""Dates in drafts: complete dates as ISO, partial ones as the typed parts; both come back to the three fields."""

from __future__ import annotations

import pytest

from rxapp.rules.fields import compose_date, split_date


@pytest.mark.parametrize(("stored", "fields"), [
    ("2027-01-09", ("2027", "1", "9")),
    ("2027--9", ("2027", "", "9")),  # the month not typed yet
    ("2027-13-40", ("2027", "13", "40")),  # not a date yet: kept as typed, the check page will say why
    ("--", ("", "", "")),
    ("", ("", "", "")),
    (None, ("", "", "")),
    ("garbage", ("", "", "")),
])
def test_a_stored_date_comes_back_as_the_three_fields(stored: object, fields: tuple[str, str, str]) -> None:
    assert split_date(stored) == fields  # type: ignore[arg-type]


def test_what_the_form_stores_is_what_it_reads_back() -> None:
    for parts in (("2027", "1", "9"), ("2027", "", "9"), ("", "2", "")):
        iso, _, _ = compose_date(*parts, required=False)
        stored = iso or "-".join(parts)
        back = split_date(stored)
        assert tuple(str(int(x)) if x else "" for x in back) == tuple(str(int(x)) if x else "" for x in parts)
