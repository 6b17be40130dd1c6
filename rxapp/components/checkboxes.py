"""Checkboxes: choose any number of options (or confirm one statement).

Accessibility criteria:
- native <input type="checkbox"> in a <fieldset> with a <legend>; each with a <label for>;
- Space toggles; the label is part of the target; the box is ≥ 24 px (44 px simplified);
- option hints tied with aria-describedby; group hint and error tied to the fieldset;
- the error links (from the error summary) reach the first checkbox.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import reflex as rx

from rxapp.components import _field as f
from rxapp.components._examples import Example, rtl
from rxapp.components.radios import Option, _choice_item
from rxapp.i18n import T


def checkboxes(
    t: T,
    *,
    legend: str,
    name: str,
    options: Sequence[Option],
    id: str | None = None,
    hint: str | None = None,
    error: f.Text | None = None,
    values: object | None = None,
    on_change: f.Handler | None = None,
    legend_is_heading: bool = False,
    on_change_for: Callable[[str], f.Handler] | None = None,
) -> rx.Component:
    """A checkbox group. `values` is a list of chosen values (or a Var of one); `on_change` gets the toggled value.

    `on_change_for(option_value)` gives each box its own handler instead, e.g.
    `lambda value: (lambda checked: State.set_pair(value, checked))`, when the handler must know which box.
    """
    field_id = id or name
    items = []
    for index, option in enumerate(options):
        handler = on_change_for(option.value) if on_change_for is not None else on_change
        if values is None:
            checked: object = None
        elif f.is_var(values):
            checked = values.contains(option.value)  # type: ignore[attr-defined]
        else:
            checked = option.value in values  # type: ignore[operator]
        items.append(_choice_item("checkboxes", name, field_id, index, option, checked, handler))
    return rx.el.div(
        rx.el.fieldset(
            *f.compact(
                f.legend(t, legend, is_heading=legend_is_heading),
                f.hint(field_id, hint),
                f.error_message(t, field_id, error),
                rx.el.div(*items, class_name="checkboxes"),
            ),
            aria_describedby=f.described_by(field_id, hint, error),
            class_name="fieldset",
        ),
        class_name=f.group_class(error),
    )


def _options(t: T) -> list[Option]:
    return [
        Option("tax", t._("Tax")),
        Option("pension", t._("Pension")),
        Option("health", t._("Health insurance"), hint=t._("Including medicines and check-ups")),
    ]


def _default(t: T, key: str = "default") -> rx.Component:
    return checkboxes(
        t,
        legend=t._("Which information may the city office see?"),
        name=f"share-{key}",
        id=f"ex-checkboxes-{key}",
        hint=t._("Select all that apply"),
        options=_options(t),
        values=["tax"],
    )


def _long(t: T) -> rx.Component:
    return checkboxes(
        t,
        legend=t._("Declaration"),
        name="declaration",
        id="ex-checkboxes-long",
        options=[Option("agree", t._("I confirm that the information I have given is true and complete to the best of my knowledge, and I understand that I may have to pay back money if it is not"))],
    )


def _error(t: T) -> rx.Component:
    return checkboxes(
        t,
        legend=t._("Which information may the city office see?"),
        name="share-error",
        id="ex-checkboxes-error",
        error=t._("Select at least one type of information"),
        options=_options(t),
    )


EXAMPLES: dict[str, Example] = {
    "default": _default,
    "long-text": _long,
    "error": _error,
    "rtl": rtl(lambda t: _default(t, "rtl")),
}
