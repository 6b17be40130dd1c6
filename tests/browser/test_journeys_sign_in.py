"""Sign-in and session journeys, keyboard only: card + PIN, next, wrong PIN ×3, smartphone, sign-out,
timeout warning, and a backend failure shown as translated words."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.journeys_helpers import (
    PIN,
    SIMPLE_200,
    choose_card,
    expect_text,
    focused,
    press_on,
    reset_demo,
    set_prefs,
    sign_in,
    tab_to_id,
)

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _fresh(portal_url: str) -> None:
    reset_demo(portal_url)


def test_signed_in_page_redirects_to_sign_in_and_back_to_it(page: Page, portal_url: str, axe: object) -> None:
    page.goto(f"{portal_url}/en/notices")
    page.wait_for_url("**/en/sign-in?next=**")
    expect(page.locator("#sign-in-reason")).to_contain_text("Sign in to see this page")
    axe.assert_clean(page)  # type: ignore[attr-defined]
    choose_card(page, "card-thapa-bishnu")
    tab_to_id(page, "pin")
    page.keyboard.type(PIN)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/notices**")
    expect(page.locator("h1")).to_contain_text("Notices")
    expect(page.locator(".session-bar")).to_contain_text("THAPA BISHNU")


def test_pin_field_accepts_paste_and_full_width_digits(page: Page, portal_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=portal_url)
    page.goto(f"{portal_url}/ja/sign-in")
    choose_card(page, "card-chen-jing")
    tab_to_id(page, "pin")
    # WCAG 3.3.8: pasting from a password manager works, and a Japanese IME's full-width digits are understood.
    page.evaluate("navigator.clipboard.writeText('１２３４')")
    page.keyboard.press("ControlOrMeta+V")
    assert page.input_value("#pin") == "１２３４"
    assert page.get_attribute("#pin", "autocomplete") == "current-password"
    page.keyboard.press("Enter")
    page.wait_for_url("**/ja/mypage**")


def test_wrong_pin_three_times_locks_the_card_and_explains(page: Page, portal_url: str, axe: object) -> None:
    page.goto(f"{portal_url}/en/sign-in")
    choose_card(page, "card-santos-maria")
    expected = [
        "The PIN is not correct. You have 2 more tries before the card locks.",
        "The PIN is not correct. You have 1 more try before the card locks.",
    ]
    for message in expected:
        page.wait_for_timeout(1_100)  # the sign-in button ignores a second press within a second (double-click)
        tab_to_id(page, "pin")
        page.keyboard.type("9999")
        page.keyboard.press("Enter")
        expect(page.locator("#pin-error")).to_contain_text(message)
        expect(page.locator("#error-summary")).to_contain_text(message)
        expect(page).to_have_title("Error: Sign in | Minna Portal")
    page.wait_for_timeout(1_100)
    tab_to_id(page, "pin")
    page.keyboard.type("9999")
    page.keyboard.press("Enter")
    locked = page.locator("#card-locked")
    expect(locked).to_be_visible()
    expect(locked).to_contain_text("Only the counter of your city, town or village office can unlock it")
    axe.assert_clean(page)  # type: ignore[attr-defined]
    # The right PIN no longer helps: the card stays locked until the counter resets it.
    page.wait_for_timeout(1_100)
    tab_to_id(page, "pin", backwards=True)
    page.keyboard.type(PIN)
    page.keyboard.press("Enter")
    expect(page.locator("#card-locked")).to_be_visible()
    assert "/sign-in" in page.url
    # The card is shown as locked in the list after a reload.
    page.reload()
    expect(page.locator("#hint-card-santos-maria")).to_contain_text("Locked")
    # The smartphone is no way round the lock: the request is refused before the phone is asked.
    choose_card(page, "card-santos-maria")
    press_on(page, "phone-button")
    expect(page.locator("#card-locked")).to_be_visible()
    expect(page.locator("#phone-step-heading")).to_have_count(0)


def test_smartphone_sign_in_needs_the_residents_pin(page: Page, portal_url: str, axe: object) -> None:
    page.goto(f"{portal_url}/ja/sign-in")
    choose_card(page, "card-nguyen-van-an")
    press_on(page, "phone-button")
    expect(page.locator("#phone-step-heading")).to_be_focused()
    press_on(page, "phone-deny")
    expect_text(page, "#error-summary", "スマートフォンでサインインが確認されませんでした")
    press_on(page, "phone-button", backwards=True)
    # Approving is not enough: the phone asks for the resident's secret, and the backend checks it.
    press_on(page, "phone-approve")
    expect(page.locator("#phone-pin-error")).to_be_visible()
    assert "/sign-in" in page.url
    page.wait_for_timeout(1_100)  # the confirm button ignores a second press within a second (double-click)
    tab_to_id(page, "phone-pin", backwards=True)
    page.keyboard.type("9999")
    page.keyboard.press("Enter")
    expect_text(page, "#phone-pin-error", "暗証番号が正しくありません")
    expect(page.locator("#error-summary a[href$='#phone-pin']")).to_be_visible()
    axe.assert_clean(page)  # type: ignore[attr-defined]
    page.wait_for_timeout(1_100)  # the confirm button ignores a second press within a second (double-click)
    tab_to_id(page, "phone-pin")
    page.keyboard.type(PIN)
    page.keyboard.press("Enter")
    page.wait_for_url("**/ja/mypage**")
    expect(page.locator(".session-bar")).to_contain_text("NGUYEN VAN AN")


def test_sign_out_by_keyboard_then_pages_need_sign_in_again(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "en", "card-souza-ana")
    press_on(page, "session-sign-out")
    page.wait_for_url("**/en/signed-out**")
    expect(page.locator("h1")).to_have_text("You have signed out")
    page.goto(f"{portal_url}/en/my-info")
    page.wait_for_url("**/en/sign-in?next=**")


def test_state_survives_a_reload(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "en", "card-souza-paulo")
    page.reload()
    expect(page.locator(".session-bar")).to_contain_text("SOUZA PAULO HENRIQUE")
    expect(page.locator("h1")).to_have_text("Your page")


def test_timeout_warning_extends_with_one_key(page: Page, portal_url: str) -> None:
    page.clock.install()
    sign_in(page, portal_url, "en", "card-li-wei")
    dialog = page.locator("#timeout-warning")
    expect(dialog).not_to_be_visible()
    # 30-minute session: the warning opens at least 2 minutes before the end. The resident is away for 28
    # minutes, as with a laptop closed: each due timer fires once. (run_for would fire every timer scheduled
    # inside those minutes, so the socket's 20-second connect timeout failed ~70 reconnects in a burst and
    # Chromium then held the next connection back for seconds: a storm no real browser meets.)
    page.clock.fast_forward(28 * 60 * 1000 + 5_000)
    expect(dialog).to_be_visible()
    assert focused(page, "el.textContent") == "Stay signed in"
    before = int(str(dialog.get_attribute("data-expires-at")))
    # Back to the server's time: the server extends from its own clock, which did not jump 28 minutes.
    page.clock.set_system_time(datetime.now(UTC))
    page.keyboard.press("Enter")
    expect(dialog).not_to_be_visible()
    # The server extended the session: the dialog is re-armed for the new end.
    expect(page.locator("#timeout-warning")).not_to_have_attribute("data-expires-at", str(before))
    assert int(str(page.locator("#timeout-warning").get_attribute("data-expires-at"))) > before
    page.clock.run_for(60_000)
    expect(dialog).not_to_be_visible()
    expect(page.locator("h1")).to_have_text("Your page")


def test_simplified_mode_warns_longer_before_the_end(page: Page, portal_url: str) -> None:
    set_prefs(page.context, portal_url, SIMPLE_200)
    page.clock.install()
    sign_in(page, portal_url, "ja", "card-sato-haru")
    dialog = page.locator("#timeout-warning")
    # Away for 25 minutes: the 5-minute warning of simplified mode is open.
    page.clock.fast_forward(25 * 60 * 1000 + 5_000)
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("分")


def test_backend_outage_shows_translated_words_not_a_trace(page: Page, portal_url: str) -> None:
    page.goto(f"{portal_url}/ja/sign-in")
    choose_card(page, "card-chen-jing")
    httpx.post(f"{portal_url}/api/v1/_test/outage", params={"seconds": 30, "mode": "503"}).raise_for_status()
    try:
        tab_to_id(page, "pin")
        page.keyboard.type(PIN)
        page.keyboard.press("Enter")
        expect_text(page, "#error-summary", "現在、サービスを利用できません")
        body = page.inner_text("body")
        for leak in ("Traceback", "test_outage", "503", "Exception"):
            assert leak not in body
        assert "/sign-in" in page.url
    finally:
        # End the outage now, so the tests after this one meet a working backend.
        httpx.post(f"{portal_url}/api/v1/_test/outage", params={"seconds": 0}).raise_for_status()
    # Once the backend is back, the same PIN signs in.
    page.wait_for_timeout(1_100)
    tab_to_id(page, "pin")
    page.keyboard.type(PIN)
    page.keyboard.press("Enter")
    page.wait_for_url("**/ja/mypage**")
