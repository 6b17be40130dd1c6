"""Select: choose one from a long list (prefecture, nationality) when radios would be too many.

Accessibility criteria:
- native <select> with a <label for>: keyboard, screen readers and phones handle it without scripts;
- hint and error tied with aria-describedby, aria-invalid while the error shows;
- an explicit first option asks the user to choose (no silent default);
- the control is ≥ 24 px tall (44 px simplified) and shrinks to the screen at 320 px.
"""

from __future__ import annotations

from collections.abc import Sequence

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components import _field as f
from rxapp.components._examples import Example, rtl
from rxapp.components.radios import Option
from rxapp.i18n import T


def select(
    t: T,
    *,
    label: str,
    name: str,
    options: Sequence[Option] | Var,
    id: str | None = None,
    hint: str | None = None,
    error: f.Text | None = None,
    value: f.Text | None = None,
    on_change: f.Handler | None = None,
    placeholder: str | None = None,
    optional: bool = False,
    label_is_heading: bool = False,
) -> rx.Component:
    """A native select. `placeholder` is the translated first, empty option ("Choose…").

    `options` may be a list Var of {"value", "label"} dicts from state (e.g. the agencies in one's records).
    """
    field_id = id or name
    items = [rx.el.option(placeholder, value="")] if placeholder else []
    if isinstance(options, Var):
        items.append(rx.foreach(options, lambda o: rx.el.option(o["label"], value=o["value"])))
    else:
        items += [rx.el.option(option.label, value=option.value) for option in options]
    control = rx.el.select(
        *items,
        id=field_id,
        name=name,
        aria_describedby=f.described_by(field_id, hint, error),
        aria_invalid=f.invalid(error),
        class_name=f.when_error(error, "select input--error", "select"),
        **f.bind_value(value, on_change),
    )
    return f.labelled_group(t, label_text=label, field_id=field_id, hint_text=hint, error=error, control=control,
                            optional=optional, label_is_heading=label_is_heading)


def _prefectures(t: T) -> list[Option]:
    return [
        Option("tokyo", t._("Tokyo")),
        Option("osaka", t._("Osaka")),
        Option("aichi", t._("Aichi")),
        Option("shizuoka", t._("Shizuoka")),
        Option("akita", t._("Akita")),
    ]


def _default(t: T, key: str = "default") -> rx.Component:
    return select(t, label=t._("Prefecture"), name=f"pref-{key}", id=f"ex-select-{key}",
                  options=_prefectures(t), placeholder=t._("Choose a prefecture"))


def _long(t: T) -> rx.Component:
    return select(
        t,
        label=t._("Which prefecture were you living in on 1 January of the year you need the tax certificate for?"),
        name="pref-long",
        id="ex-select-long",
        hint=t._("Tax certificates come from the place you lived on 1 January."),
        options=_prefectures(t),
        placeholder=t._("Choose a prefecture"),
    )


def _error(t: T) -> rx.Component:
    return select(t, label=t._("Prefecture"), name="pref-error", id="ex-select-error", options=_prefectures(t),
                  placeholder=t._("Choose a prefecture"), error=t._("Choose the prefecture you live in"))


EXAMPLES: dict[str, Example] = {
    "default": _default,
    "long-text": _long,
    "error": _error,
    "rtl": rtl(lambda t: _default(t, "rtl")),
}
