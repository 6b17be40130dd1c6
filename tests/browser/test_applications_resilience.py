"""Nothing lost, nothing twice:

- the backend stops answering in the middle of a form: the answers stay on screen, the resident is told in their
  language and offered "Try again"; after the backend recovers, the application is completed and sent once;
- a draft resumes on another device (a new browser context: no shared state, only the backend's draft);
- a double press on "send" (and a replayed submission with the same key) makes exactly one application.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, expect

from tests.browser.apply_helpers import (
    Api,
    answer_date,
    answer_text,
    choose,
    outage,
    press,
    sign_in,
    tab_to,
    wait_step,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1024, "height": 900})
    yield ctx
    ctx.close()


def test_backend_outage_mid_form_loses_nothing(browser: Browser, context: BrowserContext, portal_url: str, axe: object) -> None:
    page = context.new_page()
    sign_in(page, portal_url, "en", "li", "/en/apply/child-allowance")
    wait_step(page, "g-child")
    # Li Wei's household has the baby: pre-filled. He types a different spelling to prove typed text survives.
    answer_text(page, "child_name_kana", "り しょうう")
    press(page, "continue-button")
    wait_step(page, "g-family")
    answer_text(page, "children_supported", "2")
    choose(page, "payee_is_higher_earner", "yes")
    outage(portal_url, 60)
    try:
        press(page, "continue-button")
        banner = page.locator("#problem-banner")
        expect(banner).to_be_visible(timeout=15_000)
        expect(banner).to_contain_text("not available")
        expect(page.locator("#problem-status")).to_contain_text("not available")  # announced
        # Still on the same step, with the answers as typed; no stack trace anywhere.
        assert "step=g-family" in page.url
        expect(page.locator("#answer-children_supported")).to_have_value("2")
        expect(page.locator("input[name=payee_is_higher_earner][value=yes]")).to_be_checked()
        assert "Traceback" not in page.content()
        axe.assert_clean(page)  # type: ignore[attr-defined]
        press(page, "try-again-button")  # still down: told again, nothing lost
        expect(banner).to_be_visible()
        expect(page.locator("#answer-children_supported")).to_have_value("2")
    finally:
        outage(portal_url, 0)
    press(page, "try-again-button")
    wait_step(page, "g-payment")
    expect(page.locator("#problem-banner")).to_have_count(0)

    # Another device: a fresh browser, only the backend's draft. The answers given so far are there.
    other = browser.new_context(viewport={"width": 1024, "height": 900})
    try:
        page2 = other.new_page()
        sign_in(page2, portal_url, "en", "li", "/en/apply/child-allowance?step=g-family")
        wait_step(page2, "g-family")
        expect(page2.locator("#answer-children_supported")).to_have_value("2")
        expect(page2.locator("input[name=payee_is_higher_earner][value=yes]")).to_be_checked()
    finally:
        other.close()

    choose(page, "use_public_fund_account", "yes")
    press(page, "continue-button")
    wait_step(page, "check")
    expect(page.locator("#summary-child")).to_contain_text("リ　ショウウ")  # hiragana typed, katakana stored
    press(page, "send-button")
    wait_step(page, "done")
    api = Api(portal_url, "li")
    apps = api.applications("child_allowance")
    assert [a["status"] for a in apps] == ["submitted"]
    assert apps[0]["answers"]["children_supported"] == 2 and apps[0]["answers"]["payee_is_higher_earner"] is True


def test_a_late_step_focus_never_takes_the_field_being_typed_in(context: BrowserContext, portal_url: str) -> None:
    """The step's on_load puts focus on the h1; landing late (a redirect's second on_load on a busy machine) it
    must not pull the caret out of a field mid-word. It still focuses the h1 when nothing is being typed."""
    from rxapp.state.application import FOCUS_HEADING

    page = context.new_page()
    sign_in(page, portal_url, "en", "maria", "/en/apply/moving-out")
    wait_step(page, "g-move")
    tab_to(page, "#answer-move_date-year")
    page.keyboard.type("20")
    page.evaluate(f"() => {{ {FOCUS_HEADING}; }}")
    page.wait_for_timeout(150)
    page.keyboard.type("26")
    expect(page.locator("#answer-move_date-year")).to_have_value("2026")
    expect(page.locator("#answer-move_date-year")).to_be_focused()
    # Someone tabbing through the header when the late focus lands keeps their place too.
    tab_to(page, "#language-picker a", backwards=True)
    page.evaluate(f"() => {{ {FOCUS_HEADING}; }}")
    page.wait_for_timeout(150)
    assert page.evaluate("() => document.activeElement.matches('#language-picker a')")
    # With nothing focused (the control pressed is gone), the step's question takes focus.
    page.evaluate("() => document.activeElement.blur()")
    page.evaluate(f"() => {{ {FOCUS_HEADING}; }}")
    expect(page.locator("main h1")).to_be_focused()


def test_double_submit_makes_one_application(context: BrowserContext, portal_url: str) -> None:
    page = context.new_page()
    sign_in(page, portal_url, "en", "paulo", "/en/apply/moving-out")
    wait_step(page, "g-move")
    answer_date(page, "move_date", 2026, 12, 15)
    press(page, "continue-button")
    wait_step(page, "g-address")
    answer_text(page, "new_postal_code", "430-0901")
    answer_text(page, "new_address", "Hamamatsu-shi Chuo-ku Kamoe 3-1")
    press(page, "continue-button")
    wait_step(page, "g-people")
    press(page, "continue-button")
    wait_step(page, "check")
    # Enter, then Space, then Enter again on the send button, as fast as a keyboard repeats.
    tab_to(page, "#send-button")
    page.keyboard.press("Enter")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    wait_step(page, "done")
    receipt = page.locator(".panel__reference").inner_text().strip()
    api = Api(portal_url, "paulo")
    apps = api.applications("moving_out")
    assert len(apps) == 1 and apps[0]["status"] == "submitted" and apps[0]["receipt_number"] == receipt
    # A retry of the same submission (a reconnect, another tab) with the draft's key: the same application.
    key = apps[0]["answers"]["_submission_key"]
    again = api.submit(apps[0]["application_id"], key)
    assert again.status_code == 200 and again.json()["receipt_number"] == receipt
    # Reloading the confirmation and pressing the browser's back button do not send again either.
    page.reload()
    wait_step(page, "done")
    expect(page.locator(".panel__reference")).to_have_text(re.compile(re.escape(receipt)))
    assert len(api.applications("moving_out")) == 1


def test_a_date_typed_but_not_yet_sent_survives_a_reload(context: BrowserContext, portal_url: str) -> None:
    """Each part of a date is kept when the resident leaves it, as text is: a reload before Continue loses nothing."""
    page = context.new_page()
    sign_in(page, portal_url, "en", "chen", "/en/apply/moving-out")
    wait_step(page, "g-move")
    answer_date(page, "move_date", 2027, 1, 9)
    page.keyboard.press("Tab")  # leaves the day field, as moving on to the next question does
    api = Api(portal_url, "chen")
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:  # the quiet draft save has reached the backend
        drafts = [a for a in api.applications("moving_out") if a["status"] == "draft"]
        if drafts and drafts[0]["answers"].get("move_date") == "2027-01-09":
            break
        time.sleep(0.2)
    page.reload()
    wait_step(page, "g-move")
    for part, value in (("year", "2027"), ("month", "1"), ("day", "9")):
        expect(page.locator(f"#answer-move_date-{part}")).to_have_value(value)
