"""Error summary: at the top of main, above the h1, when a form is sent with mistakes.

Accessibility criteria:
- heading "There is a problem" (translated); a list of the errors, each a link to its field (#id), the same
  words as the message next to the field; following a link moves keyboard focus to the field
  (prefs_script.FRAGMENT_FOCUS_SCRIPT), not only the scroll position;
- it takes focus when it appears (tabindex="-1" plus the components script), so screen readers read it at once;
  it is a labelled region, not role="alert" as well, which would read it twice;
- while it is on the page, the page title starts with the translated "Error:" (the script keeps
  document.title in step, also after client-side changes).
"""

from __future__ import annotations

from collections.abc import Sequence

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T

ErrorItem = tuple[str, str]  # (field id to link to, translated message)


def error_summary(
    t: T,
    errors: Sequence[ErrorItem] | Var,
    *,
    id: str = "error-summary",
    autofocus: bool = True,
    prefix_title: bool = True,
) -> rx.Component:
    """The box of errors. `errors` is a list of (field id, message), or a Var of such pairs (list of lists).

    With a Var the box shows only while the list is not empty; the components script focuses it and
    prefixes the title each time it appears. Gallery examples pass autofocus/prefix_title False.
    """
    heading_id = f"{id}-title"
    custom = {"data-error-summary": "true"}
    if autofocus:
        custom["data-autofocus"] = "true"
    if prefix_title:
        custom["data-title-prefix"] = t._("Error:")

    def item(pair: object) -> rx.Component:
        return rx.el.li(rx.el.a(pair[1], href="#" + pair[0]))  # type: ignore[index]

    if isinstance(errors, Var):
        items: rx.Component = rx.foreach(errors, item)
    else:
        if not errors:
            return rx.fragment()
        items = rx.fragment(*[rx.el.li(rx.el.a(message, href=f"#{target}")) for target, message in errors])
    box = rx.el.div(
        rx.el.h2(t._("There is a problem"), id=heading_id, class_name="error-summary__title"),
        rx.el.ul(items, class_name="error-summary__list"),
        id=id,
        tab_index=-1,
        role="region",
        aria_labelledby=heading_id,
        class_name="error-summary",
        custom_attrs=custom,
    )
    if isinstance(errors, Var):
        return rx.cond(errors.length() > 0, box, rx.fragment())  # type: ignore[attr-defined]
    return box


def _fields(t: T, key: str) -> rx.Component:
    # The fields the links point to, so the example can be walked by keyboard.
    from rxapp.components.text_input import text_input

    return rx.el.div(
        text_input(t, label=t._("Full name"), name="name", id=f"ex-error-summary-{key}-name",
                   error=t._("Enter your full name"), autocomplete="name"),
        text_input(t, label=t._("Postcode"), name="postcode", id=f"ex-error-summary-{key}-postcode",
                   error=t._("Enter a postcode with 7 numbers, like 100-0001"), width="10"),
    )


def _default(t: T, key: str = "default") -> rx.Component:
    return rx.el.div(
        error_summary(
            t,
            [
                (f"ex-error-summary-{key}-name", t._("Enter your full name")),
                (f"ex-error-summary-{key}-postcode", t._("Enter a postcode with 7 numbers, like 100-0001")),
            ],
            id=f"ex-error-summary-{key}-box",
            autofocus=False,
            prefix_title=False,
        ),
        _fields(t, key),
    )


def _long(t: T) -> rx.Component:
    return error_summary(
        t,
        [
            ("ex-date-input-error-month", t._("Date of birth must include a month")),
            ("ex-radios-error", t._("Select yes if you have a My Number Card")),
            ("ex-checkboxes-error", t._("Select at least one type of information")),
            ("ex-select-error", t._("Choose the prefecture you live in")),
        ],
        id="ex-error-summary-long-box",
        autofocus=False,
        prefix_title=False,
    )


EXAMPLES: dict[str, Example] = {
    "default": _default,
    "long-text": _long,
    "rtl": rtl(lambda t: _default(t, "rtl")),
}
