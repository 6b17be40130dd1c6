"""The security layer without a server: origins, the page's CSP, refused paths and bodies (a fake ASGI app)."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from rxapp import web_security as ws
from tests.unit.async_run import run_coroutine

PAGE = (b'<!DOCTYPE html><html><head><script>var a=1;</script><script src="/x.js"></script>'
        b'<script type="module" async="">import "/assets/m.js";</script></head><body>'
        b'<script>$RC("B:1","S:1")</script></body></html>')


def _sha(text: bytes) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text).digest()).decode()}'"


class FakeApp:
    """Answers every request with `body` as `content_type`, and records what reached it."""

    def __init__(self, body: bytes = PAGE, content_type: bytes = b"text/html; charset=utf-8",
                 encoding: bytes | None = None, file: Path | None = None) -> None:
        self.body, self.content_type, self.encoding, self.file = body, content_type, encoding, file
        self.calls: list[dict[str, Any]] = []
        self.bodies: list[bytes] = []

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        self.calls.append(scope)
        if scope["type"] == "websocket":
            await receive()
            await send({"type": "websocket.accept"})
            return
        received = b""
        while True:
            message = await receive()
            received += message.get("body", b"")
            if not message.get("more_body"):
                break
        self.bodies.append(received)
        accepts = dict(scope["headers"]).get(b"accept-encoding", b"")
        body, headers = self.body, [(b"content-type", self.content_type), (b"etag", b'"v1"')]
        if self.encoding == b"gzip" and b"gzip" in accepts:
            body, headers = gzip.compress(body), [*headers, (b"content-encoding", b"gzip")]
        elif self.encoding == b"br" and b"br" in accepts:
            body, headers = b"\x0b\x01 not decodable here", [*headers, (b"content-encoding", b"br")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        if self.file is not None and "http.response.pathsend" in (scope.get("extensions") or {}):
            self.file.write_bytes(body)
            await send({"type": "http.response.pathsend", "path": str(self.file)})
            return
        await send({"type": "http.response.body", "body": body if scope["method"] != "HEAD" else b""})


def _run(app: Any, scope: dict[str, Any], body_parts: list[bytes] | None = None) -> list[dict[str, Any]]:
    sent: list[dict[str, Any]] = []
    parts = list(body_parts or [b""])

    async def receive() -> dict[str, Any]:
        if scope["type"] == "websocket":
            return {"type": "websocket.connect"}
        if parts:
            chunk = parts.pop(0)
            return {"type": "http.request", "body": chunk, "more_body": bool(parts)}
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    run_coroutine(app(scope, receive, send))
    return sent


def _scope(path: str = "/ja/", method: str = "GET", headers: list[tuple[bytes, bytes]] | None = None,
           kind: str = "http", raw_path: bytes | None = None) -> dict[str, Any]:
    return {"type": kind, "method": method, "path": path, "raw_path": raw_path or path.encode("latin-1"),
            "query_string": b"", "scheme": "http",
            "headers": [(b"host", b"127.0.0.1:3000"), *(headers or [])]}


def _headers(sent: list[dict[str, Any]]) -> dict[bytes, bytes]:
    return dict(next(m for m in sent if m["type"] == "http.response.start")["headers"])


@pytest.fixture(autouse=True)
def _production(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFLEX_ENV_MODE", "prod")
    monkeypatch.delenv("PORTAL_PUBLIC_URL", raising=False)
    monkeypatch.delenv("PORTAL_ALLOWED_ORIGINS", raising=False)


def test_html_gets_a_csp_with_the_hashes_of_its_own_inline_scripts() -> None:
    headers = _headers(_run(ws.security_middleware(FakeApp()), _scope()))
    policy = headers[b"content-security-policy"].decode()
    directives = {d.split()[0]: d.split()[1:] for d in policy.split("; ")}
    assert directives["script-src"] == ["'self'", _sha(b"var a=1;"), _sha(b'import "/assets/m.js";'),
                                        _sha(b'$RC("B:1","S:1")')]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["connect-src"] == ["'self'", "ws://127.0.0.1:3000", "wss://127.0.0.1:3000"]
    assert headers[b"x-content-type-options"] == b"nosniff"
    assert headers[b"x-frame-options"] == b"DENY"
    assert b"camera=()" in headers[b"permissions-policy"]
    assert headers[b"referrer-policy"] == b"strict-origin-when-cross-origin"
    assert b"strict-transport-security" not in headers  # plain http


@pytest.mark.parametrize("encoding", [b"gzip", b"br"])
def test_compressed_pages_get_the_same_policy(encoding: bytes) -> None:
    app = FakeApp(encoding=encoding)
    middleware = ws.security_middleware(app)
    plain = _headers(_run(middleware, _scope()))[b"content-security-policy"]
    scope = _scope(headers=[(b"accept-encoding", b"br, gzip")])
    sent = _run(middleware, scope)
    assert _headers(sent)[b"content-security-policy"] == plain
    assert _headers(sent)[b"content-encoding"] == encoding  # the compressed body is passed on as it came
    head = _run(ws.security_middleware(FakeApp(encoding=encoding)), {**scope, "method": "HEAD"})
    assert _headers(head)[b"content-security-policy"] == plain


def test_pages_sent_as_files_get_the_policy_too(tmp_path: Path) -> None:
    # Starlette sends static files with the ASGI pathsend extension when the server offers it (granian does).
    scope = {**_scope(), "extensions": {"http.response.pathsend": {}}}
    sent = _run(ws.security_middleware(FakeApp(file=tmp_path / "page.html")), scope)
    assert _sha(b"var a=1;").encode() in _headers(sent)[b"content-security-policy"]
    assert sent[1] == {"type": "http.response.body", "body": PAGE}


def test_public_https_url_gives_hsts_and_its_websocket(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_PUBLIC_URL", "https://portal.example.jp/")
    headers = _headers(_run(ws.security_middleware(FakeApp()), _scope()))
    assert headers[b"strict-transport-security"].startswith(b"max-age=")
    assert b"connect-src 'self' wss://portal.example.jp;" in headers[b"content-security-policy"]


def test_json_gets_the_headers_but_no_page_policy() -> None:
    headers = _headers(_run(ws.security_middleware(FakeApp(b"{}", b"application/json")), _scope("/api/v1/x")))
    assert headers[b"x-content-type-options"] == b"nosniff"
    assert b"content-security-policy" not in headers


@pytest.mark.parametrize(("path", "raw"), [
    ("/\x00", b"/%00"),
    ("/ja/\r\nx", b"/ja/%0d%0ax"),
    ("/ja/\t", b"/ja/%09"),
    ("/ja/%zz", b"/ja/%zz"),
    ("/ja/%", b"/ja/%"),
])  # fmt: skip
def test_control_characters_and_broken_escapes_are_a_400(path: str, raw: bytes) -> None:
    app = FakeApp()
    sent = _run(ws.security_middleware(app), _scope(path, raw_path=raw))
    assert sent[0]["status"] == 400
    assert not app.calls


def test_bodies_over_the_limit_are_a_413_in_the_api_shape() -> None:
    app = FakeApp(b"{}", b"application/json")
    big = str(ws.MAX_BODY_BYTES + 1).encode()
    sent = _run(ws.security_middleware(app), _scope("/api/v1/sessions", "POST", [(b"content-length", big)]))
    assert sent[0]["status"] == 413
    assert json.loads(sent[1]["body"])["code"] == "payload_too_large"
    assert not app.calls
    chunked = _scope("/api/v1/sessions", "POST", [(b"transfer-encoding", b"chunked")])
    sent = _run(ws.security_middleware(app), chunked, [b"x" * 600_000, b"x" * 600_000])
    assert sent[0]["status"] == 413
    assert not app.calls
    sent = _run(ws.security_middleware(app), chunked, [b"a" * 10, b"b" * 10])
    assert sent[0]["status"] == 200
    assert app.bodies == [b"a" * 10 + b"b" * 10]


@pytest.mark.parametrize(("origin", "allowed"), [
    (None, True),  # not a browser
    ("http://127.0.0.1:3000", True),  # the page's own origin
    ("https://evil.example", False),
    ("http://127.0.0.1:3001", False),
    ("null", False),
    ("http://127.0.0.1:3000.evil.example", False),
])  # fmt: skip
def test_websocket_handshake_checks_origin(origin: str | None, allowed: bool) -> None:
    headers = [(b"origin", origin.encode())] if origin else []
    app = FakeApp()
    sent = _run(ws.security_middleware(app), _scope("/_event/", headers=headers, kind="websocket"))
    assert sent[0]["type"] == ("websocket.accept" if allowed else "websocket.close")


def test_configured_and_development_origins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PORTAL_PUBLIC_URL", "https://portal.example.jp")
    monkeypatch.setenv("PORTAL_ALLOWED_ORIGINS", "https://partner.example.jp:8443, http://kiosk.example.jp")
    assert ws.allowed_origins() == ["https://portal.example.jp", "https://partner.example.jp:8443",
                                    "http://kiosk.example.jp"]
    # Behind the proxy the Host header may be the internal address: the public origin still passes.
    assert ws.origin_allowed("https://portal.example.jp", "127.0.0.1:8080")
    assert not ws.origin_allowed("https://evil.example", "portal.example.jp")
    monkeypatch.setenv("REFLEX_ENV_MODE", "dev")
    monkeypatch.setenv("REFLEX_FRONTEND_PORT", "3000")
    assert ws.origin_allowed("http://localhost:3000", "localhost:8000")  # make dev: pages :3000, backend :8000
    assert not ws.origin_allowed("http://localhost:3001", "localhost:8000")
    assert "http://localhost:3000" in ws.allowed_origins()
    with pytest.raises(ValueError):
        ws.normalize_origin("javascript:alert(1)")


def test_cors_grants_credentials_only_with_an_origin_grant() -> None:
    cors = ws.GrantOnlyCORSMiddleware(FakeApp(b"{}", b"application/json"), allow_credentials=True,
                                      allow_methods=["*"], allow_headers=["*"], allow_origins=["https://portal.example.jp"])
    foreign = _headers(_run(cors, _scope("/api/v1/x", headers=[(b"origin", b"https://evil.example")])))
    assert b"access-control-allow-origin" not in foreign
    assert b"access-control-allow-credentials" not in foreign
    granted = _headers(_run(cors, _scope("/api/v1/x", headers=[(b"origin", b"https://portal.example.jp")])))
    assert granted[b"access-control-allow-origin"] == b"https://portal.example.jp"
    assert granted[b"access-control-allow-credentials"] == b"true"
    preflight = _run(cors, _scope("/api/v1/x", "OPTIONS", [(b"origin", b"https://evil.example"),
                                                           (b"access-control-request-method", b"POST")]))
    assert preflight[0]["status"] == 400
    assert b"access-control-allow-credentials" not in _headers(preflight)
