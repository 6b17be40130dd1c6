"""Text input and textarea (with a character count).

Accessibility criteria:
- a visible <label for> is the accessible name; as the page's h1 when the page asks one question;
- hint and error message are tied by aria-describedby; aria-invalid="true" while the error shows;
  the error sits next to the field, prefixed "Error:" for screen readers, and the field gets a thick border;
- "(optional)" in words, never an asterisk; autocomplete tokens for personal data (WCAG 1.3.5);
- the width hint never stops reflow: inputs shrink to the screen at 320 px and 200 % text;
- the character count announces the remaining characters politely after typing pauses, not every keystroke,
  and never blocks typing past the limit (the error explains instead, GOV.UK pattern); the browser stops
  only at twice the limit, so a pasted novel never reaches the server (`_field.hard_limit`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Literal

import reflex as rx
from babel import Locale as BabelLocale

from rxapp.components import _field as f
from rxapp.components._examples import Example, rtl
from rxapp.i18n import T

Width = Literal["full", "20", "10", "5", "4", "2"]


def text_input(
    t: T,
    *,
    label: str,
    name: str,
    id: str | None = None,
    hint: str | None = None,
    error: f.Text | None = None,
    value: f.Text | None = None,
    on_change: f.Handler | None = None,
    on_blur: f.Handler | None = None,
    optional: bool = False,
    label_is_heading: bool = False,
    type: Literal["text", "email", "tel", "number", "password", "search", "url"] = "text",
    autocomplete: str | None = None,
    input_mode: str | None = None,
    spellcheck: bool | None = None,
    width: Width = "full",
    dir: Literal["ltr", "rtl", "auto"] | None = None,
    max_length: int | None = None,
) -> rx.Component:
    """One text field with its label, hint and error; `max_length` is the answer's limit (see f.hard_limit)."""
    field_id = id or name
    props = f.bind_value(value, on_change)
    if on_blur is not None:
        props["on_blur"] = on_blur
    control = rx.el.input(
        id=field_id,
        name=name,
        type=type,
        auto_complete=autocomplete,
        input_mode=input_mode,
        spell_check=spellcheck,
        dir=dir,
        max_length=f.hard_limit(max_length),
        aria_describedby=f.described_by(field_id, hint, error),
        aria_invalid=f.invalid(error),
        class_name=f.when_error(error, f"input input--width-{width} input--error", f"input input--width-{width}"),
        **props,
    )
    return f.labelled_group(t, label_text=label, field_id=field_id, hint_text=hint, error=error, control=control,
                            optional=optional, label_is_heading=label_is_heading)


def plural_templates(t: T, render: Callable[[int], str]) -> dict[str, str]:
    """One template per CLDR plural category of the locale, for client-side text (Intl.PluralRules).

    gettext's plural index and CLDR's category agree for the languages we ship (ja 1, en 2, ar 6 forms);
    each category is sampled once and its number put back as {count}. `render(n)` calls `t.n_` with literal
    msgids, so the extractor finds them.
    """
    cldr = BabelLocale.parse(t.locale.cldr)
    templates: dict[str, str] = {}
    for n in range(0, 200):
        category = cldr.plural_form(n)
        if category in templates:
            continue
        templates[category] = render(n).replace(str(n), "{count}")
    return templates


