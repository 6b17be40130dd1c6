"""Sign-in, PIN lock, smartphone sign-in, sessions and proxies — through the adapter, over HTTP."""

from __future__ import annotations

import pytest
from api_helpers import DEMO_PIN, Backend, run

from rxapp.api.client import PortalClient
from rxapp.api.errors import CardLocked, Forbidden, NotFound, PinIncorrect, Unauthorised, ValidationFailed
from rxapp.api.models import ProxyScope, SignInMethod

RESIDENT_CARDS = [
    ("card-nguyen-van-an", "res-nguyen-van-an", "VN"),
    ("card-souza-ana", "res-souza-ana", "BR"),
    ("card-souza-paulo", "res-souza-paulo", "BR"),
    ("card-sato-haru", "res-sato-haru", "JP"),
    ("card-sato-keiko", "res-sato-keiko", "JP"),
    ("card-thapa-bishnu", "res-thapa-bishnu", "NP"),
    ("card-chen-jing", "res-chen-jing", "CN"),
    ("card-li-wei", "res-li-wei", "CN"),
    ("card-santos-maria", "res-santos-maria", "PH"),
]


def test_demo_cards_list_every_resident(client: PortalClient, fresh: Backend) -> None:
    cards = run(client.list_demo_cards())
    assert {c.card_id for c in cards} == {card for card, _, _ in RESIDENT_CARDS}
    assert not any(c.locked for c in cards)


@pytest.mark.parametrize(("card_id", "resident_id", "nationality"), RESIDENT_CARDS)
def test_every_resident_signs_in(client: PortalClient, backend: Backend, card_id: str, resident_id: str,
                                 nationality: str) -> None:  # fmt: skip
    async def scenario() -> None:
        session = await client.sign_in(card_id, DEMO_PIN)
        assert session.resident_id == resident_id == session.subject_resident_id
        assert session.method is SignInMethod.card and session.acting_for is None
        profile = await client.get_profile(session.token)
        assert profile.resident_id == resident_id and profile.nationality == nationality
        assert await client.list_info(session.token), "every resident has わたしの情報"
        assert await client.list_notices(session.token)
        assert await client.list_access_records(session.token)
        assert await client.list_activity(session.token)

    run(scenario())


