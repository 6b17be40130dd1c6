"""The translation helper: every user-facing word goes through a `T`.

Source strings are English msgids; placeholders are named (`{count}`), never positional.
Extraction keywords (see babel.cfg): `_`, `n_` (plural), `p_` (with a context).
"""

from __future__ import annotations

import gettext as _gettext
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from babel.support import Translations

from rxapp.i18n.registry import Locale, get_locale

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "messages"


def _load_one(code: str) -> _gettext.NullTranslations:
    folder = LOCALES_DIR / code / "LC_MESSAGES"
    mo = folder / f"{DOMAIN}.mo"
    po = folder / f"{DOMAIN}.po"
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fp:
            return Translations(fp, domain=DOMAIN)
    if po.exists():
        # A checkout that has not run `make i18n` yet still shows its words.
        import io

        from babel.messages.mofile import write_mo

        with po.open("rb") as fp:
            catalog = read_po(fp, locale=None)
        buf = io.BytesIO()
        write_mo(buf, catalog)
        buf.seek(0)
        return Translations(buf, domain=DOMAIN)
    return _gettext.NullTranslations()


@cache
def translations_for(code: str) -> _gettext.NullTranslations:
    """The catalog for `code`, chained to its fallback; the msgid (English) is the last resort."""
    locale = get_locale(code)
    translations = _load_one(locale.code)
    if locale.fallback:
        translations.add_fallback(translations_for(locale.fallback))
    return translations


class T:
    """Translator bound to one locale. Pages receive one and call `t._("...")`."""

    def __init__(self, locale: Locale | str) -> None:
        self.locale: Locale = get_locale(locale) if isinstance(locale, str) else locale
        self._tr = translations_for(self.locale.code)

    @property
    def code(self) -> str:
        return self.locale.code

    def _(self, msgid: str, /, **params: object) -> str:
        text = self._tr.gettext(msgid)
        return text.format(**params) if params else text

    def n_(self, singular: str, plural: str, count: int, /, **params: object) -> str:
        text = self._tr.ngettext(singular, plural, count)
        return text.format(count=count, **params)

    def p_(self, context: str, msgid: str, /, **params: object) -> str:
        text = self._tr.pgettext(context, msgid)
        return text.format(**params) if params else text


def clear_cache() -> None:
    """Forget loaded catalogs (tests and `make i18n` in a running dev server)."""
    translations_for.cache_clear()
