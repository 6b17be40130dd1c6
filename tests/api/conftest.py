"""Fixtures for the API tests: one real backend per session in a uvicorn subprocess (see api_helpers)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

# Test modules and this conftest share helpers; make them importable however pytest was started.
sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_helpers import Backend, start_backend

from rxapp.api.client import PortalClient
from rxapp.api.settings import ApiSettings


@pytest.fixture(scope="session")
def backend(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Backend]:
    """One backend for the whole test session."""
    server = start_backend(tmp_path_factory.mktemp("portal-data"))
    yield server
    server.stop()


@pytest.fixture
def settings(backend: Backend) -> ApiSettings:
    """Adapter settings pointing at the test backend; short timeouts keep failures quick."""
    return ApiSettings(
        api_url=backend.url, connect_timeout=1.0, read_timeout=5.0, retries=2, backoff_base=0.05
    )


@pytest.fixture
def client(settings: ApiSettings) -> PortalClient:
    """A fresh adapter."""
    return PortalClient(settings)


@pytest.fixture
def fresh(backend: Backend) -> Backend:
    """Re-seed the database (unlocks cards, drops sessions) before the test."""
    httpx.post(f"{backend.url}/api/v1/_test/reset", timeout=30).raise_for_status()
    return backend
