"""The cookie that remembers each resident's last verified checkpoint in their own browser."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from urllib.parse import quote

from rxapp.api.models import SignedCheckpoint
from rxapp.state.access_records import SEEN_RESIDENTS, remember_checkpoint, seen_checkpoint


def _checkpoint(seq: int) -> SignedCheckpoint:
    return SignedCheckpoint(seq=seq, hash=f"{seq:064x}", signed_at=datetime(2026, 12, 1, tzinfo=UTC),
                            signature="ab" * 64, public_key="cd" * 32)  # fmt: skip


def test_round_trip_per_resident() -> None:
    cookie = remember_checkpoint("", "res-a", _checkpoint(10))
    cookie = remember_checkpoint(cookie, "res-b", _checkpoint(12))
    cookie = remember_checkpoint(cookie, "res-a", _checkpoint(15))
    assert seen_checkpoint(cookie, "res-a") == _checkpoint(15)
    assert seen_checkpoint(cookie, "res-b") == _checkpoint(12)
    assert seen_checkpoint(cookie, "res-c") is None


def test_a_garbled_cookie_is_no_checkpoint_and_is_replaced() -> None:
    for garbage in ("not json", "[1, 2]", json.dumps({"res-a": {"seq": "x"}}), json.dumps({"res-a": 5})):
        assert seen_checkpoint(garbage, "res-a") is None
        assert seen_checkpoint(remember_checkpoint(garbage, "res-a", _checkpoint(3)), "res-a") == _checkpoint(3)


def test_only_the_most_recent_residents_are_kept_within_a_cookie() -> None:
    cookie = ""
    for n in range(SEEN_RESIDENTS + 3):
        cookie = remember_checkpoint(cookie, f"res-{n}", _checkpoint(n + 1))
    assert seen_checkpoint(cookie, "res-0") is None
    assert seen_checkpoint(cookie, f"res-{SEEN_RESIDENTS + 2}") is not None
    assert len(quote(cookie)) < 3000  # a cookie stops at about 4 KB, and the browser stores it URL-encoded
