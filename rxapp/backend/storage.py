"""SQLite storage (stdlib sqlite3) for the demo backend.

One connection per request: sqlite connections are cheap, and that keeps threads (FastAPI runs
`def` endpoints in a threadpool) from sharing one. Writes also take a process-wide lock and
BEGIN IMMEDIATE, so read-modify-write sequences (PIN tries, chain appends, idempotency keys)
are serialised even when many requests race.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cards (
    card_id TEXT PRIMARY KEY, resident_id TEXT NOT NULL, display_name TEXT NOT NULL,
    display_name_latin TEXT, pin TEXT NOT NULL, failed_tries INTEGER NOT NULL DEFAULT 0,
    locked INTEGER NOT NULL DEFAULT 0, position INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS residents (resident_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS info_items (
    item_id TEXT PRIMARY KEY, resident_id TEXT NOT NULL, category TEXT NOT NULL,
    position INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notices (
    notice_id TEXT PRIMARY KEY, resident_id TEXT NOT NULL, sent_at TEXT NOT NULL,
    read_at TEXT, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS chain (
    seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, resident_id TEXT NOT NULL,
    payload TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chain_resident ON chain (resident_id, seq);
CREATE TABLE IF NOT EXISTS disclosure (
    resident_id TEXT NOT NULL, category TEXT NOT NULL, recipient TEXT NOT NULL, allowed INTEGER NOT NULL,
    PRIMARY KEY (resident_id, category, recipient));
CREATE TABLE IF NOT EXISTS disclosure_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, resident_id TEXT NOT NULL, changed_at TEXT NOT NULL,
    category TEXT NOT NULL, recipient TEXT NOT NULL, allowed INTEGER NOT NULL, changed_by TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS proxies (
    proxy_id TEXT PRIMARY KEY, principal_id TEXT NOT NULL, proxy_resident_id TEXT NOT NULL,
    scope TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);
CREATE TABLE IF NOT EXISTS services (service_id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS service_links (
    resident_id TEXT NOT NULL, service_id TEXT NOT NULL, linked_at TEXT NOT NULL,
    PRIMARY KEY (resident_id, service_id));
CREATE TABLE IF NOT EXISTS accounts (resident_id TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS activity (
    id INTEGER PRIMARY KEY AUTOINCREMENT, resident_id TEXT NOT NULL, at TEXT NOT NULL, action TEXT NOT NULL,
    method TEXT, device TEXT NOT NULL, actor_id TEXT NOT NULL, detail TEXT, chain_seq INTEGER);
CREATE TABLE IF NOT EXISTS procedures (procedure_id TEXT PRIMARY KEY, position INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS applications (
    application_id TEXT PRIMARY KEY, resident_id TEXT NOT NULL, created_at TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS idempotency (
    resident_id TEXT NOT NULL, key TEXT NOT NULL, application_id TEXT NOT NULL,
    PRIMARY KEY (resident_id, key));
CREATE TABLE IF NOT EXISTS corrections (
    request_id TEXT PRIMARY KEY, resident_id TEXT NOT NULL, created_at TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    token TEXT PRIMARY KEY, resident_id TEXT NOT NULL, subject_id TEXT NOT NULL, method TEXT NOT NULL,
    expires_at TEXT NOT NULL, created_at TEXT NOT NULL, device TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS credential_attempts (client TEXT NOT NULL, kind TEXT NOT NULL, at REAL NOT NULL);
CREATE INDEX IF NOT EXISTS credential_attempts_client ON credential_attempts (client, kind, at);
CREATE TABLE IF NOT EXISTS challenges (
    challenge_id TEXT PRIMARY KEY, card_id TEXT NOT NULL, status TEXT NOT NULL, expires_at TEXT NOT NULL);
"""

# The value of meta 'seeded': 2 = two-level chain hashes, activity rows in the chain; 3 = a session keeps the
# device it was opened from.
SCHEMA_VERSION = "3"

TABLES = [
    "meta", "cards", "residents", "info_items", "notices", "chain", "disclosure", "disclosure_log", "proxies",
    "services", "service_links", "accounts", "activity", "procedures", "applications", "idempotency",
    "corrections", "sessions", "challenges", "credential_attempts",
]  # fmt: skip


def default_data_dir() -> Path:
    """`$PORTAL_DATA_DIR`, else `<repo>/var`."""
    env = os.environ.get("PORTAL_DATA_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "var"


def shared_key() -> str:
    """The key with which the embedded portal vouches for the addresses it forwards (PORTAL_BACKEND_KEY):
    made once per data directory, so every worker of one deployment shares it."""
    path = default_data_dir() / "backend.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"backend.key.{os.getpid()}")
        draft.write_text(secrets.token_urlsafe(32))
        draft.chmod(0o600)
        # A hard link appears whole or not at all, and never replaces a key another worker made first.
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
        draft.unlink()
    return path.read_text().strip()


def default_db_path() -> Path:
    """The demo database file."""
    return default_data_dir() / "demo.sqlite3"


class Store:
    """The demo database: schema on first use, seeded when empty, kept across restarts."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_db_path()
        self._write_lock = threading.RLock()
        self._ready = False

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=15, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 15000")
        return conn

    def ensure_ready(self) -> None:
        """Create the schema and seed once per process (cheap check after the first call)."""
        if self._ready:
            return
        with self._write_lock:
            if self._ready:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = self._connect()
            try:
                # WAL lets readers go on while a writer holds the lock.
                conn.execute("PRAGMA journal_mode = WAL")
                conn.executescript(SCHEMA)
                seeded = conn.execute("SELECT value FROM meta WHERE key = 'seeded'").fetchone()
                if seeded is not None and seeded["value"] != SCHEMA_VERSION:
                    # Demo data in an older chain format would fail every check: start it again.
                    for table in TABLES:
                        conn.execute(f"DROP TABLE IF EXISTS {table}")  # fixed table names, not input
                    conn.executescript(SCHEMA)
                    seeded = None
                if seeded is None:
                    from rxapp.backend.seed import seed

                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        seed(conn)
                        conn.execute("INSERT INTO meta (key, value) VALUES ('seeded', ?)", (SCHEMA_VERSION,))
                        conn.execute("COMMIT")
                    except BaseException:
                        conn.execute("ROLLBACK")
                        raise
            finally:
                conn.close()
            self._ready = True

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """A connection for reads (no lock: WAL gives a consistent snapshot per statement)."""
        self.ensure_ready()
        conn = self._connect()
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, serialised in-process by a lock and across processes by BEGIN IMMEDIATE."""
        self.ensure_ready()
        with self._write_lock:
            conn = self._connect()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            finally:
                conn.close()

    def reset(self) -> None:
        """Empty every table and seed again (the demo's `make reset-demo`, also unlocks cards)."""
        self.ensure_ready()
        with self._write_lock:
            conn = self._connect()
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    for table in TABLES:
                        conn.execute(f"DELETE FROM {table}")  # fixed table names, not input
                    from rxapp.backend.seed import seed

                    seed(conn)
                    conn.execute("INSERT INTO meta (key, value) VALUES ('seeded', ?)", (SCHEMA_VERSION,))
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
            finally:
                conn.close()


def delete_database(path: Path | None = None) -> None:
    """Remove the database file and its WAL side files."""
    target = path or default_db_path()
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
