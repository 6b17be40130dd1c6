"""Display settings: text size, simplified mode, contrast, furigana, animations and read aloud.

The choices apply at once on this device (see rxapp/components/display_settings.py) and are kept in the
`minna_prefs` cookie, which the server and the pre-hydration script apply before the first paint of every page.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components.display_settings import display_settings_form
from rxapp.components.layout import page_shell
from rxapp.components.read_aloud import read_aloud
from rxapp.components.simple_or import simple_or
from rxapp.i18n import T
from rxapp.pages.registry import page


@page("settings", title=lambda t: t._("Display settings"))
def settings_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "settings",
        rx.el.h1(t._("Display settings")),
        rx.el.p(
            simple_or(
                t._("Choose how the portal looks and behaves. Your choice is saved on this device."),
                t.p_("simple", "Choose how the portal looks and behaves. Your choice is saved on this device."),
            )
        ),
        display_settings_form(t, "settings", prefix="settings"),
        rx.el.h2(t._("Read aloud"), id="read-aloud-heading"),
        rx.el.p(t._("Your device can read this page aloud in the page's language, if it has a voice for it.")),
        read_aloud(t, id="settings-read-aloud"),
    )
