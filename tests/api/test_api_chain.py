"""The tamper-evident hash chain: served, verified by the adapter, tampering located."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

from api_helpers import DEMO_PIN, Backend, run

from rxapp.api.chain import GENESIS_HASH, entry_hash, verify_entries
from rxapp.api.client import PortalClient
from rxapp.api.models import ChainEntry

JST = timezone(timedelta(hours=9))


def _chain(n: int) -> list[ChainEntry]:
    entries: list[ChainEntry] = []
    prev = GENESIS_HASH
    for seq in range(1, n + 1):
        payload = {"n": seq, "名前": "テスト"}
        digest = entry_hash(seq, "access_record", payload, prev)
        entries.append(
            ChainEntry(seq=seq, kind="access_record", payload=payload, prev_hash=prev, hash=digest)
        )
        prev = digest
    return entries


def test_verify_entries_pure() -> None:
    good = _chain(5)
    assert verify_entries(good).ok and verify_entries(good).checked == 5
    changed = [e.model_copy(update={"payload": {"n": 99}}) if e.seq == 3 else e for e in good]
    result = verify_entries(changed)
    assert (result.ok, result.first_bad_seq, result.reason) == (False, 3, "hash_mismatch")
    relinked = [e.model_copy(update={"prev_hash": "f" * 64}) if e.seq == 4 else e for e in good]
    assert verify_entries(relinked).reason == "prev_hash_mismatch"
    gap = [e for e in good if e.seq != 2]
    assert (verify_entries(gap).first_bad_seq, verify_entries(gap).reason) == (3, "seq_gap")
    assert verify_entries(gap, complete=False).ok  # a resident's subset: each hash checks out


def test_chain_verifies_and_tampering_is_located(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-sato-haru", DEMO_PIN)).token
        assert (await client.verify_chain(token)).ok
        assert (await client.verify_chain(token, mine=True)).ok
        records = await client.list_access_records(token)
        target = records[-1]  # Haru's oldest record
        assert target.legal_basis.article == "第19条第8号"

        # Someone edits the stored record directly in SQLite, bypassing the API.
        with sqlite3.connect(fresh.db_path) as conn:
            conn.execute(
                "UPDATE chain SET payload = replace(payload, '第19条第8号', '第19条第9号') WHERE seq = ?",
                (target.chain_seq,),
            )
        result = await client.verify_chain(token)
        assert not result.ok
        assert result.first_bad_seq == target.chain_seq and result.reason == "hash_mismatch"
        mine = await client.verify_chain(token, mine=True)
        assert mine.first_bad_seq == target.chain_seq

        # Re-hashing the edited row does not hide it: the next entry's link breaks.
        page = await client.get_chain(token)
        edited = next(e for e in page.entries if e.seq == target.chain_seq)
        forged = entry_hash(edited.seq, edited.kind, edited.payload, edited.prev_hash)
        with sqlite3.connect(fresh.db_path) as conn:
            conn.execute("UPDATE chain SET hash = ? WHERE seq = ?", (forged, target.chain_seq))
        relinked = await client.verify_chain(token)
        assert relinked.first_bad_seq == target.chain_seq + 1 and relinked.reason == "prev_hash_mismatch"

    run(scenario())


def test_access_record_filters(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-sato-haru", DEMO_PIN)).token
        everything = await client.list_access_records(token)
        assert len(everything) == 3
        assert all(r.chain_hash and r.chain_seq for r in everything)
        by_city = await client.list_access_records(token, agency="秋田市")
        assert {r.agency for r in by_city} == {"秋田県秋田市"}
        cutoff = datetime(2026, 11, 1, tzinfo=JST)
        recent = await client.list_access_records(token, since=cutoff)
        assert recent and all(r.accessed_at >= cutoff for r in recent)
        older = await client.list_access_records(token, until=cutoff)
        assert len(recent) + len(older) == len(everything)

    run(scenario())
