"""Home page: what the portal offers, with entry points."""

from __future__ import annotations

import reflex as rx

from rxapp.components.button import button, button_group
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.i18n import T
from rxapp.pages.life_events import life_events
from rxapp.pages.registry import page
from rxapp.state.session import SessionState


def _card(title: str, text: str) -> rx.Component:
    return rx.el.li(rx.el.h3(title), rx.el.p(text))


@page("", title=lambda t: t._("Home"))
def home(t: T) -> rx.Component:
    return page_shell(
        t,
        "",
        rx.el.h1(t._("Minna Portal")),
        rx.el.p(
            t._("See the information the government holds about you, read your notices and apply for services online."),
            class_name="lead",
        ),
        rx.cond(
            SessionState.signed_in,
            button_group(button(t._("Go to your page"), href=f"/{t.code}/mypage", variant="start", id="home-mypage")),
            rx.fragment(
                button_group(button(t._("Sign in"), href=f"/{t.code}/sign-in", variant="start", id="home-sign-in")),
                rx.el.p(t._("You need your My Number Card and its 4-digit PIN, or a smartphone with the card set up."),
                        class_name="hint"),
            ),
        ),
        rx.el.h2(t._("What you can do here")),
        rx.el.ul(
            _card(t._("Check your information"), t._("Tax, pension, health insurance, medicines and check-ups in one place.")),
            _card(t._("Read your notices"), t._("Letters from the city office and other agencies.")),
            _card(t._("See who looked at your data"), t._("Every time an agency uses your information, it is recorded.")),
            _card(t._("Apply online"), t._("Child allowance, nursing care, moving house and more.")),
            class_name="card-list",
        ),
        # What a procedure needs can be read before signing in: the search and the life events are public.
        rx.el.p(button(t._("Find a procedure"), href=f"/{t.code}/procedures", variant="secondary", id="home-procedures")),
        life_events(t),
        rx.el.p(internal_link(t._("How many people use the portal: statistics"), href=f"/{t.code}/statistics",
                              id="home-statistics")),
        rx.el.h2(t._("Need help?")),
        rx.el.p(
            t._("You can use this portal in your language, with large text, or in a simpler mode."),
            " ",
            internal_link(t._("Change display settings"), href=f"/{t.code}/settings"),
        ),
    )
