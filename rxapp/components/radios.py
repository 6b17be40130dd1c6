"""Radios: choose one option.

Accessibility criteria:
- native <input type="radio"> in a <fieldset> with a <legend> (the h1 on a one-question page);
- one name per group, so arrow keys move between options and Tab enters the group once;
- every option has a <label for>; the label is part of the target, and the control is ≥ 24 px (44 px simplified);
- option hints are tied to their input with aria-describedby; group hint and error to the fieldset;
- the error message is next to the options and the fieldset is described by it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import reflex as rx

from rxapp.components import _field as f
from rxapp.components._examples import Example, rtl
from rxapp.i18n import T


@dataclass(frozen=True)
class Option:
    """One choice: its submitted value, its translated label and an optional hint."""

    value: str
    label: str
    hint: str | None = None


def _choice_item(
    kind: str,
    name: str,
    field_id: str,
    index: int,
    option: Option,
    checked: object,
    on_change: f.Handler | None,
) -> rx.Component:
    item_id = field_id if index == 0 else f"{field_id}-{index + 1}"  # the first option is what #id links reach
    item_hint_id = f"{field_id}-{index + 1}-item-hint"
    props: dict[str, object] = {}
    if checked is not None:
        if f.is_var(checked):
            props["checked"] = checked
        else:
            props["default_checked"] = bool(checked)
    if on_change is not None:
        props["on_change"] = on_change
    return rx.el.div(
        *f.compact(
            rx.el.input(
                id=item_id,
                name=name,
                type="radio" if kind == "radios" else "checkbox",
                value=option.value,
                aria_describedby=item_hint_id if option.hint else None,
                class_name=f"{kind}__input",
                **props,
            ),
            rx.el.label(option.label, html_for=item_id, class_name=f"label {kind}__label"),
            rx.el.div(option.hint, id=item_hint_id, class_name=f"hint {kind}__hint") if option.hint else None,
        ),
        class_name=f"{kind}__item",
    )


def radios(
    t: T,
    *,
    legend: str,
    name: str,
    options: Sequence[Option],
    id: str | None = None,
    hint: str | None = None,
    error: f.Text | None = None,
    value: f.Text | None = None,
    on_change: f.Handler | None = None,
    legend_is_heading: bool = False,
    inline: bool = False,
) -> rx.Component:
    """A radio group. `value` (str or Var) is the chosen option; `on_change` receives the option's value."""
    field_id = id or name
    items = [
        _choice_item(
            "radios",
            name,
            field_id,
            index,
            option,
            None if value is None else (value == option.value),
            on_change,
        )
        for index, option in enumerate(options)
    ]
    return rx.el.div(
        rx.el.fieldset(
            *f.compact(
                f.legend(t, legend, is_heading=legend_is_heading),
                f.hint(field_id, hint),
                f.error_message(t, field_id, error),
                rx.el.div(*items, class_name="radios radios--inline" if inline else "radios"),
            ),
            aria_describedby=f.described_by(field_id, hint, error),
            class_name="fieldset",
        ),
        class_name=f.group_class(error),
    )


def _options(t: T) -> list[Option]:
    return [
        Option("mail", t._("By post")),
        Option("email", t._("By email"), hint=t._("We will send a link; the letter stays in the portal")),
        Option("portal", t._("Only in the portal")),
    ]


def _default(t: T, key: str = "default") -> rx.Component:
    return radios(t, legend=t._("How should we contact you?"), name=f"contact-{key}", id=f"ex-radios-{key}",
                  options=_options(t), value="email")


def _long(t: T) -> rx.Component:
    return radios(
        t,
        legend=t._("Has anyone in your household received child allowance from another city, town or village in the last 12 months, including before moving to Japan?"),
        name="previous-allowance",
        id="ex-radios-long",
        hint=t._("Choose one. If you are not sure, choose “I do not know” and the city office will check."),
        options=[
            Option("yes", t._("Yes")),
            Option("no", t._("No")),
            Option("unknown", t._("I do not know")),
        ],
    )


def _error(t: T) -> rx.Component:
    return radios(
        t,
        legend=t._("Do you have a My Number Card?"),
        name="has-card",
        id="ex-radios-error",
        error=t._("Select yes if you have a My Number Card"),
        options=[Option("yes", t._("Yes")), Option("no", t._("No"))],
        inline=True,
    )


EXAMPLES: dict[str, Example] = {
    "default": _default,
    "long-text": _long,
    "error": _error,
    "rtl": rtl(lambda t: _default(t, "rtl")),
}
