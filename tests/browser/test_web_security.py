"""The running portal's edge: redirects, CORS, the websocket's Origin check, security headers, refused requests.

HTTP tests talk to the portal started by tests/conftest.py; the last ones run in Chromium to show the page's
Content-Security-Policy is in force (an injected inline script does not run) while the page itself works.
"""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.apply_helpers import answer_date, press, sign_in, wait_hydrated, wait_step

FOREIGN = "https://evil.example"


def _get(portal_url: str, path: str, **headers: str) -> httpx.Response:
    return httpx.get(portal_url + path, headers=headers, follow_redirects=False, timeout=30)


def _raw(portal_url: str, request_line: str, *headers: str) -> tuple[int, bytes]:
    """Send bytes httpx would refuse to send (a NUL or a tab in the path, a websocket upgrade)."""
    parts = urlsplit(portal_url)
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as conn:
        upgrade = any(h.lower().startswith("upgrade:") for h in headers)
        lines = [request_line, f"Host: {parts.netloc}", *headers, f"Connection: {'Upgrade' if upgrade else 'close'}",
                 "", ""]
        conn.sendall("\r\n".join(lines).encode("latin-1"))
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
            if b"\r\n\r\n" in answer and not answer.startswith(b"HTTP/1.1 200"):
                break
    return int(answer.split(b" ", 2)[1]), answer


# ---------------------------------------------------------------------------------------- redirects

@pytest.mark.parametrize("next_value", [
    "/%09/evil.example/", "/%0a/evil.example/", "%2F%2Fevil.example", "/%5Cevil.example", "//evil.example",
    "https://evil.example/", "/%E3%80%80/evil.example",
])  # fmt: skip
def test_prefs_never_redirect_to_another_site(portal_url: str, next_value: str) -> None:
    response = _get(portal_url, f"/_prefs?size=200&next={next_value}")
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    assert "minna_prefs=" in response.headers["set-cookie"]


def test_prefs_return_to_the_page_they_came_from(portal_url: str) -> None:
    response = _get(portal_url, "/_prefs?size=200&next=/ja/settings")
    assert response.headers["location"] == "/ja/settings"


def test_a_crlf_in_next_is_neither_a_500_nor_a_header(portal_url: str) -> None:
    response = _get(portal_url, "/_prefs?size=200&next=/ja/%0d%0aSet-Cookie:%20evil=1")
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    assert "evil" not in response.headers.get("set-cookie", "")


def test_prefs_with_too_many_fields_is_not_a_500(portal_url: str) -> None:
    response = _get(portal_url, "/_prefs?" + "&".join(f"k{i}=1" for i in range(25)) + "&size=200&next=/ja/")
    assert response.status_code == 303
    assert response.headers["location"] == "/"


# ---------------------------------------------------------------------------------------- CORS, websocket

