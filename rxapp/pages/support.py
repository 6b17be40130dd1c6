"""Help, contact and the accessibility statement: reachable from the footer of every page."""

from __future__ import annotations

import reflex as rx

from rxapp.components.layout import page_shell
from rxapp.i18n import T
from rxapp.pages.contact_options import contact_options
from rxapp.pages.registry import page


@page("help", title=lambda t: t._("Help"))
def help_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "help",
        rx.el.h1(t._("Help")),
        rx.el.p(t._("If something does not work, or you do not understand a page, we can help.")),
        rx.el.h2(t._("Signing in")),
        rx.el.p(t._("You need your My Number Card and its 4-digit PIN, or a smartphone with the card set up.")),
        rx.el.h2(t._("Language and display")),
        rx.el.p(t._("Choose your language at the top of every page. You can make text larger in the display settings.")),
    )


@page("contact", title=lambda t: t._("Contact us"))
def contact_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "contact",
        rx.el.h1(t._("Contact us")),
        rx.el.p(t._("Call the Minna Portal help desk. Calls are free.")),
        rx.el.p(t._("Phone: 0120-000-000 (demo number)")),
        rx.el.p(t._("Weekdays 9:30 to 20:00, weekends and holidays 9:30 to 17:30.")),
        contact_options(t),
    )


@page("accessibility", title=lambda t: t._("Accessibility statement"))
def accessibility_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "accessibility",
        rx.el.h1(t._("Accessibility statement")),
        rx.el.p(t._("We aim to meet WCAG 2.2 at level AA on every page, in every language and display mode.")),
        rx.el.p(t._("We test every page with automated checks, with the keyboard alone, at 200% text and in right-to-left languages.")),
        rx.el.h2(t._("Reporting a problem")),
        rx.el.p(t._("If you find a part of this portal hard to use, please contact us and tell us the page.")),
    )
