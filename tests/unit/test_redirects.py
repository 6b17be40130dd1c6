"""Where `next` may send a visitor: only pages of this portal, whatever the encoding tricks."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from rxapp.redirects import MAX_NEXT_LENGTH, safe_next, safe_path


def _parsed(query_value: str) -> str:
    """The value as the server's query parser hands it over (one round of percent-decoding)."""
    return dict(parse_qsl(f"next={query_value}", keep_blank_values=True))["next"]


# Written as they appear in a URL's query string, then decoded once as the server does.
HOSTILE = [
    "/%09/evil.example/",  # a tab: browsers drop it and go to //evil.example/
    "/%0a/evil.example/",
    "/%0d%0a/evil.example/",
    "/ja/settings%0d%0aSet-Cookie:%20x=1",  # header injection
    "%0d%0aLocation:%20https://evil.example",
    "//evil.example/ja",
    "/%2F/evil.example",  # decodes to //evil.example
    "/%252F/evil.example",  # decodes twice to //evil.example
    "%2F%2Fevil.example",
    "/\\evil.example",
    "/%5Cevil.example",
    "\\\\evil.example",
    "https://evil.example/",
    "https:/evil.example",
    "javascript:alert(1)",
    "/%00/ja",
    "/ja/%00",
    "%E2%80%AE/ja/",  # right-to-left override
    "/%E2%80%8B/evil.example",  # zero-width space
    "/%E3%80%80/evil.example",  # ideographic space
    "/%C2%A0/evil.example",  # no-break space
    "/%EF%BC%8F%EF%BC%8Fevil.example",  # full-width solidus
    "/ja/../../evil.example",
    "/ja/%2e%2e/%2e%2e/evil.example",
    "/ja/%ff",  # not UTF-8
    "/xx/notices",  # not a locale of this portal
    "/evil.example",
    " /ja/",
    "",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_next_values_fall_back(value: str) -> None:
    assert safe_next(_parsed(value)) == "/"
    assert safe_next(_parsed(value), "en") == "/en/mypage"


def test_over_long_values_fall_back() -> None:
    long = "/ja/" + "a" * MAX_NEXT_LENGTH
    assert safe_path(long) is None
    assert safe_path("/ja/" + "a" * 50) == "/ja/" + "a" * 50


@pytest.mark.parametrize(("raw", "expected"), [
    ("/ja/settings", "/ja/settings"),
    ("/en/", "/en/"),
    ("/ja-easy/notices?page=2", "/ja-easy/notices?page=2"),
    ("%2Fja%2Fmy-info%3Fx%3D1", "/ja/my-info?x=1"),  # a whole value encoded once, as sign-in links carry it
    ("/ja/procedures?q=保育", "/ja/procedures?q=%E4%BF%9D%E8%82%B2"),  # ASCII out: safe in a Location header
    ("/ar/access-records?agency=x#top", "/ar/access-records?agency=x#top"),
])  # fmt: skip
def test_pages_of_this_portal_pass(raw: str, expected: str) -> None:
    assert safe_next(raw) == expected
    assert safe_next(raw).isascii()


def test_sign_in_never_returns_to_itself() -> None:
    assert safe_next("/en/sign-in", "en") == "/en/mypage"
    assert safe_next("/en/sign-in/?next=/en/", "en") == "/en/mypage"
    assert safe_next("/en/sign-in") == "/en/sign-in"  # the display settings may come back to it
