"""Home for signed-in residents: what needs attention, what is recommended, life events, and the menu."""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components.button import button
from rxapp.components.interpolate import fill
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.components.person_name import person_name
from rxapp.components.status_tag import status_tag
from rxapp.components.warning_text import warning_text
from rxapp.i18n import T
from rxapp.pages.error_messages import error_banner
from rxapp.pages.life_events import life_events
from rxapp.pages.registry import page
from rxapp.procedures.catalog import CATALOG
from rxapp.state.mypage import MyPageState
from rxapp.state.session import SessionState

M = MyPageState
S = SessionState


def procedure_title(t: T, procedure_id: Var) -> Var:
    """A procedure's name in the page's language (the catalogue's words), by its backend id."""
    return rx.match(procedure_id, *[(info.id, info.title(t)) for info in CATALOG], procedure_id)


def procedure_href(t: T, procedure_id: Var) -> Var:
    return rx.match(
        procedure_id, *[(info.id, f"/{t.code}/procedures/{info.slug}") for info in CATALOG], f"/{t.code}/procedures"
    )


def application_status(t: T, status: Var) -> rx.Component:
    """An application's status as a tag: the word carries the meaning, the colour repeats it."""
    return rx.match(
        status,
        ("draft", status_tag(t.p_("application status", "Draft"), "grey")),
        ("submitted", status_tag(t.p_("application status", "Sent"), "blue")),
        ("received", status_tag(t.p_("application status", "Received"), "blue")),
        ("under_review", status_tag(t.p_("application status", "Being checked"), "yellow")),
        ("approved", status_tag(t.p_("application status", "Approved"), "green")),
        ("rejected", status_tag(t.p_("application status", "Not approved"), "red")),
        status_tag(status.to(str), "grey"),
    )


def _days_left(t: T, rec: Var) -> rx.Component:
    """"in N days" with the right plural form; N is small (≤ 90) so every form is built."""
    days = rec["days_left"].to(str)
    return rx.match(
        days,
        ("0", t._("today")),
        *[(str(n), t.n_("in {count} day", "in {count} days", n)) for n in range(1, 91)],
        "",
    )


def _expiry_item(t: T, rec: Var) -> rx.Component:
    due = rec["due"].to(str)
    overdue = rec["overdue"].to(str) != ""
    text = rx.match(
        rec["code"].to(str),
        ("renew_residence", rx.cond(
            overdue,
            fill(t._("Your period of stay ended on {date}."), date=due),
            fill(t._("Your period of stay ends on {date} ({days}). Apply to extend it at the regional immigration bureau before then."),
                 date=due, days=_days_left(t, rec)),
        )),
        ("renew_card", rx.cond(
            rec["after_residence"].to(str) != "",
            fill(t._("Your My Number Card ends on the same day, {date}. After your new period of stay is granted, go to your city office to extend the card."), date=due),
            fill(t._("Your My Number Card ends on {date} ({days}). Renew it at your city office."),
                 date=due, days=_days_left(t, rec)),
        )),
        ("renew_certificate", rx.cond(
            rec["after_residence"].to(str) != "",
            fill(t._("The card's sign-in certificate also ends on {date}. It is renewed at the city office with the card."), date=due),
            fill(t._("The card's sign-in certificate ends on {date} ({days}). Renew it at your city office; without it you cannot sign in here."),
                 date=due, days=_days_left(t, rec)),
        )),
        rx.fragment(),
    )  # fmt: skip
    return rx.el.li(text, class_name="attention__item")


def _attention(t: T) -> rx.Component:
    nothing = (M.unread == 0) & (M.drafts == 0) & (M.status_changes.length() == 0) & (M.expiring.length() == 0)
    return rx.el.section(
        rx.el.h2(t._("What needs your attention"), id="attention-title"),
        rx.cond(
            M.expiring.length() > 0,
            rx.el.div(
                warning_text(t, t._("A card or permit ends soon. Renewing takes time: start now.")),
                rx.el.ul(rx.foreach(M.expiring, lambda r: _expiry_item(t, r)), class_name="attention__list"),
                id="expiry-warning",
            ),
        ),
        rx.el.ul(
            rx.cond(
                M.unread > 0,
                rx.el.li(internal_link(fill(t._("Unread notices: {count}"), count=M.unread.to_string()),
                                       href=f"/{t.code}/notices", id="attention-notices")),
            ),
            rx.cond(
                M.drafts > 0,
                rx.el.li(internal_link(fill(t._("Applications not sent yet: {count}"), count=M.drafts.to_string()),
                                       href=f"/{t.code}/applications", id="attention-drafts")),
            ),
            rx.foreach(
                M.status_changes,
                lambda c: rx.el.li(
                    internal_link(procedure_title(t, c["procedure_id"].to(str)), href=f"/{t.code}/applications"),
                    " ", application_status(t, c["status"]), " ",
                    rx.el.span(fill(t._("(changed on {date})"), date=c["date"].to(str))),
                ),
            ),
            class_name="attention__list",
        ),
        rx.cond(nothing, rx.el.p(t._("Nothing needs your attention now."), id="attention-none")),
        aria_labelledby="attention-title",
        class_name="attention",
    )


