"""Who is signed in: the session token (server-side only), who acts for whom, and when it expires.

API for other states (e.g. procedures, "proc"):

    from rxapp.state.session import SessionState, adapter_error, require_token

    class MyState(rx.State):
        items: list[dict] = []
        error_code: str = ""                          # a machine code; the page maps it to words

        @rx.event
        async def load(self):                         # @page(..., on_load=[SessionState.require_sign_in,
            try:                                      #                   MyState.load], signed_in=True)
                token = await require_token(self)     # raises SignInRequired (a PortalError) if none/expired
                items = await get_client().list_info(token)
            except PortalError as err:
                self.error_code, then = await adapter_error(self, err)
                return then                           # a redirect to sign-in when the session is gone
            self.items = [...]

Pages of signed-in residents put `SessionState.require_sign_in` first in `on_load`: with nobody signed in it
redirects to `/<locale>/sign-in?next=<this path>`, and signing in comes back to `next`.

Public vars (safe for the browser): `signed_in`, `display_name` (who signed in), `acting_for_name` (the
principal a proxy acts for; "" when acting for oneself: the shell shows the proxy banner while it is set),
`expires_at_ms` (epoch ms, for the timeout warning's countdown), `warn_before_s` (how long before expiry
the warning appears: longer in simplified mode), `sign_in_error`, `tries_left` and `retry_after_minutes`
(sign-in page), `locale` (the route's locale code).
Events: `sign_in(card_id, pin)`, `sign_out`, `extend`, `expired`,
`require_sign_in`, `act_for(resident_id)`, `stop_acting`.
The bearer token lives only in the backend-only var `_token`: it never reaches the browser. It belongs to the
browser, not to the tab: the browser's HttpOnly session cookie names it in the session store, every event checks
that it still does (rxapp/state/session_binding.py), and signing in or out resets every state of the tab
(`forget_private_states`) and loads the next page anew through /_session/rotate. Errors are kept
as machine codes (rxapp.api.errors codes; `session_expired`; `sign_in_required`), never as prose.
Methods starting with "_" are helpers, not events (Reflex makes every public method an event handler).
"""

from __future__ import annotations

import contextlib
import math
import time
from datetime import datetime
from typing import Any
from urllib.parse import quote, unquote

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import (
    BackendError,
    BackendTimeout,
    BackendUnavailable,
    CardLocked,
    PinIncorrect,
    PortalError,
    TooManyAttempts,
    Unauthorised,
)
from rxapp.api.models import Session
from rxapp.browser_session import cookie_value, key_of, store
from rxapp.call_scripts import navigate_through_rotation
from rxapp.i18n.registry import DEFAULT_LOCALE, shipped_locales
from rxapp.redirects import safe_next

# Warn this long before expiry (WCAG 2.2.1 asks for at least 20 s; HMRC warns 2 minutes before).
WARN_BEFORE_S = 120
# Simplified mode (elderly users, one question per page) gets a longer warning, and every page visit in the
# last half of the session extends it silently: moving through the portal is activity.
WARN_BEFORE_SIMPLE_S = 300

PIN_LENGTH = 4


class SignInRequired(Unauthorised):
    """No session in this tab, or it has expired: the resident must sign in (again)."""

    code = "sign_in_required"


def _locale_codes() -> set[str]:
    return {loc.code for loc in shipped_locales()}


