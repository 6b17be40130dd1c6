"""The connection and problem notices (rxapp/i18n/overlay.py) in real Chromium: in the page's language, in the
page flow, gone again when there is nothing to say; what was typed survives a dropped connection."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, WebSocketRoute, expect

from rxapp.i18n.overlay import SHOW_PROBLEM_JS
from rxapp.i18n.registry import get_locale
from rxapp.i18n.translate import T
from tests.browser.apply_helpers import wait_hydrated

pytestmark = pytest.mark.browser

LOST = "The connection to the portal was lost. Trying to reconnect…"
KEPT = "Check your internet connection. What you have entered is kept."
PROBLEM = ("Sorry, something went wrong on our side. What you have entered is kept. "
           "Please try again; if it happens again, contact the help desk.")


def words(locale: str, text: str) -> str:
    return T(get_locale(locale))._(text)


def test_a_dropped_connection_is_told_in_the_page_language_and_typed_text_survives(
    page: Page, portal_url: str, axe: object
) -> None:
    sockets: list[WebSocketRoute] = []

    def route(ws: WebSocketRoute) -> None:
        ws.connect_to_server()
        sockets.append(ws)

    page.route_web_socket(re.compile(r"/_event"), route)
    page.goto(f"{portal_url}/ar/procedures")
    wait_hydrated(page)
    notice = page.locator("#connection-notice")
    assert notice.get_attribute("role") == "status"  # in the page before anything happens, so it is heard
    expect(notice).to_be_hidden()
    for _ in range(150):  # the state socket is open before the network goes
        if sockets:
            break
        page.wait_for_timeout(100)
    assert sockets, "the page never opened its websocket"

    page.context.set_offline(True)  # the network goes: the open socket drops, every reconnection fails
    for ws in sockets:
        ws.close()
    expect(notice).to_contain_text(words("ar", LOST), timeout=30_000)
    expect(notice).to_contain_text(words("ar", KEPT))
    assert words("ar", LOST) != LOST  # really translated, not the English source
    box = notice.bounding_box()
    assert box is not None and box["y"] < 5  # at the very top, in the flow: it covers nothing
    axe.assert_clean(page)  # type: ignore[attr-defined]

    field = page.locator("#procedure-query")
    field.fill("الإقامة")  # typed while offline
    page.context.set_offline(False)
    expect(notice).to_be_hidden(timeout=40_000)  # reconnected by itself: nothing left to say
    expect(field).to_have_value("الإقامة")


def test_a_failed_event_handler_is_told_in_the_page_language_until_the_page_changes(
    page: Page, portal_url: str, axe: object
) -> None:
    page.goto(f"{portal_url}/ja/")
    wait_hydrated(page)
    notice = page.locator("#problem-notice")
    assert notice.get_attribute("role") == "alert"
    expect(notice).to_be_hidden()
    page.evaluate(SHOW_PROBLEM_JS)  # what backend_problem sends when a handler raises
    expect(notice).to_have_text(words("ja", PROBLEM), use_inner_text=True)  # furigana off: readings not shown
    assert words("ja", PROBLEM) != PROBLEM
    axe.assert_clean(page)  # type: ignore[attr-defined]
    page.locator("#footer-help").click()  # a client-side move to another page
    expect(page).to_have_url(re.compile(r"/ja/help/?$"))
    expect(notice).to_be_hidden()
    expect(notice).to_have_text("")


def test_a_page_that_fails_to_render_says_so_in_its_language_and_shows_nothing_of_the_error(
    page: Page, portal_url: str, axe: object
) -> None:
    page.goto(f"{portal_url}/ar/test-crash#crash")  # a test-hook page that throws while rendering
    heading = page.locator("#crash-page h1")
    expect(heading).to_have_text(words("ar", "Sorry, there is a problem with this page"))
    assert words("ar", "Sorry, there is a problem with this page") != "Sorry, there is a problem with this page"
    html = page.content()
    for leak in ("secret-stack-detail", "Error:", "Built with", "reflex.dev"):
        assert leak not in html, f"the crash page shows {leak!r}"
    expect(page.locator("#crash-reload")).to_have_attribute("href", re.compile(r"/ar/test-crash"))
    expect(page.locator("#crash-page a[href='/ar/contact']")).to_have_text(words("ar", "Contact the help desk"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    axe.assert_clean(page)  # type: ignore[attr-defined]


def test_the_notices_and_the_crash_page_carry_furigana_when_the_resident_turned_them_on(
    page: Page, portal_url: str, axe: object
) -> None:
    page.context.add_cookies([{"name": "minna_prefs", "value": "size%3D200%26furigana%3Don", "url": portal_url}])
    page.goto(f"{portal_url}/ja-easy/")
    wait_hydrated(page)
    notice = page.locator("#problem-notice")
    page.evaluate(SHOW_PROBLEM_JS)
    expect(notice.locator("ruby rt").first).to_be_visible()  # the kanji in the message have their readings
    assert notice.locator("ruby").count() == len(notice.locator("rt").all()) > 0
    expect(notice.locator("rt").first).to_have_attribute("aria-hidden", "true")  # read out once, as written
    axe.assert_clean(page)  # type: ignore[attr-defined]

    page.goto(f"{portal_url}/ja-easy/test-crash#crash")  # fails while hydrating: React re-creates <html>
    heading = page.locator("#crash-page h1")
    expect(heading).to_be_visible()
    # The resident's display settings still hold on the crash page: readings shown, text at 200 %.
    expect(page.locator("html")).to_have_attribute("data-furigana", "on")
    expect(page.locator("html")).to_have_attribute("data-text-size", "200")
    expect(heading.locator("rt").first).to_be_visible()
    expect(page).to_have_title(words("ja-easy", "Sorry, there is a problem with this page"))  # no ruby in the title
