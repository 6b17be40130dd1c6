"""Session helpers without a browser: where `next` may send a resident, locales of paths, error codes."""

from __future__ import annotations

import pytest

from rxapp.api.errors import BackendUnavailable, CardLocked, Forbidden, PinIncorrect, Unauthorised
from rxapp.state.session import SessionState, SignInRequired, locale_of_path, safe_next


@pytest.mark.parametrize(("raw", "locale", "expected"), [
    ("/en/notices", "en", "/en/notices"),
    ("%2Fja%2Fmy-info%3Fx%3D1", "ja", "/ja/my-info?x=1"),
    ("/ar/access-records?agency=x", "ar", "/ar/access-records?agency=x"),
    ("//evil.example/ja", "ja", "/ja/mypage"),
    ("https://evil.example/", "en", "/en/mypage"),
    ("/\\evil.example", "en", "/en/mypage"),
    ("javascript:alert(1)", "en", "/en/mypage"),
    ("/xx/notices", "en", "/en/mypage"),
    ("/en/sign-in", "en", "/en/mypage"),
    ("", "ja-easy", "/ja-easy/mypage"),
    (None, "ja", "/ja/mypage"),
])  # fmt: skip
def test_safe_next_only_allows_pages_of_this_portal(raw: str | None, locale: str, expected: str) -> None:
    assert safe_next(raw, locale) == expected


def test_locale_of_path() -> None:
    assert locale_of_path("/ar/notices") == "ar"
    assert locale_of_path("/ja-easy/") == "ja-easy"
    assert locale_of_path("/unknown/page") == "ja"
    assert locale_of_path("") == "ja"


def test_error_codes_are_machine_codes() -> None:
    code = SessionState._error_code_of
    assert code(BackendUnavailable("x")) == "backend_unavailable"
    assert code(Unauthorised("x", code="session_expired", status=401)) == "session_expired"
    assert code(Unauthorised("x", status=401)) == "session_expired"
    assert code(SignInRequired("x")) == "sign_in_required"
    assert code(Forbidden("x", code="proxy_scope", status=403)) == "proxy_scope"
    assert code(CardLocked("x")) == "card_locked"
    assert code(PinIncorrect("x", tries_left=1)) == "pin_incorrect"
    assert code(ValueError("boom")) == "backend_error"
    # The body's own code (e.g. a proxy's "test_outage") does not leak past the three backend kinds.
    assert code(BackendUnavailable("x", code="test_outage", status=503)) == "backend_unavailable"
