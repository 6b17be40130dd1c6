"""Public-fund account (422 field errors), disclosure, linked services, notices, error shape."""

from __future__ import annotations

import httpx
import pytest
from api_helpers import DEMO_PIN, Backend, run

from rxapp.api.client import PortalClient
from rxapp.api.errors import NotFound, ValidationFailed
from rxapp.api.models import AccountType, DisclosureRule, InfoCategory, PublicFundAccountIn, Recipient

MARIA_ACCOUNT = {"bank_code": "0001", "branch_code": "123", "account_type": "ordinary",
                 "account_number": "7654321", "holder_kana": "サントス　マリア"}  # fmt: skip


def test_public_fund_account_field_errors(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-santos-maria", DEMO_PIN)).token
        assert await client.get_public_fund_account(token) is None  # Maria has none yet
        bad = {**MARIA_ACCOUNT, "bank_code": "123", "holder_kana": "Santos Maria"}
        with pytest.raises(ValidationFailed) as failed:
            await client.set_public_fund_account(token, bad)
        assert failed.value.code == "validation"
        assert failed.value.field_errors == {"bank_code": "pattern", "holder_kana": "not_katakana"}
        with pytest.raises(ValidationFailed) as missing:
            await client.set_public_fund_account(
                token, {k: v for k, v in MARIA_ACCOUNT.items() if k != "account_type"}
            )
        assert missing.value.field_errors == {"account_type": "required"}
        with pytest.raises(ValidationFailed) as relative:  # an account in someone else's name
            await client.set_public_fund_account(token, {**MARIA_ACCOUNT, "holder_kana": "サントス　ジョゼ"})
        assert relative.value.field_errors == {"holder_kana": "holder_mismatch"}
        saved = await client.set_public_fund_account(token, PublicFundAccountIn.model_validate(MARIA_ACCOUNT))
        assert saved.account_type is AccountType.ordinary
        assert (await client.get_public_fund_account(token)) == saved

    run(scenario())


def test_error_body_shape_over_raw_http(backend: Backend) -> None:
    token = httpx.post(
        f"{backend.url}/api/v1/sessions", json={"card_id": "card-santos-maria", "pin": DEMO_PIN}
    ).json()["token"]
    response = httpx.put(
        f"{backend.url}/api/v1/public-fund-account",
        json={**MARIA_ACCOUNT, "branch_code": "12", "account_number": "12345678"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation"
    assert body["field_errors"] == {"branch_code": "pattern", "account_number": "pattern"}
    assert set(body) == {"code", "message", "field_errors", "tries_left", "retry_after_s"}
    unauthorised = httpx.get(f"{backend.url}/api/v1/profile")
    assert unauthorised.status_code == 401 and unauthorised.json()["code"] == "unauthorised"
    broken = httpx.post(
        f"{backend.url}/api/v1/sessions", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert broken.status_code == 422 and broken.json()["field_errors"] == {"_body": "json_invalid"}


def test_disclosure_and_change_log(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-thapa-bishnu", DEMO_PIN)).token
        before = await client.get_disclosure(token)
        assert len(before.rules) == len(InfoCategory) * len(Recipient)
        rule = DisclosureRule(
            category=InfoCategory.pension, recipient=Recipient.linked_services, allowed=True
        )
        after = await client.set_disclosure(token, [rule])
        assert rule in after.rules
        assert after.changes[0].category is InfoCategory.pension and after.changes[0].allowed
        again = await client.set_disclosure(token, [rule])  # no change, no new log entry
        assert len(again.changes) == len(after.changes)

    run(scenario())


def test_external_services_link_unlink(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-thapa-bishnu", DEMO_PIN)).token
        services = {s.service_id: s for s in await client.list_external_services(token)}
        assert InfoCategory.pension in services["nenkin-net"].receives
        linked = await client.link_external_service(token, "nenkin-net")
        assert linked.linked and linked.linked_at is not None
        assert (await client.link_external_service(token, "nenkin-net")).linked_at == linked.linked_at
        assert not (await client.unlink_external_service(token, "nenkin-net")).linked
        with pytest.raises(NotFound):
            await client.link_external_service(token, "no-such-service")

    run(scenario())


def test_notices_and_info(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-chen-jing", DEMO_PIN)).token
        notices = await client.list_notices(token)
        allowance = next(n for n in notices if n.related_procedure_id == "child_allowance")
        assert allowance.easy_ja_summary and not allowance.read and allowance.content_lang == "ja"
        marked = await client.mark_notice_read(token, allowance.notice_id)
        assert marked.read and marked.read_at is not None
        assert (await client.mark_notice_read(token, allowance.notice_id)).read_at == marked.read_at
        with pytest.raises(NotFound):
            await client.mark_notice_read(token, "ntc-souza-ana-1")  # someone else's
        childcare = await client.list_info(token, InfoCategory.childcare)
        assert childcare and all(i.category is InfoCategory.childcare for i in childcare)
        profile = await client.get_profile(token)
        baby = next(m for m in profile.household if m.relation == "child")
        assert (baby.birth_date - profile.household[0].birth_date).days > 0
        item = await client.get_info_item(token, childcare[0].item_id)
        assert item == childcare[0]

    run(scenario())
