"""What to check, discovered from the running portal (`GET /_minna/pages.json`), never from a hand-kept list.

The portal publishes its pages (with localized titles and whether they need a signed-in session), the
locales it ships and the display modes it supports. This module turns that, and the tester's choices, into
the matrix of targets: page × locale × mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httpx

from accessibility.model import Target

INVENTORY_PATH = "/_minna/pages.json"
DEFAULT_MODE = "default"


class SuiteError(Exception):
    """The suite cannot run as asked: one clear line on stderr and exit code 2, never a traceback."""


@dataclass(frozen=True)
class LocaleInfo:
    code: str
    lang: str
    direction: str
    native_name: str
    pseudo: bool


@dataclass(frozen=True)
class PageInfo:
    name: str
    path: str  # with a "{locale}" placeholder
    title: str
    titles: dict[str, str]
    signed_in: bool
    status: int
    locales: tuple[str, ...]


@dataclass(frozen=True)
class Inventory:
    base_url: str
    locales: dict[str, LocaleInfo]
    modes: dict[str, str]  # mode name → minna_prefs cookie value
    pages: list[PageInfo]
    service: dict[str, str] = field(default_factory=dict)
    prefs_cookie: str = "minna_prefs"
    sign_in: dict[str, str] = field(default_factory=dict)

    def page(self, name: str) -> PageInfo:
        return next(p for p in self.pages if p.name == name)


def normalise_base_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise SuiteError(f"--base-url must be an http(s) URL, got {url!r}")
    return url.strip().rstrip("/")


def fetch_inventory(base_url: str, timeout: float = 15.0) -> Inventory:
    """Read the portal's inventory; every way this can go wrong becomes a SuiteError with one clear line."""
    base = normalise_base_url(base_url)
    url = base + INVENTORY_PATH
    try:
        response = httpx.get(url, timeout=timeout, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise SuiteError(f"the portal at {base} does not answer ({type(exc).__name__}: {exc})") from None
    if response.status_code != 200:
        raise SuiteError(
            f"{url} answered HTTP {response.status_code}: not a Minna Portal, or one without the page inventory"
        )
    try:
        data = response.json()
    except ValueError:
        raise SuiteError(f"{url} did not return JSON: not a Minna Portal page inventory") from None
    return parse_inventory(base, data)


def parse_inventory(base: str, data: Any) -> Inventory:
    try:
        locales = {
            item["code"]: LocaleInfo(
                code=item["code"],
                lang=item["lang"],
                direction=item.get("dir", "ltr"),
                native_name=item.get("native_name", ""),
                pseudo=bool(item.get("pseudo", False)),
            )
            for item in data["locales"]
        }
        modes = {item["name"]: item.get("prefs", "") for item in data["modes"]}
        pages = [
            PageInfo(
                name=item["name"],
                path=item["path"],
                title=item.get("title", ""),
                titles=dict(item.get("titles", {})),
                signed_in=bool(item.get("signed_in", False)),
                status=int(item.get("status", 200)),
                locales=tuple(item.get("locales", list(locales))),
            )
            for item in data["pages"]
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise SuiteError(f"{base}{INVENTORY_PATH} is malformed ({type(exc).__name__}: {exc})") from None
    return Inventory(
        base_url=base,
        locales=locales,
        modes=modes,
        pages=pages,
        service=dict(data.get("service", {})),
        prefs_cookie=data.get("prefs_cookie", "minna_prefs"),
        sign_in=dict(data.get("sign_in", {})),
    )


def _pick(kind: str, asked: list[str] | None, known: list[str]) -> list[str]:
    if not asked:
        return known
    unknown = [a for a in asked if a not in known]
    if unknown:
        raise SuiteError(f"unknown {kind} {', '.join(map(repr, unknown))}: this portal has {', '.join(known)}")
    return list(dict.fromkeys(asked))


def build_targets(
    inventory: Inventory,
    locales: list[str] | None = None,
    modes: list[str] | None = None,
    pages: list[str] | None = None,
    emulations: bool = True,
) -> list[Target]:
    """The matrix. Pseudo-locales run in the default mode only unless modes are asked for explicitly;
    emulations (reduced motion, forced colours, dark scheme) run on the default mode of the first
    left-to-right and the first right-to-left real locale chosen."""
    chosen_locales = _pick("locale", locales, list(inventory.locales))
    chosen_modes = _pick("mode", modes, list(inventory.modes))
    chosen_pages = _pick("page", pages, [p.name for p in inventory.pages])
    native_names = tuple((loc.native_name, loc.lang) for loc in inventory.locales.values() if loc.native_name)
    english_service = inventory.service.get("en", "")
    targets: list[Target] = []
    for page_name in chosen_pages:
        page = inventory.page(page_name)
        # Emulations change styles, not words: one left-to-right and one right-to-left locale of the page suffice.
        real = [inventory.locales[c] for c in chosen_locales if c in page.locales and not inventory.locales[c].pseudo]
        emulated = {next((loc.code for loc in real if loc.direction == d), "") for d in ("ltr", "rtl")} - {""}
        for code in chosen_locales:
            if code not in page.locales:
                continue
            loc = inventory.locales[code]
            for mode in chosen_modes:
                if loc.pseudo and not modes and mode != DEFAULT_MODE:
                    continue
                targets.append(
                    Target(
                        page=page.name,
                        path=page.path.replace("{locale}", code),
                        locale=code,
                        lang=loc.lang,
                        direction=loc.direction,
                        mode=mode,
                        prefs=inventory.modes[mode],
                        signed_in=page.signed_in,
                        status=page.status,
                        # The home page may be titled by the service's name alone.
                        title=(inventory.service.get(code, "") if page.path.rstrip("/") == "/{locale}"
                               else page.titles.get(code, "")),
                        english_title=page.title,
                        english_service=english_service,
                        pseudo=loc.pseudo,
                        emulations=emulations and mode == DEFAULT_MODE and code in emulated,
                        native_names=native_names,
                    )
                )
    if not targets:
        raise SuiteError("nothing to check: no page × locale × mode matches the selection")
    return targets
