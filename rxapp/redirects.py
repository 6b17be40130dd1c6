"""Where a `next` parameter may send a visitor: a page of this portal, never another site (open redirect).

Pure (no Reflex, no HTTP): the ASGI middleware (`/_prefs`) and the session state (sign-in) both use it.

Browsers drop tabs and newlines from URLs and read a backslash as a slash, so `/\t/evil.example`, `/\\evil`
and `/%2F/evil` can all turn into `//evil.example`, another host. The value is therefore checked as given
and fully percent-decoded, and anything unusual falls back instead of being repaired.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote

from rxapp.i18n.registry import shipped_locales

MAX_NEXT_LENGTH = 300
# The path part of a portal page: slugs are ASCII words (percent-escapes are checked decoded below).
_PATH = re.compile(r"/[A-Za-z0-9._~%/-]*")
# Characters kept as they are in the returned value: the rest is percent-encoded (the Location header is ASCII).
_KEEP = "/?&=%#-._~+,;:@!$'()*"


def _unsafe_character(text: str) -> bool:
    # Control and format characters (tab, CR, LF, NUL, bidi overrides, zero-width), separators, any whitespace.
    return any(ch.isspace() or unicodedata.category(ch)[0] in {"C", "Z"} for ch in text)


def _decoded(text: str) -> str:
    """`text` percent-decoded until it no longer changes (a twice-encoded `%252F` is a slash too)."""
    for _ in range(4):
        plain = unquote(text, errors="strict")
        if plain == text:
            break
        text = plain
    return text


def safe_path(raw: str | None, locales: set[str] | None = None) -> str | None:
    """`raw` as a path of this portal (`/<locale>/…`, ASCII, percent-encoded where needed), or None.

    `raw` is the parameter as the query parser gave it; a value still percent-encoded as a whole
    (`%2Fja%2Fnotices`, as a sign-in link may carry it) is decoded once.
    """
    if not raw or len(raw) > MAX_NEXT_LENGTH:
        return None
    candidate = raw if raw.startswith("/") else unquote(raw)
    try:
        plain = _decoded(candidate)
    except UnicodeDecodeError:
        return None
    for text in (candidate, plain):
        if _unsafe_character(text) or "\\" in text or "//" in text or not text.startswith("/"):
            return None
    path = plain.split("?", 1)[0].split("#", 1)[0]
    if not _PATH.fullmatch(path) or any(part in {".", ".."} for part in path.split("/")):
        return None
    codes = locales if locales is not None else {loc.code for loc in shipped_locales()}
    if path.split("/")[1] not in codes:
        return None
    return quote(candidate, safe=_KEEP)


def safe_next(raw: str | None, locale: str | None = None) -> str:
    """Where to go after a form that carried `next`: a safe path of this portal, else the fallback.

    With `locale` (signing in) the fallback is that locale's My page, and the sign-in page itself is refused
    (coming back to it would be a loop); without, the fallback is `/` (the locale redirect picks the language).
    """
    fallback = f"/{locale}/mypage" if locale else "/"
    target = safe_path(raw)
    if target is None:
        return fallback
    if locale and target.split("?", 1)[0].split("#", 1)[0].rstrip("/").endswith("/sign-in"):
        return fallback
    return target
