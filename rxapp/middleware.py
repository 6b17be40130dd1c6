"""ASGI middleware in front of the whole portal (pages, websocket, API).

- Unprefixed paths (`/`, `/help`) redirect to the best locale: the saved choice (cookie), else the
  browser's Accept-Language negotiated with Babel, else Japanese. Bad headers never raise.
- Hashed build assets get a year of caching; HTML is revalidated.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import CookieError, SimpleCookie
from typing import Any

from babel import negotiate_locale

from rxapp.client_assets import is_hashed_script
from rxapp.i18n.registry import default_locale, shipped_locales

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]

LOCALE_COOKIE = "minna_locale"
_LOCALE_LIKE = re.compile(r"^[a-zA-Z]{2,3}(-[A-Za-z0-9]{1,8})*$")
# Paths that belong to the framework or the API, never to a page.
_RESERVED = {"api", "assets", "_event", "_upload", "ping", "_health", "_all_routes", "favicon.ico", "sitemap.xml", "robots.txt"}


def negotiate(accept_language: str | None, saved: str | None) -> str:
    """The locale code for a visitor: saved choice, then Accept-Language, then Japanese."""
    shipped = shipped_locales()
    # A saved pseudo-locale is honoured (testers chose it), but headers never pick one.
    if saved in {loc.code for loc in shipped}:
        return saved
    codes = [loc.code for loc in shipped if not loc.pseudo]
    preferred: list[tuple[float, str]] = []
    for index, part in enumerate((accept_language or "")[:500].split(",")):
        tag, _, params = part.strip().partition(";")
        tag = tag.strip()
        if not tag or not re.fullmatch(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*|\*", tag):
            continue
        quality = 1.0
        match = re.search(r"q\s*=\s*([^;]*)", params)
        if match:
            # A malformed weight (q=abc, q=2) makes the whole entry invalid (RFC 9110 §12.4.2): skip it.
            if not re.fullmatch(r"0(\.\d{0,3})?|1(\.0{0,3})?", match.group(1).strip()):
                continue
            quality = float(match.group(1))
        if quality > 0:
            preferred.append((-quality + index * 1e-6, tag))
    tags = [tag for _, tag in sorted(preferred)]
    # やさしい日本語 is chosen by people, never inferred from a header.
    automatic = [code for code in codes if code != "ja-easy"]
    found = negotiate_locale(tags, automatic, sep="-") if tags else None
    # Babel may echo the header's spelling ("EN"); only a registered code may leave this function.
    by_lower = {code.lower(): code for code in automatic}
    return by_lower.get((found or "").lower()) or default_locale()


def localized_path(path: str, locale: str, known_codes: set[str], page_roots: set[str]) -> str | None:
    """Where an unprefixed path should go, or None when it already has a locale or is not a page."""
    segments = [s for s in path.split("/") if s]
    if segments and (segments[0] in known_codes or segments[0] in _RESERVED or segments[0].startswith("_")):
        return None
    if segments and "." in segments[-1]:
        return None  # a file, not a page
    if segments and segments[0] not in page_roots and _LOCALE_LIKE.match(segments[0]):
        canonical = {code.lower(): code for code in known_codes}.get(segments[0].lower())
        if canonical:
            # A known locale typed in another case (`/EN/help`): the visitor chose it, keep it.
            return "/" + "/".join([canonical, *segments[1:]]) + ("/" if len(segments) == 1 else "")
        # An unknown locale prefix (`/fr/help`): keep the rest of the path under the fallback.
        segments = segments[1:]
    return "/" + "/".join([locale, *segments]) + ("/" if not segments else "")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def locale_redirect(app: ASGIApp, page_roots: set[str]) -> ASGIApp:
    """Redirect unprefixed paths; `page_roots` are the first segments of the pages' slugs."""

    async def middleware(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("method") in {"GET", "HEAD"}:
            codes = {loc.code for loc in shipped_locales()}
            saved = None
            try:
                cookie = SimpleCookie(_header(scope, b"cookie") or "")
                if LOCALE_COOKIE in cookie:
                    saved = cookie[LOCALE_COOKIE].value
            except CookieError:
                saved = None
            locale = negotiate(_header(scope, b"accept-language"), saved)
            target = localized_path(scope.get("path", "/"), locale, codes, page_roots)
            if target is not None:
                query = scope.get("query_string", b"").decode("latin-1")
                location = target + (f"?{query}" if query else "")
                await send(
                    {
                        "type": "http.response.start",
                        "status": 307,
                        "headers": [
                            (b"location", location.encode("latin-1")),
                            (b"vary", b"Accept-Language, Cookie"),
                            (b"cache-control", b"no-store"),
                            (b"content-length", b"0"),
                        ],
                    }
                )
                await send({"type": "http.response.body", "body": b""})
                return
        await app(scope, receive, send)

    return middleware


def _once(value: bytes) -> bytes:
    """A header list with each entry once, in order: b"Accept-Encoding, Origin, Origin" → b"Accept-Encoding, Origin"."""
    seen: list[bytes] = []
    for part in (p.strip() for p in value.split(b",")):
        if part and part.lower() not in (s.lower() for s in seen):
            seen.append(part)
    return b", ".join(seen)


def cache_headers(app: ASGIApp) -> ASGIApp:
    """Hashed assets are immutable for a year; everything else is revalidated."""

    async def middleware(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        immutable = path.startswith("/assets/") or is_hashed_script(path)

        async def send_with_cache(message: Any) -> None:
            if message["type"] == "http.response.start" and message.get("status", 200) < 400:
                # An immutable file is never revalidated: its validators are bytes sent for nothing on every
                # first load. Vary arrives with "Origin" repeated by stacked CORS layers: ours say it once (the
                # layers outside this one may add it again).
                drop = {b"cache-control", b"etag", b"last-modified", b"vary"} if immutable else {b"cache-control", b"vary"}
                raw = message.get("headers", [])
                headers = [(k, v) for k, v in raw if k.lower() not in drop]
                vary = _once(b", ".join(v for k, v in raw if k.lower() == b"vary"))
                if vary:
                    headers.append((b"vary", vary))
                value = b"public, max-age=31536000, immutable" if immutable else b"no-cache"
                if not path.startswith("/api/"):
                    headers.append((b"cache-control", value))
                    message = {**message, "headers": headers}
            await send(message)

        await app(scope, receive, send_with_cache)

    return middleware
