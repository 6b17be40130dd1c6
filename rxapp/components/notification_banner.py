"""Notification banner: tells the user about something important that is not about the page's main task.

Accessibility criteria:
- an important banner is a labelled region (role="region", aria-labelledby its title) read in place;
- a success banner (after an action) is role="alert" and takes focus, so the result is heard at once;
- the colour is never the only signal: the title says "Important" or "Success" in words;
- it sits at the top of main, under the error summary if any, before the h1.
"""

from __future__ import annotations

from typing import Literal

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T


def notification_banner(
    t: T,
    *content: rx.Component | str,
    kind: Literal["important", "success"] = "important",
    title: str | None = None,
    id: str = "notification-banner",
    autofocus: bool | None = None,
) -> rx.Component:
    """`title` defaults to the translated "Important" / "Success"; content is headings and paragraphs."""
    title_id = f"{id}-title"
    heading = title or (t._("Success") if kind == "success" else t._("Important"))
    focus = kind == "success" if autofocus is None else autofocus
    custom = {"data-autofocus": "true"} if focus else {}
    return rx.el.div(
        rx.el.div(rx.el.h2(heading, id=title_id, class_name="notification-banner__title"),
                  class_name="notification-banner__header"),
        rx.el.div(*content, class_name="notification-banner__content"),
        id=id,
        role="alert" if kind == "success" else "region",
        aria_labelledby=title_id,
        tab_index=-1 if kind == "success" else None,
        class_name=f"notification-banner notification-banner--{kind}",
        custom_attrs=custom,
    )


def _default(t: T, key: str = "default") -> rx.Component:
    return notification_banner(
        t,
        rx.el.p(t._("You have 2 new notices from the city office."), class_name="notification-banner__heading"),
        id=f"ex-notification-banner-{key}",
    )


def _long(t: T) -> rx.Component:
    return notification_banner(
        t,
        rx.el.p(
            t._("The portal will be unavailable on Sunday from 1:00 to 6:00 for maintenance. Applications you have saved as drafts will not be lost, but you will not be able to send them during this time."),
            class_name="notification-banner__heading",
        ),
        id="ex-notification-banner-long",
    )


def _success(t: T) -> rx.Component:
    return notification_banner(
        t,
        rx.el.p(t._("Your address has been updated."), class_name="notification-banner__heading"),
        kind="success",
        id="ex-notification-banner-success",
        autofocus=False,  # the gallery must not steal focus; pages keep the default
    )


EXAMPLES: dict[str, Example] = {
    "default": _default,
    "long-text": _long,
    "success": _success,
    "rtl": rtl(lambda t: _default(t, "rtl")),
}
