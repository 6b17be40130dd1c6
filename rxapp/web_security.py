"""Security at the edge of the portal, in front of pages, API and websocket (ASGI).

- Every response gets nosniff, a referrer policy, a permissions policy and no framing; HSTS when the portal
  is served over https (PORTAL_PUBLIC_URL, or the request's own scheme).
- HTML gets a Content-Security-Policy: scripts only from this origin plus the sha256 hashes of the inline
  scripts of that very page (the prerendered HTML carries React Router's and Reflex's, and the display
  preferences script), computed from the page as it is served and cached per page version.
- Which origins may use the API and the websocket: the portal's own (the request's Host), PORTAL_PUBLIC_URL,
  PORTAL_ALLOWED_ORIGINS, and in development the frontend port. A websocket handshake from any other
  Origin is refused (403); one without Origin (not a browser, so no resident's session rides on it) passes.
- Requests refused before they reach anything: control characters or broken percent-escapes in the path
  (400), request bodies over MAX_BODY_BYTES (413, the API's JSON error shape).

No Reflex import: rxconfig.py reads `allowed_origins()` for Reflex's CORS layers, which use
GrantOnlyCORSMiddleware (see rxapp.py).
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]

MAX_BODY_BYTES = 1_000_000
# Largest message a browser may send on the websocket. The portal's own are under 1 KB (form steps a few KB,
# text inputs are capped); a bigger one closes the socket before it is parsed.
WEBSOCKET_MAX_MESSAGE_BYTES = 256 * 1024

_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}
_INLINE_SCRIPT = re.compile(rb"<script\b(?![^>]*\ssrc=)[^>]*>(.*?)</script>", re.IGNORECASE | re.DOTALL)
_BAD_ESCAPE = re.compile(rb"%(?![0-9A-Fa-f]{2})")
_HOST = re.compile(r"[A-Za-z0-9.-]+(:[0-9]{1,5})?|\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")

STATIC_HEADERS: list[tuple[bytes, bytes]] = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                            b"interest-cohort=(), browsing-topics=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
]
HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
_OWN_HEADERS = {name for name, _ in STATIC_HEADERS} | {b"content-security-policy", HSTS[0]}


# ------------------------------------------------------------------------------------------- origins

def normalize_origin(url: str) -> str:
    """`scheme://host[:port]` in lower case without a default port; ValueError for anything else."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.username or parts.password:
        raise ValueError(f"not an http(s) origin: {url!r}")
    port = parts.port
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != _DEFAULT_PORTS[parts.scheme] else "")


def public_origin() -> str | None:
    """The origin of PORTAL_PUBLIC_URL (the address residents use, e.g. behind a TLS proxy), if set."""
    value = os.environ.get("PORTAL_PUBLIC_URL", "").strip()
    return normalize_origin(value) if value else None


def _dev_frontend_port() -> int | None:
    """The frontend port of `reflex run` in development (pages on :3000, websocket on :8000), else None."""
    if os.environ.get("REFLEX_ENV_MODE", "dev") != "dev":
        return None
    return int(os.environ.get("REFLEX_FRONTEND_PORT") or 3000)


def allowed_origins() -> list[str]:
    """Origins other than the request's own that may call the API and open the websocket."""
    origins = [public_origin()] if public_origin() else []
    origins += [normalize_origin(o) for o in os.environ.get("PORTAL_ALLOWED_ORIGINS", "").split(",") if o.strip()]
    port = _dev_frontend_port()
    if port:
        origins += [f"http://localhost:{port}", f"http://127.0.0.1:{port}"]
    return list(dict.fromkeys(origins))


def _authority(host: str, scheme: str) -> str:
    host = host.strip().lower()
    default = _DEFAULT_PORTS.get(scheme)
    return host.removesuffix(f":{default}") if default else host


def origin_allowed(origin: str | None, host: str | None) -> bool:
    """May a request with this Origin header, sent to this Host, act for the browser's resident?"""
    if origin is None:
        return True  # not a browser: no session cookie of a resident can ride on it
    try:
        normal = normalize_origin(origin)
    except ValueError:
        return False  # "null" (sandboxed frames, file:), other schemes
    if normal in allowed_origins():
        return True
    if not host or not _HOST.fullmatch(host.strip()):
        return False
    scheme = normal.split("://", 1)[0]
    if normal.split("://", 1)[1] == _authority(host, scheme):
        return True  # same origin (the Host header carries no scheme: the proxy may have ended TLS)
    port = _dev_frontend_port()
    origin_parts, host_parts = urlsplit(normal), urlsplit(f"//{host}")
    return bool(port) and origin_parts.hostname == host_parts.hostname and origin_parts.port == port


