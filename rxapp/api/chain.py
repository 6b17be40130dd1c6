"""Hash-chain canonical form and verification (pure Python, shared by backend and adapter).

entry.hash = SHA-256 over canonical JSON (sorted keys, no spaces, UTF-8) of
{"seq", "kind", "payload", "prev_hash"}; the first entry's prev_hash is GENESIS_HASH.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from rxapp.api.models import ChainEntry, ChainVerification

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    """Canonical text: sorted keys, no insignificant spaces, non-ASCII kept (hashed as UTF-8)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def entry_hash(seq: int, kind: str, payload: Mapping[str, Any], prev_hash: str) -> str:
    """SHA-256 hex digest of one entry's canonical form."""
    body = {"seq": seq, "kind": kind, "payload": payload, "prev_hash": prev_hash}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def verify_entries(entries: Iterable[ChainEntry], *, complete: bool = True) -> ChainVerification:
    """Verify entries in seq order and report the first one that does not match.

    With `complete=True` the entries must be the whole chain from seq 1 (gaps are errors). With
    `complete=False` (e.g. one resident's entries) each hash is checked, and the link to the
    previous entry only where the two are consecutive, because the others are not at hand.
    """
    checked = 0
    previous: ChainEntry | None = None
    for entry in sorted(entries, key=lambda e: e.seq):
        if complete:
            expected_seq = 1 if previous is None else previous.seq + 1
            if entry.seq != expected_seq:
                return ChainVerification(ok=False, checked=checked, first_bad_seq=entry.seq, reason="seq_gap")
        if "__unparseable__" in entry.payload:
            return ChainVerification(ok=False, checked=checked, first_bad_seq=entry.seq, reason="unparseable")
        if entry.seq == 1 and entry.prev_hash != GENESIS_HASH:
            return ChainVerification(ok=False, checked=checked, first_bad_seq=entry.seq, reason="bad_genesis")
        if previous is not None and entry.seq == previous.seq + 1 and entry.prev_hash != previous.hash:
            return ChainVerification(
                ok=False, checked=checked, first_bad_seq=entry.seq, reason="prev_hash_mismatch"
            )
        try:
            recomputed = entry_hash(entry.seq, entry.kind, entry.payload, entry.prev_hash)
        except (TypeError, ValueError):  # a payload that cannot be canonicalised was tampered with
            recomputed = ""
        if recomputed != entry.hash:
            return ChainVerification(
                ok=False, checked=checked, first_bad_seq=entry.seq, reason="hash_mismatch"
            )
        checked += 1
        previous = entry
    return ChainVerification(ok=True, checked=checked)
