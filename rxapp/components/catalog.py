"""Every component example, in a machine-readable list for the gallery and the accessibility suite.

`ALL_EXAMPLES` holds (component, example, builder); the gallery renders each example inside an element whose
id is `example_id(component, example)`, so a tester can audit one example with axe's `include` context.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

import reflex as rx

from rxapp.i18n import T

# Display order: the form components first (what pages use most), then the rest.
COMPONENT_MODULES: tuple[str, ...] = (
    "button",
    "text_input",
    "radios",
    "checkboxes",
    "select",
    "date_input",
    "fieldset",
    "error_summary",
    "summary_list",
    "notification_banner",
    "warning_text",
    "inset_text",
    "confirmation_panel",
    "back_link",
    "step_indicator",
    "status_tag",
    "details",
)

OPTIONAL_MODULES: tuple[str, ...] = (
    "table",
    "task_list",
    "pagination",
    "timeout_warning",
    "ruby_text",
    "read_aloud",
    "simple_or",
)


def component_name(module: str) -> str:
    """`text_input` → `text-input`: the name used in ids and URLs."""
    return module.replace("_", "-")


def example_id(component: str, example: str) -> str:
    return f"example-{component}-{example}"


def _load() -> list[tuple[str, str, Callable[[T], rx.Component]]]:
    found: list[tuple[str, str, Callable[[T], rx.Component]]] = []
    for module_name in COMPONENT_MODULES + OPTIONAL_MODULES:
        try:
            module = importlib.import_module(f"rxapp.components.{module_name}")
        except ModuleNotFoundError as error:
            if module_name in OPTIONAL_MODULES and error.name == f"rxapp.components.{module_name}":
                continue  # not built yet
            raise
        for example, build in module.EXAMPLES.items():
            found.append((component_name(module_name), example, build))
    return found


ALL_EXAMPLES: list[tuple[str, str, Callable[[T], rx.Component]]] = _load()


def components() -> list[str]:
    """Component names in display order."""
    seen: list[str] = []
    for component, _, _ in ALL_EXAMPLES:
        if component not in seen:
            seen.append(component)
    return seen
