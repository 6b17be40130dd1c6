"""Sign-in that proves possession: the smartphone path needs the resident's secret and respects the card's
lock, and one client cannot guess PINs or lock cards without limit — through the adapter, over HTTP."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import httpx
import pytest
from api_helpers import BACKEND_KEY, DEMO_PIN, Backend, run

from rxapp.api.client import PortalClient
from rxapp.api.errors import CardLocked, PinIncorrect, TooManyAttempts, ValidationFailed
from rxapp.api.settings import ApiSettings

# Cards that stay below their own 3-try lock while a client's failures add up (2 wrong PINs each).
CARDS = ["card-nguyen-van-an", "card-souza-ana", "card-souza-paulo", "card-sato-haru", "card-thapa-bishnu"]


@pytest.fixture
def reset_after(fresh: Backend) -> Iterator[Backend]:
    """A test that fills a client's failure budget empties it again for the tests after it."""
    yield fresh
    httpx.post(f"{fresh.url}/api/v1/_test/reset", timeout=30).raise_for_status()


def test_smartphone_approval_without_the_pin_opens_no_session(backend: Backend, fresh: Backend) -> None:
    start = httpx.post(f"{backend.url}/api/v1/sessions/smartphone", json={"card_id": "card-li-wei"})
    challenge = start.json()["challenge_id"]
    # The attack of the finding: anyone who knows a card id approved "their" phone and got a session.
    done = httpx.post(f"{backend.url}/api/v1/sessions/smartphone/{challenge}/complete", json={"approved": True})
    assert done.status_code == 422, done.text
    assert done.json()["field_errors"] == {"pin": "required"}
    assert "token" not in done.text


def test_smartphone_wrong_pins_count_toward_the_cards_lock(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        challenge = await client.sign_in_smartphone_start("card-chen-jing")
        for tries_left in (2, 1):
            with pytest.raises(PinIncorrect) as wrong:
                await client.sign_in_smartphone_complete(challenge.challenge_id, pin="9999")
            assert wrong.value.tries_left == tries_left  # the phone's question stays open for another try
        with pytest.raises(CardLocked):
            await client.sign_in_smartphone_complete(challenge.challenge_id, pin="9999")
        cards = {c.card_id: c for c in await client.list_demo_cards()}
        assert cards["card-chen-jing"].locked
        with pytest.raises(CardLocked):  # and the card path is locked too
            await client.sign_in("card-chen-jing", DEMO_PIN)

    run(scenario())


def test_a_locked_card_cannot_sign_in_by_smartphone(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        for _ in range(2):
            with pytest.raises(PinIncorrect):
                await client.sign_in("card-santos-maria", "9999")
        with pytest.raises(CardLocked):
            await client.sign_in("card-santos-maria", "9999")
        with pytest.raises(CardLocked):
            await client.sign_in_smartphone_start("card-santos-maria")

    run(scenario())


def test_too_many_failures_from_one_client_are_refused_for_a_while(
    client: PortalClient, reset_after: Backend
) -> None:
    async def scenario() -> None:
        for card in CARDS:
            for _ in range(2):
                with pytest.raises(PinIncorrect):
                    await client.sign_in(card, "9999")
        # Ten failures in the window: the next try is refused before any PIN is looked at, even a right one,
        # so a remote caller can neither guess on nor lock the next residents' cards.
        with pytest.raises(TooManyAttempts) as refused:
            await client.sign_in("card-li-wei", DEMO_PIN)
        assert 0 < refused.value.retry_after_s <= 15 * 60
        with pytest.raises(TooManyAttempts):
            await client.sign_in_smartphone_start("card-li-wei")
        cards = {c.card_id: c for c in await client.list_demo_cards()}
        assert not any(c.locked for c in cards.values())

    run(scenario())
    response = httpx.post(f"{reset_after.url}/api/v1/sessions", json={"card_id": "card-li-wei", "pin": DEMO_PIN})
    assert response.status_code == 429 and int(response.headers["retry-after"]) > 0


def test_the_residents_address_counts_only_when_the_portal_vouches_for_it(
    settings: ApiSettings, reset_after: Backend
) -> None:
    portal = PortalClient(settings.model_copy(update={"backend_key": BACKEND_KEY}))

    async def scenario() -> None:
        for card in CARDS:
            for _ in range(2):
                with pytest.raises(PinIncorrect):
                    await portal.sign_in(card, "9999", client_address="203.0.113.7")
        with pytest.raises(TooManyAttempts):
            await portal.sign_in("card-li-wei", DEMO_PIN, client_address="203.0.113.7")
        # Another resident, behind the same portal, is not held back by the first one's failures.
        assert (await portal.sign_in("card-li-wei", DEMO_PIN, client_address="198.51.100.20")).token

    run(scenario())


def test_a_caller_without_the_key_cannot_escape_its_limit_by_naming_other_addresses(
    settings: ApiSettings, reset_after: Backend
) -> None:
    forger = PortalClient(settings.model_copy(update={"backend_key": "not-the-key"}))

    async def scenario() -> None:
        for index, card in enumerate(CARDS):
            for attempt in range(2):
                with pytest.raises(PinIncorrect):
                    await forger.sign_in(card, "9999", client_address=f"192.0.2.{index * 2 + attempt}")
        # Every try named a new address, but without the key its own address counted: it is held back.
        with pytest.raises(TooManyAttempts):
            await forger.sign_in("card-li-wei", DEMO_PIN, client_address="192.0.2.99")

    run(scenario())


def test_smartphone_pin_must_be_four_digits(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        challenge = await client.sign_in_smartphone_start("card-li-wei")
        with pytest.raises(ValidationFailed) as bad:
            await client.sign_in_smartphone_complete(challenge.challenge_id, pin="12a4")
        assert bad.value.field_errors == {"pin": "pattern"}

    run(scenario())


def test_the_lock_is_an_event_in_the_residents_activity(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        for _ in range(2):
            with pytest.raises(PinIncorrect):
                await client.sign_in("card-sato-keiko", "9999")
        with pytest.raises(CardLocked):
            await client.sign_in("card-sato-keiko", "9999")

    run(scenario())
    # The card cannot sign in to read it any more, so read what the resident will see once it is reset at the counter.
    with sqlite3.connect(fresh.db_path) as db:
        actions = [row[0] for row in db.execute(
            "SELECT action FROM activity WHERE resident_id = 'res-sato-keiko' ORDER BY id DESC LIMIT 4")]  # fmt: skip
    assert actions[:2] == ["card_locked", "sign_in_failed"]
