"""Schemathesis fuzzes every operation of the served OpenAPI document: no 5xx, ever.

Bounded (few examples per operation) so it runs in well under two minutes on 2 cores.
Fuzzed sign-ins can lock demo cards, so the database is re-seeded before and after.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from api_helpers import Backend, sign_in_token
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error


@pytest.fixture(scope="module")
def api_schema(backend: Backend) -> Iterator[Any]:
    """The schema as the running backend serves it."""
    httpx.post(f"{backend.url}/api/v1/_test/reset", timeout=30).raise_for_status()
    yield schemathesis.openapi.from_url(f"{backend.url}/api/v1/openapi.json")
    httpx.post(f"{backend.url}/api/v1/_test/reset", timeout=30).raise_for_status()


def test_openapi_is_served_under_api_v1(backend: Backend) -> None:
    document = httpx.get(f"{backend.url}/api/v1/openapi.json").json()
    assert document["paths"] and all(path.startswith("/api/v1/") for path in document["paths"])
    assert not any("/_test/" in path for path in document["paths"])  # test hooks never documented
    assert httpx.get(f"{backend.url}/api/v1/docs").status_code == 200


def test_no_server_errors(api_schema: Any, backend: Backend) -> None:
    # schemathesis.pytest.from_fixture relies on a pytest internal that pytest 9 removed, so the
    # operations are driven here with Hypothesis directly: same strategies, same check.
    failures: list[str] = []
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 35

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True,
                  database=None)  # fmt: skip
        def fuzz(case: Any) -> None:
            # A fresh session per case: fuzzed sign-outs and act-as calls must not spoil the next case.
            token = sign_in_token(backend, "card-souza-paulo")
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=[not_a_server_error])

        try:
            fuzz()
        except Exception as exc:  # collect all operations' failures, then report them together
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    assert not failures, "\n\n".join(failures)
