"""The browser's sign-in, shared by its tabs and bound to it: an HttpOnly cookie names the browser, and a small
store maps that name to the backend session.

Why: Reflex keys state by a per-tab token that scripts can read (sessionStorage) and that travels in the
websocket URL. Copied into another browser, it must not carry a signed-in session with it, and a second tab of
the same browser should be signed in too. So the backend token is looked up by the cookie that the websocket
handshake carries (scripts cannot read it), and every event checks that the tab's session is still the one the
cookie names (rxapp/state/session_binding.py).

- The cookie (`minna_session`: HttpOnly, SameSite=Lax, Path=/, Secure over HTTPS, no Max-Age so closing the
  browser forgets it) is set on the first page a browser loads.
- Signing in stores the backend token under the cookie's SHA-256 (never the cookie itself), then the page goes
  through `GET /_session/rotate?next=…`, which moves the entry to a fresh cookie value (no session fixation).
- Signing out deletes the entry and rotates the cookie too.
- The store is Redis when `REFLEX_REDIS_URL` is set (shared by every worker, kept across restarts with the
  state), else this process's memory (one worker, as Reflex itself then is).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import secrets
import time
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import CookieError, SimpleCookie
from typing import Any, Protocol
from urllib.parse import parse_qsl

from rxapp.redirects import safe_path

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]

COOKIE = "minna_session"
ROTATE_PATH = "/_session/rotate"
_KEY_PREFIX = "minna:browser-session:"
# Paths whose responses are pages (the cookie is set there); files, the API and the websocket are left alone.
_NOT_PAGES = ("/api/", "/_event", "/_upload", "/assets/", "/_minna/", "/_prefs", "/ping", "/_health")


def key_of(cookie_value: str) -> str:
    """The store key for a cookie value: its SHA-256, so the store never holds the cookie itself."""
    return hashlib.sha256(cookie_value.encode("utf-8")).hexdigest() if cookie_value else ""


def cookie_value(cookie_header: str | None) -> str:
    """The `minna_session` value from a Cookie header ("" when absent or unreadable)."""
    try:
        jar = SimpleCookie(cookie_header or "")
    except CookieError:
        return ""
    return jar[COOKIE].value if COOKIE in jar else ""


class Store(Protocol):
    async def get(self, key: str) -> str | None: ...
    async def put(self, key: str, token: str, ttl_s: float) -> None: ...
    async def move(self, old_key: str, new_key: str) -> None: ...
    async def delete(self, key: str) -> None: ...


class MemoryStore:
    """One worker's store (without Redis there is one worker)."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[str, float]] = {}

    async def get(self, key: str) -> str | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[1] <= time.time():
            self._entries.pop(key, None)
            return None
        return entry[0]

    async def put(self, key: str, token: str, ttl_s: float) -> None:
        now = time.time()
        # Drop what has expired, so the map holds only live sessions.
        for stale in [k for k, (_, until) in self._entries.items() if until <= now]:
            del self._entries[stale]
        self._entries[key] = (token, now + max(ttl_s, 1.0))

    async def move(self, old_key: str, new_key: str) -> None:
        entry = self._entries.pop(old_key, None)
        if entry is not None:
            self._entries[new_key] = entry

    async def delete(self, key: str) -> None:
        self._entries.pop(key, None)


class RedisStore:
    """Every worker's store, beside Reflex's state in the same Redis."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._clients: dict[int, Any] = {}

    def _redis(self) -> Any:
        # One client per event loop: a redis.asyncio client is bound to the loop it first ran in.
        import redis.asyncio as redis

        loop_id = id(asyncio.get_running_loop())
        client = self._clients.get(loop_id)
        if client is None:
            client = self._clients[loop_id] = redis.from_url(self._url, decode_responses=True)
        return client

    async def get(self, key: str) -> str | None:
        return await self._redis().get(_KEY_PREFIX + key)

    async def put(self, key: str, token: str, ttl_s: float) -> None:
        await self._redis().set(_KEY_PREFIX + key, token, px=max(int(ttl_s * 1000), 1000))

    async def move(self, old_key: str, new_key: str) -> None:
        import redis.exceptions

        # RENAME keeps the expiry; with nothing under the old key there is nothing to move.
        with contextlib.suppress(redis.exceptions.ResponseError):
            await self._redis().rename(_KEY_PREFIX + old_key, _KEY_PREFIX + new_key)

    async def delete(self, key: str) -> None:
        await self._redis().delete(_KEY_PREFIX + key)


_store: Store | None = None


def store() -> Store:
    """The process's store, chosen once from the environment."""
    global _store
    if _store is None:
        url = os.environ.get("REFLEX_REDIS_URL")
        _store = RedisStore(url) if url else MemoryStore()
    return _store


def _secure(scope: Scope) -> bool:
    """Over HTTPS (directly, or as the configured public URL says) the cookie is Secure."""
    return scope.get("scheme") in {"https", "wss"} or os.environ.get("PORTAL_PUBLIC_URL", "").startswith("https:")


def set_cookie_header(scope: Scope, value: str) -> tuple[bytes, bytes]:
    attributes = "; Path=/; HttpOnly; SameSite=Lax" + ("; Secure" if _secure(scope) else "")
    return b"set-cookie", f"{COOKIE}={value}{attributes}".encode("latin-1")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def _safe_target(raw: str | None) -> str:
    """Where rotation may send the browser: a page of this portal, nothing else."""
    return safe_path(raw) or "/"


async def _rotate(scope: Scope, send: Any) -> None:
    """Give the browser a new cookie value; the sign-in (if any) moves with it."""
    old = cookie_value(_header(scope, b"cookie"))
    new = secrets.token_urlsafe(32)
    if old:
        await store().move(key_of(old), key_of(new))
    query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), max_num_fields=5))
    await send({
        "type": "http.response.start",
        "status": 303,
        "headers": [
            (b"location", _safe_target(query.get("next")).encode("latin-1")),
            set_cookie_header(scope, new),
            (b"cache-control", b"no-store"),
            (b"content-length", b"0"),
        ],
    })  # fmt: skip
    await send({"type": "http.response.body", "body": b""})


def session_cookie(app: ASGIApp) -> ASGIApp:
    """ASGI middleware: a browser without the cookie gets one with its first page; /_session/rotate rotates it."""

    async def middleware(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") not in {"GET", "HEAD"}:
            await app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        if path == ROTATE_PATH:
            await _rotate(scope, send)
            return
        if path.startswith(_NOT_PAGES) or "." in path.rsplit("/", 1)[-1] or cookie_value(_header(scope, b"cookie")):
            await app(scope, receive, send)
            return
        fresh = set_cookie_header(scope, secrets.token_urlsafe(32))

        async def send_with_cookie(message: Any) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), fresh]}
            await send(message)

        await app(scope, receive, send_with_cookie)

    return middleware
