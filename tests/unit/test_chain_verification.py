"""The adapter's chain checks, without a backend: redacted links, signed heads, remembered checkpoints,
activity rows and applications against their entries."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from rxapp.api.chain import (
    GENESIS_HASH,
    application_matches,
    body_hash,
    checkpoint_message,
    entry_hash,
    missing_activity,
    verify_entries,
    verify_page,
)
from rxapp.api.models import (
    ActivityEntry,
    Application,
    ApplicationStatus,
    ChainEntry,
    ChainPage,
    SignedCheckpoint,
)

KEY = Ed25519PrivateKey.generate()
PUBLIC = KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def _sign(seq: int, head: str, key: Ed25519PrivateKey = KEY) -> SignedCheckpoint:
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    signature = key.sign(checkpoint_message(seq, head, AT.isoformat())).hex()
    return SignedCheckpoint(seq=seq, hash=head, signed_at=AT, signature=signature, public_key=public)


def _chain(owners: list[str], viewer: str = "me") -> list[ChainEntry]:
    """A chain whose entries belong to `owners`, as `viewer` is served it (others' redacted)."""
    out: list[ChainEntry] = []
    prev = GENESIS_HASH
    for seq, owner in enumerate(owners, start=1):
        kind = "activity" if owner.endswith("!") else "access_record"
        payload: dict[str, Any] = {"owner": owner.rstrip("!"), "n": seq, "salt": f"{seq:032x}"}
        if kind == "activity":
            payload.update(action="sign_in", actor_id=owner.rstrip("!"))
        digest = entry_hash(seq, kind, payload, prev)
        if owner.rstrip("!") == viewer:
            out.append(ChainEntry(seq=seq, kind=kind, payload=payload, prev_hash=prev, hash=digest))
        else:
            out.append(ChainEntry(seq=seq, prev_hash=prev, hash=digest, redacted=True,
                                  body_hash=body_hash(kind, payload)))  # fmt: skip
        prev = digest
    return out


def _page(entries: list[ChainEntry], checkpoint: SignedCheckpoint | None = None) -> ChainPage:
    last = entries[-1]
    return ChainPage(entries=entries, head_seq=last.seq, head_hash=last.hash,
                     checkpoint=checkpoint or _sign(last.seq, last.hash))  # fmt: skip


def test_links_through_redacted_entries_verify() -> None:
    entries = _chain(["other", "me", "other", "other", "me", "other"])
    result = verify_page(_page(entries), public_key=PUBLIC)
    assert result.ok and result.checked == 6 and result.checkpoint is not None


def test_a_redacted_entry_edited_in_place_is_located() -> None:
    entries = _chain(["other", "me", "other"])
    entries[0] = entries[0].model_copy(update={"body_hash": body_hash("access_record", {"owner": "x"})})
    result = verify_entries(entries)
    assert (result.ok, result.first_bad_seq, result.reason) == (False, 1, "hash_mismatch")


def test_a_broken_link_in_redacted_entries_is_located() -> None:
    entries = _chain(["me", "other", "other", "me"])
    entries[2] = entries[2].model_copy(update={"prev_hash": "f" * 64})
    assert (verify_entries(entries).first_bad_seq, verify_entries(entries).reason) == (3, "prev_hash_mismatch")


def test_the_head_must_be_signed_by_the_trusted_key() -> None:
    entries = _chain(["me", "other"])
    other_key = Ed25519PrivateKey.generate()
    forged = _sign(2, entries[-1].hash, other_key)
    assert verify_page(_page(entries, forged), public_key=PUBLIC).reason == "key_changed"
    bad_signature = _sign(2, entries[-1].hash).model_copy(update={"signature": "00" * 64})
    assert verify_page(_page(entries, bad_signature), public_key=PUBLIC).reason == "bad_signature"
    stale = _sign(1, entries[0].hash)
    assert verify_page(_page(entries, stale), public_key=PUBLIC).reason == "head_mismatch"


def test_a_shorter_chain_than_the_one_seen_is_reported() -> None:
    entries = _chain(["me", "other", "me", "other"])
    seen = _sign(4, entries[-1].hash)
    assert verify_page(_page(entries), public_key=PUBLIC, seen=seen).ok
    cut = entries[:2]
    result = verify_page(_page(cut), public_key=PUBLIC, seen=seen)
    assert (result.ok, result.reason, result.first_bad_seq) == (False, "shortened", 3)


def test_a_rewritten_chain_is_reported_at_the_seen_seq() -> None:
    original = _chain(["me", "other", "me"])
    seen = _sign(3, original[-1].hash)
    rewritten = _chain(["me", "someone else", "me", "me"])  # consistent links, a new signed head
    assert verify_page(_page(rewritten), public_key=PUBLIC).ok
    result = verify_page(_page(rewritten), public_key=PUBLIC, seen=seen)
    assert (result.ok, result.reason, result.first_bad_seq) == (False, "rewritten", 3)


def _row(seq: int, action: str = "sign_in", actor: str = "me") -> ActivityEntry:
    return ActivityEntry(at=AT, action=action, device="Linux / Firefox", actor_resident_id=actor, chain_seq=seq)


def test_activity_rows_must_cover_their_chain_entries() -> None:
    page = _page(_chain(["me!", "other!", "me!", "me"]))
    assert missing_activity(page, [_row(3), _row(1)], limit=1000) is None
    assert missing_activity(page, [_row(3)], limit=1000) == 1
    assert missing_activity(page, [_row(3), _row(1, action="sign_out")], limit=1000) == 1
    # A full page (limit reached) only vouches for entries from its oldest row on.
    assert missing_activity(page, [_row(3)], limit=1) is None


def _application(answers: dict[str, Any]) -> tuple[Application, ChainEntry]:
    payload = {"application_id": "app-1", "procedure_id": "moving_out", "receipt_number": "MP-1",
               "answers": answers, "salt": "0" * 32}  # fmt: skip
    digest = entry_hash(7, "application_submitted", payload, "a" * 64)
    entry = ChainEntry(seq=7, kind="application_submitted", payload=payload, prev_hash="a" * 64, hash=digest)
    app = Application(application_id="app-1", procedure_id="moving_out", resident_id="me",
                      created_by_resident_id="me", status=ApplicationStatus.submitted, answers=answers,
                      created_at=AT, updated_at=AT, receipt_number="MP-1", chain_seq=7, chain_hash=digest,
                      status_history=[])  # fmt: skip
    return app, entry


def test_an_application_must_say_what_its_entry_recorded() -> None:
    app, entry = _application({"new_address": "秋田市山王1-1"})
    assert application_matches(app, entry)
    assert not application_matches(app.model_copy(update={"answers": {"new_address": "秋田市中通2-2"}}), entry)
    assert not application_matches(app.model_copy(update={"chain_hash": "b" * 64}), entry)
    assert not application_matches(app, None)
    assert not application_matches(app, entry.model_copy(update={"payload": {**entry.payload, "answers": {}}}))
