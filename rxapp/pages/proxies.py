"""代理人: add and revoke proxies, what each may see and do, the safeguards, and the people one acts for."""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components.button import button, button_group
from rxapp.components.checkboxes import checkboxes
from rxapp.components.details import details
from rxapp.components.error_summary import error_summary
from rxapp.components.interpolate import fill
from rxapp.components.layout import page_shell
from rxapp.components.notification_banner import notification_banner
from rxapp.components.person_name import person_name
from rxapp.components.radios import Option
from rxapp.components.select import select
from rxapp.components.status_tag import status_tag
from rxapp.components.warning_text import warning_text
from rxapp.i18n import T
from rxapp.pages.categories import also_in_japanese
from rxapp.pages.error_messages import error_banner, error_text
from rxapp.pages.registry import page
from rxapp.state.proxies import ProxiesState
from rxapp.state.session import SessionState

P = ProxiesState
S = SessionState


def scopes(t: T) -> list[tuple[str, str]]:
    return [
        ("view_info", t._("See your information and who used it")),
        ("notices", t._("Read your notices")),
        ("applications", t._("Make and send applications for you, and report errors in your information")),
        ("settings", t._("Change your settings: sharing, linked services and your bank account for payments")),
    ]


def _scope_list(t: T, scope: Var) -> rx.Component:
    return rx.el.ul(*[rx.cond(scope.contains(code), rx.el.li(text)) for code, text in scopes(t)], class_name="bullets")


def _appointed(t: T, row: Var) -> rx.Component:
    heading = "proxy-" + row["proxy_id"].to(str)
    active = row["active"].to(str) != ""
    return rx.el.li(
        rx.el.h3(person_name(row["proxy_name"].to(str)), id=heading),
        rx.el.p(rx.cond(active, status_tag(t._("Active"), "green"), status_tag(t._("Ended"), "grey")), " ",
                rx.cond(active, fill(t._("Since {date}"), date=row["since"].to(str)),
                        fill(t._("Ended on {date}"), date=row["ended"].to(str)))),
        rx.cond(active, rx.fragment(
            rx.el.p(t._("This person may:")),
            _scope_list(t, row["scope"].to(str)),
            rx.cond(S.acting_for_name == "",
                    button(t._("End this proxy"), type="button", variant="warning",
                           on_click=P.ask_revoke(row["proxy_id"].to(str)), id="revoke-" + row["proxy_id"].to(str))),
        )),
        aria_labelledby=heading,
        class_name="proxy-card",
    )


def _acting_for(t: T, row: Var) -> rx.Component:
    heading = "principal-" + row["proxy_id"].to(str)
    return rx.el.li(
        rx.el.h3(person_name(row["principal_name"].to(str)), id=heading),
        rx.el.p(fill(t._("Since {date}"), date=row["since"].to(str))),
        rx.el.p(t._("You may:")),
        _scope_list(t, row["scope"].to(str)),
        rx.cond(
            S.acting_for_name == "",
            button_group(
                button(fill(t._("Act for {name}"), name=person_name(row["principal_name"].to(str))), type="button",
                       on_click=S.act_for(row["principal_id"].to(str)), id="act-for-" + row["principal_id"].to(str)),
                button(t._("Stop being their proxy"), type="button", variant="secondary",
                       on_click=P.ask_revoke(row["proxy_id"].to(str)), id="leave-" + row["proxy_id"].to(str)),
            ),
        ),
        aria_labelledby=heading,
        class_name="proxy-card",
    )


def _add_form(t: T) -> rx.Component:
    person_error = rx.match(P.person_error, ("required", t._("Choose the person who will be your proxy")), "")
    scope_error = rx.match(P.scope_error, ("required", t._("Choose at least one thing your proxy may do")), "")
    return rx.el.section(
        rx.el.h2(t._("Appoint a proxy"), id="add-title"),
        rx.el.form(
            select(t, label=t._("Who will be your proxy?"), name="person", id="new-person", options=P.people,
                   placeholder=t._("Choose a person"), value=P.new_person, on_change=P.set_person,
                   hint=t._("Demonstration: the other fictional residents. In real life your proxy is identified with their own My Number Card."),
                   error=person_error),
            checkboxes(t, legend=t._("What may they do for you?"), name="scope", id="new-scope",
                       hint=t._("Select all that apply. You can change this later by ending the proxy and appointing again."),
                       options=[Option(code, text) for code, text in scopes(t)], values=P.new_scopes,
                       on_change_for=lambda code: (lambda on: P.set_scope(code, on)), error=scope_error),
            button_group(button(t._("Continue"), id="review-add")),
            on_submit=lambda _: P.review_add(),
            id="add-proxy-form",
        ),
        aria_labelledby="add-title",
    )


