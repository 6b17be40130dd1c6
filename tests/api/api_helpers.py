"""Helpers for the API tests: start a real backend in a uvicorn subprocess, over real HTTP.

Each test session gets a free port and a temporary PORTAL_DATA_DIR; test hooks
(PORTAL_DEMO_TEST_HOOKS=1) add /_test/reset, /_test/sleep, /_test/fail and /_test/expire-session.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx

REPO = Path(__file__).resolve().parents[2]
T = TypeVar("T")
DEMO_PIN = "1234"
# The key with which a portal vouches for the resident's address it forwards (PORTAL_BACKEND_KEY).
BACKEND_KEY = "api-test-backend-key"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Backend:
    """A running backend subprocess."""

    process: subprocess.Popen[bytes]
    port: int
    data_dir: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def db_path(self) -> Path:
        return self.data_dir / "demo.sqlite3"

    def stop(self) -> None:
        """Stop only the process this fixture started."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)


def start_backend(data_dir: Path, *, extra_env: dict[str, str] | None = None) -> Backend:
    """Start `python -m rxapp.backend serve` and wait until /health answers."""
    port = free_port()
    env = {**os.environ, "PORTAL_DATA_DIR": str(data_dir), "PORTAL_DEMO_TEST_HOOKS": "1",
           "PORTAL_BACKEND_KEY": BACKEND_KEY, **(extra_env or {})}  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "rxapp.backend", "serve", "--port", str(port)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    backend = Backend(process=process, port=port, data_dir=data_dir)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"backend exited: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            if httpx.get(f"{backend.url}/api/v1/health", timeout=1.0).status_code == 200:
                return backend
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    backend.stop()
    raise RuntimeError("backend did not start in 30 s")


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run one coroutine in a fresh loop (the adapter makes a new pooled client for each loop)."""
    return asyncio.run(coro)


def sign_in_token(backend: Backend, card_id: str) -> str:
    """A session token for a card, over plain HTTP (for fixtures)."""
    response = httpx.post(
        f"{backend.url}/api/v1/sessions", json={"card_id": card_id, "pin": DEMO_PIN}, timeout=10
    )
    response.raise_for_status()
    return str(response.json()["token"])
