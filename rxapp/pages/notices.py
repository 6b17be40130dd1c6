"""お知らせ: the inbox with the unread count, and one notice with its やさしい日本語 summary."""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components.back_link import back_link
from rxapp.components.interpolate import fill
from rxapp.components.lang_fragment import japanese_only
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.components.status_tag import status_tag
from rxapp.components.summary_list import Row, summary_list
from rxapp.i18n import T
from rxapp.pages.categories import also_in_japanese
from rxapp.pages.error_messages import error_banner
from rxapp.pages.mypage import procedure_href, procedure_title
from rxapp.pages.registry import page
from rxapp.state.notices import NoticesState, NoticeState
from rxapp.state.session import SessionState

N = NoticesState
D = NoticeState


def _in_japanese(t: T) -> rx.Component | str:
    """A short note after a title that is only in Japanese (not needed on Japanese pages)."""
    return "" if t.locale.is_japanese else rx.el.span(" ", t._("(in Japanese)"), class_name="lang-fragment__note")


def _notice_item(t: T, notice: Var) -> rx.Component:
    unread = notice["read"].to(str) == ""
    title_lang = notice["lang"].to(str)
    return rx.el.li(
        rx.el.h2(
            internal_link(
                rx.cond(unread, rx.el.span(t._("Unread:"), " ", class_name="visually-hidden"), rx.fragment()),
                rx.el.span(notice["title"], lang=title_lang),
                href=f"/{t.code}/notices/detail?id=" + notice["notice_id"].to(str),
                id="notice-" + notice["notice_id"].to(str),
            ),
            rx.cond(title_lang == "ja", _in_japanese(t), rx.fragment()),
            class_name="notice__title",
        ),
        rx.el.p(
            rx.cond(unread, rx.fragment(status_tag(t._("Unread"), "blue"), " "), rx.fragment()),
            rx.cond(notice["easy"].to(str) != "",
                    rx.fragment(status_tag(t._("Easy Japanese summary"), "green"), " "), rx.fragment()),
            fill(t._("From {sender}, {date}"), sender=rx.el.span(notice["sender"], lang="ja"),
                 date=notice["sent"].to(str)),
            class_name="notice__meta",
        ),
        class_name=rx.cond(unread, "notice notice--unread", "notice"),
    )


@page("notices", title=lambda t: t._("Notices"), on_load=[SessionState.require_sign_in, NoticesState.load],
      signed_in=True)
def notices_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "notices",
        error_banner(t, N.load_error),
        rx.el.h1(t._("Notices"), also_in_japanese(t, "お知らせ")),
        rx.el.p(t._("Letters from your city office and other agencies. Most are written in Japanese; some have a short summary in easy Japanese."),
                class_name="lead"),
        rx.el.p(fill(t._("Unread notices: {count}"), count=N.unread.to_string()), id="unread-count",
                class_name="notice-count"),
        rx.cond(
            N.loaded & (N.notices.length() == 0),
            rx.el.p(t._("You have no notices.")),
        ),
        rx.el.ul(rx.foreach(N.notices, lambda n: _notice_item(t, n)), class_name="notice-list"),
    )


def _easy(t: T) -> rx.Component:
    return rx.cond(
        D.easy != "",
        rx.el.section(
            rx.el.h2(rx.el.span("やさしい にほんごの まとめ", lang="ja"), " ",
                     rx.el.span(t._("(summary in easy Japanese)")) if t.code != "ja-easy" else "",
                     id="easy-title"),
            rx.el.p(D.easy, lang="ja"),
            aria_labelledby="easy-title",
            class_name="easy-summary",
            id="easy-summary",
        ),
    )


def _body(t: T) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t._("The notice"), id="body-title"),
        rx.cond(
            D.lang == "ja",
            japanese_only(t, rx.el.p(D.body, class_name="notice-body")),
            rx.el.div(rx.el.p(D.body, class_name="notice-body"), lang=D.lang),
        ),
        aria_labelledby="body-title",
    )


@page("notices/detail", title=lambda t: t._("Notice details"),
      on_load=[SessionState.require_sign_in, NoticeState.load], signed_in=True)
def notice_page(t: T) -> rx.Component:
    # やさしい日本語 readers get the summary first: it is written for them.
    easy_first = t.code == "ja-easy"
    return page_shell(
        t,
        "notices/detail",
        back_link(t, f"/{t.code}/notices", text=t._("Back to notices")),
        error_banner(t, D.load_error),
        rx.el.h1(rx.cond(D.notice_id != "", rx.el.span(D.title, lang=D.lang), rx.el.span(t._("Notice")))),
        rx.cond(
            D.notice_id != "",
            rx.fragment(
                summary_list([
                    Row(t._("From"), rx.el.span(D.sender, lang="ja")),
                    Row(t._("Sent on"), D.sent),
                    Row(t._("Status"), rx.el.span(
                        rx.cond(D.read_status == "marked", t._("Marked as read now"), t._("Read")),
                        id="read-status", role="status")),
                ]),
                *([_easy(t), _body(t)] if easy_first else [_body(t), _easy(t)]),
                rx.cond(
                    D.procedure_id != "",
                    rx.el.section(
                        rx.el.h2(t._("What you can do"), id="action-title"),
                        rx.el.p(internal_link(procedure_title(t, D.procedure_id), href=procedure_href(t, D.procedure_id),
                                              id="notice-procedure")),
                        aria_labelledby="action-title",
                    ),
                ),
            ),
        ),
    )
