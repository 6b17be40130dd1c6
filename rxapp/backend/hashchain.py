"""Append-only hash chain in SQLite: one writer (the storage write lock), no consensus."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from rxapp.api.chain import GENESIS_HASH, canonical_json, entry_hash
from rxapp.api.models import ChainEntry, ChainKind


def append(
    conn: sqlite3.Connection, kind: ChainKind, resident_id: str, payload: dict[str, Any]
) -> ChainEntry:
    """Append one entry; the caller holds the write transaction so seq and prev_hash cannot race."""
    last = conn.execute("SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1").fetchone()
    seq = 1 if last is None else int(last["seq"]) + 1
    prev_hash = GENESIS_HASH if last is None else str(last["hash"])
    # Round-trip through canonical JSON so the stored text is exactly what was hashed.
    canonical_payload = json.loads(canonical_json(payload))
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
