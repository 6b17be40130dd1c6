"""Read-aloud control: reads the page's main content with the browser's speech synthesis.

Accessibility criteria:
- real buttons with visible words (Read aloud, Pause, Resume, Stop), reachable by Tab, ≥ 24 px (44 px simplified);
- speaks #main in the page's language (<html lang>), with a voice for that language only: when the device
  has none, it says so in words (a status message) instead of reading Japanese with an English voice;
- furigana readings and hidden elements are skipped, so each word is read once;
- state changes (reading, paused, stopped) go to a polite status region that is always rendered;
- no sound starts by itself (WCAG 1.4.2): only a press of "Read aloud" starts it.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components._examples import Example, rtl
from rxapp.i18n import T


def read_aloud(t: T, *, id: str = "read-aloud", target: str = "main") -> rx.Component:
    """The control. `target` is the id of the element to read (the page's <main>)."""
    messages = {
        "data-msg-reading": t._("Reading the page aloud."),
        "data-msg-paused": t._("Paused."),
        "data-msg-stopped": t._("Stopped."),
        "data-msg-finished": t._("Finished reading."),
        "data-msg-no-voice": t._("Your device has no voice for this language, so the page cannot be read aloud. You can add a voice in your device's settings."),
        "data-msg-unsupported": t._("Your browser cannot read pages aloud."),
    }

    def action(label: str, name: str) -> rx.Component:
        return rx.el.button(
            rx.el.span(label),
            type="button",
            class_name=f"button button--secondary read-aloud__button read-aloud__button--{name}",
            custom_attrs={"data-read-aloud-action": name},
        )

    return rx.el.div(
        rx.el.div(
            action(t._("Read aloud"), "play"),
            action(t._("Pause"), "pause"),
            action(t._("Resume"), "resume"),
            action(t._("Stop"), "stop"),
            class_name="read-aloud__buttons",
            role="group",
            aria_label=t._("Read aloud"),
        ),
        rx.el.p(class_name="read-aloud__status", role="status"),
        id=id,
        class_name="read-aloud",
        custom_attrs={"data-read-aloud": target, **messages},
    )


EXAMPLES: dict[str, Example] = {
    "default": lambda t: read_aloud(t, id="ex-read-aloud-default"),
    "rtl": rtl(lambda t: read_aloud(t, id="ex-read-aloud-rtl")),
}
