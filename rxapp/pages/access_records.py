"""やりとり履歴: access records, filterable by agency and period, each with its purpose and legal basis in plain
words, and a verification mark from the hash chain."""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components.button import button, button_group
from rxapp.components.details import details
from rxapp.components.interpolate import fill
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.components.radios import Option
from rxapp.components.select import select
from rxapp.components.status_tag import status_tag
from rxapp.components.summary_list import Row, summary_list
from rxapp.components.warning_text import warning_text
from rxapp.i18n import T
from rxapp.pages.categories import also_in_japanese, category_name
from rxapp.pages.error_messages import error_banner
from rxapp.pages.my_info import japanese_note
from rxapp.pages.registry import page
from rxapp.state.access_records import AccessRecordsState
from rxapp.state.session import SessionState

A = AccessRecordsState


def legal_basis(t: T, record: Var) -> rx.Component:
    """The statute in plain words where we know it; the Japanese citation is always shown too."""
    plain = rx.match(
        record["article"].to(str),
        ("第19条第8号", t._("The My Number Act allows offices to exchange your information through the official network, only for the tasks the law lists (article 19, item 8).")),
        ("第9条第1項", t._("The My Number Act allows an office to use your My Number for its own tasks that the law lists (article 9, paragraph 1).")),
        t._("A law allows this exchange. The exact law is below, in Japanese."),
    )  # fmt: skip
    return rx.fragment(
        rx.el.span(plain),
        rx.el.br(),
        rx.el.small(rx.el.span(record["law"], " ", record["article"], lang="ja"), class_name="citation"),
    )


def mark_tag(t: T, mark: Var) -> rx.Component:
    return rx.match(
        mark,
        ("ok", status_tag(t._("Unchanged since recorded"), "green")),
        ("altered", status_tag(t._("Changed after it was recorded"), "red")),
        status_tag(t._("Cannot be checked"), "grey"),
    )


def _record(t: T, record: Var) -> rx.Component:
    heading_id = "record-" + record["seq"].to(str)
    return rx.el.article(
        rx.el.h3(
            fill(t._("{date}: {agency}"), date=record["when"].to(str),
                 agency=rx.el.span(record["agency"], lang="ja")),
            id=heading_id,
        ),
        rx.el.p(mark_tag(t, record["mark"])),
        summary_list([
            Row(t._("Information"), rx.fragment(category_name(t, record["category"].to(str)), ": ",
                                                  rx.el.span(record["item_title"], lang="ja"))),
            Row(t._("Exchanged with"), rx.cond(record["counterpart"].to(str) != "",
                                               rx.el.span(record["counterpart"], lang="ja"),
                                               rx.el.span(t._("No other office (used within the office)")))),
            Row(t._("Why"), rx.el.span(record["purpose"], lang="ja")),
            Row(t._("Allowed by"), legal_basis(t, record)),
            Row(t._("Record number"), record["seq"].to(str)),
        ]),
        aria_labelledby=heading_id,
        class_name=rx.cond(record["mark"].to(str) == "altered", "record record--altered", "record"),
        custom_attrs={"data-seq": record["seq"].to(str), "data-mark": record["mark"].to(str)},
    )


def _verification(t: T) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t._("Are these records genuine?"), id="verify-title"),
        rx.match(
            A.chain_status,
            ("ok", rx.el.p(
                rx.el.span("✓ ", aria_hidden="true"),
                rx.el.strong(t._("Unchanged since recorded.")), " ",
                fill(t._("We checked the digital seal (hash chain) of {count} records ourselves. Nobody has changed them."),
                     count=A.chain_checked.to_string()),
                id="verify-ok",
            )),
            ("altered", rx.el.div(
                rx.match(
                    A.chain_problem,
                    ("shortened", warning_text(t, fill(t._("Records were deleted. Record number {seq} was there when you last checked, and now it is gone."), seq=A.chain_seen_seq))),
                    ("rewritten", warning_text(t, fill(t._("The records were rewritten. Record number {seq} is not the one you saw when you last checked."), seq=A.chain_seen_seq))),
                    ("signature", warning_text(t, t._("The records do not carry the portal's valid digital signature."))),
                    ("activity", warning_text(t, t._("Entries of your activity history were deleted after they were recorded."))),
                    warning_text(t, fill(t._("Record number {seq} was changed after it was recorded."), seq=A.chain_bad_seq)),
                ),
                rx.match(
                    A.chain_problem,
                    ("entry", rx.cond(A.chain_bad_is_mine,
                        rx.el.p(t._("It is one of your records. It is marked below. Do not rely on what it says.")),
                        rx.el.p(t._("It is not one of your records, but records after it cannot be vouched for.")))),
                    ("activity", rx.fragment()),
                    rx.el.p(t._("Do not rely on the records below.")),
                ),
                rx.el.p(t._("We have reported it. If you are worried, contact the help desk or the Personal Information Protection Commission.")),
                id="verify-altered",
            )),
            ("error", rx.el.p(t._("We could not check the records this time. The records are shown, but try again later to check them."),
                              id="verify-error")),
            rx.el.p(t._("Checking the records…")),
        ),
        aria_labelledby="verify-title",
        class_name=rx.cond(A.chain_status == "altered", "verify verify--altered", "verify"),
        aria_live="polite",
    )


def _filters(t: T) -> rx.Component:
    periods = [
        Option("all", t._("All time")),
        Option("30", t._("Last 30 days")),
        Option("90", t._("Last 3 months")),
        Option("365", t._("Last 12 months")),
    ]
    return rx.el.form(
        rx.el.fieldset(
            rx.el.legend(t._("Show only"), class_name="fieldset__legend"),
            rx.el.div(
                select(t, label=t._("Agency"), name="agency", id="filter-agency", options=A.agencies,
                       placeholder=t._("All agencies"), value=A.agency, on_change=A.set_agency),
                select(t, label=t._("Period"), name="period", id="filter-period", options=periods,
                       value=A.period, on_change=A.set_period),
                class_name="filters__fields",
            ),
            button_group(
                button(t._("Show records"), id="apply-filters"),
                button(t._("Show all"), type="button", variant="secondary", on_click=A.clear_filters,
                       id="clear-filters"),
            ),
            class_name="fieldset filters",
        ),
        on_submit=A.apply_filters,
        id="filters",
        role="search",
        aria_label=t._("Filter the records"),
    )


@page("access-records", title=lambda t: t._("Who used your data"),
      on_load=[SessionState.require_sign_in, AccessRecordsState.load], signed_in=True)
def access_records_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "access-records",
        error_banner(t, A.load_error),
        rx.el.h1(t._("Who used your data"), also_in_japanese(t, "やりとり履歴")),
        rx.el.p(t._("Each time an office asks for or gives your information through the My Number system, it is recorded here: who, when, what and why."),
                class_name="lead"),
        japanese_note(t),
        _verification(t),
        rx.el.h2(t._("Records"), id="records-title"),
        _filters(t),
        rx.el.p(fill(t._("Records shown: {count}"), count=A.records.length().to_string()), id="records-count",
                role="status", tab_index=-1),
        rx.cond(
            A.loaded & (A.records.length() == 0),
            rx.el.p(t._("No records match. Choose another agency or period.")),
        ),
        rx.el.div(rx.foreach(A.records, lambda r: _record(t, r)), class_name="record-list"),
        details(
            t._("What to do if a record looks wrong"),
            rx.el.p(t._("If an office used your information and you do not know why, write down the record number and call the help desk. You can also ask the office directly.")),
            rx.el.p(internal_link(t._("Contact us"), href=f"/{t.code}/contact")),
        ),
    )