def locale_of_path(path: str) -> str:
    """The locale code of a portal path (`/en/mypage` → `en`), or the default locale."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in _locale_codes() else DEFAULT_LOCALE


class SessionState(rx.State):
    """The tab's session. One per browser tab (Reflex state is keyed by the tab's token)."""

    _token: str = ""
    _expires_at: float = 0.0  # epoch seconds, from the backend's Session.expires_at
    _resident_id: str = ""
    _subject_id: str = ""

    signed_in: bool = False
    display_name: str = ""
    acting_for_name: str = ""
    acting_for_id: str = ""
    method: str = ""  # "card" | "smartphone"
    expires_at_ms: int = 0
    warn_before_s: int = WARN_BEFORE_S

    # Sign-in outcome, as codes: "" | pin_incorrect | card_locked | pin_format | no_card | not_found |
    # smartphone_denied | challenge_expired | backend_unavailable | backend_timeout | backend_error | …
    sign_in_error: str = ""
    tries_left: int = 3
    # With too_many_attempts: whole minutes until the backend accepts another try.
    retry_after_minutes: int = 0
    # Why the resident sees the sign-in page: "" | expired | signed_out | required
    sign_in_reason: str = ""
    # The last signed-in page visited: "sign in again" after a timeout comes back to it.
    return_path: str = ""

    # ------------------------------------------------------------------------------------------ helpers

    @rx.var
    def locale(self) -> str:
        """Locale code of the current route."""
        return locale_of_path(self.router.url.path)

    def _current_locale(self) -> str:
        """Same as `locale`, for use inside event handlers."""
        return locale_of_path(self.router.url.path)

    def _current_path(self) -> str:
        """The path (and query) of the page the event came from."""
        url = self.router.url
        return url.path + (f"?{url.query}" if url.query else "")

    def _is_expired(self) -> bool:
        return not self._token or time.time() >= self._expires_at

    def _token_or_none(self) -> str | None:
        """The bearer token if a live session exists, else None (never raises)."""
        return None if self._is_expired() else self._token

    def _require_token(self) -> str:
        """The bearer token; raises SignInRequired when there is no live session."""
        token = self._token_or_none()
        if token is None:
            raise SignInRequired("no live session in this tab")
        return token

    @staticmethod
    def _error_code_of(err: Exception) -> str:
        """A machine code for any error, for state vars. Pages turn codes into words."""
        if isinstance(err, PortalError):
            if isinstance(err, Unauthorised) and err.code in {"unauthorised", "session_expired"}:
                return "session_expired"
            # A failing backend is one of three things to the resident, whatever code its body carried.
            for kind in (BackendUnavailable, BackendTimeout, BackendError):
                if isinstance(err, kind):
                    return kind.code
            return err.code
        return "backend_error"

    async def _sign_in_redirect(self, reason: str = "expired") -> rx.event.EventSpec:
        """The session is over: forget every private state of the tab and the browser's binding, then go to
        the sign-in page, coming back here afterwards."""
        return_path = self.return_path
        if self._token:
            await store().delete(self._browser_key())
        await forget_private_states(self)
        self.return_path = return_path
        self.sign_in_reason = reason
        locale = self._current_locale()
        here = self._current_path()
        return rx.redirect(f"/{locale}/sign-in?next={quote(here, safe='/')}")

    async def _on_error(self, err: Exception) -> rx.event.EventSpec | None:
        """What to do after an adapter error: sign in again when the session is gone; else stay."""
        if isinstance(err, SignInRequired):
            # Nobody was signed in in this tab (or the guard already sent them away): keep the first reason.
            return await self._sign_in_redirect(self.sign_in_reason or "required")
        if isinstance(err, Unauthorised) and not isinstance(err, PinIncorrect):
            return await self._sign_in_redirect("expired")
        return None

    def _browser_key(self) -> str:
        """The store key of this browser's HttpOnly session cookie, as the websocket handshake carried it."""
        return key_of(cookie_value(self.router.headers.cookie))

    async def _bind(self, session: Session) -> None:
        """Remember the session for this browser (every tab of it), until the backend's expiry."""
        await store().put(self._browser_key(), session.token, session.expires_at.timestamp() - time.time() + 60)

    async def _adopt(self, token: str, key: str) -> None:
        """Take up the browser's live session in a tab that has none (a second tab)."""
        try:
            session = await get_client().get_session(token)
        except PortalError:
            await store().delete(key)  # ended at the backend: nothing to take up
            return
        self._apply(session)

    async def _still_live(self) -> bool:
        """After the local expiry passed: has another tab of this browser extended the session meanwhile?"""
        if not self._token:
            return False
        try:
            session = await get_client().get_session(self._token)
        except PortalError:
            return False
        self._apply_times(session.expires_at)
        return time.time() < self._expires_at

    def _full_navigation(self, path: str) -> rx.event.EventSpec:
        """Leave through /_session/rotate: the browser gets a new session cookie, and the page is loaded anew,
        so nothing of the page before stays in the browser's memory."""
        return rx.call_script(navigate_through_rotation(f"next={quote(path, safe='/')}"))

    def _simple_mode(self) -> bool:
        """Simplified display mode, from the `minna_prefs` cookie the display settings write."""
        cookie = self.router.headers.cookie or ""
        for part in cookie.split(";"):
            name, _, value = part.strip().partition("=")
            if name == "minna_prefs":
                return "mode=simple" in unquote(value)
        return False

    def _apply(self, session: Session) -> None:
        """Take over a Session from the backend."""
        self._token = session.token
        self._apply_times(session.expires_at)
        self._resident_id = session.resident_id
        self._subject_id = session.subject_resident_id
        self.signed_in = True
        self.display_name = session.display_name
        self.method = session.method.value
        if session.acting_for is not None:
            self.acting_for_name = session.acting_for.principal_name
            self.acting_for_id = session.acting_for.principal_resident_id
        else:
            self.acting_for_name = ""
            self.acting_for_id = ""
        self.sign_in_error = ""
        self.sign_in_reason = ""
        self.tries_left = 3

    def _apply_times(self, expires_at: datetime) -> None:
        self._expires_at = expires_at.timestamp()
        self.expires_at_ms = int(self._expires_at * 1000)
        self.warn_before_s = WARN_BEFORE_SIMPLE_S if self._simple_mode() else WARN_BEFORE_S

    def _after_sign_in_path(self) -> str:
        locale = self._current_locale()
        return safe_next(self.router.url.query_parameters.get("next"), locale)

    # ------------------------------------------------------------------------------------------ events

    def _browser(self) -> str:
        """The resident's browser (User-Agent of the page's connection), for the backend's activity log."""
        return str(getattr(self.router.headers, "user_agent", "") or "")

    @rx.event
    async def sign_in(self, card_id: str, pin: str) -> Any:
        """Card + 4-digit PIN. On success go to `next`; else set `sign_in_error` (and `tries_left`)."""
        pin = (pin or "").strip()
        # Full-width digits are what a Japanese IME types: accept them rather than fail the resident.
        pin = pin.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
        if not card_id:
            self.sign_in_error = "no_card"
            return None
        if len(pin) != PIN_LENGTH or not pin.isdigit():
            self.sign_in_error = "pin_format"
            return None
        if not self._browser_key():
            self.sign_in_error = "cookies_required"
            return None
        try:
            session = await get_client().sign_in(card_id, pin, device=self._browser(),
                                                 client_address=self.router.session.client_ip)  # fmt: skip
        except PortalError as err:
            self._sign_in_failed(err)
            return None
        return await self._signed_in(session)

    def _sign_in_failed(self, err: PortalError) -> None:
        """Say why a sign-in (card or phone) did not work, as codes the page turns into words."""
        if isinstance(err, PinIncorrect):
            self.sign_in_error = "pin_incorrect"
            self.tries_left = err.tries_left
        elif isinstance(err, CardLocked):
            self.sign_in_error = "card_locked"
            self.tries_left = 0
        elif isinstance(err, TooManyAttempts):
            self.sign_in_error = "too_many_attempts"
            self.retry_after_minutes = max(1, math.ceil(err.retry_after_s / 60))
        else:
            self.sign_in_error = self._error_code_of(err)

    async def _signed_in(self, session: Session) -> Any:
        """A new session: forget whatever the tab held before, bind the session to this browser, and go on
        with a fresh cookie and a fresh page."""
        await forget_private_states(self)
        self._apply(session)
        await self._bind(session)
        return self._full_navigation(self._after_sign_in_path())

    @rx.event
    async def sign_out(self) -> Any:
        """End the session at the backend and here; show the signed-out page."""
        token = self._token
        locale = self._current_locale()
        await store().delete(self._browser_key())
        await forget_private_states(self)
        if token:
            # The token is forgotten here anyway; an unreachable backend lets it expire on its own.
            with contextlib.suppress(PortalError):
                await get_client().sign_out(token)
        self.sign_in_reason = "signed_out"
        return self._full_navigation(f"/{locale}/signed-out")

    @rx.event
    async def signed_out_load(self) -> Any:
        """on_load of the signed-out page. After a timeout (the warning ran out) the session ends here too,
        and the page offers to sign in again and come back to `return_path`."""
        if self.router.url.query_parameters.get("reason") != "timeout":
            return None
        token = self._token
        return_path = self.return_path
        await store().delete(self._browser_key())
        await forget_private_states(self)
        self.sign_in_reason = "expired"
        self.return_path = return_path  # "sign in again" comes back to the page the resident was on
        if token:
            with contextlib.suppress(PortalError):
                await get_client().sign_out(token)
        return None

    @rx.event
    async def extend(self) -> Any:
        """Extend the session by its full lifetime (one simple action; unlimited times)."""
        if not self._token:
            return None
        try:
            session = await get_client().extend_session(self._token)
        except PortalError as err:
            return await self._on_error(err)
        self._apply_times(session.expires_at)
        await self._bind(session)
        return None

    @rx.event
    async def expired(self) -> Any:
        """Called by the timeout warning when time has run out: go to sign-in, coming back here after."""
        if self._token and (time.time() < self._expires_at or await self._still_live()):
            return None  # extended in another way meanwhile (another tab, a page visit)
        return await self._sign_in_redirect("expired")

    @rx.event
    async def require_sign_in(self) -> Any:
        """on_load guard for signed-in pages."""
        if self._is_expired() and not await self._still_live():
            reason = "expired" if self._token else "required"
            return await self._sign_in_redirect(reason)
        self.return_path = quote(self._current_path(), safe="/")
        self.warn_before_s = WARN_BEFORE_SIMPLE_S if self._simple_mode() else WARN_BEFORE_S
        # Simplified mode: a page visit in the second half of the session is activity; extend quietly so
        # an elderly resident reading slowly is not interrupted.
        if self.warn_before_s == WARN_BEFORE_SIMPLE_S and self._expires_at - time.time() < 15 * 60:
            try:
                session = await get_client().extend_session(self._token)
            except PortalError as err:
                return await self._on_error(err)
            self._apply_times(session.expires_at)
            await self._bind(session)
        return None

    @rx.event
    async def act_for(self, resident_id: str) -> Any:
        """A proxy starts acting for a principal (or, with their own id, returns to themself)."""
        try:
            token = self._require_token()
            session = await get_client().act_as(token, resident_id)
        except PortalError as err:
            return await self._on_error(err)
        self._apply(session)
        return rx.redirect(f"/{self._current_locale()}/mypage")

    @rx.event
    async def stop_acting(self) -> Any:
        """Back to one's own data."""
        return await self.act_for(self._resident_id)

    @rx.event
    def clear_sign_in_error(self) -> None:
        self.sign_in_error = ""