def _drop_lonely_credentials(headers: MutableHeaders) -> None:
    if "access-control-allow-origin" not in headers and "access-control-allow-credentials" in headers:
        del headers["access-control-allow-credentials"]


class GrantOnlyCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, but Allow-Credentials only beside an Allow-Origin grant: Starlette sends it with every
    answer to a request that has an Origin, granted or not."""

    async def send(self, message: Any, send: Any, request_headers: Headers) -> None:
        async def without_lonely_credentials(out: Any) -> None:
            if out["type"] == "http.response.start":
                _drop_lonely_credentials(MutableHeaders(scope=out))
            await send(out)

        await super().send(message, without_lonely_credentials, request_headers)

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        _drop_lonely_credentials(response.headers)
        return response


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value.decode("latin-1")
    return None


def engineio_origin_check(origin: str | None, environ: dict[str, Any]) -> bool:
    """The same rule for python-engineio's own check (`cors_allowed_origins` may be a callable)."""
    return origin_allowed(origin, environ.get("HTTP_HOST"))


# ------------------------------------------------------------------------------------------- CSP

def script_hashes(html: bytes) -> list[str]:
    """CSP sources for every inline script of a page, in order, without repeats."""
    found = [hashlib.sha256(m.group(1)).digest() for m in _INLINE_SCRIPT.finditer(html)]
    return list(dict.fromkeys(f"'sha256-{base64.b64encode(d).decode()}'" for d in found))


def content_security_policy(hashes: Iterable[str], host: str | None = None) -> str:
    """The policy of one HTML page. Styles allow 'unsafe-inline': React writes style attributes. No eval():
    rx.call_script runs the build's own copies (rxapp/call_scripts.py)."""
    sockets = []
    public = public_origin()
    if public:
        sockets.append(public.replace("http", "ws", 1))
    elif host and _HOST.fullmatch(host.strip()):
        # 'self' covers ws(s): of this origin in CSP 3 browsers; older ones need it spelt out.
        sockets += [f"ws://{host.strip()}", f"wss://{host.strip()}"]
    return "; ".join([
        "default-src 'self'",
        " ".join(["script-src 'self'", *hashes]),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self'",
        " ".join(["connect-src 'self'", *sockets]),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def _plain(body: bytes, encoding: bytes) -> bytes | None:
    """The HTML of a response body, when Python can decode it (no brotli here)."""
    try:
        if encoding in {b"", b"identity"}:
            return body
        if encoding == b"gzip":
            return gzip.decompress(body)
        if encoding == b"deflate":
            return zlib.decompress(body)
    except (OSError, zlib.error, EOFError):
        return None
    return None


# ------------------------------------------------------------------------------------------- middleware

async def _plain_response(send: Any, status: int, body: bytes, kind: bytes) -> None:
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-type", kind), (b"content-length", str(len(body)).encode()), (b"cache-control", b"no-store"),
        *STATIC_HEADERS,
    ]})
    await send({"type": "http.response.body", "body": body})


async def _refuse(scope: Scope, send: Any, status: int, code: str, message: str) -> None:
    if scope.get("path", "").startswith("/api/"):
        body = json.dumps({"code": code, "message": message, "field_errors": {}, "tries_left": None}).encode()
        await _plain_response(send, status, body, b"application/json")
    else:
        # No words: the browser shows its own error page, in the visitor's language.
        await _plain_response(send, status, b"", b"text/plain; charset=utf-8")


def _bad_path(scope: Scope) -> bool:
    path: str = scope.get("path", "")
    raw: bytes = scope.get("raw_path") or b""
    return any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in path) or bool(_BAD_ESCAPE.search(raw.split(b"?")[0]))


