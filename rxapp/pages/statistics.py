"""Statistics (public): My Number Portal registrations over time, as an accessible chart and as a table.

The figures: about 4.03 million registrations in February 2021 and 77,237,594 in 2024 (about 62 % of the
population) are from the article the project started from; the points in between are plausible round
figures, labelled as approximate wherever they appear. Built when the page is built: no state, no backend.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import reflex as rx
from babel.dates import format_skeleton
from babel.numbers import format_percent

from rxapp.components.bar_chart import Bar, bar_chart
from rxapp.components.inset_text import inset_text
from rxapp.components.layout import page_shell
from rxapp.components.status_tag import status_tag
from rxapp.components.table import table
from rxapp.i18n import T
from rxapp.i18n.formatting import format_compact, format_number
from rxapp.i18n.pseudo import pseudo_mark
from rxapp.pages.registry import page


@dataclass(frozen=True)
class Point:
    when: date
    registrations: int
    approximate: bool
    year_only: bool = False


REGISTRATIONS: tuple[Point, ...] = (
    Point(date(2021, 2, 1), 4_030_000, approximate=False),
    Point(date(2021, 9, 1), 9_500_000, approximate=True),
    Point(date(2022, 3, 1), 18_000_000, approximate=True),
    Point(date(2022, 9, 1), 35_000_000, approximate=True),
    Point(date(2023, 3, 1), 55_000_000, approximate=True),
    Point(date(2023, 9, 1), 68_000_000, approximate=True),
    Point(date(2024, 1, 1), 77_237_594, approximate=False, year_only=True),
)
SHARE_2024 = 0.62
AXIS_MAX = 80_000_000


def _when(t: T, point: Point) -> str:
    skeleton = "y" if point.year_only else "yMMM"
    return pseudo_mark(t.code, format_skeleton(skeleton, point.when, locale=t.locale.cldr))


def _short_figure(t: T, value: float) -> str:
    """"77.2 million" (7724万 in Japanese): a short label for the bars; the table gives the exact figure."""
    return format_compact(value, t, digits=2 if value < 10_000_000 else 1)  # 4.03 million, 77.2 million


def _bar_text(t: T, point: Point) -> str:
    text = _short_figure(t, point.registrations)
    # TRANSLATORS: before an approximate figure in a chart label, e.g. "about 18 million".
    return t._("about {value}", value=text) if point.approximate else text


@page("statistics", title=lambda t: t._("Statistics"))
def statistics_page(t: T) -> rx.Component:
    first, last = REGISTRATIONS[0], REGISTRATIONS[-1]
    share = pseudo_mark(t.code, format_percent(SHARE_2024, locale=t.locale.cldr))
    summary = t._(
        "Registrations rose from about {first} in {first_when} to {last} in {last_when}, about {share} of the population.",
        first=_short_figure(t, first.registrations), first_when=_when(t, first),
        last=format_number(last.registrations, t), last_when=_when(t, last), share=share,
    )
    rows = [
        [
            _when(t, p),
            format_number(p.registrations, t),
            status_tag(t._("Approximate"), "grey") if p.approximate else status_tag(t._("Published figure"), "green"),
        ]
        for p in REGISTRATIONS
    ]
    return page_shell(
        t,
        "statistics",
        rx.el.h1(t._("Statistics")),
        rx.el.p(t._("How many people have registered with the My Number Portal (マイナポータル)."), class_name="lead"),
        rx.el.h2(t._("Registrations over time"), id="chart-heading"),
        rx.el.p(summary, id="chart-summary"),
        bar_chart(
            title=t._("My Number Portal registrations, {first_when} to {last_when}",
                      first_when=_when(t, first), last_when=_when(t, last)),
            desc=summary + " " + t._("Time runs from top to bottom, oldest first. Figures marked “about” are approximate."),
            bars=[Bar(_when(t, p), p.registrations, _bar_text(t, p), p.approximate) for p in REGISTRATIONS],
            ticks=[(v, _short_figure(t, v)) for v in range(0, AXIS_MAX + 1, 40_000_000)],
            max_value=AXIS_MAX,
            id="registrations-chart",
        ),
        rx.el.p(t._("The chart reads from top to bottom, oldest first. The longer the bar, the more registrations. Hatched bars are approximate."),
                class_name="hint"),
        table(
            t._("Registrations (the same data as the chart)"),
            [t._("When"), t._("Registrations"), t._("Figure")],
            rows,
            numeric={1},
            id="registrations-table",
        ),
        inset_text(rx.el.p(t._("Published figures: February 2021 and 2024. The figures in between are approximate and shown only to draw the trend."))),
    )
