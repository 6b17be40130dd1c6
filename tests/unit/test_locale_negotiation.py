"""Locale negotiation and unprefixed-path redirects, without a browser."""

from __future__ import annotations

import pytest

from rxapp.middleware import localized_path, negotiate

CODES = {"ja", "ja-easy", "en", "ar"}
ROOTS = {"help", "contact", "settings"}


@pytest.mark.parametrize(
    ("header", "saved", "expected"),
    [
        (None, None, "ja"),
        ("en-US,en;q=0.9", None, "en"),
        ("fr-FR,ar;q=0.8,en;q=0.5", None, "ar"),
        ("de,fr", None, "ja"),
        ("en", "ar", "ar"),
        ("en", "xx", "en"),
        ("ja-easy", None, "ja"),
        (";;;q=abc,,*", None, "ja"),
        ("en;q=0,ar;q=0.1", None, "ar"),
        ("x" * 10_000, None, "ja"),
        ("EN-us", None, "en"),  # Babel echoes the header's case; only a registered code may come back
        ("ar-EG,en;q=0.5", None, "ar"),
        ("zh-TW,en;q=0.5", None, "en"),
        ("en;q=abc,ar", None, "ar"),
        ("en-XA", None, "en"),  # pseudo-locales are never chosen from a header…
        ("ja", "en-XA", "ja"),  # …nor from a cookie when they are not shipped (the test env may ship them)
        ("\udcff\x00,en", None, "en"),
        (None, "", "ja"),
    ],
)
def test_negotiate(header: str | None, saved: str | None, expected: str) -> None:
    assert negotiate(header, saved) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "/ja/"),
        ("/help", "/ja/help"),
        ("/fr/help", "/ja/help"),
        ("/ja/help", None),
        ("/ja-easy/", None),
        ("/api/v1/openapi.json", None),
        ("/assets/app.js", None),
        ("/_event", None),
        ("/favicon.ico", None),
        ("/EN/help", "/en/help"),  # a known locale in another case keeps the visitor's choice
        ("/Ja-Easy", "/ja-easy/"),
        ("/zz-ZZ/help", "/ja/help"),
        ("/help/", "/ja/help"),
        ("/%E6%97%A5/", "/ja/%E6%97%A5"),
    ],
)
def test_localized_path(path: str, expected: str | None) -> None:
    assert localized_path(path, "ja", CODES, ROOTS) == expected
