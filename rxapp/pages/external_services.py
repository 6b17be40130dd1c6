"""外部サイト連携: link and unlink services, see what each receives; a page announces leaving the portal."""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components.back_link import back_link
from rxapp.components.button import button, button_group
from rxapp.components.interpolate import fill
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.components.notification_banner import notification_banner
from rxapp.components.status_tag import status_tag
from rxapp.components.warning_text import warning_text
from rxapp.i18n import T
from rxapp.pages.categories import also_in_japanese, categories
from rxapp.pages.error_messages import error_banner, error_text
from rxapp.pages.my_info import japanese_note
from rxapp.pages.registry import page
from rxapp.state.external_services import ExternalServicesState, LeavingState
from rxapp.state.session import SessionState

E = ExternalServicesState
L = LeavingState

# Where the real services live; the fictional ones of the demo have no address.
SERVICE_URLS: dict[str, str] = {
    "e-tax": "https://www.e-tax.nta.go.jp/",
    "nenkin-net": "https://www.nenkin.go.jp/n_net/",
}


def receives_list(t: T, receives: Var) -> rx.Component:
    """The categories a service receives, in the page's language."""
    return rx.el.ul(*[rx.cond(receives.contains(c.code), rx.el.li(c.name)) for c in categories(t)], class_name="bullets")


def _service(t: T, s: Var) -> rx.Component:
    sid = s["service_id"].to(str)
    linked = s["linked"].to(str) != ""
    heading = "service-" + sid
    return rx.el.li(
        rx.el.h2(rx.el.span(s["name_ja"], lang="ja"), id=heading),
        rx.el.p(rx.cond(linked, status_tag(t._("Linked"), "green"), status_tag(t._("Not linked"), "grey")), " ",
                rx.cond(linked, fill(t._("since {date}"), date=s["linked_at"].to(str)), "")),
        rx.el.p(fill(t._("Run by {operator}."), operator=rx.el.span(s["operator"], lang="ja"))),
        rx.el.p(rx.el.span(s["description"], lang="ja")),
        rx.el.p(rx.cond(linked, t._("It receives from your portal account:"), t._("If you link it, it will receive:"))),
        receives_list(t, s["receives"].to(str)),
        button_group(
            rx.cond(
                linked,
                button(t._("Unlink"), type="button", variant="secondary", on_click=E.ask("unlink", sid), id="unlink-" + sid),
                button(t._("Link"), type="button", on_click=E.ask("link", sid), id="link-" + sid),
            ),
            internal_link(t._("Go to this site"), rx.el.span(" (", rx.el.span(s["name_ja"], lang="ja"), ")",
                                                               class_name="visually-hidden"),
                          href=f"/{t.code}/external-services/leaving?service=" + sid, id="go-" + sid),
        ),
        aria_labelledby=heading,
        class_name="service-card",
    )


def _confirm(t: T) -> rx.Component:
    return rx.el.section(
        rx.el.h2(rx.cond(E.confirm == "link",
                         fill(t._("Link {name}?"), name=rx.el.span(E.target_name, lang="ja")),
                         fill(t._("Unlink {name}?"), name=rx.el.span(E.target_name, lang="ja"))),
                 id="confirm-title", tab_index=-1),
        rx.cond(
            E.confirm == "link",
            rx.fragment(
                rx.el.p(t._("From now on, this site may receive this information from your portal account when you use it:")),
                receives_list(t, E.target_receives),
                rx.el.p(t._("You can unlink it at any time.")),
            ),
            rx.fragment(
                rx.el.p(t._("It will no longer receive your information from the portal. What it received before stays with it.")),
            ),
        ),
        button_group(
            button(rx.cond(E.confirm == "link", t._("Yes, link it"), t._("Yes, unlink it")), type="button",
                   on_click=E.apply, id="confirm-apply", prevent_double_click=True),
            button(t._("Cancel"), type="button", variant="secondary", on_click=E.cancel, id="confirm-cancel"),
        ),
        aria_labelledby="confirm-title",
    )


@page("external-services", title=lambda t: t._("Linked services"),
      on_load=[SessionState.require_sign_in, ExternalServicesState.load], signed_in=True)
def external_services_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "external-services",
        error_banner(t, E.load_error),
        rx.cond(E.action_error != "", rx.el.div(rx.el.p(error_text(t, E.action_error)), role="alert",
                                                class_name="error-summary")),
        rx.match(
            E.done,
            ("linked", notification_banner(t, rx.el.p(fill(t._("{name} is now linked."), name=rx.el.span(E.done_name, lang="ja"))),
                                           kind="success", id="service-linked")),
            ("unlinked", notification_banner(t, rx.el.p(fill(t._("{name} is no longer linked."), name=rx.el.span(E.done_name, lang="ja"))),
                                             kind="success", id="service-unlinked")),
            rx.fragment(),
        ),
        rx.el.h1(t._("Linked services"), also_in_japanese(t, "外部サイト連携"), id="services-title", tab_index=-1),
        rx.el.p(t._("Other websites, such as e-Tax for your tax return, can receive information from your portal account when you link them. You decide which."),
                class_name="lead"),
        japanese_note(t),
        rx.cond(
            E.confirm != "",
            _confirm(t),
            rx.el.ul(rx.foreach(E.services, lambda s: _service(t, s)), class_name="service-list"),
        ),
    )


def _continue(t: T) -> rx.Component:
    known = rx.match(L.service_id, *[(sid, url) for sid, url in SERVICE_URLS.items()], "")
    return rx.cond(
        known != "",
        rx.el.a(fill(t._("Continue to {name}"), name=rx.el.span(L.name_ja, lang="ja")), href=known,
                rel="noopener noreferrer", class_name="button button--primary", id="leave-continue",
                custom_attrs={"hreflang": "ja"}),
        rx.el.p(t._("This is a demonstration: this service does not really exist, so there is nowhere to go."),
                id="leave-demo"),
    )


@page("external-services/leaving", title=lambda t: t._("You are leaving Minna Portal"),
      on_load=[SessionState.require_sign_in, LeavingState.load], signed_in=True)
def leaving_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "external-services/leaving",
        back_link(t, f"/{t.code}/external-services", text=t._("Back to linked services")),
        error_banner(t, L.load_error),
        rx.el.h1(t._("You are leaving Minna Portal")),
        rx.cond(
            L.service_id != "",
            rx.fragment(
                rx.el.p(fill(t._("You are going to {name}, run by {operator}. It is another website: Minna Portal is not responsible for it."),
                             name=rx.el.strong(L.name_ja, lang="ja"), operator=rx.el.span(L.operator, lang="ja")),
                        class_name="lead"),
                warning_text(t, t._("That website is in Japanese. Your language and display settings do not go with you.")),
                rx.cond(
                    L.linked,
                    rx.fragment(rx.el.p(t._("Because you linked it, it can receive this information from your portal account:")),
                                receives_list(t, L.receives)),
                    rx.el.p(t._("You have not linked it, so it receives nothing from your portal account.")),
                ),
                rx.el.p(t._("You stay signed in here. To come back, use your browser's back button.")),
                button_group(
                    _continue(t),
                    internal_link(t._("Stay on Minna Portal"), href=f"/{t.code}/external-services", id="leave-stay"),
                ),
            ),
        ),
    )