def _recommendation(t: T, rec: Var) -> rx.Component:
    pid = rec["procedure_id"].to(str)
    due = rec["due"].to(str)
    body = rx.match(
        rec["code"].to(str),
        ("child_allowance", rx.cond(
            rec["overdue"].to(str) != "",
            rx.el.p(fill(t._("A child was born in your household ({child}). You can still apply for child allowance: payment starts the month after you apply."), child=rec["child"].to(str))),
            rx.el.p(fill(t._("A child was born in your household ({child}). Apply by {date} ({days}) so that child allowance is paid from next month."),
                         child=rec["child"].to(str), date=due, days=_days_left(t, rec))),
        )),
        ("care_insurance_65", rx.el.p(fill(t._("You turn 65 on {date}. From then you are in the long-term care insurance (介護保険) for any cause. If you need care, you can apply for a care-needs certification."), date=due))),
        ("student_deferral", rx.el.p(t._("You are a student and pay national pension premiums yourself. With the student deferral (学生納付特例) you can pay later, or not while you study, and stay covered."))),
        rx.fragment(),
    )  # fmt: skip
    return rx.el.li(
        rx.el.h3(procedure_title(t, pid), class_name="recommendation__title"),
        rx.cond(rec["urgent"].to(str) != "", rx.el.p(status_tag(t._("Deadline soon"), "red"))),
        body,
        rx.el.p(internal_link(t._("Find out more and apply"), href=procedure_href(t, pid))),
        class_name="recommendation",
    )


def _recommendations(t: T) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t._("Recommended for you"), id="recommendations-title"),
        rx.el.p(t._("Based on your own information: your household, age, residence status and pension."),
                class_name="hint"),
        rx.cond(
            M.recommendations.length() > 0,
            rx.el.ul(rx.foreach(M.recommendations, lambda r: _recommendation(t, r)), class_name="recommendation-list"),
            rx.el.p(t._("We have no suggestions for you at the moment."), id="recommendations-none"),
        ),
        aria_labelledby="recommendations-title",
    )


def menu_items(t: T) -> list[tuple[str, str, str]]:
    """(slug, name, what it is) of the resident's pages."""
    return [
        ("my-info", t._("Your information"), t._("Tax, pension, health insurance, medicines, check-ups and more.")),
        ("notices", t._("Notices"), t._("Letters from your city office and other agencies.")),
        ("access-records", t._("Who used your data"), t._("Which agency used which of your information, when and why.")),
        ("applications", t._("Your applications"), t._("Drafts and sent applications, and their status.")),
        ("disclosure", t._("Sharing settings"), t._("Choose which information may be shared with whom.")),
        ("proxies", t._("Proxies"), t._("People who may act for you, and people you act for.")),
        ("external-services", t._("Linked services"), t._("e-Tax, Nenkin Net and other sites that receive your data.")),
        ("activity", t._("Your activity"), t._("Your own sign-ins and actions on this portal.")),
    ]  # fmt: skip


def _menu(t: T) -> rx.Component:
    return rx.el.nav(
        rx.el.h2(t._("Your pages"), id="menu-title"),
        rx.el.ul(
            *[
                rx.el.li(rx.el.h3(internal_link(name, href=f"/{t.code}/{slug}", id=f"menu-{slug}")), rx.el.p(what))
                for slug, name, what in menu_items(t)
            ],
            class_name="card-list",
        ),
        aria_labelledby="menu-title",
    )


def _act_for(t: T) -> rx.Component:
    return rx.cond(
        (M.can_act_for.length() > 0) & (S.acting_for_name == ""),
        rx.el.section(
            rx.el.h2(t._("People you can act for"), id="act-for-title"),
            rx.el.p(t._("You are a proxy (代理人) for these people. Choose one to see their information and act for them.")),
            rx.el.ul(
                rx.foreach(
                    M.can_act_for,
                    lambda p: rx.el.li(
                        rx.el.button(
                            fill(t._("Act for {name}"), name=person_name(p["name"])),
                            type="button",
                            on_click=S.act_for(p["resident_id"].to(str)),
                            id="act-for-" + p["resident_id"].to(str),
                            class_name="button button--secondary",
                        )
                    ),
                ),
                class_name="plain-list",
            ),
            aria_labelledby="act-for-title",
        ),
    )


@page("mypage", title=lambda t: t._("Your page"), on_load=[SessionState.require_sign_in, MyPageState.load],
      signed_in=True)
def mypage(t: T) -> rx.Component:
    return page_shell(
        t,
        "mypage",
        error_banner(t, M.load_error),
        rx.el.h1(
            rx.cond(
                S.acting_for_name != "",
                fill(t._("Page of {name}"), name=person_name(S.acting_for_name)),
                t._("Your page"),
            )
        ),
        rx.cond(
            M.subject_name != "",
            rx.el.p(fill(t._("Hello, {name}."), name=person_name(M.subject_name)), class_name="lead"),
        ),
        _act_for(t),
        _attention(t),
        _recommendations(t),
        life_events(t),
        _menu(t),
        rx.el.p(button(t._("Find a procedure"), href=f"/{t.code}/procedures", variant="secondary", id="find-procedure")),
    )
