"""Responsive table: data in rows and columns, readable at 320 px and 200 % text without sideways scrolling.

Accessibility criteria:
- <table> with a <caption> (its name), <th scope="col"> column headers and an optional row header;
- when the table is narrower than its content needs (a container query, so 200 % text counts), each row becomes
  a card with the column name before each value; explicit ARIA table roles keep the table semantics that
  browsers drop when CSS changes `display` on table elements;
- numbers are aligned to the end and use tabular figures; nothing depends on colour.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T

Cell = str | rx.Component


def table(
    caption: str,
    head: Sequence[str],
    rows: Sequence[Sequence[Cell]] | Var,
    *,
    id: str | None = None,
    numeric: Collection[int] = (),
    row_headers: bool = True,
    row_cells: Callable[[Var], Sequence[Cell]] | None = None,
) -> rx.Component:
    """`numeric` holds the column indexes to align as numbers; with `row_headers` the first cell is a <th>.

    Rows from state: pass a list Var as `rows` and `row_cells(item)` giving the cells of one item (rendered
    with rx.foreach, so the table follows the state without a rebuild).
    """

    def cell(index: int, value: Cell) -> rx.Component:
        label = head[index] if index < len(head) else ""
        classes = "table__cell" + (" table__cell--numeric" if index in numeric else "")
        if index == 0 and row_headers:
            return rx.el.th(value, scope="row", role="rowheader", class_name=classes + " table__row-header",
                            custom_attrs={"data-label": label})
        return rx.el.td(value, role="cell", class_name=classes, custom_attrs={"data-label": label})

    return rx.el.div(
        rx.el.table(
            rx.el.caption(caption, class_name="table__caption"),
            rx.el.thead(
                rx.el.tr(
                    *[
                        rx.el.th(name, scope="col", role="columnheader",
                                 class_name="table__header" + (" table__cell--numeric" if i in numeric else ""))
                        for i, name in enumerate(head)
                    ],
                    role="row",
                ),
                role="rowgroup",
                class_name="table__head",
            ),
            rx.el.tbody(
                rx.foreach(
                    rows,
                    lambda item: rx.el.tr(*[cell(i, v) for i, v in enumerate(row_cells(item))], role="row",
                                          class_name="table__row"),
                )
                if isinstance(rows, Var) and row_cells is not None
                else rx.fragment(*[rx.el.tr(*[cell(i, v) for i, v in enumerate(row)], role="row",
                                            class_name="table__row") for row in rows]),  # type: ignore[union-attr]
                role="rowgroup",
            ),
            role="table",
            id=id,
            class_name="table",
        ),
        class_name="table-container",
    )


def _payments(t: T) -> rx.Component:
    return table(
        t._("Child allowance payments"),
        [t._("Month paid"), t._("Months covered"), t._("Amount")],
        [
            [t._("June"), t._("February to May"), "40,000"],
            [t._("October"), t._("June to September"), "40,000"],
            [t._("February"), t._("October to January"), "40,000"],
        ],
        numeric={2},
    )


def _date(t: T, day: str) -> str:
    import datetime as dt

    try:
        from rxapp.i18n.formatting import format_date

        return format_date(dt.date.fromisoformat(day), t, "short")
    except ImportError:  # pragma: no cover - before the languages work lands
        return day


def _long(t: T) -> rx.Component:
    return table(
        t._("Who looked at your information"),
        [t._("Date"), t._("Organisation"), t._("Information"), t._("Reason")],
        [
            [_date(t, "2025-04-01"), t._("Shizuoka City Office, Child and Family Support Division"), t._("Tax"),
             t._("To check your income for child allowance, as you asked in your application")],
            [_date(t, "2025-03-12"), t._("Japan Pension Service"), t._("Pension"), t._("To confirm your address")],
        ],
    )


EXAMPLES: dict[str, Example] = {
    "default": _payments,
    "long-text": _long,
    "rtl": rtl(_payments),
}
