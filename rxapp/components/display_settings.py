"""Display settings form: text size, simplified mode, contrast, furigana, motion — applied as they change.

Accessibility criteria:
- a real <form> of radio groups, each a <fieldset> with a <legend>: keyboard (arrow keys) and screen readers
  work as with any form; the label is part of each target (≥ 24 px, 44 px simplified);
- a choice applies the moment it changes, on the client (rxapp/prefs_script.PREFS_FORM_SCRIPT): no reload,
  no websocket round trip; it is saved in the `minna_prefs` cookie for this device;
- without JavaScript the form still works: it is sent to /_prefs (rxapp/prefs_server.py), which saves the cookie
  and returns to the page, and the server writes the attributes into the HTML;
- the "Save" button confirms in a polite status message; nothing moves on the page when a setting applies,
  except the reflow the user asked for.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components.read_aloud import read_aloud
from rxapp.i18n import T
from rxapp.prefs_script import PREF_VALUES


def _choices(t: T) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """Each preference: its legend and its (value, label) options in PREF_VALUES order."""
    choices = {
        "size": (
            t._("Text size"),
            [("100", t._("Standard (100%)")), ("125", t._("Large (125%)")), ("150", t._("Larger (150%)")),
             ("200", t._("Largest (200%)"))],
        ),
        "mode": (
            t._("Layout"),
            [("standard", t._("Standard")), ("simple", t._("Simplified: bigger buttons, fewer things on each screen, plainer words"))],
        ),
        "contrast": (t._("Contrast"), [("standard", t._("Standard")), ("high", t._("High contrast"))]),
        "furigana": (t._("Furigana (readings over kanji)"), [("off", t._("Off")), ("on", t._("On"))]),
        "motion": (t._("Animations"), [("standard", t._("Standard")), ("reduce", t._("Reduce animations"))]),
    }
    for key, (_, options) in choices.items():
        assert [value for value, _ in options] == list(PREF_VALUES[key]), key
    return choices


def pref_input_id(prefix: str, key: str, value: str) -> str:
    """`settings-size-200`: the server marks the saved choice `checked` by this id when scripts are off."""
    return f"{prefix}-{key}-{value}"


def _group(prefix: str, key: str, legend: str, options: list[tuple[str, str]], *, inline: bool) -> rx.Component:
    items = [
        rx.el.div(
            rx.el.input(
                type="radio",
                name=key,
                value=value,
                id=pref_input_id(prefix, key, value),
                default_checked=index == 0,
                class_name="radios__input",
            ),
            rx.el.label(label, html_for=pref_input_id(prefix, key, value), class_name="label radios__label"),
            class_name="radios__item",
        )
        for index, (value, label) in enumerate(options)
    ]
    return rx.el.fieldset(
        rx.el.legend(legend, class_name="fieldset__legend"),
        rx.el.div(*items, class_name="radios radios--inline" if inline else "radios"),
        class_name="fieldset prefs-form__group",
        id=f"{prefix}-{key}",
    )


def display_settings_form(t: T, slug: str, *, prefix: str = "settings", quick: bool = False) -> rx.Component:
    """The form. `slug` is the page it sits on (the no-script submit returns there). `quick` is the header's."""
    choices = _choices(t)
    keys = ["size", "mode", "contrast"] if quick else list(choices)
    if t.locale.html_lang != "ja" and "furigana" in keys:
        keys.remove("furigana")  # readings exist only over Japanese text
    back = f"/{t.code}/{slug}".rstrip("/") + ("/" if not slug else "")
    return rx.el.form(
        *[_group(prefix, key, choices[key][0], choices[key][1], inline=quick or key == "size") for key in keys],
        rx.el.input(type="hidden", name="next", value=back),
        rx.el.div(
            rx.el.button(rx.el.span(t._("Save settings")), type="submit", class_name="button button--secondary"),
            rx.el.p(
                class_name="prefs-form__status",
                role="status",
                custom_attrs={"data-prefs-status": t._("Your settings are saved on this device.")},
            ),
            class_name="prefs-form__actions",
        ),
        action="/_prefs",
        method="get",
        id=f"{prefix}-form",
        class_name="prefs-form prefs-form--quick" if quick else "prefs-form",
        custom_attrs={"data-prefs-form": "true"},
    )


def quick_display_control(t: T, slug: str) -> rx.Component:
    """The header's entry: a disclosure with text size, layout, contrast and read aloud, on every page."""
    return rx.el.details(
        rx.el.summary(t._("Display and read aloud"), class_name="quick-display__summary", id="quick-display-summary"),
        rx.el.div(
            display_settings_form(t, slug, prefix="quick", quick=True),
            read_aloud(t, id="read-aloud"),
            class_name="quick-display__panel",
        ),
        id="quick-display",
        class_name="quick-display",
    )
