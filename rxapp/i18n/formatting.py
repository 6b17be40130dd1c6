"""Dates, numbers, money, relative times and lists, per locale, through Babel/CLDR.

Pages call these helpers and never format by hand (no strftime, no f"{n:,}"), so every locale gets its own
conventions and the pseudo-locales mark formatted text too.

Choices:
- English uses en_GB (set in the registry): day-month-year ("27 November 2025", "27/11/2025") is the order most
  of our foreign residents know (only the US puts the month first), and CLDR's en_GB writes the yen as
  "JP¥", which a Chinese resident cannot mistake for the yuan ("CN¥").
- Japanese (ja, ja-easy) long dates carry the era beside the Western year, as the Digital Agency Design System
  writes them: 2025年（令和7年）11月27日, with the first year of an era as 元年. Babel has no Japanese calendar,
  so the era table is here. Amounts of money in Japanese are written "12,345円" (as on every government form),
  elsewhere with CLDR's yen symbol.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from babel.dates import format_date as _babel_date
from babel.dates import format_timedelta
from babel.lists import format_list as _babel_list
from babel.numbers import format_compact_decimal, format_currency, format_decimal

from rxapp.i18n.pseudo import pseudo_mark
from rxapp.i18n.registry import Locale, get_locale

DateStyle = Literal["long", "short"]


def _locale(locale: Locale | str | object) -> Locale:
    """Accept a Locale, a code, or anything with a `.locale` (a `T`), so pages can pass `t`."""
    if isinstance(locale, Locale):
        return locale
    if isinstance(locale, str):
        return get_locale(locale)
    inner = getattr(locale, "locale", None)
    if isinstance(inner, Locale):
        return inner
    raise TypeError(f"not a locale: {locale!r}")


# --- Japanese eras -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Era:
    name: str  # 令和
    letter: str  # R, as in R7.4.1
    start: dt.date  # first day, Gregorian


# Start dates are the first day of each era. Meiji was proclaimed on 1868-10-23 but counted from the first day of
# that lunisolar year (Keiō 4/1/1 = 1868-01-25 Gregorian); dates before 1873 are shown in the proleptic Gregorian
# calendar, which is all a portal for living residents needs.
ERAS: tuple[Era, ...] = (
    Era("明治", "M", dt.date(1868, 1, 25)),
    Era("大正", "T", dt.date(1912, 7, 30)),
    Era("昭和", "S", dt.date(1926, 12, 25)),
    Era("平成", "H", dt.date(1989, 1, 8)),
    Era("令和", "R", dt.date(2019, 5, 1)),
)


def era_of(day: dt.date) -> tuple[Era, int] | None:
    """The era and the year within it for `day` (1 for the first year), or None before Meiji."""
    day = _as_date(day)
    for era in reversed(ERAS):
        if day >= era.start:
            return era, day.year - era.start.year + 1
    return None


def era_year(day: dt.date) -> str:
    """`令和7年`, `令和元年`; empty before Meiji."""
    found = era_of(day)
    if found is None:
        return ""
    era, year = found
    return f"{era.name}{'元' if year == 1 else year}年"


def _as_date(day: dt.date) -> dt.date:
    # A datetime is a date subclass, but comparing one with a date raises: keep the calendar day only.
    return day.date() if isinstance(day, dt.datetime) else day


# --- Formatting -----------------------------------------------------------------------------------------------


def format_date(day: dt.date, locale: Locale | str | object, style: DateStyle = "long") -> str:
    """A date as the locale writes it. Japanese long dates: 2025年（令和7年）11月27日."""
    loc = _locale(locale)
    day = _as_date(day)
    if loc.is_japanese and style == "long":
        era = era_year(day)
        text = f"{day.year}年（{era}）{day.month}月{day.day}日" if era else f"{day.year}年{day.month}月{day.day}日"
    else:
        text = _babel_date(day, style, locale=loc.cldr)
    return pseudo_mark(loc.code, text)


def format_number(value: float | int, locale: Locale | str | object) -> str:
    """12,345.6 / 12.345,6 / ١٢٬٣٤٥ — grouping and decimal marks from CLDR."""
    loc = _locale(locale)
    return pseudo_mark(loc.code, format_decimal(value, locale=loc.cldr))


def format_compact(value: float | int, locale: Locale | str | object, digits: int = 1) -> str:
    """A large figure in words, for chart labels: 77.2 million / 77,2 millions / 77.2 مليون — and in Japanese
    in 万 (ten thousands), as Japanese statistics count: 7724万 (CLDR's Japanese "7723.8万" reads oddly)."""
    loc = _locale(locale)
    if loc.is_japanese:
        text = format_compact_decimal(round(value, -4), format_type="short", locale=loc.cldr, fraction_digits=0)
    else:
        text = format_compact_decimal(value, format_type="long", locale=loc.cldr, fraction_digits=digits)
    return pseudo_mark(loc.code, text)


def format_yen(amount: int, locale: Locale | str | object) -> str:
    """An amount in yen: 12,345円 in Japanese, CLDR's JPY format elsewhere (JP¥12,345)."""
    loc = _locale(locale)
    if loc.is_japanese:
        text = format_decimal(amount, format="#,##0円", locale=loc.cldr)
    else:
        text = format_currency(amount, "JPY", locale=loc.cldr)
    return pseudo_mark(loc.code, text)


def format_relative(delta: dt.timedelta, locale: Locale | str | object) -> str:
    """A time relative to now: a negative delta is in the past ("3 days ago", "3 日前"), positive in the future."""
    loc = _locale(locale)
    text = format_timedelta(delta, add_direction=True, format="long", locale=loc.cldr)
    return pseudo_mark(loc.code, text)


def format_list(items: Sequence[str], locale: Locale | str | object, style: str = "standard") -> str:
    """`a, b and c`, `a、b、c`, `a وb وc`. Items are already translated; only the joins are added here."""
    loc = _locale(locale)
    if not items:
        return ""
    return pseudo_mark(loc.code, _babel_list(list(items), style=style, locale=loc.cldr))


# --- Parsing dates typed by people ------------------------------------------------------------------------------


class DateParseError(ValueError):
    """A typed date that cannot be read, or names a day that did not exist (令和元年1月1日)."""


_ERA_BY_KEY: dict[str, Era] = {}
for _era in ERAS:
    _ERA_BY_KEY[_era.name] = _era
    _ERA_BY_KEY[_era.letter] = _era
    _ERA_BY_KEY[_era.letter.lower()] = _era

_ERA_NAMES = "|".join([e.name for e in ERAS] + [e.letter for e in ERAS] + [e.letter.lower() for e in ERAS])
_SEP = r"\s*[./\-年月]\s*"
_ERA_DATE = re.compile(
    rf"^(?P<era>{_ERA_NAMES})\s*(?P<year>元|\d{{1,2}}){_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<day>\d{{1,2}})\s*日?$"
)
_WESTERN_DATE = re.compile(rf"^(?P<year>\d{{4}}){_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<day>\d{{1,2}})\s*日?$")
_COMPACT_DATE = re.compile(r"^(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})$")


def parse_date(text: str) -> dt.date:
    """A date typed in any usual Japanese way: 令和7年4月1日, R7.4.1, H31/4/30, 令和元年5月1日, 2025/4/1,
    2025-04-01, 2025年4月1日, 20250401. Full-width digits and letters are accepted (NFKC).

    An era year past the era's end is accepted (平成32年 was printed on forms made before 2019 and means 2020);
    a day before the era began is an error.
    """
    normalized = unicodedata.normalize("NFKC", text or "").strip()
    if not normalized:
        raise DateParseError("empty")
    match = _ERA_DATE.match(normalized)
    if match:
        era = _ERA_BY_KEY[match["era"]]
        offset = 1 if match["year"] == "元" else int(match["year"])
        if offset < 1:
            raise DateParseError(f"year 0 of {era.name}")
        day = _make_date(era.start.year + offset - 1, int(match["month"]), int(match["day"]))
        if day < era.start:
            raise DateParseError(f"{normalized} is before {era.name} began ({era.start.isoformat()})")
        return day
    match = _WESTERN_DATE.match(normalized) or _COMPACT_DATE.match(normalized)
    if match:
        return _make_date(int(match["year"]), int(match["month"]), int(match["day"]))
    raise DateParseError(f"not a date: {text!r}")


def _make_date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise DateParseError(str(error)) from error
