"""Bar chart: a small accessible SVG chart of values over time, always paired with the same data as a table.

Accessibility criteria:
- the <svg> is one image: role="img", named and described by its own <title> and <desc> (aria-labelledby),
  so screen readers read one sentence instead of every shape; the table next to it carries the detail;
- every bar has its value written above it: no reading values off an axis, no colour-only meaning
  (approximate values are marked with a word in the label, and drawn hatched as well as lighter);
- text and bars reach 4.5:1 / 3:1 against the background; the chart scales with its container (viewBox);
- direction: the chart stays left-to-right on purpose, also in Arabic: time runs left to right on the axis
  as in the statistics residents see from Japanese agencies, and the figure is marked dir="ltr" so nothing
  half-mirrors. The page says in words which way time runs; the table follows the page's direction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T

WIDTH, HEIGHT = 640, 360
PAD_START, PAD_END, PAD_TOP, PAD_BOTTOM = 80, 16, 48, 48


@dataclass(frozen=True)
class Bar:
    """One bar: its axis label, value, the value as the locale writes it, and whether it is approximate."""

    label: str
    value: float
    value_text: str
    approximate: bool = False


def bar_chart(
    *,
    title: str,
    desc: str,
    bars: Sequence[Bar],
    ticks: Sequence[tuple[float, str]],
    max_value: float,
    id: str,
) -> rx.Component:
    """The chart. `ticks` are (value, label) gridlines; values above `max_value` are clipped to it."""
    plot_w = WIDTH - PAD_START - PAD_END
    plot_h = HEIGHT - PAD_TOP - PAD_BOTTOM
    slot = plot_w / max(len(bars), 1)
    bar_w = round(slot * 0.6)

    def y(value: float) -> int:
        return round(PAD_TOP + plot_h * (1 - min(value, max_value) / max_value))

    grid = [
        rx.el.svg.g(
            rx.el.svg.line(x1=PAD_START, x2=WIDTH - PAD_END, y1=y(v), y2=y(v), class_name="chart__grid"),
            rx.el.svg.text(label, x=PAD_START - 8, y=y(v) + 5, text_anchor="end", class_name="chart__tick"),
        )
        for v, label in ticks
    ]
    shapes = []
    for i, bar in enumerate(bars):
        x = round(PAD_START + slot * i + (slot - bar_w) / 2)
        top = y(bar.value)
        shapes.append(
            rx.el.svg.g(
                rx.el.svg.rect(x=x, y=top, width=bar_w, height=PAD_TOP + plot_h - top,
                               class_name="chart__bar chart__bar--approximate" if bar.approximate else "chart__bar",
                               **({"fill": f"url(#{id}-hatch)"} if bar.approximate else {})),
                rx.el.svg.text(bar.value_text, x=x + bar_w // 2, y=top - 8, text_anchor="middle",
                               class_name="chart__value"),
                rx.el.svg.text(bar.label, x=x + bar_w // 2, y=HEIGHT - PAD_BOTTOM + 22, text_anchor="middle",
                               class_name="chart__label"),
            )
        )
    title_id, desc_id = f"{id}-title", f"{id}-desc"
    return rx.el.figure(
        rx.el.svg(
            rx.el.svg.title(title, id=title_id),
            rx.el.svg.desc(desc, id=desc_id),
            rx.el.svg.defs(
                rx.el.svg.pattern(
                    rx.el.svg.rect(width=8, height=8, class_name="chart__hatch-bg"),
                    rx.el.svg.path(d="M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6", class_name="chart__hatch"),
                    id=f"{id}-hatch", width=8, height=8, pattern_units="userSpaceOnUse",
                )
            ),
            *grid,
            rx.el.svg.line(x1=PAD_START, x2=WIDTH - PAD_END, y1=y(0), y2=y(0), class_name="chart__axis"),
            *shapes,
            view_box=f"0 0 {WIDTH} {HEIGHT}",
            role="img",
            aria_labelledby=f"{title_id} {desc_id}",
            class_name="chart__svg",
            custom_attrs={"focusable": "false"},
        ),
        id=id,
        dir="ltr",
        class_name="chart",
    )


def _example(t: T, key: str = "default") -> rx.Component:
    return bar_chart(
        title=t._("Example chart"),
        desc=t._("Three values rising from 1 to 3."),
        bars=[Bar("A", 1, "1"), Bar("B", 2, "2", approximate=True), Bar("C", 3, "3")],
        ticks=[(0, "0"), (2, "2"), (4, "4")],
        max_value=4,
        id=f"ex-bar-chart-{key}",
    )


EXAMPLES: dict[str, Example] = {"default": _example, "rtl": rtl(lambda t: _example(t, "rtl"))}
