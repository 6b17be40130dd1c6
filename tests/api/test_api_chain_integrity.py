"""Who may see what of the chain, and what an operator with the database cannot do unnoticed.

Each tamper test first shows that the edit leaves a chain whose links alone still check out, then that
the resident's remembered signed checkpoint, the application's recorded hash or the activity entries in
the chain catch it."""

from __future__ import annotations

import httpx
import pytest
from api_helpers import DEMO_PIN, Backend, run

from rxapp.api.chain import checkpoint_signature_ok
from rxapp.api.client import PortalClient
from rxapp.api.errors import Forbidden
from rxapp.api.models import ChainPage

CARE = {"insured_number": "0512345678", "applicant_relation": "family", "doctor_name": "山田 太郎",
        "clinic_name": "八橋クリニック"}  # fmt: skip


def _hook(backend: Backend, name: str, **params: object) -> None:
    httpx.post(f"{backend.url}/api/v1/_test/{name}", params=params, timeout=10).raise_for_status()


async def _submit_care(client: PortalClient, token: str, key: str) -> str:
    draft = await client.create_draft(token, "care_certification", CARE)
    return (await client.submit_application(token, draft.application_id, key)).application_id


def test_a_resident_sees_only_their_own_entries_whole(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        haru = (await client.sign_in("card-sato-haru", DEMO_PIN)).token
        await _submit_care(client, haru, "haru-care-privacy-01")
        chen = (await client.sign_in("card-chen-jing", DEMO_PIN)).token
        response = httpx.get(f"{fresh.url}/api/v1/chain", headers={"Authorization": f"Bearer {chen}"}, timeout=10)
        response.raise_for_status()
        text = response.text
        for secret in ("八橋クリニック", "山田 太郎", "0512345678", "res-sato-haru", "application_submitted"):
            assert secret not in text
        page = ChainPage.model_validate_json(response.content)
        mine = [e for e in page.entries if not e.redacted]
        assert mine and all(e.payload.get("resident_id", "res-chen-jing") == "res-chen-jing" for e in mine)
        others = [e for e in page.entries if e.redacted]
        assert others and all(e.kind == "" and e.payload == {} for e in others)
        assert [e.seq for e in page.entries] == list(range(1, page.head_seq + 1))
        # Chen still verifies that her entries sit in one unbroken chain up to the signed head.
        result = await client.verify_chain(chen)
        assert result.ok and result.checked == page.head_seq

    run(scenario())


def test_the_public_head_is_a_count_and_a_hash(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        head = await client.get_chain_head()
        key = await client.get_chain_public_key()
        assert head.seq > 0 and len(head.hash) == 64
        assert checkpoint_signature_ok(head, key)
        assert not checkpoint_signature_ok(head.model_copy(update={"seq": head.seq - 1}), key)

    run(scenario())


def test_a_rechained_history_is_caught_by_the_remembered_checkpoint(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-sato-haru", DEMO_PIN)).token
        before = await client.verify_chain(token)
        assert before.ok and before.checkpoint is not None
        oldest = min(r.chain_seq for r in await client.list_access_records(token))
        _hook(fresh, "rechain", seq=oldest)
        assert (await client.verify_chain(token)).ok  # consistent again, and freshly signed
        after = await client.verify_chain(token, seen=before.checkpoint)
        assert (after.ok, after.reason, after.first_bad_seq) == (False, "rewritten", before.checkpoint.seq)

    run(scenario())


def test_deleting_the_newest_entries_is_caught(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-sato-haru", DEMO_PIN)).token
        await _submit_care(client, token, "haru-care-truncate1")
        before = await client.verify_chain(token)
        assert before.ok and before.checkpoint is not None
        _hook(fresh, "truncate", count=3)
        page = await client.get_chain(token)
        assert page.head_seq == before.checkpoint.seq - 3
        after = await client.verify_chain(token, seen=before.checkpoint)
        assert (after.ok, after.reason) == (False, "shortened")

    run(scenario())


def test_an_edited_application_no_longer_matches_its_record(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-sato-haru", DEMO_PIN)).token
        app_id = await _submit_care(client, token, "haru-care-edit-0001")
        app = await client.get_application(token, app_id)
        fingerprint = await client.verify_application(token, app)
        assert fingerprint is not None and fingerprint == app.chain_hash
        _hook(fresh, "edit-application", application_id=app_id, field="clinic_name", value="別のクリニック")
        edited = await client.get_application(token, app_id)
        assert edited.answers["clinic_name"] == "別のクリニック"
        assert await client.verify_application(token, edited) is None

    run(scenario())


def test_deleted_activity_rows_are_caught(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-sato-haru", DEMO_PIN)).token
        assert (await client.verify_chain(token)).ok
        rows = await client.list_activity(token)
        assert rows[0].action == "sign_in" and rows[0].chain_seq
        _hook(fresh, "delete-activity", resident_id="res-sato-haru", count=1)
        assert (await client.verify_chain(token, mine=True)).ok  # the entries alone are intact
        after = await client.verify_chain(token)
        assert (after.ok, after.reason, after.first_bad_seq) == (False, "activity_missing", rows[0].chain_seq)

    run(scenario())


def test_a_notices_only_proxy_reads_nothing_else(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        chen = (await client.sign_in("card-chen-jing", DEMO_PIN)).token
        await client.add_proxy(chen, "res-li-wei", ["notices"])
        await client.add_proxy(chen, "res-souza-ana", ["settings"])
        li = (await client.sign_in("card-li-wei", DEMO_PIN)).token
        await client.act_as(li, "res-chen-jing")
        assert await client.list_notices(li)
        denied = [client.get_profile(li), client.list_activity(li), client.list_external_services(li),
                  client.list_info(li), client.list_access_records(li), client.get_chain(li),
                  client.get_chain(li, mine=True), client.get_disclosure(li), client.list_applications(li),
                  client.get_public_fund_account(li)]  # fmt: skip
        for call in denied:
            with pytest.raises(Forbidden):
                await call
        # The proxy list is the caller's own relations: it never shows whom else Chen appointed.
        listing = await client.list_proxies(li)
        assert {p.proxy_resident_id for p in listing.as_principal} <= {"res-li-wei"}
        assert all(p.proxy_resident_id == "res-li-wei" for p in listing.as_proxy)

    run(scenario())

