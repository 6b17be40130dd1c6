"""Hash-chain canonical form, checkpoint signatures and verification (pure Python, shared by backend and adapter).

body       = SHA-256 over canonical JSON (sorted keys, no spaces, UTF-8) of {"kind", "payload"}
entry.hash = SHA-256 over canonical JSON of {"seq", "prev_hash", "body"}; the first prev_hash is GENESIS_HASH.

The two levels let a resident check the links through other residents' entries, served as
{seq, prev_hash, hash, body_hash} only, without seeing their kind or payload (a random salt in every
payload keeps the body digest from being guessed). Checkpoints: the operator signs {seq, hash, signed_at}
of the head with Ed25519, so a resident who remembers one can later tell a shorter or rewritten chain.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from rxapp.api.models import (
    ActivityEntry,
    Application,
    ChainEntry,
    ChainKind,
    ChainPage,
    ChainProblem,
    ChainVerification,
    SignedCheckpoint,
)

GENESIS_HASH = "0" * 64


def canonical_json(value: Any) -> str:
    """Canonical text: sorted keys, no insignificant spaces, non-ASCII kept (hashed as UTF-8)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def _sha256(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def body_hash(kind: str, payload: Mapping[str, Any]) -> str:
    """Digest of what an entry says (the part hidden from other residents)."""
    return _sha256({"kind": kind, "payload": payload})


def link_hash(seq: int, prev_hash: str, body: str) -> str:
    """An entry's hash from its place in the chain and its body digest."""
    return _sha256({"seq": seq, "prev_hash": prev_hash, "body": body})


def entry_hash(seq: int, kind: str, payload: Mapping[str, Any], prev_hash: str) -> str:
    """SHA-256 hex digest of one entry's canonical form."""
    return link_hash(seq, prev_hash, body_hash(kind, payload))


def checkpoint_message(seq: int, head_hash: str, signed_at: str) -> bytes:
    """The bytes a checkpoint signature covers."""
    return canonical_json({"seq": seq, "hash": head_hash, "signed_at": signed_at}).encode("utf-8")


def checkpoint_signature_ok(checkpoint: SignedCheckpoint, public_key_hex: str) -> bool:
    """Whether `checkpoint` was signed by the holder of `public_key_hex` (raw Ed25519, hex)."""
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key_hex))
        signed_at = checkpoint.signed_at.isoformat()
        key.verify(bytes.fromhex(checkpoint.signature), checkpoint_message(checkpoint.seq, checkpoint.hash, signed_at))
    except (ValueError, InvalidSignature):
        return False
    return True


def _bad(checked: int, seq: int | None, reason: ChainProblem) -> ChainVerification:
    return ChainVerification(ok=False, checked=checked, first_bad_seq=seq, reason=reason)


def verify_entries(entries: Iterable[ChainEntry], *, complete: bool = True) -> ChainVerification:
    """Verify entries in seq order and report the first one that does not match.

    Redacted entries are checked through their body digest. With `complete=True` the entries must be
    the whole chain from seq 1 (gaps are errors). With `complete=False` (one resident's entries only)
    each hash is checked, and the link to the previous entry only where the two are consecutive.
    """
    checked = 0
    previous: ChainEntry | None = None
    for entry in sorted(entries, key=lambda e: e.seq):
        if complete:
            expected_seq = 1 if previous is None else previous.seq + 1
            if entry.seq != expected_seq:
                return _bad(checked, entry.seq, "seq_gap")
        if "__unparseable__" in entry.payload:
            return _bad(checked, entry.seq, "unparseable")
        if entry.seq == 1 and entry.prev_hash != GENESIS_HASH:
            return _bad(checked, entry.seq, "bad_genesis")
        if previous is not None and entry.seq == previous.seq + 1 and entry.prev_hash != previous.hash:
            return _bad(checked, entry.seq, "prev_hash_mismatch")
        if entry.redacted:
            recomputed = link_hash(entry.seq, entry.prev_hash, entry.body_hash or "")
        else:
            try:
                recomputed = entry_hash(entry.seq, entry.kind, entry.payload, entry.prev_hash)
            except (TypeError, ValueError):  # a payload that cannot be canonicalised was tampered with
                recomputed = ""
        if recomputed != entry.hash:
            return _bad(checked, entry.seq, "hash_mismatch")
        checked += 1
        previous = entry
    return ChainVerification(ok=True, checked=checked)


def verify_page(
    page: ChainPage, *, public_key: str, seen: SignedCheckpoint | None = None
) -> ChainVerification:
    """Verify a resident's view of the whole chain up to its signed head.

    `public_key` is the key the caller trusts (configured, or pinned when first seen); `seen` is the
    last checkpoint this resident verified before, kept outside the operator's database. A chain that
    ends before `seen`, or holds another hash at `seen.seq`, was cut or rewritten since.
    """
    result = verify_entries(page.entries)
    if not result.ok:
        return result
    checked = result.checked
    last_seq, last_hash = (page.entries[-1].seq, page.entries[-1].hash) if page.entries else (0, GENESIS_HASH)
    checkpoint = page.checkpoint
    if (last_seq, last_hash) != (page.head_seq, page.head_hash) or checkpoint is None:
        return _bad(checked, last_seq or None, "head_mismatch")
    if (checkpoint.seq, checkpoint.hash) != (last_seq, last_hash):
        return _bad(checked, last_seq or None, "head_mismatch")
    if checkpoint.public_key != public_key:
        return _bad(checked, None, "key_changed")
    if not checkpoint_signature_ok(checkpoint, public_key):
        return _bad(checked, checkpoint.seq, "bad_signature")
    if seen is not None:
        if seen.seq > last_seq:
            return _bad(checked, last_seq + 1, "shortened")
        at_seen = next((e for e in page.entries if e.seq == seen.seq), None)
        if seen.seq > 0 and (at_seen is None or at_seen.hash != seen.hash):
            return _bad(checked, seen.seq, "rewritten")
    return ChainVerification(ok=True, checked=checked, checkpoint=checkpoint)


def missing_activity(page: ChainPage, rows: Sequence[ActivityEntry], *, limit: int) -> int | None:
    """The seq of the first activity entry the chain holds for the resident but the activity log lacks.

    `rows` is the log as served with at most `limit` rows, newest first: when it is full, only entries
    at or after the oldest row served are expected in it.
    """
    by_seq = {r.chain_seq: r for r in rows if r.chain_seq is not None}
    floor = min(by_seq) if len(rows) >= limit and by_seq else 0
    for entry in page.entries:
        if entry.redacted or entry.kind != ChainKind.activity.value or entry.seq < floor:
            continue
        row = by_seq.get(entry.seq)
        if row is None or row.action != entry.payload.get("action") or row.actor_resident_id != entry.payload.get(
            "actor_id"
        ):
            return entry.seq
    return None


def application_matches(app: Application, entry: ChainEntry | None) -> bool:
    """Whether a stored application still says what the chain recorded when it was sent."""
    if entry is None or entry.redacted or app.chain_hash is None or entry.seq != app.chain_seq:
        return False
    if entry.hash != app.chain_hash or entry.kind != ChainKind.application_submitted.value:
        return False
    if entry_hash(entry.seq, entry.kind, entry.payload, entry.prev_hash) != entry.hash:
        return False
    p = entry.payload
    recorded = (p.get("application_id"), p.get("procedure_id"), p.get("receipt_number"), p.get("answers"))
    return recorded == (app.application_id, app.procedure_id, app.receipt_number, app.answers)