def _confirm_add(t: T) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t._("Check before you appoint"), id="confirm-add-title", tab_index=-1),
        warning_text(t, t._("Your proxy will be able to do these things for you, with their own card, until you end it:")),
        _scope_list(t, P.new_scopes.join(" ")),
        rx.el.p(t._("Everything they do is recorded in your activity history with their name.")),
        button_group(
            button(t._("Appoint this proxy"), type="button", on_click=P.add, id="confirm-add", prevent_double_click=True),
            button(t._("Go back"), type="button", variant="secondary", on_click=P.cancel, id="cancel-add"),
        ),
        aria_labelledby="confirm-add-title",
    )


def _confirm_revoke(t: T) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t._("End this proxy?"), id="confirm-revoke-title", tab_index=-1),
        rx.el.p(fill(t._("The proxy relation with {name} ends now. They can no longer see or do anything for the other person. What was done before stays recorded."),
                     name=rx.el.strong(person_name(P.revoke_name)))),
        button_group(
            button(t._("Yes, end it"), type="button", variant="warning", on_click=P.revoke, id="confirm-revoke",
                   prevent_double_click=True),
            button(t._("No, keep it"), type="button", variant="secondary", on_click=P.cancel, id="cancel-revoke"),
        ),
        aria_labelledby="confirm-revoke-title",
    )


def _safeguards(t: T) -> rx.Component:
    return details(
        t._("How you are protected"),
        rx.el.ul(
            rx.el.li(t._("Your proxy signs in with their own card and PIN, never with yours.")),
            rx.el.li(t._("Every page they see shows that they are acting for you.")),
            rx.el.li(t._("Everything they do is recorded in your activity history with their name.")),
            rx.el.li(t._("They can only do what you chose. They cannot appoint other proxies.")),
            rx.el.li(t._("You can end it at any time, here. It ends at once.")),
            class_name="bullets",
        ),
        open=True,
        id="safeguards",
    )


@page("proxies", title=lambda t: t._("Proxies"), on_load=[SessionState.require_sign_in, ProxiesState.load],
      signed_in=True)
def proxies_page(t: T) -> rx.Component:
    pairs = rx.cond(
        P.person_error != "",
        rx.cond(P.scope_error != "",
                [["new-person", t._("Choose the person who will be your proxy")], ["new-scope", t._("Choose at least one thing your proxy may do")]],
                [["new-person", t._("Choose the person who will be your proxy")]]),
        rx.cond(P.scope_error != "", [["new-scope", t._("Choose at least one thing your proxy may do")]], []),
    ).to(list[list[str]])
    return page_shell(
        t,
        "proxies",
        error_summary(t, pairs),
        error_banner(t, P.load_error),
        rx.cond(P.action_error != "", rx.el.div(rx.el.p(error_text(t, P.action_error)), role="alert",
                                                class_name="error-summary", id="proxy-error")),
        rx.match(
            P.done,
            ("added", notification_banner(t, rx.el.p(fill(t._("{name} is now your proxy."), name=person_name(P.done_name))),
                                          kind="success", id="proxy-added")),
            ("revoked", notification_banner(t, rx.el.p(fill(t._("The proxy relation with {name} has ended."), name=person_name(P.done_name))),
                                            kind="success", id="proxy-revoked")),
            rx.fragment(),
        ),
        rx.el.h1(t._("Proxies"), also_in_japanese(t, "代理人"), id="proxies-title", tab_index=-1),
        rx.el.p(t._("A proxy is someone you trust, such as a family member, who may use this portal for you with their own card."),
                class_name="lead"),
        _safeguards(t),
        rx.cond(
            S.acting_for_name != "",
            rx.el.p(t._("You are acting for someone now. Only the person themself can appoint or end their proxies. Return to your own account to manage yours."),
                    class_name="inset-text"),
        ),
        rx.match(
            P.step,
            ("confirm_add", _confirm_add(t)),
            ("confirm_revoke", _confirm_revoke(t)),
            rx.fragment(
                rx.el.h2(t._("Your proxies"), id="appointed-title"),
                rx.cond(P.as_principal.length() > 0,
                        rx.el.ul(rx.foreach(P.as_principal, lambda r: _appointed(t, r)), class_name="proxy-list",
                                 aria_labelledby="appointed-title"),
                        rx.el.p(t._("You have not appointed a proxy."), id="no-proxies")),
                rx.el.h2(t._("People you act for"), id="principals-title"),
                rx.cond(P.as_proxy.length() > 0,
                        rx.el.ul(rx.foreach(P.as_proxy, lambda r: _acting_for(t, r)), class_name="proxy-list",
                                 aria_labelledby="principals-title"),
                        rx.el.p(t._("Nobody has appointed you as their proxy."), id="no-principals")),
                rx.cond((S.acting_for_name == "") & P.loaded, _add_form(t)),
            ),
        ),
    )
