"""Shared pieces of the form components: ids, hint and error wiring, labels, "(optional)".

Every field follows one pattern (GOV.UK Frontend): label (or legend) → hint → error message → control,
with the hint and the error tied to the control by aria-describedby, and aria-invalid while an error
shows. Errors may be plain strings (server-rendered) or Reflex Vars (bound to state); both render
the same markup, the Var case through rx.cond so nothing is rebuilt on the server.
"""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.i18n import T

# A translated string, or a Var holding one (pages bind errors and values to state).
Text = str | Var
Handler = Any  # an EventHandler / EventSpec / list of them, as accepted by Reflex event props

# The limit of a field that states none of its own (characters).
DEFAULT_MAX_LENGTH = 1000


def hard_limit(max_length: int | None) -> int:
    """A control's maxlength: twice the answer's limit. A little past the limit the field's own error explains
    (GOV.UK: text is never cut silently as one types); a paste of megabytes stops here, never reaching the
    websocket, and still gets that error."""
    return 2 * (max_length or DEFAULT_MAX_LENGTH)


def is_var(value: object) -> bool:
    return isinstance(value, Var)


def hint_id(field_id: str) -> str:
    return f"{field_id}-hint"


def error_id(field_id: str) -> str:
    return f"{field_id}-error"


def has_error(error: Text | None) -> bool | Var:
    """Static truth for strings, a Var for Vars (used inside rx.cond)."""
    if is_var(error):
        return error  # type: ignore[return-value]
    return bool(error)


def when_error(error: Text | None, then: Any, otherwise: Any = None) -> Any:
    """`then` while an error shows, else `otherwise`; resolved now for strings, in the browser for Vars."""
    if is_var(error):
        return rx.cond(error, then, otherwise)
    return then if error else otherwise


def described_by(field_id: str, hint: str | None, error: Text | None, *extra: str) -> Any:
    """aria-describedby for a control: hint, then error (only while it shows), then extras."""
    base = [hint_id(field_id)] if hint else []
    base += list(extra)
    with_error = [*base, error_id(field_id)]
    return when_error(error, " ".join(with_error), " ".join(base) or None)


def invalid(error: Text | None) -> Any:
    return when_error(error, "true", None)


def group_class(error: Text | None, extra: str = "") -> Any:
    base = f"form-group {extra}".strip()
    return when_error(error, f"{base} form-group--error", base)


def hint(field_id: str, text: str | None) -> rx.Component | None:
    if not text:
        return None
    return rx.el.div(text, id=hint_id(field_id), class_name="hint")


def error_message(t: T, field_id: str, error: Text | None) -> rx.Component | None:
    """The message next to the field. The hidden prefix tells screen-reader users it is an error."""
    if error is None or (not is_var(error) and not error):
        return None
    body = rx.el.p(
        rx.el.span(t._("Error:"), class_name="visually-hidden"),
        " ",
        error,
        id=error_id(field_id),
        class_name="error-message",
    )
    return when_error(error, body, None)


def optional_suffix(t: T, optional: bool) -> rx.Component | None:
    """GOV.UK: mark the optional fields, in words, never the required ones with asterisks."""
    if not optional:
        return None
    return rx.el.span(" ", t._("(optional)"), class_name="optional")


def label(t: T, text: str, for_id: str, *, optional: bool = False, is_heading: bool = False) -> rx.Component:
    """A <label>; as the page's h1 when the page asks one question (one thing per page)."""
    element = rx.el.label(
        text,
        optional_suffix(t, optional),
        html_for=for_id,
        class_name="label label--heading" if is_heading else "label",
    )
    if is_heading:
        return rx.el.h1(element, class_name="label-wrapper")
    return element


def legend(t: T, text: str, *, optional: bool = False, is_heading: bool = False) -> rx.Component:
    """A fieldset's <legend>; holds the page's h1 for a one-question page."""
    if is_heading:
        return rx.el.legend(
            rx.el.h1(text, optional_suffix(t, optional), class_name="fieldset__heading"),
            class_name="fieldset__legend fieldset__legend--heading",
        )
    return rx.el.legend(text, optional_suffix(t, optional), class_name="fieldset__legend")


def bind_value(value: Text | None, on_change: Handler | None) -> dict[str, Any]:
    """A Var value with a handler is a controlled input; a plain string is only the initial value."""
    props: dict[str, Any] = {}
    if value is not None:
        if is_var(value) and on_change is not None:
            props["value"] = value
        else:
            props["default_value"] = value
    if on_change is not None:
        props["on_change"] = on_change
    return props


def labelled_group(
    t: T,
    *,
    label_text: str,
    field_id: str,
    hint_text: str | None,
    error: Text | None,
    control: rx.Component,
    after: tuple[rx.Component, ...] = (),
    optional: bool = False,
    label_is_heading: bool = False,
    extra_class: str = "",
) -> rx.Component:
    """The GOV.UK form-group anatomy shared by text inputs, textareas and selects: label (the h1 on a
    one-question page), hint, error message, then the control — in that order, so a screen reader meets the
    error before the field and the error's red bar spans all of it."""
    return rx.el.div(
        *compact(
            label(t, label_text, field_id, optional=optional, is_heading=label_is_heading),
            hint(field_id, hint_text),
            error_message(t, field_id, error),
            control,
            *after,
        ),
        class_name=group_class(error, extra_class),
    )


def compact(*children: rx.Component | str | None) -> list[rx.Component | str]:
    """Children without the Nones that optional parts leave."""
    return [child for child in children if child is not None]
