"""わたしの情報: the resident's data by category, explained in plain words, and error reports."""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components.back_link import back_link
from rxapp.components.button import button, button_group
from rxapp.components.confirmation_panel import confirmation_panel
from rxapp.components.error_summary import error_summary
from rxapp.components.interpolate import fill
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.components.status_tag import status_tag
from rxapp.components.table import table
from rxapp.components.text_input import text_input, textarea
from rxapp.i18n import T
from rxapp.pages.categories import CATEGORY_JA, also_in_japanese, categories
from rxapp.pages.error_messages import error_banner, error_text
from rxapp.pages.registry import page
from rxapp.state.my_info import PROPOSED_MAX, REASON_MAX, CorrectionState, MyInfoState
from rxapp.state.session import SessionState

M = MyInfoState
C = CorrectionState


def japanese_note(t: T) -> rx.Component:
    """In other languages: say once that agencies' words are shown in Japanese."""
    if t.locale.is_japanese:
        return rx.fragment()
    return rx.el.p(
        t._("Names and words sent by agencies are shown in Japanese, as they send them. Amounts and dates are shown in your language."),
        class_name="hint",
    )  # fmt: skip


def value_cell(value: Var) -> rx.Component:
    """A value: agency text is Japanese (lang="ja"); amounts and dates were formatted for the page's language."""
    return rx.cond(
        value["kind"].to(str) == "text",
        rx.el.span(value["text"], lang="ja"),
        rx.el.span(value["text"]),
    )


def values_table(t: T, values: Var) -> rx.Component:
    return table(
        t._("What the record says"),
        [t._("Item"), t._("Value")],
        values,
        row_cells=lambda v: [rx.el.span(v["label"], lang="ja"), value_cell(v)],
    )


def correction_status(t: T, status: Var) -> rx.Component:
    return rx.match(
        status,
        ("received", status_tag(t.p_("correction status", "Received"), "blue")),
        ("investigating", status_tag(t.p_("correction status", "Being checked"), "yellow")),
        ("corrected", status_tag(t.p_("correction status", "Corrected"), "green")),
        ("rejected", status_tag(t.p_("correction status", "Not changed"), "red")),
        status_tag(status.to(str), "grey"),
    )


def _item(t: T, item: Var) -> rx.Component:
    item_id = item["item_id"].to(str)
    heading_id = "item-" + item_id
    return rx.el.section(
        rx.el.h3(item["title"], id=heading_id, lang="ja"),
        values_table(t, M.values_by_item[item_id]),
        rx.el.p(
            fill(t._("Provided by {agency}. As of {date}."),
                 agency=rx.el.span(item["source"], lang="ja"), date=item["as_of"].to(str)),
            class_name="hint",
        ),
        rx.el.p(
            internal_link(
                t._("Report an error in this information"),
                rx.el.span(" (", rx.el.span(item["title"], lang="ja"), ")", class_name="visually-hidden"),
                href=f"/{t.code}/my-info/correction?item=" + item_id,
                id="report-" + item_id,
            )
        ),
        aria_labelledby=heading_id,
        class_name="info-item",
    )


def _category(t: T, code: str, name: str, what: str, who: str) -> rx.Component:
    items = M.items_by_category[code]
    heading = f"cat-{code}"
    return rx.el.section(
        rx.el.h2(name, also_in_japanese(t, CATEGORY_JA[code]), id=heading, tab_index=-1),
        rx.el.p(what),
        rx.el.p(fill(t._("Provided by: {who}"), who=who), class_name="hint"),
        rx.cond(
            items.length() > 0,
            rx.foreach(items, lambda item: _item(t, item)),
            rx.el.p(t._("Nothing is recorded in this category."), class_name="info-empty"),
        ),
        aria_labelledby=heading,
        class_name="info-category",
    )


def _corrections(t: T) -> rx.Component:
    return rx.cond(
        M.corrections.length() > 0,
        rx.el.section(
            rx.el.h2(t._("Your reports of errors"), id="corrections-title"),
            table(
                t._("Reports you sent and their status"),
                [t._("Information"), t._("Sent on"), t._("Status")],
                M.corrections,
                row_cells=lambda r: [rx.el.span(r["item_title"], lang="ja"), r["created"].to(str),
                                     correction_status(t, r["status"])],
                id="corrections-table",
            ),
            aria_labelledby="corrections-title",
        ),
    )


