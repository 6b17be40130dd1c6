"""Dates (with Japanese eras), numbers, yen, relative times and lists per locale; era dates typed by people."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from rxapp.i18n import T
from rxapp.i18n.formatting import (
    DateParseError,
    era_year,
    format_date,
    format_list,
    format_number,
    format_relative,
    format_yen,
    parse_date,
)

D = dt.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2025, 11, 27), "2025年（令和7年）11月27日"),
        (D(2019, 5, 1), "2019年（令和元年）5月1日"),
        (D(2019, 4, 30), "2019年（平成31年）4月30日"),
        (D(1989, 1, 8), "1989年（平成元年）1月8日"),
        (D(1989, 1, 7), "1989年（昭和64年）1月7日"),
        (D(1926, 12, 25), "1926年（昭和元年）12月25日"),
        (D(1926, 12, 24), "1926年（大正15年）12月24日"),
        (D(1912, 7, 30), "1912年（大正元年）7月30日"),
        (D(1912, 7, 29), "1912年（明治45年）7月29日"),
        (D(1868, 1, 25), "1868年（明治元年）1月25日"),
        (D(1868, 1, 24), "1868年1月24日"),  # before Meiji: the Western year alone
    ],
)
def test_japanese_long_dates_carry_the_era(day: dt.date, expected: str) -> None:
    assert format_date(day, "ja") == expected
    assert format_date(day, "ja-easy") == expected


def test_a_datetime_is_formatted_by_its_day() -> None:
    assert format_date(dt.datetime(2019, 5, 1, 0, 30), "ja") == "2019年（令和元年）5月1日"
    assert era_year(dt.datetime(2019, 4, 30, 23, 59)) == "平成31年"


@pytest.mark.parametrize(
    ("code", "long", "short"),
    [
        ("en", "27 November 2025", "27/11/2025"),
        ("ja", "2025年（令和7年）11月27日", "2025/11/27"),
        ("ar", "27 نوفمبر 2025", "27\u200f/11\u200f/2025"),
    ],
)
def test_dates_per_locale(code: str, long: str, short: str) -> None:
    day = D(2025, 11, 27)
    assert format_date(day, code) == long
    assert format_date(day, code, "short") == short


def test_helpers_accept_a_translator() -> None:
    assert format_date(D(2025, 11, 27), T("en")) == "27 November 2025"


@pytest.mark.parametrize(
    ("code", "expected"),
    [("ja", "123,456円"), ("ja-easy", "123,456円"), ("en", "JP¥123,456"), ("ar", "\u200f123,456\xa0JP¥")],
)
def test_yen(code: str, expected: str) -> None:
    assert format_yen(123456, code) == expected


def test_numbers_and_relative_times_and_lists() -> None:
    assert format_number(1234567.5, "en") == "1,234,567.5"
    assert format_number(1234567.5, "ja") == "1,234,567.5"
    assert format_relative(dt.timedelta(days=-3), "en") == "3 days ago"
    assert format_relative(dt.timedelta(days=-3), "ja") == "3 日前"
    assert format_relative(dt.timedelta(days=2), "en") == "in 2 days"
    assert format_relative(dt.timedelta(days=-3), "ar") == "قبل 3 أيام"
    assert format_list(["Tax", "Pension", "Health"], "en") == "Tax, Pension and Health"
    assert format_list(["税金", "年金", "保険"], "ja") == "税金、年金、保険"
    assert format_list(["أ", "ب", "ج"], "ar") == "أ وب وج"
    assert format_list([], "en") == ""


@pytest.mark.parametrize("code", ["en-XA", "ar-XB"])
def test_pseudo_locales_mark_formatted_values(code: str) -> None:
    for text in (format_date(D(2025, 11, 27), code), format_yen(5000, code), format_number(12, code),
                 format_relative(dt.timedelta(days=-1), code), format_list(["a", "b"], code)):
        assert "[" in text and "]" in text, text
    assert "Ñöṽéɱƀéŕ" in format_date(D(2025, 11, 27), "en-XA")
    # ar-XB keeps digits readable: no right-to-left override inside a formatted value.
    assert "\u202e" not in format_date(D(2025, 11, 27), "ar-XB")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("令和7年4月1日", D(2025, 4, 1)),
        ("R7.4.1", D(2025, 4, 1)),
        ("r7/4/1", D(2025, 4, 1)),
        ("Ｒ７．４．１", D(2025, 4, 1)),  # full-width, as a Japanese IME types it
        ("R07.04.01", D(2025, 4, 1)),
        ("H31/4/30", D(2019, 4, 30)),
        ("平成31年4月30日", D(2019, 4, 30)),
        ("令和元年5月1日", D(2019, 5, 1)),
        ("令和 元年 5月 1日", D(2019, 5, 1)),
        ("R1.5.1", D(2019, 5, 1)),
        ("S64.1.7", D(1989, 1, 7)),
        ("H1.1.8", D(1989, 1, 8)),
        ("昭和元年12月25日", D(1926, 12, 25)),
        ("T15.12.24", D(1926, 12, 24)),
        ("M45.7.29", D(1912, 7, 29)),
        ("平成32年1月1日", D(2020, 1, 1)),  # printed on forms made before 2019: accepted
        ("2025年4月1日", D(2025, 4, 1)),
        ("2025/4/1", D(2025, 4, 1)),
        ("2025-04-01", D(2025, 4, 1)),
        ("20250401", D(2025, 4, 1)),
    ],
)
def test_parse_typed_dates(typed: str, expected: dt.date) -> None:
    assert parse_date(typed) == expected


@pytest.mark.parametrize(
    "typed",
    ["", "   ", "hello", "令和", "R7.4", "令和元年4月30日", "H1.1.7", "S1.12.24", "R0.1.1", "H31.2.30", "X7.4.1",
     "2025/13/1", "令和7年4月1日です"],
)
def test_parse_rejects_impossible_or_garbled_dates(typed: str) -> None:
    with pytest.raises(DateParseError):
        parse_date(typed)


def test_formatting_round_trips_through_the_parser() -> None:
    for day in (D(1989, 1, 7), D(1989, 1, 8), D(2019, 4, 30), D(2019, 5, 1), D(2025, 11, 27)):
        era_part = re.search(r"（(.+)）", format_date(day, "ja"))
        assert era_part is not None
        assert parse_date(f"{era_part.group(1)}{day.month}月{day.day}日") == day


def test_pages_and_components_never_format_dates_or_numbers_by_hand() -> None:
    """Formatting goes through rxapp/i18n/formatting.py: no strftime, no f"{n:,}" in pages or components."""
    root = Path(__file__).resolve().parents[2] / "rxapp"
    offenders = []
    for path in [*(root / "pages").rglob("*.py"), *(root / "components").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for pattern in (r"\.strftime\(", r"\{[^{}]*:,[^{}]*\}"):
            if re.search(pattern, text, flags=re.MULTILINE):
                offenders.append(f"{path.relative_to(root)}: {pattern}")
    assert not offenders, offenders


def test_compact_figures_count_in_man_in_japanese_and_in_millions_elsewhere() -> None:
    from rxapp.i18n.formatting import format_compact

    assert format_compact(77_237_594, "ja") == "7724万"
    assert format_compact(4_030_000, "ja-easy") == "403万"
    assert format_compact(77_237_594, "en") == "77.2 million"
    assert format_compact(4_030_000, "en", digits=2) == "4.03 million"
    assert format_compact(9_500_000, "ar") == "9.5 مليون"