@pytest.mark.parametrize("path", ["/api/v1/procedures", "/ja/", "/_minna/pages.json"])
def test_a_foreign_origin_gets_no_cors_grant(portal_url: str, path: str) -> None:
    response = _get(portal_url, path, Origin=FOREIGN, Cookie="minna_locale=ja")
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    assert "access-control-allow-credentials" not in response.headers
    preflight = httpx.options(portal_url + path, timeout=30, headers={
        "Origin": FOREIGN, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"})
    assert preflight.headers.get("access-control-allow-origin") in {None, ""}
    assert "access-control-allow-credentials" not in preflight.headers


def _handshake(portal_url: str, origin: str | None) -> int:
    status, _ = _raw(portal_url, "GET /_event/?EIO=4&transport=websocket HTTP/1.1", "Upgrade: websocket",
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13",
                     *([f"Origin: {origin}"] if origin else []))
    return status


def test_the_websocket_refuses_a_foreign_origin(portal_url: str) -> None:
    assert _handshake(portal_url, FOREIGN) == 403
    assert _handshake(portal_url, "null") == 403
    assert _handshake(portal_url, portal_url) == 101  # the portal's own pages
    assert _handshake(portal_url, None) == 101  # not a browser: no resident's cookies ride on it


# ---------------------------------------------------------------------------------------- headers

def _directives(policy: str) -> dict[str, list[str]]:
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("encoding", ["identity", "br, gzip"])
def test_pages_carry_a_strict_policy_and_the_security_headers(portal_url: str, encoding: str) -> None:
    response = _get(portal_url, "/ja/", **{"Accept-Encoding": encoding})
    policy = _directives(response.headers["content-security-policy"])
    assert "'unsafe-inline'" not in policy["script-src"]
    assert policy["script-src"][0] == "'self'"
    assert any(source.startswith("'sha256-") for source in policy["script-src"])
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["connect-src"][0] == "'self'"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] in {"strict-origin-when-cross-origin", "no-referrer"}
    assert "camera=()" in response.headers["permissions-policy"]
    assert "strict-transport-security" not in response.headers  # plain http here


def test_api_answers_carry_the_headers_too(portal_url: str) -> None:
    response = _get(portal_url, "/api/v1/procedures")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"


# ---------------------------------------------------------------------------------------- refused requests

@pytest.mark.parametrize("path", ["/%00", "/ja/%00", "/%0d%0aX:%201", "/ja/%zz", "/%", "/ja/%ff%fe"])
def test_broken_paths_are_a_4xx_without_a_trace(portal_url: str, path: str) -> None:
    status, answer = _raw(portal_url, f"GET {path} HTTP/1.1")
    assert 400 <= status < 500
    assert b"Traceback" not in answer and b"Error" not in answer.split(b"\r\n\r\n", 1)[-1][:200]


def test_an_over_large_body_is_a_413_in_the_api_shape(portal_url: str) -> None:
    response = httpx.post(portal_url + "/api/v1/sessions", content=b"{" + b" " * 1_100_000 + b"}",
                          headers={"Content-Type": "application/json"}, timeout=60)
    assert response.status_code == 413
    assert response.json()["code"] == "payload_too_large"
    small = httpx.post(portal_url + "/api/v1/sessions", json={}, timeout=30)
    assert small.status_code == 422  # an ordinary bad request still reaches the API


# ---------------------------------------------------------------------------------------- in the browser

@pytest.mark.browser
@pytest.mark.allow_csp_violations
def test_the_policy_blocks_an_injected_inline_script(page: Page, portal_url: str) -> None:
    page.goto(portal_url + "/en/")
    wait_hydrated(page)
    ran = page.evaluate("""() => new Promise((resolve) => {
        window.__injected = false;
        document.addEventListener("securitypolicyviolation", (e) => resolve({ran: window.__injected,
            directive: e.effectiveDirective}), {once: true});
        const script = document.createElement("script");
        script.textContent = "window.__injected = true";
        document.body.appendChild(script);
        setTimeout(() => resolve({ran: window.__injected, directive: null}), 2000);
    })""")
    assert ran == {"ran": False, "directive": "script-src-elem"}


@pytest.mark.browser
def test_pages_work_under_the_policy(page: Page, portal_url: str) -> None:
    # The page's own inline scripts ran (display settings, hydration, the websocket): the hashes are right.
    page.goto(portal_url + "/en/settings")
    wait_hydrated(page)
    assert page.evaluate("typeof window.minnaApplyPrefs") == "function"
    assert json.loads(page.evaluate("JSON.stringify(Object.keys(window.__reactRouterContext || {}).length > 0)"))


@pytest.mark.browser
def test_a_pasted_megabyte_answer_gets_the_fields_error(page: Page, portal_url: str) -> None:
    # Before: 3.6 MB went over the websocket in one message, the server dropped the connection, Continue did
    # nothing. Now the field stops the paste at twice its limit and Continue explains the limit.
    sign_in(page, portal_url, "en", "bishnu", "/en/apply/moving-out")
    wait_step(page, "g-move")
    answer_date(page, "move_date", 2026, 12, 20)
    press(page, "continue-button")
    wait_step(page, "g-address")
    field = page.locator("#answer-new_address")
    field.fill("東" * 3_600_000)
    assert field.evaluate("(e) => e.value.length") == 400  # the schema's 200, doubled
    press(page, "continue-button")
    expect(page.locator("#answer-new_address-error")).to_contain_text("200 characters or fewer", timeout=20_000)
    expect(page.locator("#answer-new_address")).to_have_attribute("aria-invalid", "true")


SOCKET_PROBE = """async ([size]) => {
    const url = location.origin.replace(/^http/, "ws") + "/_event/?EIO=4&transport=websocket";
    const ws = new WebSocket(url);
    await new Promise((resolve) => { ws.onmessage = resolve; });  // Engine.IO OPEN
    let closed = false;
    ws.onclose = () => { closed = true; };
    ws.send("3" + "x".repeat(size));  // a PONG with padding: harmless, only its size matters
    await new Promise((resolve) => setTimeout(resolve, 3000));
    ws.close();
    return closed;
}"""


@pytest.mark.browser
def test_the_websocket_closes_on_an_over_large_message(page: Page, portal_url: str) -> None:
    page.goto(portal_url + "/en/")
    assert page.evaluate(SOCKET_PROBE, [400_000]) is True
    assert page.evaluate(SOCKET_PROBE, [100_000]) is False  # a big, but possible, message is read
