"""Procedures, drafts, idempotent submission, corrections."""

from __future__ import annotations

import asyncio

import pytest
from api_helpers import DEMO_PIN, Backend, run

from rxapp.api.client import PortalClient
from rxapp.api.errors import Conflict, NotFound, ValidationFailed
from rxapp.api.models import ApplicationStatus

CHILD_ALLOWANCE = {
    "child_name_kana": "リ　ショウウ",
    "child_birth_date": "2026-11-22",
    "children_supported": 1,
    "payee_is_higher_earner": True,
    "use_public_fund_account": True,
}


def test_procedures_search(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        birth = await client.list_procedures(life_event="birth")
        assert [p.procedure_id for p in birth] == ["child_allowance"]
        assert birth[0].parameters["apply_within_days"] == 15
        pension = await client.list_procedures(query="年金")
        assert {p.procedure_id for p in pension} == {"pension_student_deferral", "pension_exemption"}
        care = await client.get_procedure("care_certification")
        assert [f.name for f in care.fields][:2] == ["insured_number", "applicant_relation"]
        with pytest.raises(NotFound):
            await client.get_procedure("no_such_procedure")

    run(scenario())


def test_draft_saves_answers_as_given(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-chen-jing", DEMO_PIN)).token
        draft = await client.create_draft(token, "child_allowance", {"child_name_kana": "li xiaoyu"})
        assert draft.status is ApplicationStatus.draft and draft.answers == {"child_name_kana": "li xiaoyu"}
        updated = await client.update_draft(token, draft.application_id, {**CHILD_ALLOWANCE, "note": "x"})
        assert updated.answers["note"] == "x" and updated.answers["children_supported"] == 1
        assert (await client.get_application(token, draft.application_id)).answers == updated.answers

    run(scenario())


def test_submit_reports_field_errors_by_name(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-chen-jing", DEMO_PIN)).token
        answers = {**CHILD_ALLOWANCE, "child_name_kana": "Li Xiaoyu", "child_birth_date": "22/11/2026"}
        del answers["children_supported"]
        draft = await client.create_draft(token, "child_allowance", answers)
        with pytest.raises(ValidationFailed) as failed:
            await client.submit_application(token, draft.application_id, "key-invalid-0001")
        assert failed.value.field_errors == {
            "child_name_kana": "not_katakana",
            "child_birth_date": "invalid_date",
            "children_supported": "required",
        }
        # A failed attempt does not burn the key.
        await client.update_draft(token, draft.application_id, CHILD_ALLOWANCE)
        done = await client.submit_application(token, draft.application_id, "key-invalid-0001")
        assert done.status is ApplicationStatus.submitted

    run(scenario())


def test_same_key_twice_makes_one_submission(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-li-wei", DEMO_PIN)).token
        draft = await client.create_draft(token, "child_allowance", CHILD_ALLOWANCE)
        first = await client.submit_application(token, draft.application_id, "draft-key-sequential-1")
        second = await client.submit_application(token, draft.application_id, "draft-key-sequential-1")
        assert first.receipt_number and first.receipt_number == second.receipt_number
        assert first.chain_seq == second.chain_seq
        with pytest.raises(Conflict):  # already submitted: a new key does not make a second one
            await client.submit_application(token, draft.application_id, "draft-key-sequential-2")
        with pytest.raises(Conflict):  # no more editing once submitted
            await client.update_draft(token, draft.application_id, {})
        other = await client.create_draft(token, "child_allowance", CHILD_ALLOWANCE)
        with pytest.raises(Conflict) as reused:
            await client.submit_application(token, other.application_id, "draft-key-sequential-1")
        assert reused.value.code == "idempotency_key_reused"

    run(scenario())


def test_concurrent_submissions_with_one_key(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-li-wei", DEMO_PIN)).token
        draft = await client.create_draft(token, "child_allowance", CHILD_ALLOWANCE)
        chain_before = (await client.get_chain(token)).head_seq
        results = await asyncio.gather(
            *(
                client.submit_application(token, draft.application_id, "draft-key-concurrent")
                for _ in range(8)
            )
        )
        assert len({r.receipt_number for r in results}) == 1
        assert len({r.chain_seq for r in results}) == 1
        chain_after = await client.get_chain(token)
        added = [e.kind for e in chain_after.entries if e.seq > chain_before]
        assert sorted(added) == ["activity", "application_submitted"]  # one submission, one activity row
        submitted = [
            a for a in await client.list_applications(token) if a.application_id == draft.application_id
        ]
        assert len(submitted) == 1 and submitted[0].receipt_number == results[0].receipt_number

    run(scenario())


def test_proxy_submits_care_certification_for_haru(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-sato-keiko", DEMO_PIN)).token
        await client.act_as(token, "res-sato-haru")
        answers = {"insured_number": "0512345678", "applicant_relation": "family", "doctor_name": "山田 太郎",
                   "clinic_name": "八橋クリニック"}  # fmt: skip
        draft = await client.create_draft(token, "care_certification", answers)
        done = await client.submit_application(token, draft.application_id, "keiko-for-haru-0001")
        assert done.resident_id == "res-sato-haru" and done.created_by_resident_id == "res-sato-keiko"
        assert done.status_history[-1].by_resident_id == "res-sato-keiko"
        mine = await client.get_chain(token, mine=True)
        recorded = next(e for e in reversed(mine.entries) if e.kind == "application_submitted")
        assert recorded.payload["submitted_by"] == "res-sato-keiko"
        activity = await client.list_activity(token)
        assert (
            activity[0].action == "submit_application" and activity[0].actor_resident_id == "res-sato-keiko"
        )

    run(scenario())


def test_correction_requests(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-santos-maria", DEMO_PIN)).token
        items = await client.list_info(token, "health_insurance")
        created = await client.create_correction_request(
            token, items[0].item_id, "保険者名が違います", "横浜市国民健康保険"
        )
        assert created.status == "received" and created.category == "health_insurance"
        assert [r.request_id for r in await client.list_correction_requests(token)] == [created.request_id]
        with pytest.raises(ValidationFailed) as unknown:
            await client.create_correction_request(token, "souza-ana-pension-1", "not mine")
        assert unknown.value.field_errors == {"item_id": "not_found"}

    run(scenario())
