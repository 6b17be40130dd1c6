"""Display preferences on the server: the HTML arrives with the right <html data-*> and without JavaScript too.

- `GET /_prefs?size=200&mode=simple&…&next=/ja/settings` saves the `minna_prefs` cookie and returns to `next`
  (the settings form's action, used when scripts are off). Unknown keys and values are ignored; `next` must be
  a path on this site.
- HTML pages requested with a `minna_prefs` cookie get the attributes written into their `<html>` tag (and the
  saved radios of the settings forms marked `checked`), so the first paint is right even before or without
  the pre-hydration script. Requests without the cookie pass through untouched (precompressed, cached).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qsl

from rxapp.prefs_script import (
    COOKIE,
    COOKIE_MAX_AGE,
    PREF_ATTRIBUTES,
    PREF_VALUES,
    parse_prefs,
    serialize_prefs,
)
from rxapp.redirects import safe_next

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]

PREFS_PATH = "/_prefs"
_HTML_TAG = re.compile(rb"<html\b[^>]*>", re.IGNORECASE)
_SKIP_PREFIXES = ("/_", "/api/", "/assets/")
_FORM_PREFIXES = ("settings", "quick")  # ids of the preference radios: <prefix>-<key>-<value>


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def cookie_prefs(scope: Scope) -> dict[str, str]:
    try:
        cookie = SimpleCookie(_header(scope, b"cookie") or "")
    except CookieError:
        return {}
    return parse_prefs(cookie[COOKIE].value) if COOKIE in cookie else {}


def apply_to_html(html: bytes, prefs: dict[str, str]) -> bytes:
    """Write the data-* attributes into <html> and mark the saved radios checked."""
    match = _HTML_TAG.search(html)
    if match is None:
        return html
    tag = match.group(0)
    for key, value in prefs.items():
        attribute = PREF_ATTRIBUTES[key].encode()
        tag = re.sub(rb"\s" + attribute + rb'="[^"]*"', b"", tag)
        tag = tag[:-1] + b" " + attribute + b'="' + value.encode() + b'">'
    html = html[: match.start()] + tag + html[match.end():]
    for key, value in prefs.items():
        for prefix in _FORM_PREFIXES:
            for option in PREF_VALUES[key]:
                input_id = f'id="{prefix}-{key}-{option}"'.encode()
                pattern = re.compile(rb"<input\b[^>]*" + re.escape(input_id) + rb"[^>]*>")

                def mark(found: re.Match[bytes], on: bool = option == value) -> bytes:
                    element = re.sub(rb'\schecked(="[^"]*")?', b"", found.group(0))
                    return element[:-1].rstrip(b"/") + b' checked="">' if on else element

                html = pattern.sub(mark, html)
    return html


def prefs_middleware(app: ASGIApp) -> ASGIApp:
    async def middleware(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("method") not in {"GET", "HEAD"}:
            await app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        if path == PREFS_PATH:
            await _save(scope, send)
            return
        prefs = cookie_prefs(scope) if not path.startswith(_SKIP_PREFIXES) and "." not in path.rsplit("/", 1)[-1] else {}
        if not prefs:
            await app(scope, receive, send)
            return
        await _rewrite(app, scope, receive, send, prefs)

    return middleware


async def _save(scope: Scope, send: Any) -> None:
    try:
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), max_num_fields=20))
    except ValueError:  # more fields than any settings form sends: keep the saved choices, go home
        query = {}
    prefs = {key: value for key, value in query.items() if key in PREF_VALUES and value in PREF_VALUES[key]}
    merged = {**cookie_prefs(scope), **prefs}
    cookie = f"{COOKIE}={serialize_prefs(merged)}; Path=/; Max-Age={COOKIE_MAX_AGE}; SameSite=Lax"
    await send(
        {
            "type": "http.response.start",
            "status": 303,
            "headers": [
                (b"location", safe_next(query.get("next")).encode("ascii")),
                (b"set-cookie", cookie.encode("latin-1")),
                (b"cache-control", b"no-store"),
                (b"content-length", b"0"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})


async def _rewrite(app: ASGIApp, scope: Scope, receive: Any, send: Any, prefs: dict[str, str]) -> None:
    accepts_gzip = "gzip" in (_header(scope, b"accept-encoding") or "")
    # Ask for the plain file (no precompressed variant, no 304 for another cookie's HTML) and rewrite it.
    headers = [
        (k, v) for k, v in scope.get("headers", [])
        if k not in {b"accept-encoding", b"if-none-match", b"if-modified-since", b"range"}
    ]
    # No zero-copy file sending (granian offers it): the body must pass through here to be rewritten.
    extensions = {
        key: value for key, value in (scope.get("extensions") or {}).items()
        if key not in {"http.response.pathsend", "http.response.zerocopy"}
    }
    inner = {**scope, "headers": [*headers, (b"accept-encoding", b"identity")], "extensions": extensions}
    start: dict[str, Any] = {}
    chunks: list[bytes] = []

    async def capture(message: Any) -> None:
        if message["type"] == "http.response.start":
            start.update(message)
            return
        if message["type"] == "http.response.body":
            kind = dict(start.get("headers", [])).get(b"content-type", b"")
            if not kind.startswith(b"text/html"):
                if start:
                    await send(dict(start))
                    start.clear()
                    start["sent"] = True
                await send(message)
                return
            if start.get("sent"):
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = apply_to_html(b"".join(chunks), prefs)
            out = [
                (k, v) for k, v in start.get("headers", [])
                if k.lower() not in {b"content-length", b"content-encoding", b"etag", b"last-modified", b"vary"}
            ]
            if accepts_gzip and len(body) > 1024:
                body = gzip.compress(body, compresslevel=6)
                out.append((b"content-encoding", b"gzip"))
            out += [(b"content-length", str(len(body)).encode()), (b"vary", b"Cookie, Accept-Encoding")]
            await send({"type": "http.response.start", "status": start.get("status", 200), "headers": out})
            await send({"type": "http.response.body", "body": body if scope.get("method") != "HEAD" else b""})
            return
        await send(message)

    await app(inner, receive, capture)
