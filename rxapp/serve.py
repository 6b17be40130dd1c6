"""Production server (`make run-prod`): Reflex's own build and Granian workers, under a supervisor that survives.

    python -m rxapp.serve --port 8080 [--workers N] [--kill-timeout 10]

It runs `reflex run --env prod` (the compile and the frontend build, as Reflex does them), then, where Reflex
would start serving from the same process, replaces this process (exec, same pid) with a fresh interpreter
that only imports the app and starts the Granian server. Reflex forks its workers from the process that
compiled every page: each worker started with about 714 MB (RSS) of compile-time heap it never uses (the page
trees, the Janome dictionary behind the furigana), and refcount writes soon made much of it private to the
worker. A worker that only imports the app needs about 85 MB (see README, "Production").

The Granian server gets three changes:
- a worker that dies (crash, OOM kill, SIGKILL, SIGTERM) is forked again from the supervisor, which already
  holds the imported app; the other workers and their sessions carry on. Reflex starts Granian without
  `respawn_failed_workers`, so there the first dead worker stopped the whole server. Granian still gives up
  when the same worker dies again within seconds of its respawn (a crash loop), so a service manager
  should restart the whole server then;
- the worker count follows the CPUs this process may use (at least 2, so one worker's death never leaves
  nobody serving) instead of Reflex's 2 × cores + 1: each worker holds its own copy of the app, and on a
  machine of its own more asyncio workers than cores add memory and context switches, not throughput;
- on SIGTERM or SIGINT the workers get --kill-timeout seconds to finish before they are killed: without a
  limit Granian waits for each worker as long as it takes (a handler stuck on a slow backend would hold the
  shutdown). Measured with 20 residents connected: every process gone 0.3 s after SIGTERM.

Session state lives in Redis (REFLEX_REDIS_URL, required here): a worker, or a whole server, that dies loses
nothing but its open sockets, and the browser reconnects to another one and rehydrates from Redis.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def default_workers() -> int:
    return max(2, usable_cpus())


def install_supervised_server(kill_timeout: int, respawn_interval: float) -> type:
    """Make the Granian server Reflex instantiates respawn dead workers and stop within `kill_timeout`.

    Reflex imports `granian.server.Server` when it starts the backend, so replacing the name here, before
    Reflex starts it, reaches the instance Reflex builds without copying Reflex's start-up code.
    """
    import granian.server

    base = granian.server.Server

    class SupervisedServer(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["respawn_failed_workers"] = True
            kwargs["respawn_interval"] = respawn_interval
            kwargs["workers_kill_timeout"] = kill_timeout
            super().__init__(*args, **kwargs)

    SupervisedServer.__name__ = SupervisedServer.__qualname__ = f"Supervised{base.__name__}"
    granian.server.Server = SupervisedServer  # type: ignore[misc]
    return SupervisedServer


def serve_built_app(host: str, port: int, loglevel: str) -> None:
    """Serve the build already in the web folder: import the app (no compile), fork the workers, serve."""
    from reflex.utils import exec as reflex_exec
    from reflex_base import constants
    from reflex_base.environment import environment

    environment.REFLEX_ENV_MODE.set(constants.Env.PROD)
    environment.REFLEX_SKIP_COMPILE.set(True)
    reflex_exec.run_backend_prod(host, port, constants.LogLevel(loglevel), mount_frontend_compiled_app=True)


def exec_into_server(args: argparse.Namespace) -> None:
    """Make Reflex's prod run hand over to serve_built_app in a fresh process image, once the build is done."""
    from reflex.utils import exec as reflex_exec

    def run_backend_prod(host: str, port: int, loglevel: Any = None, mount_frontend_compiled_app: bool = False) -> None:
        if not mount_frontend_compiled_app:
            raise SystemExit("rxapp.serve serves the frontend and the backend together")
        level = getattr(loglevel, "value", loglevel) or "error"
        sys.stdout.flush()
        sys.stderr.flush()
        # Reflex's settings (ports, prod mode, skip-compile) are in os.environ and pass through exec.
        os.execv(sys.executable, [sys.executable, "-m", "rxapp.serve", "--serve-built", "--host", host,
                                  "--port", str(port), "--loglevel", level, "--workers", str(args.workers),
                                  "--kill-timeout", str(args.kill_timeout),
                                  "--respawn-interval", str(args.respawn_interval)])  # fmt: skip

    reflex_exec.run_backend_prod = run_backend_prod  # type: ignore[assignment]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default=None, help="address to bind (Reflex's default: every interface)")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("GRANIAN_WORKERS") or default_workers()))
    parser.add_argument("--kill-timeout", type=int, default=10, help="seconds a worker gets to stop on shutdown")
    parser.add_argument("--respawn-interval", type=float, default=1.0,
                        help="seconds between stopping and starting workers on a reload (SIGHUP)")
    parser.add_argument("--serve-built", action="store_true",
                        help="serve the build already in the web folder, without building (a second process or "
                             "host on the same build; also the second stage of a normal start)")
    parser.add_argument("--loglevel", default="warning")
    args = parser.parse_args(argv)
    if not os.environ.get("REFLEX_REDIS_URL"):
        raise SystemExit("REFLEX_REDIS_URL is required: several workers share session state only through Redis")
    if args.workers < 1:
        raise SystemExit("--workers must be at least 1")
    os.environ["GRANIAN_WORKERS"] = str(args.workers)  # read by Reflex's run_granian_backend_prod
    if args.serve_built:
        install_supervised_server(args.kill_timeout, args.respawn_interval)
        serve_built_app(args.host or "0.0.0.0", args.port, args.loglevel)
        return
    exec_into_server(args)

    from reflex.reflex import cli

    command = ["run", "--env", "prod", "--frontend-port", str(args.port), "--backend-port", str(args.port)]
    if args.host:
        command += ["--backend-host", args.host]
    sys.argv = ["reflex", *command]
    cli()


if __name__ == "__main__":
    main()
