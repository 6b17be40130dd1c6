"""Finding a procedure (search in one's own language, or by life event) and one detail page per procedure.

Public pages: no sign-in needed to browse. The search form works as a plain GET form too (action and name=q),
so the words are in the URL; with the websocket up, the submit is handled client-side.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from rxapp.components.button import button
from rxapp.components.inset_text import inset_text
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.components.status_tag import status_tag
from rxapp.components.text_input import text_input
from rxapp.i18n import T
from rxapp.pages.registry import page
from rxapp.procedures.catalog import CATALOG, LIFE_EVENTS, ProcedureInfo, event_label
from rxapp.state.procedure_search import MAX_QUERY, ProcedureSearchState

S = ProcedureSearchState


def scope_label(t: T, info: ProcedureInfo) -> rx.Component:
    """Who handles it: a national agency, or the resident's own municipality (named when signed in)."""
    if info.scope == "national":
        return status_tag(t._("National"), "grey")
    return rx.cond(
        S.municipality != "",
        status_tag(t._("Your city: {name}", name=S.municipality), "blue"),
        status_tag(t._("Your city or town"), "blue"),
    )


def _result(t: T, info: ProcedureInfo) -> rx.Component:
    return rx.el.li(
        rx.el.h2(internal_link(info.title(t), href=f"/{t.code}/procedures/{info.slug}"), class_name="result__title"),
        rx.el.p(info.summary(t)),
        rx.el.p(scope_label(t, info), " ", rx.el.span(info.title_ja, lang="ja"), class_name="result__meta"),
        class_name="result",
        id=f"result-{info.slug}",
    )


def _count(t: T) -> rx.Component:
    # Plural forms are chosen per count at build time (Arabic has six); the state holds only the number.
    return rx.match(
        S.count,
        *[(n, t.n_("{count} procedure found", "{count} procedures found", n)) for n in range(len(CATALOG) + 1)],
        "",
    )


def _events(t: T) -> rx.Component:
    items = [
        rx.el.li(
            rx.cond(
                S.event == event,
                rx.el.strong(event_label(t, event), aria_current="true"),
                internal_link(event_label(t, event), href=f"/{t.code}/procedures?event={event}"),
            )
        )
        for event in LIFE_EVENTS
    ]
    items.append(rx.el.li(internal_link(t._("All procedures"), href=f"/{t.code}/procedures")))
    return rx.el.nav(
        rx.el.h2(t._("Something is happening in my life"), id="events-title"),
        rx.el.ul(*items, class_name="event-list"),
        aria_labelledby="events-title",
    )


def _waits_for_query() -> dict[str, Any]:
    """The count and the list are prerendered for every procedure: opened with ?q= or ?event=, they stay hidden
    until the search has run (the hydrated state), instead of showing all procedures for a moment."""
    return {"data-query-dependent": "", "data-hydrated": rx.State.is_hydrated}


@page("procedures", title=lambda t: t._("Find a procedure"), on_load=[ProcedureSearchState.load])
def search_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "procedures",
        rx.el.h1(t._("Find a procedure")),
        rx.el.p(t._("Search in your own language, or choose what is happening in your life."), class_name="lead"),
        rx.el.form(
            text_input(t, label=t._("What do you want to do?"), name="q", id="procedure-query", type="search",
                       hint=t._("For example: child, moving, pension, bank account"), value=S.query,
                       autocomplete="off", max_length=MAX_QUERY),
            button(t._("Search"), id="procedure-search-button"),
            role="search",
            action=f"/{t.code}/procedures",
            method="get",
            on_submit=ProcedureSearchState.submit,
            class_name="search-form",
            # Remount when the URL's words change, so the field shows them (it is not bound to each keystroke).
            key=S.query,
        ),
        _events(t),
        rx.el.h2(t._("Procedures"), id="results-title"),
        # Always rendered, only its text changes: screen readers hear the count after each search.
        rx.el.p(_count(t), role="status", id="result-count", **_waits_for_query()),
        rx.el.ul(
            *[rx.cond(S.results.contains(info.id), _result(t, info)) for info in CATALOG],
            class_name="result-list",
            aria_labelledby="results-title",
            **_waits_for_query(),
        ),
        rx.cond(
            S.count == 0,
            inset_text(t._("Try other words, or choose one of the life events above. You can also call the help desk.")),
        ),
    )


def _detail(info: ProcedureInfo) -> None:
    slug = f"procedures/{info.slug}"

    @page(slug, title=lambda t: info.title(t))
    def detail(t: T) -> rx.Component:
        return page_shell(
            t,
            slug,
            internal_link(t._("All procedures"), href=f"/{t.code}/procedures", class_name="back-link"),
            rx.el.h1(info.title(t)),
            rx.el.p(rx.el.span(info.title_ja, lang="ja"), " ", scope_label(t, info), class_name="result__meta"),
            rx.el.p(info.summary(t), class_name="lead"),
            rx.el.h2(t._("Who can apply")),
            rx.el.ul(*[rx.el.li(line) for line in info.who(t)], class_name="list list--bullet"),
            rx.el.h2(t._("What you need")),
            rx.el.ul(*[rx.el.li(line) for line in info.need(t)], class_name="list list--bullet"),
            rx.el.h2(t._("How long it takes")),
            rx.el.p(info.how_long(t)),
            rx.el.p(t.n_("Filling in the form takes about {count} minute.",
                         "Filling in the form takes about {count} minutes.", info.minutes)),
            rx.el.h2(t._("Where to ask")),
            rx.el.p(info.where(t)),
            rx.el.p(t._("You need to sign in with your My Number Card. Your answers are saved as you go, so you can stop and come back.")),
            button(t._("Start now"), variant="start", href=f"/{t.code}/apply/{info.slug}", id="start-button"),
        )  # fmt: skip

    detail.__name__ = f"procedure_{info.id}"


for _info in CATALOG:
    _detail(_info)
