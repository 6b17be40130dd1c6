"""Footer with the same help in the same place on every page (WCAG 3.2.6)."""

from __future__ import annotations

import reflex as rx

from rxapp.components.link import internal_link
from rxapp.i18n import T


def site_footer(t: T) -> rx.Component:
    return rx.el.footer(
        rx.el.div(
            rx.el.h2(t._("Support"), class_name="visually-hidden", id="footer-heading"),
            rx.el.ul(
                rx.el.li(internal_link(t._("Help"), href=f"/{t.code}/help", id="footer-help")),
                rx.el.li(internal_link(t._("Contact us"), href=f"/{t.code}/contact")),
                rx.el.li(internal_link(t._("Accessibility statement"), href=f"/{t.code}/accessibility")),
            ),
            rx.el.p(t._("Minna Portal is a demonstration. All residents and data are fictional.")),
            class_name="site-footer__inner",
        ),
        class_name="site-footer",
        aria_labelledby="footer-heading",
    )
