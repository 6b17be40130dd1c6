"""The sign-in page: the demo cards, the chosen card, and the smartphone alternative's challenge.

The session itself (token, who, expiry) is SessionState's; this state only drives the form.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import PinIncorrect, PortalError
from rxapp.state.session import PIN_LENGTH, SessionState


class SignInState(rx.State):
    """Form state of /<locale>/sign-in."""

    cards: list[dict[str, str]] = []
    cards_error: str = ""
    card_id: str = ""
    # "" → the card + PIN form; "waiting" → the (simulated) phone asks for approval
    phone_step: str = ""
    phone_card_name: str = ""
    _challenge_id: str = ""

    @rx.event
    async def load(self) -> None:
        """Load the demo cards (each a radio); keep the choice if the page is visited again."""
        self.phone_step = ""
        self._challenge_id = ""
        try:
            cards = await get_client().list_demo_cards()
        except PortalError as err:
            self.cards_error = SessionState._error_code_of(err)
            return
        self.cards_error = ""
        self.cards = [
            {
                "card_id": c.card_id,
                "name": c.display_name,
                # A Japanese name is read with a Japanese voice (lang="ja"); a latin one is left alone.
                "ja": "" if c.display_name.isascii() else "yes",
                # The latin spelling helps a reader who does not read kanji, unless the card already shows it.
                "latin": "" if c.display_name.isascii() or not c.display_name_latin
                or c.display_name_latin.upper() in c.display_name.upper() else c.display_name_latin,
                "locked": "yes" if c.locked else "",
            }
            for c in cards
        ]

    @rx.event
    def choose(self, card_id: str) -> None:
        self.card_id = card_id

    @rx.event
    async def submit(self, form: dict[str, Any]) -> Any:
        """Card + PIN, from the form (the PIN is never stored in state)."""
        card_id = str(form.get("card") or self.card_id or "")
        self.card_id = card_id
        session = await self.get_state(SessionState)
        return await session.sign_in(card_id, str(form.get("pin") or ""))

    @rx.event
    async def start_phone(self) -> Any:
        """Start the smartphone alternative for the chosen card: the phone then asks for approval."""
        session = await self.get_state(SessionState)
        if not self.card_id:
            session.sign_in_error = "no_card"
            return None
        try:
            challenge = await get_client().sign_in_smartphone_start(
                self.card_id, client_address=session.router.session.client_ip
            )
        except PortalError as err:
            session._sign_in_failed(err)
            return None
        session.sign_in_error = ""
        self._challenge_id = challenge.challenge_id
        self.phone_card_name = next((c["name"] for c in self.cards if c["card_id"] == self.card_id), "")
        self.phone_step = "waiting"
        return rx.set_focus("phone-step-heading")

    @rx.event
    async def phone_confirm(self, form: dict[str, Any]) -> Any:
        """The (simulated) phone approves with the resident's PIN, which the backend checks. A wrong PIN keeps
        the phone's question open with the tries left; a locked card closes it."""
        session = await self.get_state(SessionState)
        pin = str(form.get("phone_pin") or "").strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        if not self._challenge_id:
            self.phone_step = ""
            session.sign_in_error = "challenge_expired"
            return rx.set_focus("error-summary")
        if len(pin) != PIN_LENGTH or not pin.isdigit():
            session.sign_in_error = "pin_format"
            return None
        if not session._browser_key():
            session.sign_in_error = "cookies_required"
            return None
        try:
            result = await get_client().sign_in_smartphone_complete(
                self._challenge_id, approved=True, pin=pin, device=session._browser(),
                client_address=session.router.session.client_ip,
            )
        except PortalError as err:
            if not isinstance(err, PinIncorrect):
                self._challenge_id, self.phone_step = "", ""
            session._sign_in_failed(err)
            if err.code == "challenge_expired":
                session.sign_in_error = "challenge_expired"
            return None
        self._challenge_id, self.phone_step = "", ""
        return await session._signed_in(result)

    @rx.event
    async def phone_deny(self) -> Any:
        """The resident says on the phone that this is not them: the request is refused."""
        session = await self.get_state(SessionState)
        challenge, self._challenge_id = self._challenge_id, ""
        self.phone_step = ""
        session.sign_in_error = "smartphone_denied" if challenge else "challenge_expired"
        if challenge:
            try:
                await get_client().sign_in_smartphone_complete(challenge, approved=False, device=session._browser())
            except PortalError as err:
                if err.code not in {"smartphone_denied", "challenge_expired"}:
                    session.sign_in_error = SessionState._error_code_of(err)
                elif err.code == "challenge_expired":
                    session.sign_in_error = err.code
        return rx.set_focus("error-summary")

    @rx.event
    def cancel_phone(self) -> Any:
        self._challenge_id = ""
        self.phone_step = ""
        return rx.set_focus("phone-button")
