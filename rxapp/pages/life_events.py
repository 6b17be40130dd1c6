"""The life-event links ("A child is born", "Moving house" …) that lead to the procedures for each, shared by the
public home page and the resident's page: anyone can find what a procedure needs before signing in."""

from __future__ import annotations

import reflex as rx

from rxapp.components.link import internal_link
from rxapp.i18n import T
from rxapp.procedures.catalog import LIFE_EVENTS, event_label


def life_events(t: T) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t._("Something is happening in my life"), id="life-events-title"),
        rx.el.ul(
            *[rx.el.li(internal_link(event_label(t, e), href=f"/{t.code}/procedures?event={e}")) for e in LIFE_EVENTS],
            class_name="event-list",
        ),
        aria_labelledby="life-events-title",
    )
