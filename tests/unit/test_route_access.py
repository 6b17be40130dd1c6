"""Every /api/v1 route that resolves a session says what it lets a proxy do, through the one mechanism."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from rxapp.api.models import ProxyScope
from rxapp.backend.app import ACCESS_ATTR, API_PREFIX, Access, create_api
from rxapp.backend.storage import Store


def _calls(dependant: Dependant) -> Iterator[Any]:
    for dep in dependant.dependencies:
        yield dep.call
        yield from _calls(dep)


def _api_routes(routes: list[Any]) -> Iterator[APIRoute]:
    """Every APIRoute, also inside included routers (FastAPI ≥ 0.160 keeps them behind a wrapper)."""
    for route in routes:
        if isinstance(route, APIRoute):
            yield route
        inner = getattr(getattr(route, "original_router", None), "routes", None) or getattr(route, "routes", None)
        if inner:
            yield from _api_routes(list(inner))


def _routes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[tuple[str, str], list[Access] | None]:
    """(method, path) → the access declared, for routes that resolve a session; None when one declares nothing."""
    monkeypatch.setenv("PORTAL_DEMO_TEST_HOOKS", "1")  # the hooks' routes too
    app = create_api(Store(tmp_path / "demo.sqlite3"))
    found: dict[tuple[str, str], list[Access] | None] = {}
    for route in _api_routes(list(app.routes)):
        if not route.path.startswith(API_PREFIX):
            continue
        calls = list(_calls(route.dependant))
        if not any(getattr(c, "__name__", "") == "ctx" for c in calls):
            continue
        declared = [getattr(c, ACCESS_ATTR) for c in calls if hasattr(c, ACCESS_ATTR)]
        for method in route.methods:
            found[(method, route.path.removeprefix(API_PREFIX))] = declared or None
    return found


def test_every_session_route_declares_its_access(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    routes = _routes(tmp_path, monkeypatch)
    assert len(routes) > 30
    undeclared = sorted(k for k, v in routes.items() if v is None)
    assert undeclared == []
    assert all(v is not None and len(v) == 1 for v in routes.values())


def test_the_declared_policy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    routes = _routes(tmp_path, monkeypatch)

    def access(method: str, path: str) -> Access:
        found = routes[(method, path)]
        assert found is not None
        return found[0]

    view, apps, settings = ProxyScope.view_info, ProxyScope.applications, ProxyScope.settings
    assert set(access("GET", "/profile").scopes) == {view, apps}
    for path in ("/info", "/activity", "/access-records", "/chain", "/chain/mine"):
        assert access("GET", path).scopes == (view,), path
    for path in ("/external-services", "/disclosure", "/public-fund-account"):
        assert access("GET", path).scopes == (settings,), path
    assert access("GET", "/notices").scopes == (ProxyScope.notices,)
    assert access("POST", "/proxies").principal_only and access("DELETE", "/proxies/{proxy_id}").principal_only
    assert access("GET", "/proxies").own and access("DELETE", "/sessions/current").own
    for (method, path), found in routes.items():
        if path.startswith("/applications") or path.startswith("/correction-requests"):
            assert found is not None and found[0].scopes == (apps,), (method, path)
