"""Your applications: drafts to continue and applications sent; one application's status; its printable receipt."""

from __future__ import annotations

import reflex as rx

from rxapp.components.button import button, button_group
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.components.status_tag import status_tag
from rxapp.components.summary_list import Row, summary_list
from rxapp.components.warning_text import warning_text
from rxapp.i18n import T
from rxapp.pages.error_messages import error_text
from rxapp.pages.registry import page
from rxapp.state.applications import ApplicationsState
from rxapp.state.session import SessionState

S = ApplicationsState


def status_words(t: T) -> dict[str, tuple[str, str]]:
    """Status code → (word, colour): the word carries the meaning, colour only repeats it."""
    return {
        "draft": (t._("Draft"), "grey"),
        "submitted": (t._("Sent"), "blue"),
        "received": (t._("Received"), "blue"),
        "under_review": (t._("Being checked"), "yellow"),
        "approved": (t._("Approved"), "green"),
        "rejected": (t._("Not approved"), "red"),
    }


def status_of(t: T, code: rx.Var) -> rx.Component:
    words = status_words(t)
    return rx.match(code, *[(key, status_tag(word, colour)) for key, (word, colour) in words.items()],  # type: ignore[arg-type]
                    status_tag(t._("Unknown"), "grey"))  # fmt: skip


def _problem(t: T) -> rx.Component:
    return rx.el.div(rx.cond(S.problem != "", rx.el.p(error_text(t, S.problem), class_name="error-message")),
                     role="status")  # fmt: skip


@page("applications", title=lambda t: t._("Your applications"), on_load=[SessionState.require_sign_in, S.load_list],
      signed_in=True)  # fmt: skip
def list_page(t: T) -> rx.Component:
    def item(entry: rx.Var) -> rx.Component:
        return rx.el.li(
            rx.el.h2(internal_link(entry["title"], href=entry["href"]), class_name="result__title"),
            rx.el.p(status_of(t, entry["status"]), " ", entry["when"], class_name="result__meta"),
            rx.cond(entry["receipt"] != "", rx.el.p(t._("Reference number: {number}", number=entry["receipt"]))),
            rx.cond(entry["status"] == "draft", rx.el.p(t._("Continue where you stopped. Your answers are saved."))),
            class_name="result",
        )

    return page_shell(
        t,
        "applications",
        rx.el.h1(t._("Your applications")),
        _problem(t),
        rx.cond(
            S.loaded & (S.items.length() == 0),  # type: ignore[attr-defined]
            rx.el.p(t._("You have no applications yet.")),
        ),
        rx.el.ul(rx.foreach(S.items, item), class_name="result-list"),
        rx.el.p(internal_link(t._("Find a procedure"), href=f"/{t.code}/procedures")),
    )


@page("applications/status", title=lambda t: t._("Application status"), signed_in=True,
      on_load=[SessionState.require_sign_in, S.load_one])  # fmt: skip
def status_page(t: T) -> rx.Component:
    words = status_words(t)
    return page_shell(
        t,
        "applications/status",
        internal_link(t._("Your applications"), href=f"/{t.code}/applications", class_name="back-link"),
        rx.el.h1(t._("Application status")),
        _problem(t),
        rx.cond(
            S.loaded,
            rx.fragment(
                rx.el.p(rx.el.span(S.title, class_name="caption")),
                summary_list([
                    Row(t._("Status"), status_of(t, S.status)),
                    Row(t._("Reference number"), rx.el.span(S.receipt_number, custom_attrs={"translate": "no"}, id="status-receipt")),
                    Row(t._("Sent on"), f"{S.submitted_at}"),
                ], id="status-summary"),
                rx.el.h2(t._("History")),
                rx.el.ol(
                    rx.foreach(S.history, lambda h: rx.el.li(
                        rx.match(h["status"], *[(k, w) for k, (w, _) in words.items()], h["status"]), " — ", h["when"])),
                    class_name="history",
                ),
                # Always rendered, only its text changes when the page asks again.
                rx.el.p(t._("Last checked: {when}. This page checks again while it is open.", when=S.checked_at),
                        role="status", id="checked-at"),
                button_group(
                    button(t._("Check again"), type="button", variant="secondary", on_click=S.check_again, id="check-again"),
                    internal_link(t._("Print or save your receipt"), href=f"/{t.code}/applications/receipt?id={S.app_id}"),
                ),
            ),
        ),
    )  # fmt: skip


@page("applications/receipt", title=lambda t: t._("Receipt"), signed_in=True,
      on_load=[SessionState.require_sign_in, S.load_one])  # fmt: skip
def receipt_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "applications/receipt",
        internal_link(t._("Your applications"), href=f"/{t.code}/applications", class_name="back-link no-print"),
        # The h1 stands whether or not the receipt loads: a wrong link still gets a titled page with the reason.
        rx.el.h1(t._("Receipt")),
        _problem(t),
        rx.cond(
            S.loaded & S.altered,
            rx.el.div(
                warning_text(t, t._("This application was changed after it was sent. What is stored now is not what you sent, so it is not shown.")),
                rx.el.p(t._("Reference number: {number}", number=S.receipt_number)),
                id="receipt-altered",
            ),
        ),
        rx.cond(
            S.loaded & ~S.altered,
            rx.el.article(
                rx.el.p(t._("Minna Portal"), " — ", S.title, class_name="receipt__service"),
                summary_list([
                    Row(t._("Reference number"), rx.el.strong(S.receipt_number, custom_attrs={"translate": "no"}, id="receipt-number")),
                    Row(t._("Sent on"), f"{S.submitted_at}"),
                    Row(t._("Status"), status_of(t, S.status)),
                    Row(t._("Fingerprint (SHA-256)"), rx.el.code(S.receipt_hash, custom_attrs={"translate": "no"}, class_name="hash")),
                ], id="receipt-summary"),
                rx.el.h2(t._("Your answers")),
                rx.el.dl(
                    rx.foreach(S.answer_rows, lambda r: rx.el.div(
                        rx.el.dt(r["label"], class_name="summary-list__key"),
                        rx.el.dd(r["value"], class_name="summary-list__value"),
                        class_name="summary-list__row")),
                    class_name="summary-list",
                ),
                rx.el.p(t._("Keep this receipt. The fingerprint proves what was sent and when.")),
                button(t._("Print this receipt"), type="button", on_click=S.print_receipt, id="print-button",
                       variant="secondary"),
                class_name="receipt",
            ),
        ),
    )  # fmt: skip
