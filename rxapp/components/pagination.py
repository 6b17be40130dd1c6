"""Pagination: moves between pages of a long list (notices, access records).

Accessibility criteria:
- a <nav> with a translated name ("Pages"); previous and next links with words, not only arrows (the arrows are
  decorative and point the reading direction's way, flipped in RTL);
- each number is a link whose accessible name says "Page 3"; the current page has aria-current="page";
- gaps are "…" marked aria-hidden; every link is ≥ 24 px (44 px simplified) and the list wraps at 320 px.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.components.link import internal_link
from rxapp.i18n import T


def page_window(current: int, total: int) -> list[int | None]:
    """The numbers to show: first, last, current and its neighbours; None where numbers are skipped."""
    wanted = sorted({1, total, current - 1, current, current + 1} & set(range(1, total + 1)))
    shown: list[int | None] = []
    for number in wanted:
        if shown and isinstance(shown[-1], int) and number - shown[-1] > 1:
            shown.append(None)
        shown.append(number)
    return shown


def pagination(t: T, current: int, total: int, *, href: str, id: str | None = None) -> rx.Component:
    """`href` is a pattern with `{page}`: `/en/notices?page={page}`."""
    items: list[rx.Component] = []
    for number in page_window(current, total):
        if number is None:
            items.append(rx.el.li("…", aria_hidden="true", class_name="pagination__ellipsis"))
            continue
        items.append(
            rx.el.li(
                internal_link(
                    rx.el.span(t._("Page"), " ", class_name="visually-hidden"),
                    str(number),
                    href=href.format(page=number),
                    aria_current="page" if number == current else None,
                    class_name="pagination__link",
                ),
                class_name="pagination__item" + (" pagination__item--current" if number == current else ""),
            )
        )
    prev = (
        [internal_link(rx.el.span(class_name="pagination__arrow pagination__arrow--prev", aria_hidden="true"),
                       t._("Previous"), rx.el.span(" ", t._("page"), class_name="visually-hidden"),
                       href=href.format(page=current - 1), rel="prev", class_name="pagination__prev")]
        if current > 1 else []
    )
    following = (
        [internal_link(t._("Next"), rx.el.span(" ", t._("page"), class_name="visually-hidden"),
                       rx.el.span(class_name="pagination__arrow pagination__arrow--next", aria_hidden="true"),
                       href=href.format(page=current + 1), rel="next", class_name="pagination__next")]
        if current < total else []
    )
    return rx.el.nav(
        *prev,
        rx.el.ul(*items, class_name="pagination__list"),
        *following,
        aria_label=t._("Pages"),
        id=id,
        class_name="pagination",
    )


EXAMPLES: dict[str, Example] = {
    "default": lambda t: pagination(t, 3, 12, href=f"/{t.code}/help?page={{page}}", id="ex-pagination-default"),
    "first-page": lambda t: pagination(t, 1, 3, href=f"/{t.code}/help?page={{page}}", id="ex-pagination-first"),
    "rtl": rtl(lambda t: pagination(t, 3, 12, href=f"/{t.code}/help?page={{page}}", id="ex-pagination-rtl")),
}
