"""Start the whole portal as a subprocess (production mode, one port) for tests and benchmarks.

Not used by the app itself. Each caller gets its own port, data folder, state folder and web folder,
so a developer's `make run` is never disturbed.
"""

from __future__ import annotations

import contextlib
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

ROOT = Path(__file__).resolve().parents[1]
STARTUP_TIMEOUT_S = 900.0  # a fresh clone installs the frontend packages on first start


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the portal exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the portal did not answer {url} within {timeout} s:\n{log.read_text()[-4000:]}")


def stop_process_group(process: subprocess.Popen[bytes], timeout: float) -> None:
    """SIGTERM to a server started with start_new_session (its workers too), SIGKILL after `timeout` seconds."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def running_portal(
    web_dir: str = ".web-test", extra_env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """Yield (base URL, process) of a portal in production mode with the embedded demo backend."""
    port = free_port()
    data_dir = Path(tempfile.mkdtemp(prefix="minna-data-"))
    log = data_dir / "portal.log"
    env = {
        **os.environ,
        "REFLEX_WEB_WORKDIR": str(ROOT / web_dir),
        "REFLEX_STATES_WORKDIR": str(data_dir / "states"),
        "REFLEX_USE_SYSTEM_BUN": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
        "PORTAL_DATA_DIR": str(data_dir),
        "PORTAL_API_URL": f"http://127.0.0.1:{port}",
        "PATH": f"{ROOT / '.tools/node_modules/.bin'}:{Path(sys.executable).parent}:{os.environ['PATH']}",
        **(extra_env or {}),
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
        yield base, process
    finally:
        stop_process_group(process, timeout=20)
        shutil.rmtree(data_dir, ignore_errors=True)
