"""The browser's session cookie and its store, without a browser: what the cookie looks like, that rotation moves
the sign-in to the new value and forgets the old one, and that it only ever redirects within the site."""

from __future__ import annotations

from typing import Any

import pytest

from rxapp import browser_session
from rxapp.browser_session import COOKIE, MemoryStore, cookie_value, key_of, session_cookie
from tests.unit.async_run import run_coroutine


def _run(coro: Any) -> Any:
    return run_coroutine(coro)


async def _call(app: Any, path: str, *, cookie: str = "", query: bytes = b"") -> tuple[int, dict[bytes, list[bytes]]]:
    scope = {"type": "http", "method": "GET", "path": path, "query_string": query, "scheme": "http",
             "headers": [(b"cookie", cookie.encode())] if cookie else []}  # fmt: skip
    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    async def receive() -> dict[str, Any]:
        return {"type": "http.request"}

    await app(scope, receive, send)
    start = sent[0]
    headers: dict[bytes, list[bytes]] = {}
    for name, value in start["headers"]:
        headers.setdefault(name, []).append(value)
    return start["status"], headers


async def _page(scope: Any, receive: Any, send: Any) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/html")]})
    await send({"type": "http.response.body", "body": b"<html></html>"})


@pytest.fixture
def memory(monkeypatch: pytest.MonkeyPatch) -> MemoryStore:
    store = MemoryStore()
    monkeypatch.setattr(browser_session, "_store", store)
    return store


def test_the_first_page_sets_an_http_only_cookie_and_later_pages_leave_it(memory: MemoryStore) -> None:
    app = session_cookie(_page)
    status, headers = _run(_call(app, "/ja/"))
    assert status == 200
    (cookie,) = headers[b"set-cookie"]
    assert cookie.startswith(f"{COOKIE}=".encode()) and b"HttpOnly" in cookie and b"SameSite=Lax" in cookie
    assert b"Max-Age" not in cookie and b"Expires" not in cookie, "closing the browser forgets it"
    _, again = _run(_call(app, "/ja/help", cookie=cookie.split(b";")[0].decode()))
    assert b"set-cookie" not in again
    for not_a_page in ("/api/v1/health", "/_event", "/assets/app.js", "/favicon.ico"):
        assert b"set-cookie" not in _run(_call(app, not_a_page))[1]


def test_rotation_moves_the_sign_in_to_a_new_value_and_forgets_the_old(memory: MemoryStore) -> None:
    app = session_cookie(_page)
    _run(memory.put(key_of("old-value"), "backend-token", 600))
    status, headers = _run(_call(app, "/_session/rotate", cookie=f"{COOKIE}=old-value", query=b"next=/en/mypage"))
    assert status == 303 and headers[b"location"] == [b"/en/mypage"]
    new = cookie_value(headers[b"set-cookie"][0].decode().split(";")[0])
    assert new and new != "old-value"
    assert _run(memory.get(key_of(new))) == "backend-token"
    assert _run(memory.get(key_of("old-value"))) is None


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "/%09/evil.example",
                                    "/%0d%0aSet-Cookie:x=1", "javascript:alert(1)", ""])  # fmt: skip
def test_rotation_never_redirects_off_the_site(memory: MemoryStore, target: str) -> None:
    _, headers = _run(_call(session_cookie(_page), "/_session/rotate", query=f"next={target}".encode()))
    assert headers[b"location"] == [b"/"]


def test_the_store_keeps_only_the_cookies_hash_and_forgets_at_expiry(memory: MemoryStore) -> None:
    _run(memory.put(key_of("cookie"), "token", 1))
    assert "cookie" not in memory._entries and key_of("cookie") in memory._entries
    memory._entries[key_of("cookie")] = ("token", 0.0)  # as if the session's time had run out
    assert _run(memory.get(key_of("cookie"))) is None
    assert key_of("") == ""
