"""No resident ever sees another's data: sign-out forgets, the session is bound to the browser (not to the tab
token a script can read), and a browser's tabs share one sign-in."""

from __future__ import annotations

import json

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.journeys_helpers import PIN, press_on, reset_demo, sign_in

pytestmark = pytest.mark.browser

FIRST, SECOND = "card-souza-ana", "card-thapa-bishnu"


@pytest.fixture(autouse=True)
def _fresh(portal_url: str) -> None:
    reset_demo(portal_url)


def _private_strings(portal_url: str, card_id: str) -> tuple[list[str], str]:
    """A resident's record titles, text values and notice titles, and everything of theirs as one text."""
    token = httpx.post(f"{portal_url}/api/v1/sessions", json={"card_id": card_id, "pin": PIN}).json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    info = httpx.get(f"{portal_url}/api/v1/info", headers=auth).json()
    notices = httpx.get(f"{portal_url}/api/v1/notices", headers=auth).json()
    profile = httpx.get(f"{portal_url}/api/v1/profile", headers=auth).json()
    httpx.delete(f"{portal_url}/api/v1/sessions/current", headers=auth)
    strings = [item["title"] for item in info] + [n["title"] for n in notices]
    strings += [v["text"] for item in info for v in item["values"] if v.get("text")]
    return [s for s in strings if len(s) >= 4], json.dumps([info, notices, profile], ensure_ascii=False)


@pytest.fixture
def first_residents_data(portal_url: str) -> list[str]:
    """Strings that only the first resident's private pages show (never the second resident's)."""
    first, _ = _private_strings(portal_url, FIRST)
    _, second_everything = _private_strings(portal_url, SECOND)
    needles = sorted({s for s in first if s not in second_everything})
    assert len(needles) >= 5, needles
    return needles


def _signed_in_paths(portal_url: str, locale: str) -> list[str]:
    inventory = httpx.get(f"{portal_url}/_minna/pages.json").json()
    return [f"/{locale}/{p['slug']}" for p in inventory["pages"] if p["signed_in"]]


def _record_frames(page: Page, after: dict[str, bool] | None = None) -> list[str]:
    """Every websocket frame the page receives on sockets opened once `after["on"]` is set (all, without it).

    Signing out loads the next page anew, so every frame after it arrives on a new socket; what the old socket
    still delivers was sent while the resident was signed in (a page's data arriving late under load)."""
    frames: list[str] = []

    def watch(ws: object) -> None:
        if after is None or after["on"]:
            ws.on("framereceived", lambda payload: frames.append(str(payload)))  # type: ignore[attr-defined]

    page.on("websocket", watch)
    return frames


def _visit(page: Page, portal_url: str, paths: list[str]) -> str:
    """Open each page and let its data arrive; returns everything the pages showed."""
    seen = []
    for path in paths:
        page.goto(f"{portal_url}{path}")
        expect(page.locator("h1")).to_be_visible()
        page.wait_for_timeout(400)
        seen.append(page.inner_text("body"))
    return "\n".join(seen)


def _leaks(needles: list[str], *texts: str) -> list[str]:
    return [n for n in needles if any(n in text for text in texts)]


def test_sign_out_then_another_resident_in_the_same_tab_sees_nothing_of_the_first(
    page: Page, portal_url: str, first_residents_data: list[str]
) -> None:
    paths = _signed_in_paths(portal_url, "en")
    assert len(paths) >= 15, paths
    signed_out = {"on": False}
    frames = _record_frames(page, after=signed_out)
    sign_in(page, portal_url, "en", FIRST)
    shown = _visit(page, portal_url, paths)
    assert _leaks(first_residents_data, shown), "the first resident's pages must show the data looked for"

    page.goto(f"{portal_url}/en/my-info")
    expect(page.locator("main")).to_contain_text(first_residents_data[0])
    signed_out["on"] = True  # every socket from the sign-out on
    press_on(page, "session-sign-out")
    page.wait_for_url("**/en/signed-out**")
    expect(page.locator("h1")).to_have_text("You have signed out")
    # The tab comes back (a reload, a reconnect): its state is sent in full, and none of it may be private.
    page.reload()
    expect(page.locator("h1")).to_have_text("You have signed out")
    after_sign_out = page.inner_text("body")

    sign_in(page, portal_url, "en", SECOND)
    shown_to_second = _visit(page, portal_url, paths)
    storage = page.evaluate("JSON.stringify({...sessionStorage}) + JSON.stringify({...localStorage}) + document.cookie")
    assert not _leaks(first_residents_data, after_sign_out, shown_to_second, storage, *frames)


def test_a_copied_tab_token_carries_no_session_into_another_browser(
    page: Page, browser: Browser, portal_url: str, first_residents_data: list[str]
) -> None:
    sign_in(page, portal_url, "en", FIRST)
    _visit(page, portal_url, ["/en/my-info", "/en/settings"])
    token = page.evaluate("sessionStorage.getItem('token')")
    assert token
    page.close()  # the resident closed the tab; someone carried its token off

    other: BrowserContext = browser.new_context()
    try:
        thief = other.new_page()
        thief.add_init_script(f"window.sessionStorage.setItem('token', {token!r})")
        frames = _record_frames(thief)
        thief.goto(f"{portal_url}/en/my-info")
        thief.wait_for_url("**/en/sign-in?next=**")
        assert thief.evaluate("sessionStorage.getItem('token')") == token, "the copied token was in use"
        thief.goto(f"{portal_url}/en/mypage")
        thief.wait_for_url("**/en/sign-in?next=**")
        assert not _leaks(first_residents_data, thief.inner_text("body"), *frames)
    finally:
        other.close()


def test_a_second_tab_is_signed_in_and_signing_out_in_one_ends_both(
    page: Page, context: BrowserContext, portal_url: str
) -> None:
    sign_in(page, portal_url, "en", FIRST)
    second = context.new_page()
    second.goto(f"{portal_url}/en/my-info")
    expect(second.locator("h1")).to_contain_text("Your information")
    expect(second.locator(".session-bar")).to_contain_text("SOUZA ANA")

    press_on(page, "session-sign-out")
    page.wait_for_url("**/en/signed-out**")
    second.goto(f"{portal_url}/en/notices")
    second.wait_for_url("**/en/sign-in?next=**")


def test_the_session_cookie_is_out_of_scripts_reach_and_changes_at_sign_in(
    page: Page, context: BrowserContext, portal_url: str
) -> None:
    page.goto(f"{portal_url}/en/sign-in")
    before = {c["name"]: c for c in context.cookies()}
    assert before["minna_session"]["httpOnly"] and before["minna_session"]["sameSite"] == "Lax"
    assert "minna_session" not in page.evaluate("document.cookie")
    sign_in(page, portal_url, "en", FIRST)
    after = {c["name"]: c for c in context.cookies()}
    assert after["minna_session"]["value"] != before["minna_session"]["value"], "rotated at sign-in"
    # The old value names no session any more: a browser holding it (fixation) is not signed in.
    fixated = page.context.browser.new_context()  # type: ignore[union-attr]
    try:
        old = before["minna_session"]
        fixated.add_cookies([{"name": old["name"], "value": old["value"], "url": portal_url, "httpOnly": True}])
        probe = fixated.new_page()
        probe.goto(f"{portal_url}/en/mypage")
        probe.wait_for_url("**/en/sign-in?next=**")
    finally:
        fixated.close()
