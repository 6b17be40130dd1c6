"""Skip link (WCAG 2.4.1): the first Tab stop, it moves focus to the main content."""

from __future__ import annotations

import reflex as rx

from rxapp.i18n import T


def skip_link(t: T, target_id: str = "main") -> rx.Component:
    """Hidden until focused; a plain fragment link so it works before hydration."""
    return rx.el.a(t._("Skip to main content"), href=f"#{target_id}", class_name="skip-link")
