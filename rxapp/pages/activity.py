"""操作履歴: the resident's own sign-ins and actions with device and time, and what to do if one looks wrong."""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components.interpolate import fill
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.components.person_name import person_name
from rxapp.components.status_tag import status_tag
from rxapp.components.table import table
from rxapp.components.warning_text import warning_text
from rxapp.i18n import T
from rxapp.pages.categories import also_in_japanese
from rxapp.pages.error_messages import error_banner
from rxapp.pages.registry import page
from rxapp.state.activity import ActivityState
from rxapp.state.session import SessionState

A = ActivityState


def action_text(t: T, action: Var) -> rx.Component:
    return rx.match(
        action,
        ("sign_in", rx.el.span(t._("Signed in"))),
        ("sign_in_failed", rx.fragment(status_tag(t._("Failed"), "red"), " ", t._("Sign-in with a wrong PIN"))),
        ("card_locked", rx.fragment(status_tag(t._("Failed"), "red"), " ",
                                    t._("The card was locked for signing in after 3 wrong PINs"))),
        ("sign_out", rx.el.span(t._("Signed out"))),
        ("view_info", rx.el.span(t._("Looked at your information"))),
        ("view_notices", rx.el.span(t._("Read notices"))),
        ("act_as", rx.el.span(t._("Started acting for you as proxy"))),
        ("update_disclosure", rx.el.span(t._("Changed sharing settings"))),
        ("add_proxy", rx.el.span(t._("Appointed a proxy"))),
        ("revoke_proxy", rx.el.span(t._("Ended a proxy"))),
        ("link_service", rx.el.span(t._("Linked a service"))),
        ("unlink_service", rx.el.span(t._("Unlinked a service"))),
        ("set_public_fund_account", rx.el.span(t._("Registered or changed the bank account for payments"))),
        ("submit_application", rx.el.span(t._("Sent an application"))),
        ("request_correction", rx.el.span(t._("Reported an error in your information"))),
        rx.el.span(action.to(str), custom_attrs={"translate": "no"}),
    )


def method_text(t: T, method: Var) -> Var:
    return rx.match(method, ("card", t._("My Number Card")), ("smartphone", t._("Smartphone")), "")


def who_text(t: T, entry: Var) -> rx.Component:
    return rx.match(
        entry["who"].to(str),
        ("you", rx.el.span(t._("You"))),
        ("proxy", fill(t._("Your proxy {name}"), name=person_name(entry["proxy_name"].to(str)))),
        rx.el.span(t._("Someone else")),
    )


@page("activity", title=lambda t: t._("Your activity"), on_load=[SessionState.require_sign_in, ActivityState.load],
      signed_in=True)
def activity_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "activity",
        error_banner(t, A.load_error),
        rx.el.h1(t._("Your activity"), also_in_japanese(t, "操作履歴")),
        rx.el.p(t._("Every sign-in and every action on your account, newest first, with the device used. Check that you recognise them."),
                class_name="lead"),
        rx.cond(A.failed_sign_ins > 0,
                warning_text(t, fill(t._("Sign-ins with a wrong PIN: {count}. If that was not you, read what to do below."),
                                     count=A.failed_sign_ins.to_string()))),
        rx.cond(
            A.loaded,
            table(
                t._("Sign-ins and actions"),
                [t._("When"), t._("What"), t._("How"), t._("Device"), t._("Who")],
                A.entries,
                row_cells=lambda e: [e["when"].to(str), action_text(t, e["action"]), method_text(t, e["method"]),
                                     rx.el.span(e["device"], custom_attrs={"translate": "no"}), who_text(t, e)],
                id="activity-table",
            ),
        ),
        rx.el.section(
            rx.el.h2(t._("If something looks wrong"), id="wrong-title"),
            rx.el.ol(
                rx.el.li(t._("If you see a sign-in or action you did not make, call the help desk at once. Ask them to stop your card for now (一時利用停止); this can be done at any time of day.")),
                rx.el.li(t._("If you think someone knows your PIN, go to your city office counter to set a new one.")),
                rx.el.li(t._("If a proxy did something you did not want, you can end the proxy on the Proxies page.")),
            ),
            rx.el.p(internal_link(t._("Contact us"), href=f"/{t.code}/contact", id="activity-contact"), " · ",
                    internal_link(t._("Proxies"), href=f"/{t.code}/proxies", id="activity-proxies")),
            aria_labelledby="wrong-title",
        ),
    )
