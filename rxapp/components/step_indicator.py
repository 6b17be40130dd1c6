"""Step indicator: "Step 2 of 5" above the question, so people know how far they are.

Accessibility criteria:
- the position is in words ("Step 2 of 5"), not only a bar; the bar is decorative (aria-hidden);
- it sits above the h1 as a caption, outside the heading, so the heading stays the question;
- with `steps`, the list of steps is an ordered list with aria-current="step" on the current one.
"""

from __future__ import annotations

from collections.abc import Sequence

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T


def step_indicator(
    t: T, current: int, total: int, *, section: str | None = None, steps: Sequence[str] = (), id: str | None = None
) -> rx.Component:
    percent = round(100 * current / max(total, 1))
    parts: list[rx.Component] = [
        rx.el.p(
            t._("Step {current} of {total}", current=current, total=total),
            *([rx.el.span(" — ", section, class_name="step-indicator__section")] if section else []),
            class_name="step-indicator__text",
        ),
        rx.el.div(
            rx.el.div(class_name="step-indicator__fill", style={"inlineSize": f"{percent}%"}),
            class_name="step-indicator__bar",
            aria_hidden="true",
        ),
    ]
    if steps:
        parts.append(
            rx.el.ol(
                *[
                    rx.el.li(
                        name,
                        aria_current="step" if index + 1 == current else None,
                        class_name="step-indicator__step"
                        + (" step-indicator__step--done" if index + 1 < current else ""),
                    )
                    for index, name in enumerate(steps)
                ],
                class_name="step-indicator__steps",
            )
        )
    return rx.el.div(*parts, id=id, class_name="step-indicator")


def _steps(t: T) -> list[str]:
    return [t._("About you"), t._("Your children"), t._("Bank account"), t._("Check your answers")]


EXAMPLES: dict[str, Example] = {
    "default": lambda t: step_indicator(t, 2, 5),
    "long-text": lambda t: step_indicator(
        t, 3, 4, section=t._("Bank account where the child allowance will be paid every four months"), steps=_steps(t)
    ),
    "rtl": rtl(lambda t: step_indicator(t, 2, 4, steps=_steps(t))),
}
