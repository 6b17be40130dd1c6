"""Disclosure control: who may receive each kind of information, with the consequence shown before saving."""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components.button import button, button_group
from rxapp.components.checkboxes import checkboxes
from rxapp.components.interpolate import fill
from rxapp.components.layout import page_shell
from rxapp.components.notification_banner import notification_banner
from rxapp.components.radios import Option
from rxapp.components.table import table
from rxapp.components.warning_text import warning_text
from rxapp.i18n import T
from rxapp.pages.categories import categories, category_name, recipient_name, recipients
from rxapp.pages.error_messages import error_banner, error_text
from rxapp.pages.registry import page
from rxapp.state.disclosure import DisclosureState, key
from rxapp.state.session import SessionState

D = DisclosureState


def _category_fieldset(t: T, code: str, name: str, what: str) -> rx.Component:
    return checkboxes(
        t,
        legend=name,
        name=f"share-{code}",
        id=f"share-{code}",
        hint=what,
        options=[Option(key(code, r), label) for r, (label, _) in recipients(t).items()],
        values=D.draft_keys,
        on_change_for=lambda pair: (lambda checked: D.set_pair(pair, checked)),
    )


def _consequence(t: T, change: Var) -> rx.Component:
    recipient = change["recipient"].to(str)
    return rx.cond(
        change["allowed"].to(str) == "yes",
        rx.el.span(t._("They may receive it again, only for the tasks the law allows.")),
        rx.match(recipient, *[(r, rx.el.span(text)) for r, (_, text) in recipients(t).items()], rx.fragment()),
    )


def _change_item(t: T, change: Var) -> rx.Component:
    return rx.el.li(
        rx.el.strong(
            fill(t._("{information} to {recipient}:"), information=category_name(t, change["category"].to(str)),
                 recipient=recipient_name(t, change["recipient"].to(str))),
        ),
        " ",
        rx.cond(change["allowed"].to(str) == "yes", t._("will be shared again."), t._("will no longer be shared.")),
        rx.el.br(),
        _consequence(t, change),
        class_name="change",
    )


def _confirm(t: T) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t._("Check your changes before saving"), id="confirm-title", tab_index=-1),
        rx.el.ul(rx.foreach(D.changes, lambda c: _change_item(t, c)), class_name="change-list"),
        warning_text(t, t._("Offices that must check your information by law can still ask you for papers. Stopping sharing does not stop a procedure you applied for; it may only make it slower.")),
        button_group(
            button(t._("Save changes"), type="button", on_click=D.save, id="save-disclosure", prevent_double_click=True),
            button(t._("Change again"), type="button", variant="secondary", on_click=D.edit_again, id="edit-again"),
        ),
        aria_labelledby="confirm-title",
    )


def _edit(t: T) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t._("Who may receive your information"), id="disclosure-form-title", tab_index=-1),
        rx.el.p(t._("A ticked box means: may receive it. Nothing is saved until you check your changes and save them.")),
        rx.el.form(
            *[_category_fieldset(t, c.code, c.name, c.what) for c in categories(t)],
            button_group(button(t._("Check changes"), id="review-disclosure")),
            on_submit=lambda _: D.review(),
            id="disclosure-form",
        ),
        aria_labelledby="disclosure-form-title",
    )


def _log(t: T) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t._("Changes made"), id="log-title"),
        rx.cond(
            D.log.length() > 0,
            table(
                t._("Every change to your sharing settings, newest first"),
                [t._("When"), t._("Information"), t._("Recipient"), t._("Now"), t._("Changed by")],
                D.log,
                row_cells=lambda c: [
                    c["when"].to(str),
                    category_name(t, c["category"].to(str)),
                    recipient_name(t, c["recipient"].to(str)),
                    rx.cond(c["allowed"].to(str) == "yes", t._("Shared"), t._("Not shared")),
                    rx.cond(c["by"].to(str) == "you", t._("You"), t._("Your proxy")),
                ],
                id="disclosure-log",
            ),
            rx.el.p(t._("No changes yet. The settings are as the law sets them."), id="log-empty"),
        ),
        aria_labelledby="log-title",
    )


@page("disclosure", title=lambda t: t._("Sharing settings"),
      on_load=[SessionState.require_sign_in, DisclosureState.load], signed_in=True)
def disclosure_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "disclosure",
        error_banner(t, D.load_error),
        rx.cond(D.saved, notification_banner(t, rx.el.p(t._("Your sharing settings were saved. The change is listed below.")),
                                            kind="success", id="disclosure-saved")),
        rx.el.div(
            rx.cond((D.save_error != "") & (D.save_error != "no_changes"), rx.el.p(error_text(t, D.save_error))),
            rx.cond(D.save_error == "no_changes", rx.el.p(t._("You have not changed anything. Tick or untick a box first."))),
            id="disclosure-problem",
            tab_index=-1,
            role="alert",
            class_name=rx.cond(D.save_error != "", "error-summary", ""),
        ),
        rx.el.h1(t._("Sharing settings")),
        rx.el.p(t._("Offices exchange your information only for the tasks the law allows. Here you choose, for each kind of information, who may receive it."),
                class_name="lead"),
        rx.cond(D.loaded, rx.cond(D.step == "confirm", _confirm(t), _edit(t))),
        _log(t),
    )
