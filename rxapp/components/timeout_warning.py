"""Timeout warning: a modal that warns before a signed-in session ends, with one action to stay (HMRC pattern).

Accessibility criteria (WCAG 2.2.1, 2.1.2, 2.4.3, 4.1.3):
- opens at least two minutes before the end; one action extends ("Stay signed in", focused, so Enter extends);
  Escape extends too; extending is unlimited;
- a native <dialog> opened with showModal(): the page behind is inert; Tab and Shift+Tab stay inside;
  focus returns to where it was when the dialog closes;
- labelled by its heading, described by its text; the countdown is in words and updated sparingly
  (each minute, then every 20 seconds) in a polite live region — never every second;
- when time runs out, the user is sent to the sign-out page, which says what happened.
"""

from __future__ import annotations

import json

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components._examples import Example, rtl
from rxapp.components._field import Handler
from rxapp.i18n import T


def countdown_texts(t: T, seconds: int) -> dict[int, str]:
    """The countdown in words at each moment it changes: whole minutes, then 40 and 20 seconds."""
    texts: dict[int, str] = {}
    for left in range(seconds, 0, -1):
        if left >= 60 and left % 60 == 0:
            texts[left] = t.n_("{count} minute", "{count} minutes", left // 60)
        elif left < 60 and left % 20 == 0:
            texts[left] = t.n_("{count} second", "{count} seconds", left)
    return texts


def timeout_warning(
    t: T,
    *,
    sign_out_href: str,
    id: str = "timeout-warning",
    session_seconds: int = 1800,
    warn_seconds: int = 120,
    on_extend: Handler | None = None,
    auto_start: bool = True,
    expires_at_ms: Var | int | None = None,
    warn_seconds_simple: int | None = None,
) -> rx.Component:
    """The dialog. With `auto_start` it opens `warn_seconds` before `session_seconds` of inactivity end.

    `on_extend` (a Reflex event) tells the server the user is still there; the timer restarts on the client.
    `expires_at_ms` (epoch ms, usually a state Var) is the server's real expiry: the dialog then opens
    `warn_seconds` before it, and is re-armed whenever it changes (the dialog is keyed by it). In simplified
    mode (`<html data-mode="simple">`) it opens `warn_seconds_simple` before instead, and while the user is
    active (typed or clicked in the last few minutes) it extends by itself without interrupting.
    """
    warn_seconds = max(120, min(warn_seconds, session_seconds))
    longest = max(warn_seconds, warn_seconds_simple or 0)
    texts = countdown_texts(t, longest)
    first = texts.get(warn_seconds) or t.n_("{count} minute", "{count} minutes", warn_seconds // 60)
    title_id, text_id = f"{id}-title", f"{id}-text"
    extend_props: dict[str, object] = {"on_click": on_extend} if on_extend is not None else {}
    return rx.el.dialog(
        rx.el.h2(t._("You will be signed out soon"), id=title_id, class_name="timeout-dialog__title"),
        rx.el.div(
            rx.el.p(
                t._("For your security, we will sign you out in:"),
                " ",
                rx.el.strong(first, class_name="timeout-dialog__countdown", aria_live="polite", aria_atomic="true"),
            ),
            rx.el.p(t._("Your answers are saved. If you are signed out, you can sign in again and carry on.")),
            id=text_id,
        ),
        rx.el.div(
            rx.el.button(
                t._("Stay signed in"),
                type="button",
                class_name="button button--primary",
                custom_attrs={"data-timeout-extend": "true"},
                **extend_props,
            ),
            rx.el.a(t._("Sign out"), href=sign_out_href, class_name="timeout-dialog__sign-out"),
            class_name="button-group",
        ),
        id=id,
        aria_labelledby=title_id,
        aria_describedby=text_id,
        class_name="timeout-dialog",
        custom_attrs={
            "data-timeout-dialog": "true",
            "data-session-seconds": str(session_seconds),
            "data-warn-seconds": str(warn_seconds),
            "data-countdown-texts": json.dumps({str(k): v for k, v in texts.items()}, ensure_ascii=False),
            "data-sign-out-href": sign_out_href,
            "data-auto-start": "true" if auto_start else "false",
            **({"data-warn-seconds-simple": str(warn_seconds_simple)} if warn_seconds_simple else {}),
            **({"data-expires-at": expires_at_ms} if expires_at_ms is not None else {}),
        },
        **({"key": expires_at_ms} if isinstance(expires_at_ms, Var) else {}),
    )


def _example(t: T, key: str) -> rx.Component:
    dialog_id = f"ex-timeout-warning-{key}-dialog"
    return rx.el.div(
        rx.el.button(
            t._("Show the timeout warning"),
            type="button",
            id=f"ex-timeout-warning-{key}-open",
            class_name="button button--secondary",
            custom_attrs={"data-timeout-open": dialog_id},
        ),
        timeout_warning(t, sign_out_href=f"/{t.code}/help", id=dialog_id, auto_start=False),
    )


EXAMPLES: dict[str, Example] = {
    "default": lambda t: _example(t, "default"),
    "rtl": rtl(lambda t: _example(t, "rtl")),
}
