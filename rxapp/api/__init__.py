"""The adapter to the portal backend: settings, shared models, typed errors, the async client.

Pages and state never touch HTTP: they call `get_client()` methods and catch `PortalError`s.
"""

from rxapp.api.client import PortalClient, close_client, get_client
from rxapp.api.errors import (
    BackendError,
    BackendTimeout,
    BackendUnavailable,
    CardLocked,
    Conflict,
    Forbidden,
    NotFound,
    PinIncorrect,
    PortalError,
    Unauthorised,
    ValidationFailed,
)
from rxapp.api.settings import ApiSettings, embedded_api_url

__all__ = [
    "ApiSettings",
    "BackendError",
    "BackendTimeout",
    "BackendUnavailable",
    "CardLocked",
    "Conflict",
    "Forbidden",
    "NotFound",
    "PinIncorrect",
    "PortalClient",
    "PortalError",
    "Unauthorised",
    "ValidationFailed",
    "close_client",
    "embedded_api_url",
    "get_client",
]
