"""`python -m rxapp.backend serve --port N` runs the backend alone; `reset` deletes and re-seeds the DB."""

from __future__ import annotations

import argparse
import sys

from rxapp.backend.storage import Store, default_db_path, delete_database


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(prog="python -m rxapp.backend", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the demo backend with uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8001)
    serve.add_argument("--log-level", default="warning")
    sub.add_parser("reset", help="delete the demo database and seed it again (unlocks cards)")
    args = parser.parse_args(argv)

    if args.command == "reset":
        path = default_db_path()
        delete_database(path)
        Store(path).ensure_ready()
        print(f"demo database re-seeded: {path}")
        return 0

    import uvicorn

    from rxapp.backend.app import create_api

    uvicorn.run(create_api(), host=args.host, port=args.port, log_level=args.log_level)
    return 0


if __name__ == "__main__":
    sys.exit(main())
