"""Transport failures become typed errors, within the configured time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from api_helpers import Backend, free_port, run, start_backend

from rxapp.api.client import PortalClient
from rxapp.api.errors import BackendError, BackendTimeout, BackendUnavailable
from rxapp.api.settings import ApiSettings

MARGIN = 0.75  # seconds of slack for a loaded 2-core CI machine


def test_stopped_backend_is_unavailable_within_the_timeout(tmp_path: Path) -> None:
    server = start_backend(tmp_path)
    settings = ApiSettings(
        api_url=server.url, connect_timeout=1.0, read_timeout=3.0, retries=2, backoff_base=0.05
    )
    client = PortalClient(settings)
    assert run(client.list_demo_cards())
    server.stop()

    started = time.monotonic()
    with pytest.raises(BackendUnavailable) as unavailable:
        run(client.list_demo_cards())
    elapsed = time.monotonic() - started
    assert unavailable.value.code == "backend_unavailable"
    assert elapsed < settings.connect_timeout + MARGIN
    # POST is never retried, and fails the same way.
    with pytest.raises(BackendUnavailable):
        run(client.sign_in("card-li-wei", "1234"))


def test_nothing_listening_is_unavailable() -> None:
    settings = ApiSettings(api_url=f"http://127.0.0.1:{free_port()}", connect_timeout=0.5, retries=1)
    started = time.monotonic()
    with pytest.raises(BackendUnavailable):
        run(PortalClient(settings).get_profile("token"))
    assert time.monotonic() - started < settings.connect_timeout + MARGIN


def test_slow_backend_times_out(backend: Backend) -> None:
    settings = ApiSettings(api_url=backend.url, connect_timeout=1.0, read_timeout=0.5, retries=2)
    client = PortalClient(settings)
    started = time.monotonic()
    with pytest.raises(BackendTimeout) as timeout:
        run(client._call("GET", "/_test/sleep", None, params={"seconds": 3}))
    assert timeout.value.code == "backend_timeout"
    assert time.monotonic() - started < settings.read_timeout + MARGIN


def test_5xx_is_retried_then_typed(backend: Backend) -> None:
    settings = ApiSettings(api_url=backend.url, retries=2, backoff_base=0.1)
    client = PortalClient(settings)
    started = time.monotonic()
    with pytest.raises(BackendUnavailable):
        run(client._call("GET", "/_test/fail", None, params={"status": 503}))
    assert time.monotonic() - started >= 0.1 + 0.2  # both backoffs were waited: it retried twice
    with pytest.raises(BackendError) as failed:
        run(client._call("GET", "/_test/fail", None, params={"status": 500}))
    assert failed.value.code == "test_failure"


def test_one_client_serves_many_loops(client: PortalClient, backend: Backend) -> None:
    # Reflex may run handlers in different loops over a process's life: the client follows.
    assert run(client.list_procedures())
    assert run(client.list_procedures(life_event="birth"))

    async def close() -> None:
        await client.aclose()

    run(close())
