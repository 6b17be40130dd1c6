"""Site header: service name, language picker, display-settings entry. Not sticky (WCAG 2.4.11).

The display entry is a link to the settings page plus a quick control (text size, layout, contrast, read aloud)
that works on every page. In simplified mode the header also shows Help, so help is always in view.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components.display_settings import quick_display_control
from rxapp.components.language_picker import language_picker
from rxapp.components.link import internal_link
from rxapp.i18n import T


def site_header(t: T, slug: str) -> rx.Component:
    return rx.el.header(
        rx.el.div(
            internal_link(t._("Minna Portal"), href=f"/{t.code}/", class_name="site-header__name"),
            rx.el.div(
                language_picker(t, slug),
                internal_link(t._("Display settings"), href=f"/{t.code}/settings", id="display-settings-link"),
                internal_link(t._("Help"), href=f"/{t.code}/help", class_name="site-header__help when-simple"),
                class_name="site-header__tools",
            ),
            class_name="site-header__inner",
        ),
        rx.el.div(quick_display_control(t, slug), class_name="site-header__quick"),
        class_name="site-header",
    )