# ---------------------------------------------------------------------------------------------- for other states


def _app_states(cls: type[rx.State]) -> list[type[rx.State]]:
    """Every state class of this app below `cls` (Reflex's own internal states are left alone)."""
    found: list[type[rx.State]] = []
    for sub in cls.get_substates():
        if sub.__module__.startswith("rxapp."):
            found.append(sub)
        found.extend(_app_states(sub))
    return found


async def forget_private_states(state: rx.State) -> None:
    """Reset every state of this app in the tab to its defaults, the session included: what a resident saw
    is gone from the server, and from the page with the next delta. The display settings live in a cookie,
    not in state, so they stay."""
    root = state._get_root_state()
    for cls in _app_states(type(root)):
        (await root.get_state(cls)).reset()


async def session_of(state: rx.State) -> SessionState:
    """The tab's SessionState, from any state's event handler."""
    return await state.get_state(SessionState)


async def require_token(state: rx.State) -> str:
    """The live bearer token for adapter calls; raises SignInRequired when there is none."""
    return (await session_of(state))._require_token()


async def subject_id(state: rx.State) -> str:
    """Whose data the session serves (the principal while a proxy acts for them); "" if signed out."""
    return (await session_of(state))._subject_id


async def adapter_error(state: rx.State, err: Exception) -> tuple[str, Any]:
    """(machine code, event to return): a redirect to sign-in when the session is gone, else None."""
    session = await session_of(state)
    return session._error_code_of(err), await session._on_error(err)
