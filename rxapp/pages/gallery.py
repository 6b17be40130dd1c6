"""The component gallery: every example of every component, in every locale (for designers and testers).

The index page (/<locale>/components) leads to five group pages (/<locale>/components/<group>), each holding the
examples of a few components: one page with every example weighed 174 KB on first load, over the portal's
150 KB budget for every page; a page per component would add a hundred routes to the manifest every page loads.

Each example sits in a <section> with an h3 and the id `example-<component>-<example>`
(rxapp.components.catalog.example_id), so the accessibility suite can audit them one by one.
"""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from rxapp.components.back_link import back_link
from rxapp.components.catalog import ALL_EXAMPLES, components, example_id
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.i18n import T
from rxapp.pages.registry import page

# The groups in the order a page builder meets them: asking, telling, moving on, showing. Five pages keep each
# well under the budget (about 139–143 KB in Japanese); four, with every question field on one, reached 148 KB.
GALLERY_GROUPS: dict[str, tuple[str, ...]] = {
    "text-questions": ("text-input", "date-input", "fieldset"),
    "choice-questions": ("radios", "checkboxes", "select"),
    "messages": ("error-summary", "notification-banner", "warning-text", "inset-text", "confirmation-panel",
                 "timeout-warning"),
    "navigation": ("button", "back-link", "step-indicator", "task-list", "pagination", "status-tag"),
    "content": ("summary-list", "details", "table", "ruby-text", "read-aloud", "simple-or"),
}


def gallery_group(component: str) -> str:
    """The group page that shows `component`'s examples."""
    return next(group for group, names in GALLERY_GROUPS.items() if component in names)


def gallery_slug(component: str) -> str:
    """The page path (without the locale) of `component`'s examples: `components/<group>`."""
    return f"components/{gallery_group(component)}"


def _group_titles(t: T) -> dict[str, str]:
    return {
        "text-questions": t._("Text and date questions"),
        "choice-questions": t._("Choice questions"),
        "messages": t._("Messages and errors"),
        "navigation": t._("Buttons, navigation and progress"),
        "content": t._("Content, data and reading help"),
    }


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


def _present(group: str) -> list[str]:
    available = components()
    return [name for name in GALLERY_GROUPS[group] if name in available]


@page("components", title=lambda t: t._("Components"))
def gallery(t: T) -> rx.Component:
    titles = _component_titles(t)
    groups = _group_titles(t)
    return page_shell(
        t,
        "components",
        rx.el.h1(t._("Components")),
        rx.el.p(t._("Every component of the portal with its examples: normal, long text, error and right to left.")),
        *[
            rx.el.section(
                rx.el.h2(internal_link(groups[group], href=f"/{t.code}/components/{group}"), id=f"group-{group}"),
                rx.el.ul(*[rx.el.li(internal_link(titles.get(name, name),
                                                  href=f"/{t.code}/components/{group}#component-{name}"))
                           for name in _present(group)],
                         class_name="gallery__index"),
                aria_labelledby=f"group-{group}",
            )
            for group in GALLERY_GROUPS
        ],
    )


def _group_page(group: str) -> Callable[[T], rx.Component]:
    def build(t: T) -> rx.Component:
        names = _present(group)
        titles = _component_titles(t)
        heading = _group_titles(t)[group]
        return page_shell(
            t,
            f"components/{group}",
            back_link(t, f"/{t.code}/components", text=t._("All components"), id="gallery-back"),
            rx.el.h1(heading),
            rx.el.nav(
                rx.el.ul(*[rx.el.li(rx.el.a(titles.get(name, name), href=f"#component-{name}")) for name in names],
                         class_name="gallery__index"),
                aria_label=heading,
            ),
            *[_section(t, name) for name in names],
        )

    return build


for _group in GALLERY_GROUPS:
    page(f"components/{_group}", title=lambda t, group=_group: _group_titles(t)[group])(_group_page(_group))
