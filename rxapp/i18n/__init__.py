"""Languages: the locale registry, catalogs, formatting, furigana and pseudo-locales."""

from rxapp.i18n.registry import DEFAULT_LOCALE, LOCALES, Locale, get_locale, shipped_locales
from rxapp.i18n.translate import T

__all__ = ["DEFAULT_LOCALE", "LOCALES", "Locale", "T", "get_locale", "shipped_locales"]
