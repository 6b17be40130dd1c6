"""Task list: the parts of a long application and the state of each, so people can do them in any order.

Accessibility criteria:
- a list; each task's name is a link while it can be done, plain text when it cannot start yet;
- the status is text (a tag, or plain text for "Completed"), tied to the link with aria-describedby,
  so "About you, Completed" is heard together; colour only repeats the word;
- the whole row is not a link (a big target is the name link, ≥ 24 px tall, 44 px simplified).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.components.link import internal_link
from rxapp.components.status_tag import status_tag
from rxapp.i18n import T

State = Literal["completed", "in-progress", "not-started", "cannot-start"]


@dataclass(frozen=True)
class Task:
    name: str
    state: State
    href: str | None = None
    hint: str | None = None


def task_list(t: T, tasks: Sequence[Task], *, id: str = "task-list") -> rx.Component:
    words: dict[State, str] = {
        "completed": t._("Completed"),
        "in-progress": t._("In progress"),
        "not-started": t._("Not yet started"),
        "cannot-start": t._("Cannot start yet"),
    }
    items = []
    for index, task in enumerate(tasks):
        status_id = f"{id}-{index + 1}-status"
        hint_id = f"{id}-{index + 1}-hint"
        described = " ".join(([hint_id] if task.hint else []) + [status_id])
        name: rx.Component
        if task.href and task.state != "cannot-start":
            name = internal_link(task.name, href=task.href, aria_describedby=described, class_name="task-list__link")
        else:
            name = rx.el.span(task.name, class_name="task-list__name")
        if task.state == "completed":
            status: rx.Component = rx.el.span(words[task.state], class_name="task-list__done")
        elif task.state == "cannot-start":
            status = rx.el.span(words[task.state], class_name="task-list__cannot")
        else:
            status = status_tag(words[task.state], "blue" if task.state == "in-progress" else "grey")
        items.append(
            rx.el.li(
                rx.el.div(
                    name,
                    *([rx.el.div(task.hint, id=hint_id, class_name="hint task-list__hint")] if task.hint else []),
                    class_name="task-list__name-and-hint",
                ),
                rx.el.div(status, id=status_id, class_name="task-list__status"),
                class_name="task-list__item",
            )
        )
    return rx.el.ul(*items, id=id, class_name="task-list")


def _tasks(t: T) -> list[Task]:
    return [
        Task(t._("About you"), "completed", f"/{t.code}/help"),
        Task(t._("Your children"), "in-progress", f"/{t.code}/help"),
        Task(t._("Bank account"), "not-started", f"/{t.code}/help"),
        Task(t._("Check your answers"), "cannot-start", hint=t._("You can do this when the other parts are complete")),
    ]


EXAMPLES: dict[str, Example] = {
    "default": lambda t: task_list(t, _tasks(t), id="ex-task-list-default"),
    "long-text": lambda t: task_list(
        t,
        [Task(t._("Bank account where the child allowance will be paid every four months"), "not-started",
              f"/{t.code}/help", hint=t._("You need the bank's name, the branch and the account number"))],
        id="ex-task-list-long",
    ),
    "rtl": rtl(lambda t: task_list(t, _tasks(t), id="ex-task-list-rtl")),
}
