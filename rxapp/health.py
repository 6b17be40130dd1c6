"""`GET /_minna/health`: is this portal process able to serve a resident? For load balancers and monitors.

Reflex's own endpoints say less: `/ping` answers while the process runs, `/_health` checks Redis but not the
backend API, without which no signed-in page works. This one answers 200 {"status": "ok", ...} only when
Redis (if the portal keeps state there) answers PING and the API answers GET /health, each within a second
or two; otherwise 503 with the part that failed. The path starts with "_", which the locale redirect leaves
alone. Each check is cheap and uncached, so a probe every few seconds per process is fine.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import httpx

Scope = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]]

PATH = "/_minna/health"
TIMEOUT_S = 2.0


async def check_redis(url: str | None) -> str:
    if not url:
        return "not used"
    import redis.asyncio as redis

    client = redis.Redis.from_url(url, socket_connect_timeout=TIMEOUT_S, socket_timeout=TIMEOUT_S)
    try:
        await asyncio.wait_for(client.ping(), TIMEOUT_S)
        return "ok"
    except Exception as err:  # any failure means "not serving", whatever its kind
        return f"failed: {type(err).__name__}"
    finally:
        await client.aclose()


async def check_api(base_url: str) -> str:
    try:
        async with httpx.AsyncClient(timeout=TIMEOUT_S) as client:
            response = await client.get(f"{base_url}/health")
        return "ok" if response.status_code == 200 else f"failed: HTTP {response.status_code}"
    except httpx.HTTPError as err:
        return f"failed: {type(err).__name__}"


async def health_report() -> tuple[int, dict[str, Any]]:
    from rxapp.api.settings import ApiSettings

    redis_status, api_status = await asyncio.gather(
        check_redis(os.environ.get("REFLEX_REDIS_URL")), check_api(ApiSettings().base_url())
    )
    healthy = redis_status in {"ok", "not used"} and api_status == "ok"
    body = {"status": "ok" if healthy else "failing", "redis": redis_status, "api": api_status, "pid": os.getpid()}
    return (200 if healthy else 503), body


def health_endpoint(app: ASGIApp) -> ASGIApp:
    """ASGI middleware answering GET/HEAD /_minna/health; every other request passes through."""

    async def middleware(scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope.get("path") != PATH or scope.get("method") not in {"GET", "HEAD"}:
            await app(scope, receive, send)
            return
        status, report = await health_report()
        body = json.dumps(report).encode()
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"cache-control", b"no-store"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body if scope["method"] == "GET" else b""})

    return middleware
