"""Formatting values for display inside states, for the locale of the route the event came from.

States format dates and amounts when they load data (Babel runs on the server; the page only shows the
string). The locale comes from the route, so a client-side language switch re-runs the page's on_load and
the values are formatted again in the new language. Times are shown in Japan time: the portal's residents
live in Japan, and agencies' letters give Japan time.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from babel.dates import format_time

from rxapp.i18n.formatting import format_date, format_number, format_yen
from rxapp.i18n.pseudo import pseudo_mark
from rxapp.i18n.registry import get_locale

JST = ZoneInfo("Asia/Tokyo")

__all__ = ["JST", "date_text", "date_time_text", "number_text", "today_jst", "yen_text"]


def today_jst() -> dt.date:
    """Today's date in Japan (the rules' "today")."""
    return dt.datetime.now(JST).date()


def to_jst(moment: dt.datetime) -> dt.datetime:
    """A timestamp in Japan time (a naive one is taken as UTC, as the backend stores them)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(JST)


def date_text(day: dt.date | dt.datetime, locale: str, style: str = "long") -> str:
    """A date as the locale writes it (Japanese: 2026年（令和8年）11月27日)."""
    if isinstance(day, dt.datetime):
        day = to_jst(day).date()
    return format_date(day, locale, style)  # type: ignore[arg-type]


def date_time_text(moment: dt.datetime, locale: str) -> str:
    """A date and a time of day in Japan time, e.g. 27 November 2026, 09:30."""
    local = to_jst(moment)
    loc = get_locale(locale)
    time_part = pseudo_mark(loc.code, format_time(local.time(), "short", locale=loc.cldr))
    return f"{date_text(local.date(), locale)} {time_part}"


def yen_text(amount: int, locale: str) -> str:
    return format_yen(amount, locale)


def number_text(value: int | float, locale: str) -> str:
    return format_number(value, locale)
