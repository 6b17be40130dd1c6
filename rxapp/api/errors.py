"""Typed errors of the adapter. Each has a stable machine `code` the UI maps to a translated message.

No httpx exception ever leaves the adapter: everything is one of these.
"""

from __future__ import annotations


class PortalError(Exception):
    """Base of every adapter error."""

    code: str = "portal_error"

    def __init__(self, message: str = "", *, code: str | None = None, status: int | None = None) -> None:
        super().__init__(message or self.code)
        if code is not None:
            self.code = code
        self.message = message
        self.status = status


class BackendUnavailable(PortalError):
    """The backend cannot be reached (connection refused, DNS, 502/503/504 after retries)."""

    code = "backend_unavailable"


class BackendTimeout(PortalError):
    """The backend accepted the request but did not answer within the read timeout."""

    code = "backend_timeout"


class BackendError(PortalError):
    """The backend failed (500) or answered something that is not the contract."""

    code = "backend_error"


class NotFound(PortalError):
    """The resource does not exist (or is not the resident's)."""

    code = "not_found"


class Unauthorised(PortalError):
    """No valid session: expired, signed out or never valid."""

    code = "unauthorised"


class Forbidden(PortalError):
    """Signed in, but not allowed (e.g. acting for someone without a proxy relation)."""

    code = "forbidden"


class CardLocked(PortalError):
    """The card's sign-in certificate is locked after 3 wrong PINs; only the municipal office resets it."""

    code = "card_locked"


class PinIncorrect(PortalError):
    """Wrong PIN; `tries_left` before the card locks."""

    code = "pin_incorrect"

    def __init__(self, message: str = "", *, tries_left: int, status: int | None = None) -> None:
        super().__init__(message, status=status)
        self.tries_left = tries_left


class TooManyAttempts(PortalError):
    """429: too many sign-in attempts from this client; `retry_after_s` until the next one is accepted."""

    code = "too_many_attempts"

    def __init__(self, message: str = "", *, retry_after_s: int, status: int | None = None) -> None:
        super().__init__(message, status=status)
        self.retry_after_s = retry_after_s


class ValidationFailed(PortalError):
    """422: `field_errors` maps form field names to machine codes (required, pattern, not_katakana…)."""

    code = "validation"

    def __init__(
        self,
        message: str = "",
        *,
        field_errors: dict[str, str],
        code: str | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(message, code=code, status=status)
        self.field_errors = field_errors


class Conflict(PortalError):
    """409: the request conflicts with the resource's state (e.g. not a draft any more)."""

    code = "conflict"


__all__ = [
    "BackendError",
    "BackendTimeout",
    "BackendUnavailable",
    "CardLocked",
    "Conflict",
    "Forbidden",
    "NotFound",
    "PinIncorrect",
    "PortalError",
    "TooManyAttempts",
    "Unauthorised",
    "ValidationFailed",
]
