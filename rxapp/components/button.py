"""Button: the one way to act (submit, continue, start, delete).

Accessibility criteria:
- a real <button> (or a real <a> for the start button that navigates): Enter and Space work, no div;
- the visible text is the accessible name; verbs say what happens ("Continue", "Save and continue");
- at least 24 × 24 px (44 × 44 in simplified mode); focus ring ≥ 3 px on every background;
- a disabled look is avoided: a button that cannot work yet explains why instead (aria-disabled kept focusable);
- a `prevent_double_click` button ignores a second press for 1 s (elderly users double-click).
"""

from __future__ import annotations

from typing import Literal

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.components._field import Handler
from rxapp.components.link import internal_link
from rxapp.i18n import T

Variant = Literal["primary", "secondary", "warning", "start"]


def button(
    text: str,
    *,
    on_click: Handler | None = None,
    variant: Variant = "primary",
    type: Literal["submit", "button", "reset"] = "submit",
    id: str | None = None,
    href: str | None = None,
    prevent_double_click: bool = False,
    aria_disabled: bool = False,
    name: str | None = None,
    value: str | None = None,
) -> rx.Component:
    """A button; with `href` a link that looks like one (GOV.UK start button pattern)."""
    class_name = f"button button--{variant}"
    if href is not None:
        arrow = [rx.el.span(class_name="button__arrow", aria_hidden="true")] if variant == "start" else []
        return internal_link(
            rx.el.span(text),
            *arrow,
            href=href,
            id=id,
            class_name=class_name,
            role="button",
            draggable=False,
        )
    props: dict[str, object] = {}
    if on_click is not None:
        props["on_click"] = on_click
    custom: dict[str, str] = {}
    if prevent_double_click:
        custom["data-prevent-double-click"] = "true"
    return rx.el.button(
        rx.el.span(text),  # one flex item: text (and any <ruby>) wraps inside it
        type=type,
        id=id,
        name=name,
        value=value,
        class_name=class_name,
        aria_disabled="true" if aria_disabled else None,
        custom_attrs=custom,
        **props,
    )


def button_group(*children: rx.Component) -> rx.Component:
    """Buttons and links side by side, wrapping (and stacking at 320 px) without overlap."""
    return rx.el.div(*children, class_name="button-group")


def _default(t: T, key: str = "default") -> rx.Component:
    return button_group(
        button(t._("Continue"), type="button", id=f"ex-button-{key}-continue"),
        button(t._("Save and come back later"), variant="secondary", type="button"),
    )


def _long(t: T) -> rx.Component:
    return button_group(
        button(
            t._("Send the application for child allowance to the city office and finish"),
            type="button",
            prevent_double_click=True,
        ),
        button(t._("Delete this draft application"), variant="warning", type="button"),
    )


def _start(t: T) -> rx.Component:
    return button(t._("Start now"), variant="start", href=f"/{t.code}/help")


EXAMPLES: dict[str, Example] = {
    "default": _default,
    "long-text": _long,
    "start": _start,
    "rtl": rtl(lambda t: _default(t, "rtl")),
}
