"""The component gallery: every example of every component, in every locale (for designers and testers).

Each example sits in a <section> with an h3 and the id `example-<component>-<example>`
(rxapp.components.catalog.example_id), so the accessibility suite can audit them one by one.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components.catalog import ALL_EXAMPLES, components, example_id
from rxapp.components.layout import page_shell
from rxapp.i18n import T
from rxapp.pages.registry import page


def _component_titles(t: T) -> dict[str, str]:
    return {
        "button": t._("Button"),
        "text-input": t._("Text input and textarea"),
        "radios": t._("Radios"),
        "checkboxes": t._("Checkboxes"),
        "select": t._("Select"),
        "date-input": t._("Date input"),
        "fieldset": t._("Fieldset"),
        "error-summary": t._("Error summary"),
        "summary-list": t._("Summary list"),
        "notification-banner": t._("Notification banner"),
        "warning-text": t._("Warning text"),
        "inset-text": t._("Inset text"),
        "confirmation-panel": t._("Confirmation panel"),
        "back-link": t._("Back link"),
        "step-indicator": t._("Step indicator"),
        "status-tag": t._("Status tag"),
        "details": t._("Details"),
        "table": t._("Table"),
        "task-list": t._("Task list"),
        "pagination": t._("Pagination"),
        "timeout-warning": t._("Timeout warning"),
        "ruby-text": t._("Ruby text (furigana)"),
        "read-aloud": t._("Read aloud"),
        "simple-or": t._("Plainer words in simplified mode"),
    }


def _example_titles(t: T) -> dict[str, str]:
    return {
        "default": t._("Normal"),
        "long-text": t._("Long text"),
        "error": t._("Error"),
        "rtl": t._("Right to left"),
        "start": t._("Start button"),
        "question": t._("One question per page"),
        "textarea": t._("Textarea with character count"),
        "textarea-error": t._("Textarea with an error"),
        "success": t._("Success"),
        "open": t._("Open"),
        "first-page": t._("First page"),
    }


def _section(t: T, component: str) -> rx.Component:
    titles = _example_titles(t)
    examples = [
        rx.el.section(
            rx.el.h3(titles.get(example, example), id=f"{example_id(component, example)}-title",
                     class_name="gallery__example-title"),
            rx.el.div(build(t), class_name="gallery__example-body"),
            id=example_id(component, example),
            aria_labelledby=f"{example_id(component, example)}-title",
            class_name="gallery__example",
            custom_attrs={"data-component": component, "data-example": example},
        )
        for name, example, build in ALL_EXAMPLES
        if name == component
    ]
    return rx.el.section(
        rx.el.h2(_component_titles(t).get(component, component), id=f"component-{component}"),
        *examples,
        class_name="gallery__component",
        aria_labelledby=f"component-{component}",
    )


@page("components", title=lambda t: t._("Components"))
def gallery(t: T) -> rx.Component:
    names = components()
    titles = _component_titles(t)
    return page_shell(
        t,
        "components",
        rx.el.h1(t._("Components")),
        rx.el.p(t._("Every component of the portal with its examples: normal, long text, error and right to left.")),
        rx.el.nav(
            rx.el.ul(*[rx.el.li(rx.el.a(titles.get(name, name), href=f"#component-{name}")) for name in names],
                     class_name="gallery__index"),
            aria_label=t._("Components"),
        ),
        *[_section(t, name) for name in names],
    )
