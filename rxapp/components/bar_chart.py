"""Bar chart: a small accessible SVG chart of values over time, always paired with the same data as a table.

Accessibility criteria:
- the <svg> is one image: role="img", named and described by its own <title> and <desc> (aria-labelledby),
  so screen readers read one sentence instead of every shape; the table next to it carries the detail;
- every bar has its value written after it: no reading values off an axis, no colour-only meaning
  (approximate values are marked with a word in the label, and drawn hatched as well as lighter);
- text and bars reach 4.5:1 / 3:1 against the background; the chart scales with its container (viewBox);
- direction: one row per bar, time running from top to bottom in every language; the bars grow left to right
  (as the figures' digits do), and the figure is marked dir="ltr" so nothing half-mirrors. The page says in
  words how the chart reads; the table follows the page's direction;
- each text has its own row or column, so the WCAG 1.4.12 text spacing cannot make labels overlap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T

# Horizontal bars, one row each: a label column before the bars and room after them for the value, so no two
# texts share a row or a column. That keeps them apart even with the WCAG 1.4.12 text spacing (0.12 em letters,
# 0.16 em words), which widens every label by about a fifth.
WIDTH = 640
ROW, PAD_TOP, PAD_BOTTOM = 44, 12, 40
PAD_START, PAD_END = 130, 190  # label column; room for the longest value ("about 68.0 million") after a bar


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
    """The chart. `ticks` are (value, label) gridlines (keep them few: their labels share the bottom line);
    values above `max_value` are clipped to it."""
    plot_w = WIDTH - PAD_START - PAD_END
    height = PAD_TOP + ROW * max(len(bars), 1) + PAD_BOTTOM
    base_y = height - PAD_BOTTOM
    bar_h = round(ROW * 0.6)

    def x(value: float) -> int:
        return round(PAD_START + plot_w * min(value, max_value) / max_value)

    grid = [
        rx.el.svg.g(
            rx.el.svg.line(x1=x(v), x2=x(v), y1=PAD_TOP, y2=base_y, class_name="chart__grid"),
            rx.el.svg.text(label, x=x(v), y=base_y + 24, text_anchor="middle", class_name="chart__tick"),
        )
        for v, label in ticks
    ]
    shapes = []
    for i, bar in enumerate(bars):
        top = PAD_TOP + ROW * i + (ROW - bar_h) // 2
        middle = top + bar_h // 2 + 5  # the text's baseline, centred on the bar
        end = x(bar.value)
        shapes.append(
            rx.el.svg.g(
                rx.el.svg.text(bar.label, x=PAD_START - 10, y=middle, text_anchor="end", class_name="chart__label"),
                rx.el.svg.rect(x=PAD_START, y=top, width=max(end - PAD_START, 1), height=bar_h,
                               class_name="chart__bar chart__bar--approximate" if bar.approximate else "chart__bar",
                               **({"fill": f"url(#{id}-hatch)"} if bar.approximate else {})),
                rx.el.svg.text(bar.value_text, x=end + 8, y=middle, text_anchor="start", class_name="chart__value"),
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
            rx.el.svg.line(x1=PAD_START, x2=PAD_START, y1=PAD_TOP, y2=base_y, class_name="chart__axis"),
            *shapes,
            view_box=f"0 0 {WIDTH} {height}",
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
