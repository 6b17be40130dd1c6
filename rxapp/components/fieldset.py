"""Fieldset: groups related fields under a legend (a date, an address, a set of radios).

Accessibility criteria:
- <fieldset> with <legend> as its first child, so screen readers announce the question with each field;
- for a one-question page the legend holds the h1 (GOV.UK), never both a legend and a separate h1;
- a hint under the legend is tied to the group with aria-describedby.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components import _field as f
from rxapp.components._examples import Example, rtl
from rxapp.components.text_input import text_input
from rxapp.i18n import T


def fieldset(
    t: T,
    legend: str,
    *children: rx.Component,
    id: str | None = None,
    hint: str | None = None,
    legend_is_heading: bool = False,
    optional: bool = False,
) -> rx.Component:
    """A group of fields with a legend (and an optional hint)."""
    group_id = id or "fieldset"
    return rx.el.fieldset(
        *f.compact(
            f.legend(t, legend, optional=optional, is_heading=legend_is_heading),
            f.hint(group_id, hint),
            *children,
        ),
        id=id,
        aria_describedby=f.hint_id(group_id) if hint else None,
        class_name="fieldset",
    )


def _address(t: T, key: str) -> rx.Component:
    return fieldset(
        t,
        t._("What is your address?"),
        text_input(t, label=t._("Postcode"), name="postcode", id=f"ex-fieldset-{key}-postcode", width="10",
                   autocomplete="postal-code"),
        text_input(t, label=t._("Prefecture"), name="prefecture", id=f"ex-fieldset-{key}-prefecture", width="20",
                   autocomplete="address-level1"),
        text_input(t, label=t._("City, ward, town or village"), name="city", id=f"ex-fieldset-{key}-city",
                   autocomplete="address-level2"),
        text_input(t, label=t._("Street and building"), name="street", id=f"ex-fieldset-{key}-street",
                   autocomplete="street-address"),
        id=f"ex-fieldset-{key}",
        hint=t._("The address on your residence record"),
    )


def _long(t: T) -> rx.Component:
    return fieldset(
        t,
        t._("Which address should we send letters about this application to, if it is different from the address on your residence record?"),
        text_input(t, label=t._("Postcode"), name="postcode", id="ex-fieldset-long-postcode", width="10"),
        id="ex-fieldset-long",
        optional=True,
    )


EXAMPLES: dict[str, Example] = {
    "default": lambda t: _address(t, "default"),
    "long-text": _long,
    "rtl": rtl(lambda t: _address(t, "rtl")),
}
