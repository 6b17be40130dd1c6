"""Append-only hash chain in SQLite: one writer (the storage write lock), no consensus."""

from __future__ import annotations

import json
import secrets
import sqlite3
from datetime import UTC, datetime
from typing import Any

from rxapp.api.chain import GENESIS_HASH, body_hash, canonical_json, entry_hash, link_hash
from rxapp.api.models import ChainEntry, ChainKind

# A payload key the chain adds: 128 random bits, so a redacted entry's body digest cannot be guessed.
SALT_KEY = "salt"


def append(
    conn: sqlite3.Connection, kind: ChainKind, resident_id: str, payload: dict[str, Any]
) -> ChainEntry:
    """Append one entry; the caller holds the write transaction so seq and prev_hash cannot race."""
    last = conn.execute("SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
    seq = 1 if last is None else int(last["seq"]) + 1
    prev_hash = GENESIS_HASH if last is None else str(last["hash"])
    # Round-trip through canonical JSON so the stored text is exactly what was hashed.
    canonical_payload = json.loads(canonical_json({**payload, SALT_KEY: secrets.token_hex(16)}))
    digest = entry_hash(seq, kind.value, canonical_payload, prev_hash)
    conn.execute(
        "INSERT INTO chain (seq, kind, resident_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)",
        (seq, kind.value, resident_id, canonical_json(canonical_payload), prev_hash, digest),
    )
    return ChainEntry(seq=seq, kind=kind.value, payload=canonical_payload, prev_hash=prev_hash, hash=digest)


def row_to_entry(row: sqlite3.Row) -> ChainEntry:
    """Serve a row as stored; a payload that no longer parses is flagged for the verifier, not hidden."""
    try:
        payload = json.loads(row["payload"])
        if not isinstance(payload, dict):
            raise ValueError("payload is not an object")
    except (ValueError, TypeError):
        payload = {"__unparseable__": str(row["payload"])}
    return ChainEntry(
        seq=int(row["seq"]),
        kind=str(row["kind"]),
        payload=payload,
        prev_hash=str(row["prev_hash"]),
        hash=str(row["hash"]),
    )


def redact(row: sqlite3.Row) -> ChainEntry:
    """Another resident's entry: its place in the chain and a digest of its body, nothing it says.

    The digest is computed from the row as stored now, so an edit that was not re-hashed still shows."""
    try:
        payload: Any = json.loads(row["payload"])
        body = body_hash(str(row["kind"]), payload)
    except (ValueError, TypeError):
        body = body_hash(str(row["kind"]), {"__unparseable__": str(row["payload"])})
    return ChainEntry(seq=int(row["seq"]), prev_hash=str(row["prev_hash"]), hash=str(row["hash"]),
                      redacted=True, body_hash=body)  # fmt: skip


def resident_view(
    conn: sqlite3.Connection, resident_id: str, *, since_seq: int = 0, limit: int = 100_000
) -> list[ChainEntry]:
    """The chain as one resident may see it: their own entries whole, everyone else's redacted."""
    rows = conn.execute("SELECT * FROM chain WHERE seq > ? ORDER BY seq LIMIT ?", (since_seq, limit)).fetchall()
    return [row_to_entry(r) if r["resident_id"] == resident_id else redact(r) for r in rows]


def rehash_from(conn: sqlite3.Connection, seq: int) -> None:
    """Recompute every hash from `seq` on, as an operator rewriting history would (test hooks only)."""
    prev = conn.execute("SELECT hash FROM chain WHERE seq = ?", (seq - 1,)).fetchone()
    prev_hash = GENESIS_HASH if prev is None else str(prev["hash"])
    for row in conn.execute("SELECT * FROM chain WHERE seq >= ? ORDER BY seq", (seq,)).fetchall():
        digest = link_hash(int(row["seq"]), prev_hash, body_hash(str(row["kind"]), json.loads(row["payload"])))
        conn.execute("UPDATE chain SET prev_hash = ?, hash = ? WHERE seq = ?", (prev_hash, digest, row["seq"]))
        prev_hash = digest


def log_activity(
    conn: sqlite3.Connection,
    *,
    resident_id: str,
    actor_id: str,
    action: str,
    device: str,
    method: str | None = None,
    detail: str | None = None,
    at: datetime | None = None,
) -> ChainEntry:
    """One row of 操作履歴, recorded in the chain too: a deleted row leaves its entry behind."""
    when = (at or datetime.now(UTC)).isoformat()
    entry = append(conn, ChainKind.activity, resident_id, {"at": when, "action": action, "method": method,
                                                            "device": device, "actor_id": actor_id, "detail": detail})  # fmt: skip
    conn.execute(
        "INSERT INTO activity (resident_id, at, action, method, device, actor_id, detail, chain_seq)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (resident_id, when, action, method, device, actor_id, detail, entry.seq),
    )
    return entry


def list_entries(
    conn: sqlite3.Connection, *, resident_id: str | None = None, since_seq: int = 0, limit: int = 1000
) -> list[ChainEntry]:
    """Entries after `since_seq`, optionally only one resident's."""
    if resident_id is None:
        rows = conn.execute(
            "SELECT * FROM chain WHERE seq > ? ORDER BY seq LIMIT ?", (since_seq, limit)
        ).fetchall()
    else:
        rows = conn.execute(
            "SELECT * FROM chain WHERE seq > ? AND resident_id = ? ORDER BY seq LIMIT ?",
            (since_seq, resident_id, limit),
        ).fetchall()
    return [row_to_entry(r) for r in rows]


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    """(seq, hash) of the last entry, or (0, GENESIS_HASH) for an empty chain."""
    row = conn.execute("SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS_HASH) if row is None else (int(row["seq"]), str(row["hash"]))