def security_middleware(app: ASGIApp) -> ASGIApp:
    """The outermost of the portal's own layers: refuse, limit, then add the headers."""
    csp_cache: dict[tuple[str, bytes], list[str]] = {}

    async def page_hashes(scope: Scope, start: dict[str, Any], body: bytes) -> list[str] | None:
        headers = dict(start.get("headers", []))
        encoding = headers.get(b"content-encoding", b"").strip().lower()
        validator = headers.get(b"etag") or headers.get(b"last-modified")
        key = (scope.get("path", ""), validator or b"")
        if validator and key in csp_cache:
            return csp_cache[key]
        # A HEAD or 304 has no body, yet its headers replace the cached page's: the policy must be the page's.
        html = _plain(body, encoding) if scope.get("method") != "HEAD" and start.get("status") != 304 else None
        if html is None:
            html = await _fetch_plain(scope)
        if html is None:
            return None
        hashes = script_hashes(html)
        if validator:
            if len(csp_cache) > 4096:
                csp_cache.clear()
            csp_cache[key] = hashes
        return hashes

    async def _fetch_plain(scope: Scope) -> bytes | None:
        # The same page without compression (a precompressed Brotli file cannot be read here): asked once per
        # page version, then the hashes come from the cache.
        headers = [(k, v) for k, v in scope.get("headers", []) if k not in {b"accept-encoding", b"if-none-match",
                                                                          b"if-modified-since", b"range"}]
        inner = {**scope, "method": "GET", "headers": [*headers, (b"accept-encoding", b"identity")]}
        status: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def receive() -> dict[str, Any]:
            return {"type": "http.request", "body": b"", "more_body": False}

        async def collect(message: Any) -> None:
            if message["type"] == "http.response.start":
                status.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            elif message["type"] == "http.response.pathsend":
                chunks.append(await asyncio.to_thread(Path(message["path"]).read_bytes))

        await app(inner, receive, collect)
        encoding = dict(status.get("headers", [])).get(b"content-encoding", b"").strip().lower()
        return _plain(b"".join(chunks), encoding)

    async def middleware(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] == "websocket":
            if not origin_allowed(_header(scope, b"origin"), _header(scope, b"host")):
                await receive()  # websocket.connect
                await send({"type": "websocket.close", "code": 1008})  # before accept: HTTP 403
                return
            await app(scope, receive, send)
            return
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        if _bad_path(scope):
            await _refuse(scope, send, 400, "bad_request", "Bad request")
            return
        length = _header(scope, b"content-length")
        if length is not None and (not length.strip().isdigit() or int(length) > MAX_BODY_BYTES):
            await _refuse(scope, send, 413 if length.strip().isdigit() else 400,
                          "payload_too_large" if length.strip().isdigit() else "bad_request",
                          "Request body too large" if length.strip().isdigit() else "Bad request")
            return
        if length is None and _header(scope, b"transfer-encoding"):
            # A body of unknown length: read it here, within the limit, and hand it on whole.
            received, chunks = 0, []
            while True:
                message = await receive()
                if message["type"] != "http.request":
                    return
                chunks.append(message.get("body", b""))
                received += len(chunks[-1])
                if received > MAX_BODY_BYTES:
                    await _refuse(scope, send, 413, "payload_too_large", "Request body too large")
                    return
                if not message.get("more_body"):
                    break
            whole = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            delivered = False

            async def replay() -> dict[str, Any]:
                nonlocal delivered
                if delivered:
                    return await receive()
                delivered = True
                return whole

            receive = replay

        https = scope.get("scheme") == "https" or (public_origin() or "").startswith("https:")
        start: dict[str, Any] = {}
        chunks_out: list[bytes] = []

        async def send_secured(message: Any) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _OWN_HEADERS]
                headers += STATIC_HEADERS + ([HSTS] if https else [])
                message = {**message, "headers": headers}
                if dict(headers).get(b"content-type", b"").startswith(b"text/html"):
                    start.update(message)  # the CSP needs the body: hold the start until it is complete
                    return
                await send(message)
                return
            if message["type"] in {"http.response.body", "http.response.pathsend"} and start:
                if message["type"] == "http.response.pathsend":  # a static page sent as a file: read it here
                    chunks_out.append(await asyncio.to_thread(Path(message["path"]).read_bytes))
                else:
                    chunks_out.append(message.get("body", b""))
                    if message.get("more_body"):
                        return
                body = b"".join(chunks_out)
                hashes = await page_hashes(scope, start, body)
                headers = list(start["headers"])
                if hashes is not None:
                    policy = content_security_policy(hashes, _header(scope, b"host"))
                    headers.append((b"content-security-policy", policy.encode()))
                await send({**start, "headers": headers})
                start.clear()
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        # Zero-copy sending hands the server a file descriptor this layer cannot hold back for the page's policy.
        extensions = {k: v for k, v in (scope.get("extensions") or {}).items() if k != "http.response.zerocopy"}
        await app({**scope, "extensions": extensions}, receive, send_secured)

    return middleware
