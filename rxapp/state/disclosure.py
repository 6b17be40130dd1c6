"""Disclosure control: per category and recipient allow/deny, with a confirmation step and the change log.

Keys are "category:recipient" strings, so the page's static checkboxes (10 categories × 5 recipients) bind to
one list of the allowed pairs.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import PortalError
from rxapp.api.models import DisclosureRule, DisclosureSettings, InfoCategory, Recipient
from rxapp.state.display import date_time_text
from rxapp.state.session import SessionState, adapter_error, require_token


def key(category: str, recipient: str) -> str:
    return f"{category}:{recipient}"


class DisclosureState(rx.State):
    """/<locale>/disclosure."""

    load_error: str = ""
    loaded: bool = False
    saved_keys: list[str] = []  # allowed pairs as saved at the backend
    draft_keys: list[str] = []  # allowed pairs as the resident is editing them
    step: str = "edit"  # edit | confirm
    changes: list[dict[str, str]] = []  # {category, recipient, allowed: "yes" | ""}
    log: list[dict[str, str]] = []  # {when, category, recipient, allowed, by: "you" | "other"}
    # "" | no_changes | an adapter error code
    save_error: str = ""
    saved: bool = False

    def _take(self, settings: DisclosureSettings, locale: str, me: str) -> None:
        allowed = [key(r.category.value, r.recipient.value) for r in settings.rules if r.allowed]
        self.saved_keys = allowed
        self.draft_keys = list(allowed)
        self.log = [
            {"when": date_time_text(c.changed_at, locale), "category": c.category.value,
             "recipient": c.recipient.value, "allowed": "yes" if c.allowed else "",
             "by": "you" if c.changed_by_resident_id == me else "other"}
            for c in settings.changes
        ]  # fmt: skip

    @rx.event
    async def load(self) -> Any:
        self.step, self.saved, self.save_error, self.changes = "edit", False, "", []
        try:
            token = await require_token(self)
            settings = await get_client().get_disclosure(token)
        except PortalError as err:
            self.load_error, then = await adapter_error(self, err)
            return then
        session = await self.get_state(SessionState)
        self._take(settings, session._current_locale(), session._resident_id)
        self.load_error = ""
        self.loaded = True
        return None

    @rx.event
    def set_pair(self, pair: str, allowed: bool) -> None:
        """A checkbox changed: "category:recipient" may (not) receive."""
        self.saved = False
        self.save_error = ""
        others = [k for k in self.draft_keys if k != pair]
        self.draft_keys = [*others, pair] if allowed else others

    @rx.event
    def review(self) -> Any:
        """Show what will change, and what follows from it, before anything is saved."""
        saved, draft = set(self.saved_keys), set(self.draft_keys)
        changes = []
        for category in InfoCategory:
            for recipient in Recipient:
                pair = key(category.value, recipient.value)
                if (pair in saved) != (pair in draft):
                    changes.append({"category": category.value, "recipient": recipient.value,
                                    "allowed": "yes" if pair in draft else ""})  # fmt: skip
        self.changes = changes
        if not changes:
            self.save_error = "no_changes"
            return rx.set_focus("disclosure-problem")
        self.save_error = ""
        self.step = "confirm"
        return rx.set_focus("confirm-title")

    @rx.event
    def edit_again(self) -> Any:
        self.step = "edit"
        return rx.set_focus("disclosure-form-title")

    @rx.event
    async def save(self) -> Any:
        rules = [DisclosureRule(category=InfoCategory(c["category"]), recipient=Recipient(c["recipient"]),
                                allowed=c["allowed"] == "yes") for c in self.changes]  # fmt: skip
        if not rules:
            self.step = "edit"
            return None
        try:
            token = await require_token(self)
            settings = await get_client().set_disclosure(token, rules)
        except PortalError as err:
            self.save_error, then = await adapter_error(self, err)
            return then
        session = await self.get_state(SessionState)
        self._take(settings, session._current_locale(), session._resident_id)
        self.step, self.changes, self.save_error, self.saved = "edit", [], "", True
        return None