@page("my-info", title=lambda t: t._("Your information"),
      on_load=[SessionState.require_sign_in, MyInfoState.load], signed_in=True)
def my_info_page(t: T) -> rx.Component:
    cats = categories(t)
    return page_shell(
        t,
        "my-info",
        error_banner(t, M.load_error),
        rx.el.h1(t._("Your information"), also_in_japanese(t, "わたしの情報")),
        rx.el.p(t._("This is the information government offices hold about you. If something is wrong, you can report it: the office that provided it will check it."),
                class_name="lead"),
        japanese_note(t),
        rx.el.nav(
            rx.el.h2(t._("Contents"), id="contents-title"),
            rx.el.ul(*[rx.el.li(rx.el.a(c.name, href=f"#cat-{c.code}")) for c in cats], class_name="contents-list"),
            aria_labelledby="contents-title",
        ),
        _corrections(t),
        *[_category(t, c.code, c.name, c.what, c.who) for c in cats],
    )


# ------------------------------------------------------------------------------------------ correction request


def _reason_error(t: T) -> Var:
    return rx.match(
        C.reason_error,
        ("required", t._("Tell us what is wrong")),
        ("too_long", t._("Use {max} characters or fewer", max=REASON_MAX)),
        "",
    )


def _proposed_error(t: T) -> Var:
    return rx.match(C.proposed_error, ("too_long", t._("Use {max} characters or fewer", max=PROPOSED_MAX)), "")


def _correction_form(t: T) -> rx.Component:
    return rx.el.div(
        rx.el.h2(t._("The information"), id="item-title"),
        rx.el.p(rx.el.strong(C.item_title, lang="ja")),
        values_table(t, C.item_values),
        rx.el.p(fill(t._("Provided by {agency}."), agency=rx.el.span(C.item_source, lang="ja")), class_name="hint"),
        rx.el.form(
            textarea(
                t,
                label=t._("What is wrong?"),
                name="reason",
                id="reason",
                hint=t._("For example: this is not my health insurance, or the date is wrong. Write in any language."),
                error=_reason_error(t),
                max_length=REASON_MAX,
            ),
            text_input(
                t,
                label=t._("What should it say?"),
                name="proposed",
                id="proposed",
                optional=True,
                hint=t._("If you know the right value, write it here."),
                error=_proposed_error(t),
                max_length=PROPOSED_MAX,
            ),
            button_group(button(t._("Send the report"), id="send-correction", prevent_double_click=True)),
            on_submit=CorrectionState.submit,
            id="correction-form",
        ),
    )


def _correction_sent(t: T) -> rx.Component:
    return rx.el.div(
        confirmation_panel(t, t._("Your report was sent"), heading_level=2, id="correction-panel"),
        rx.el.p(fill(t._("Your reference number: {reference}"),
                     reference=rx.el.strong(C.request_id, custom_attrs={"translate": "no"})),
                id="correction-sent", tab_index=-1),
        rx.el.h2(t._("What happens next")),
        rx.el.p(t._("The office that provided the information checks it. This usually takes a few weeks. You can follow the status on the page Your information.")),
        rx.el.p(internal_link(t._("Back to your information"), href=f"/{t.code}/my-info", id="back-to-info")),
    )  # fmt: skip


@page("my-info/correction", title=lambda t: t._("Report an error in your information"),
      on_load=[SessionState.require_sign_in, CorrectionState.load], signed_in=True)
def correction_page(t: T) -> rx.Component:
    pairs = rx.cond(
        (C.reason_error != "") | (C.proposed_error != ""),
        rx.cond(
            C.reason_error != "",
            rx.cond(C.proposed_error != "", [["reason", _reason_error(t)], ["proposed", _proposed_error(t)]],
                    [["reason", _reason_error(t)]]),
            [["proposed", _proposed_error(t)]],
        ),
        [],
    ).to(list[list[str]])
    return page_shell(
        t,
        "my-info/correction",
        back_link(t, f"/{t.code}/my-info", text=t._("Back to your information")),
        error_summary(t, pairs),
        error_banner(t, C.load_error),
        rx.cond(C.submit_error != "", rx.el.div(rx.el.p(error_text(t, C.submit_error)), role="alert",
                                                class_name="error-summary")),
        rx.el.h1(t._("Report an error in your information")),
        rx.cond(
            C.load_error == "",
            rx.cond(C.request_id != "", _correction_sent(t), _correction_form(t)),
        ),
    )