def test_three_wrong_pins_lock_the_card_until_reset(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        for tries_left in (2, 1):
            with pytest.raises(PinIncorrect) as wrong:
                await client.sign_in("card-souza-ana", "9999")
            assert wrong.value.tries_left == tries_left and wrong.value.code == "pin_incorrect"
        with pytest.raises(CardLocked) as locked:
            await client.sign_in("card-souza-ana", "9999")
        assert locked.value.code == "card_locked"
        with pytest.raises(CardLocked):  # the right PIN no longer helps: counter visit needed
            await client.sign_in("card-souza-ana", DEMO_PIN)
        cards = {c.card_id: c for c in await client.list_demo_cards()}
        assert cards["card-souza-ana"].locked and not cards["card-souza-paulo"].locked

    run(scenario())


def test_a_right_pin_resets_the_count(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        with pytest.raises(PinIncorrect):
            await client.sign_in("card-li-wei", "0000")
        await client.sign_in("card-li-wei", DEMO_PIN)
        with pytest.raises(PinIncorrect) as wrong:
            await client.sign_in("card-li-wei", "0000")
        assert wrong.value.tries_left == 2

    run(scenario())


def test_bad_pin_format_and_unknown_card(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        with pytest.raises(ValidationFailed) as bad:
            await client.sign_in("card-li-wei", "12a")
        assert bad.value.field_errors == {"pin": "pattern"}
        with pytest.raises(NotFound):
            await client.sign_in("card-nobody", DEMO_PIN)

    run(scenario())


def test_smartphone_sign_in(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        challenge = await client.sign_in_smartphone_start("card-nguyen-van-an")
        session = await client.sign_in_smartphone_complete(challenge.challenge_id, pin=DEMO_PIN)
        assert session.method is SignInMethod.smartphone and session.resident_id == "res-nguyen-van-an"
        assert (await client.get_profile(session.token)).residence_status is not None
        with pytest.raises(NotFound):  # a challenge is used once
            await client.sign_in_smartphone_complete(challenge.challenge_id, pin=DEMO_PIN)
        denied = await client.sign_in_smartphone_start("card-nguyen-van-an")
        with pytest.raises(Unauthorised) as refused:
            await client.sign_in_smartphone_complete(denied.challenge_id, approved=False)
        assert refused.value.code == "smartphone_denied"

    run(scenario())


def test_invalid_expired_and_signed_out_tokens(client: PortalClient, backend: Backend) -> None:
    async def scenario() -> None:
        with pytest.raises(Unauthorised):
            await client.get_profile("not-a-token")
        session = await client.sign_in("card-thapa-bishnu", DEMO_PIN)
        extended = await client.extend_session(session.token)
        assert extended.expires_at >= session.expires_at
        await client._call("POST", "/_test/expire-session", None, token=session.token)
        with pytest.raises(Unauthorised) as expired:
            await client.get_profile(session.token)
        assert expired.value.code == "session_expired"
        other = await client.sign_in("card-thapa-bishnu", DEMO_PIN)
        await client.sign_out(other.token)
        with pytest.raises(Unauthorised):
            await client.get_profile(other.token)

    run(scenario())


def test_keiko_acts_for_haru(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        keiko = await client.sign_in("card-sato-keiko", DEMO_PIN)
        proxies = await client.list_proxies(keiko.token)
        assert [p.principal_resident_id for p in proxies.as_proxy] == ["res-sato-haru"]
        acting = await client.act_as(keiko.token, "res-sato-haru")
        assert acting.acting_for is not None
        assert acting.acting_for.proxy_resident_id == "res-sato-keiko"
        assert acting.acting_for.principal_resident_id == "res-sato-haru"
        assert ProxyScope.applications in acting.acting_for.scope
        assert (await client.get_session(keiko.token)).subject_resident_id == "res-sato-haru"
        profile = await client.get_profile(keiko.token)
        assert profile.resident_id == "res-sato-haru"
        care = await client.list_info(keiko.token, "nursing_care")
        assert care and care[0].category == "nursing_care"
        draft = await client.create_draft(keiko.token, "care_certification", {"applicant_relation": "family"})
        assert draft.resident_id == "res-sato-haru" and draft.created_by_resident_id == "res-sato-keiko"
        with pytest.raises(Forbidden):  # a proxy cannot appoint further proxies
            await client.add_proxy(keiko.token, "res-santos-maria", [ProxyScope.view_info])
        back = await client.act_as(keiko.token, "res-sato-keiko")
        assert back.acting_for is None and back.subject_resident_id == "res-sato-keiko"

    run(scenario())


def test_act_as_refused_without_a_proxy_relation(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        maria = await client.sign_in("card-santos-maria", DEMO_PIN)
        with pytest.raises(Forbidden) as refused:
            await client.act_as(maria.token, "res-sato-haru")
        assert refused.value.code == "not_a_proxy"
        haru = await client.sign_in("card-sato-haru", DEMO_PIN)
        with pytest.raises(Forbidden):  # the relation is one way
            await client.act_as(haru.token, "res-sato-keiko")
        # Revoking ends the proxy's power at once, even in a session already acting.
        keiko = await client.sign_in("card-sato-keiko", DEMO_PIN)
        await client.act_as(keiko.token, "res-sato-haru")
        proxies = await client.list_proxies(haru.token)
        revoked = await client.revoke_proxy(haru.token, proxies.as_principal[0].proxy_id)
        assert not revoked.active
        with pytest.raises(Forbidden):
            await client.get_profile(keiko.token)
        with pytest.raises(Forbidden):
            await client.act_as(keiko.token, "res-sato-haru")
        # Haru appoints her again, with a narrower scope.
        again = await client.add_proxy(haru.token, "res-sato-keiko", [ProxyScope.view_info])
        assert again.active and again.scope == [ProxyScope.view_info]
        await client.act_as(keiko.token, "res-sato-haru")
        assert await client.list_info(keiko.token)
        with pytest.raises(Forbidden) as scope:
            await client.list_applications(keiko.token)
        assert scope.value.code == "proxy_scope"

    run(scenario())


def test_activity_names_the_residents_browser_not_the_portals_client(client: PortalClient, fresh: Backend) -> None:
    """The portal signs in on the resident's behalf: 操作履歴 must show their device, so misuse can be spotted."""
    iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1"

    async def scenario() -> None:
        session = await client.sign_in("card-li-wei", DEMO_PIN, device=iphone)
        challenge = await client.sign_in_smartphone_start("card-li-wei")
        phone = await client.sign_in_smartphone_complete(challenge.challenge_id, pin=DEMO_PIN,
                                                         device="Mozilla/5.0 (Linux; Android 14) Chrome/120.0")
        unnamed = await client.sign_in("card-li-wei", DEMO_PIN)
        sign_ins = [a for a in await client.list_activity(unnamed.token) if a.action == "sign_in"]
        assert [a.device for a in sign_ins[:3]] == ["Unknown / httpx", "Android / Chrome", "iPhone / Safari"]
        assert session.token and phone.token

    run(scenario())
