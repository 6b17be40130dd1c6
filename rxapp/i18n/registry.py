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
    tag: str | None = None  # BCP 47 tag naming this variant (hreflang); defaults to `code`

    @property
    def hreflang(self) -> str:
        """The tag for `hreflang`: unlike `html_lang` it tells やさしい日本語 apart from Japanese."""
        return self.tag or self.code

    @property
    def is_japanese(self) -> bool:
        """Japanese-script locales: they get era dates and furigana."""
        return self.cldr.startswith("ja")


LOCALES: tuple[Locale, ...] = (
    Locale("ja", "日本語", "ja", "ltr", "ja_JP"),
    # "easy" is not a valid BCP 47 variant (those have 5-8 letters), so the tag uses a private-use subtag.
    Locale("ja-easy", "やさしい にほんご", "ja", "ltr", "ja_JP", fallback="ja", tag="ja-x-easy"),
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


def _limited_to() -> list[str] | None:
    """PORTAL_LOCALES=ja,en ships only those locales (smaller builds, benchmarks); unset ships all."""
    raw = os.environ.get("PORTAL_LOCALES", "").strip()
    if not raw:
        return None
    codes = [code.strip() for code in raw.split(",") if code.strip()]
    unknown = [code for code in codes if code not in BY_CODE]
    if unknown:
        # A typo would silently drop a language from the build: fail loudly instead.
        raise ValueError(f"PORTAL_LOCALES names unknown locales {unknown}; known: {sorted(BY_CODE)}")
    return codes


def shipped_locales() -> tuple[Locale, ...]:
    """The locales that get routes and appear in the language picker, in registry order.

    Pseudo-locales need PORTAL_PSEUDO_LOCALES=1; PORTAL_LOCALES, when set, keeps only the codes it lists.
    """
    limit = _limited_to()
    return tuple(
        loc
        for loc in LOCALES
        if (not loc.pseudo or pseudo_locales_enabled()) and (limit is None or loc.code in limit)
    )


def default_locale() -> str:
    """The locale of last resort: Japanese, unless PORTAL_LOCALES left it out."""
    codes = [loc.code for loc in shipped_locales()]
    return DEFAULT_LOCALE if DEFAULT_LOCALE in codes or not codes else codes[0]


def get_locale(code: str) -> Locale:
    """The registered locale for `code`, or the default one."""
    return BY_CODE.get(code, BY_CODE[DEFAULT_LOCALE])
