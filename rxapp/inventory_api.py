"""`GET /_minna/pages.json`: the page inventory the accessibility suite discovers from a running portal.

Testers point the suite (`python -m accessibility --base-url URL`) at any deployment; a hand-kept page list
would drift from the app, so the app itself says which pages, locales and display modes it serves. Built from
the page registry and the locale registry on first request. The path starts with "_", which the locale
redirect leaves alone.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from rxapp.i18n import DEFAULT_LOCALE, T, shipped_locales
from rxapp.pages import PAGES

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]

PATH = "/_minna/pages.json"
INVENTORY_VERSION = 1

# Display modes, as the `minna_prefs` cookie expresses them (read by rxapp/prefs_script.py before first paint).
MODES: dict[str, str] = {
    "default": "",
    "simple": "mode=simple",
    "high-contrast": "contrast=high",
    "200": "size=200",
}

# Any path under a locale that no page owns renders the one 404 page; this one is reserved for the suite.
NOT_FOUND_PATH = "/{locale}/_minna-missing-page"


def build_inventory() -> dict[str, Any]:
    """Pages × locales × modes of this deployment, with each page's localized title."""
    locales = shipped_locales()
    pages = []
    for spec in PAGES:
        pages.append(
            {
                "name": spec.slug or "home",
                "slug": spec.slug,
                "path": "/{locale}/" + spec.slug,
                "title": spec.title(T("en")),
                "titles": {loc.code: spec.title(T(loc)) for loc in locales},
                "signed_in": spec.signed_in,
                "status": 200,
                "locales": [loc.code for loc in locales],
            }
        )
    pages.append(
        {
            "name": "404",
            "slug": None,
            "path": NOT_FOUND_PATH,
            "title": T("en")._("Page not found"),
            "titles": {},
            "signed_in": False,
            "status": 404,
            # One page for every unknown path, in every language at once, Japanese first (lang="ja"): checking
            # it under each locale prefix would check the same page again.
            "locales": [DEFAULT_LOCALE],
        }
    )
    return {
        "version": INVENTORY_VERSION,
        "service": {loc.code: T(loc)._("Minna Portal") for loc in locales},
        "locales": [
            {
                "code": loc.code,
                "lang": loc.html_lang,
                "dir": loc.direction,
                "native_name": loc.native_name,
                "pseudo": loc.pseudo,
            }
            for loc in locales
        ],
        "modes": [{"name": name, "prefs": prefs} for name, prefs in MODES.items()],
        "prefs_cookie": "minna_prefs",
        "sign_in": {"path": "/{locale}/sign-in", "demo_cards": "/api/v1/demo-cards", "demo_pin": "1234"},
        "pages": pages,
    }


def pages_inventory(app: ASGIApp) -> ASGIApp:
    """ASGI middleware answering GET/HEAD /_minna/pages.json; every other request passes through."""
    body: bytes | None = None

    async def middleware(scope: Scope, receive: Any, send: Any) -> None:
        nonlocal body
        if scope["type"] != "http" or scope.get("path") != PATH or scope.get("method") not in {"GET", "HEAD"}:
            await app(scope, receive, send)
            return
        if body is None:  # pages register at import time; build once, on the first request
            body = json.dumps(build_inventory(), ensure_ascii=False).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"application/json; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"cache-control", b"no-cache"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body if scope["method"] == "GET" else b""})

    return middleware
