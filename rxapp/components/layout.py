"""The app shell every page uses: skip link → header → session bar (signed in only) → main → footer."""

from __future__ import annotations

import reflex as rx

from rxapp.components.footer import site_footer
from rxapp.components.header import site_header
from rxapp.components.session_bar import session_bar
from rxapp.components.skip_link import skip_link
from rxapp.i18n import T


def page_shell(t: T, slug: str, *children: rx.Component) -> rx.Component:
    """Wrap a page's content. `slug` is the page's path without the locale, used by the language picker."""
    return rx.el.div(
        skip_link(t),
        site_header(t, slug),
        session_bar(t),
        rx.el.main(
            *children,
            id="main",
            tab_index=-1,
            class_name="page",
        ),
        site_footer(t),
        class_name="app",
    )