def textarea(
    t: T,
    *,
    label: str,
    name: str,
    id: str | None = None,
    hint: str | None = None,
    error: f.Text | None = None,
    value: f.Text | None = None,
    on_change: f.Handler | None = None,
    on_blur: f.Handler | None = None,
    optional: bool = False,
    label_is_heading: bool = False,
    rows: int = 5,
    max_length: int | None = None,
    autocomplete: str | None = None,
) -> rx.Component:
    """A multi-line field; with `max_length`, a character count that keeps the user informed."""
    field_id = id or name
    props = f.bind_value(value, on_change)
    if on_blur is not None:
        props["on_blur"] = on_blur
    extra: list[str] = []
    count: list[rx.Component] = []
    custom: dict[str, str] = {}
    if max_length:
        count_id = f"{field_id}-info"
        extra.append(count_id)
        remaining = plural_templates(
            t, lambda n: t.n_("You have {count} character remaining", "You have {count} characters remaining", n)
        )
        too_many = plural_templates(
            t, lambda n: t.n_("You have {count} character too many", "You have {count} characters too many", n)
        )
        custom = {
            "data-maxlength": str(max_length),
            "data-count-remaining": json.dumps(remaining, ensure_ascii=False),
            "data-count-over": json.dumps(too_many, ensure_ascii=False),
        }
        # Before the script runs (or without it) the static limit is the information.
        count = [
            # The limit, tied to the field; the script hides it visually once it shows the live count.
            rx.el.div(
                t.n_("You can enter up to {count} character", "You can enter up to {count} characters", max_length),
                id=count_id,
                class_name="hint character-count__info",
            ),
            # The visible live count, filled by the script; aria-hidden because the status below speaks it.
            rx.el.div(class_name="hint character-count__message", aria_hidden="true"),
            # Always rendered, only its text changes: screen readers hear the count after a pause.
            rx.el.div(class_name="visually-hidden character-count__status", aria_live="polite"),
        ]
    control = rx.el.textarea(
        id=field_id,
        name=name,
        rows=rows,
        max_length=f.hard_limit(max_length),
        auto_complete=autocomplete,
        aria_describedby=f.described_by(field_id, hint, error, *extra),
        aria_invalid=f.invalid(error),
        class_name=f.when_error(error, "textarea input--error", "textarea"),
        custom_attrs=custom,
        **props,
    )
    return f.labelled_group(t, label_text=label, field_id=field_id, hint_text=hint, error=error, control=control,
                            after=tuple(count), optional=optional, label_is_heading=label_is_heading,
                            extra_class="character-count" if max_length else "")


def _default(t: T, key: str = "default") -> rx.Component:
    return rx.el.div(
        text_input(
            t,
            label=t._("Full name"),
            name="full-name",
            id=f"ex-text-input-{key}-name",
            hint=t._("As shown on your residence card"),
            autocomplete="name",
        ),
        text_input(
            t,
            label=t._("Phone number"),
            name="phone",
            id=f"ex-text-input-{key}-phone",
            type="tel",
            autocomplete="tel",
            optional=True,
            width="20",
        ),
    )


def _long(t: T) -> rx.Component:
    return text_input(
        t,
        label=t._("Name of the person who will receive the allowance, if it is not you, exactly as written on their bank account"),
        name="payee",
        id="ex-text-input-long-payee",
        hint=t._("Write the name in katakana if the bank uses katakana. You can find it on the first page of the bank book or on the card."),
    )


def _error(t: T) -> rx.Component:
    return text_input(
        t,
        label=t._("Postcode"),
        name="postcode",
        id="ex-text-input-error-postcode",
        hint=t._("For example, 100-0001"),
        error=t._("Enter a postcode with 7 numbers, like 100-0001"),
        value="100-00",
        autocomplete="postal-code",
        width="10",
    )


def _heading(t: T) -> rx.Component:
    return text_input(
        t,
        label=t._("What is your full name?"),
        name="question-name",
        id="ex-text-input-heading-name",
        label_is_heading=True,
        autocomplete="name",
    )


def _textarea(t: T, key: str = "textarea") -> rx.Component:
    return textarea(
        t,
        label=t._("Tell us why you are applying"),
        name="reason",
        id=f"ex-text-input-{key}-reason",
        hint=t._("Do not include personal or financial information"),
        max_length=200,
    )


def _textarea_error(t: T) -> rx.Component:
    return textarea(
        t,
        label=t._("Tell us why you are applying"),
        name="reason-error",
        id="ex-text-input-textarea-error-reason",
        error=t._("Tell us why you are applying"),
        max_length=50,
    )


EXAMPLES: dict[str, Example] = {
    "default": _default,
    "long-text": _long,
    "error": _error,
    "question": _heading,
    "textarea": _textarea,
    "textarea-error": _textarea_error,
    "rtl": rtl(lambda t: rx.el.div(_default(t, "rtl"), _textarea(t, "rtl-textarea"))),
}
