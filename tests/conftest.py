"""Shared fixtures: the running portal (once per test session, on free ports) and Chromium with axe.

The app runs as it does in production (`reflex run --env prod`, one port) from its own web folder
(`.web-test`, or $MINNA_TEST_WEB_DIR) so a developer's `make run` on :3000 is never disturbed.
Set MINNA_BASE_URL to test an already running portal instead.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("MINNA_CHROMIUM", "/usr/bin/chromium")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
STARTUP_TIMEOUT_S = 900  # a fresh clone installs the frontend packages on first start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, process: subprocess.Popen[bytes] | None, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the portal exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the portal did not answer {url} within {timeout} s:\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="session")
def portal_url() -> Iterator[str]:
    """Base URL of a running portal with the embedded demo backend and the pseudo-locales on."""
    external = os.environ.get("MINNA_BASE_URL")
    if external:
        yield external.rstrip("/")
        return
    port = free_port()
    data_dir = Path(tempfile.mkdtemp(prefix="minna-test-data-"))
    web_dir = ROOT / os.environ.get("MINNA_TEST_WEB_DIR", ".web-test")
    log = Path(tempfile.mkdtemp(prefix="minna-test-log-")) / "portal.log"
    env = {
        **os.environ,
        "REFLEX_WEB_WORKDIR": str(web_dir),
        "REFLEX_STATES_WORKDIR": str(data_dir / "states"),
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "PORTAL_DATA_DIR": str(data_dir),
        "PORTAL_API_URL": f"http://127.0.0.1:{port}",
        "PORTAL_PSEUDO_LOCALES": "1",
        "PORTAL_DEMO_TEST_HOOKS": "1",
        "PATH": f"{ROOT / '.tools/node_modules/.bin'}:{Path(sys.executable).parent}:{os.environ['PATH']}",
    }
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "reflex", "run", "--env", "prod",
             "--frontend-port", str(port), "--backend-port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/ja/", process, log, STARTUP_TIMEOUT_S)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def base_url(portal_url: str) -> str:
    """pytest-playwright resolves relative page.goto() paths against this."""
    return portal_url


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, object]:
    return {
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


class AxeRunner:
    """Runs axe-core (bundled by axe-playwright-python) with our WCAG 2.2 AA tags."""

    def __init__(self) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self._axe = Axe()

    def violations(self, page: object, context: str | None = None) -> list[dict[str, object]]:
        options = {"runOnly": {"type": "tag", "values": AXE_TAGS}}
        results = self._axe.run(page, context=context, options=options)
        return list(results.response["violations"])

    def assert_clean(self, page: object, context: str | None = None) -> None:
        found = self.violations(page, context)
        summary = [
            f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}" for v in found
        ]
        assert not found, "axe violations:\n" + "\n".join(summary)


@pytest.fixture(scope="session")
def axe() -> AxeRunner:
    return AxeRunner()
