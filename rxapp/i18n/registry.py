"""The one registry of languages Minna Portal ships.

Adding a language is one catalog folder (`locales/<code>/LC_MESSAGES/messages.po`) and one line here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

Direction = Literal["ltr", "rtl"]


@dataclass(frozen=True)
class Locale:
    """A language the portal is offered in."""

    code: str  # URL prefix and catalog folder, e.g. "ja-easy"
    native_name: str  # the language named in itself, shown in the picker
    html_lang: str  # BCP 47 tag for <html lang> and lang="" attributes
    direction: Direction
    cldr: str  # Babel/CLDR locale used for dates, numbers and money
    fallback: str | None = None  # catalog consulted when a message is missing
    pseudo: bool = False  # generated for testers, never hand-edited


LOCALES: tuple[Locale, ...] = (
    Locale("ja", "日本語", "ja", "ltr", "ja_JP"),
    Locale("ja-easy", "やさしい にほんご", "ja", "ltr", "ja_JP", fallback="ja"),
    Locale("en", "English", "en", "ltr", "en_GB"),
    Locale("ar", "العربية", "ar", "rtl", "ar"),
    Locale("en-XA", "[Ëñğļîšĥ]", "en", "ltr", "en_GB", pseudo=True),
    Locale("ar-XB", "[ʁɐqıɔ]", "ar", "rtl", "ar", pseudo=True),
)

DEFAULT_LOCALE = "ja"
BY_CODE: dict[str, Locale] = {loc.code: loc for loc in LOCALES}


def pseudo_locales_enabled() -> bool:
    """Testers switch the pseudo-locales on with PORTAL_PSEUDO_LOCALES=1."""
    return os.environ.get("PORTAL_PSEUDO_LOCALES", "") in {"1", "true", "yes"}


def shipped_locales() -> tuple[Locale, ...]:
    """The locales that get routes and appear in the language picker."""
    return tuple(loc for loc in LOCALES if not loc.pseudo or pseudo_locales_enabled())


def get_locale(code: str) -> Locale:
    """The registered locale for `code`, or the default one."""
    return BY_CODE.get(code, BY_CODE[DEFAULT_LOCALE])
