"""操作履歴 tells the truth: every action names the resident's browser, and looking at private data is recorded."""

from __future__ import annotations

from api_helpers import DEMO_PIN, Backend, run

from rxapp.api.client import PortalClient
from rxapp.api.settings import ApiSettings

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0"
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1"


def test_every_action_names_the_browser_that_signed_in(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        token = (await client.sign_in("card-li-wei", DEMO_PIN, device=FIREFOX)).token
        await client.link_external_service(token, "nenkin-net")
        newest = (await client.list_activity(token))[0]
        assert (newest.action, newest.device) == ("link_service", "Linux / Firefox")

    run(scenario())


def test_a_proxy_looking_at_information_is_recorded(client: PortalClient, fresh: Backend) -> None:
    async def scenario() -> None:
        keiko = (await client.sign_in("card-sato-keiko", DEMO_PIN, device=IPHONE)).token
        await client.act_as(keiko, "res-sato-haru")
        await client.list_info(keiko)
        await client.list_notices(keiko)
        haru = (await client.sign_in("card-sato-haru", DEMO_PIN)).token
        rows = [(a.action, a.actor_resident_id, a.device) for a in await client.list_activity(haru)][1:3]
        assert rows == [("view_notices", "res-sato-keiko", "iPhone / Safari"),
                        ("view_info", "res-sato-keiko", "iPhone / Safari")]  # fmt: skip
        assert (await client.verify_chain(haru)).ok  # each look is in the chain too

    run(scenario())


def test_the_browser_is_named_whichever_worker_makes_the_call(settings: ApiSettings, fresh: Backend) -> None:
    """Behind several workers (or after a restart) the call that links a service may come from another adapter
    than the one that signed in: the session itself remembers the browser it was opened from."""
    signing_in, other_worker = PortalClient(settings), PortalClient(settings)

    async def scenario() -> None:
        token = (await signing_in.sign_in("card-li-wei", DEMO_PIN, device=FIREFOX)).token
        await other_worker.link_external_service(token, "nenkin-net")
        newest = (await other_worker.list_activity(token))[0]
        assert (newest.action, newest.device) == ("link_service", "Linux / Firefox")

    run(scenario())
