"""Every resident page, signed in as different demo residents, in ja (simplified, 200 % text), やさしい日本語,
en and ar: axe finds nothing, every Tab stop shows its focus, and the page's own task works by keyboard."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from rxapp.backend import seed
from rxapp.i18n.formatting import format_date, format_number
from rxapp.state.display import today_jst
from tests.browser.journeys_helpers import (
    SIMPLE_200,
    expect_text,
    press_on,
    reset_demo,
    set_prefs,
    sign_in,
    tab_to_id,
    tab_until,
    walk_focus,
)

pytestmark = pytest.mark.browser

# (path, a selector that shows the page's data has arrived)
SIGNED_IN_PAGES: list[tuple[str, str]] = [
    ("mypage", "#menu-title"),
    ("my-info", ".info-category"),
    ("access-records", "#verify-ok, #verify-altered"),
    ("notices", ".notice"),
    ("disclosure", "#disclosure-form"),
    ("proxies", "#appointed-title"),
    ("external-services", ".service-card"),
    ("external-services/leaving?service=e-tax", "#leave-continue"),
    ("activity", "#activity-table"),
]
PUBLIC_PAGES: list[tuple[str, str]] = [
    ("statistics", "#registrations-chart"),
    ("contact", "#contact-options"),
    ("", "h1"),
]

CONFIGS = [
    pytest.param("ja", SIMPLE_200, "card-sato-haru", id="ja-simple-200"),
    pytest.param("ja-easy", "", "card-thapa-bishnu", id="ja-easy"),
    pytest.param("en", "", "card-chen-jing", id="en"),
    pytest.param("ar", "", "card-nguyen-van-an", id="ar"),
]


@pytest.fixture(autouse=True)
def _fresh(portal_url: str) -> None:
    reset_demo(portal_url)


@pytest.mark.parametrize(("locale", "prefs", "card"), CONFIGS)
def test_every_page_axe_clean_and_walkable_by_keyboard(
    page: Page, portal_url: str, axe: object, locale: str, prefs: str, card: str
) -> None:
    if prefs:
        set_prefs(page.context, portal_url, prefs)
    sign_in(page, portal_url, locale, card)
    # One item and one notice of this resident, for their detail pages.
    page.goto(f"{portal_url}/{locale}/my-info")
    page.wait_for_selector(".info-item")
    correction = page.locator("[id^='report-']").first.get_attribute("href")
    page.goto(f"{portal_url}/{locale}/notices")
    page.wait_for_selector(".notice")
    notice = page.locator(".notice__title a").first.get_attribute("href")
    pages = [*SIGNED_IN_PAGES, (str(correction).lstrip("/").split("/", 1)[1], "#correction-form"),
             (str(notice).lstrip("/").split("/", 1)[1], "#body-title"), *PUBLIC_PAGES]  # fmt: skip
    for path, ready in pages:
        page.goto(f"{portal_url}/{locale}/{path}")
        page.wait_for_selector(ready, timeout=20_000)
        html = page.locator("html")
        expect(html).to_have_attribute("lang", "ar" if locale == "ar" else ("en" if locale == "en" else "ja"))
        if prefs:
            expect(html).to_have_attribute("data-mode", "simple")
        expect(page.locator("h1")).to_have_count(1)
        axe.assert_clean(page)  # type: ignore[attr-defined]
        stops = walk_focus(page)
        assert len(stops) >= 5, f"{path}: only {stops}"
        # No content wider than the screen: nothing to scroll sideways (reflow).
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path


def test_reflow_at_320_px_with_200_percent_text(page: Page, portal_url: str) -> None:
    set_prefs(page.context, portal_url, SIMPLE_200)
    page.set_viewport_size({"width": 320, "height": 800})
    sign_in(page, portal_url, "ja", "card-sato-haru")
    for path, ready in [("my-info", ".info-item"), ("access-records", ".record"), ("activity", "#activity-table"),
                        ("disclosure", "#disclosure-form")]:  # fmt: skip
        page.goto(f"{portal_url}/ja/{path}")
        page.wait_for_selector(ready)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 321, f"{path} is {width}px wide at 320px"


def test_home_recommends_child_allowance_and_links_life_events(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "en", "card-chen-jing")
    recommendation = page.locator(".recommendation")
    expect(recommendation).to_have_count(1)
    expect(recommendation).to_contain_text("Child allowance")
    due = seed.BABY_BIRTH + timedelta(days=15)
    days = (due - today_jst()).days
    expect(recommendation).to_contain_text(f"Apply by {format_date(due, 'en')} (in {days} days)")
    expect(page.locator("#attention-notices")).to_contain_text("Unread notices: 2")
    tab_until(page, "el.getAttribute('href') === '/en/procedures?event=birth'")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/procedures?event=birth")


def test_home_warns_about_card_and_residence_expiry(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "ja", "card-nguyen-van-an")
    end = next(p for p in seed._profiles() if p.resident_id == "res-nguyen-van-an").card_expires_on
    expect_text(page, "#expiry-warning", f"在留期間の満了日は{format_date(end, 'ja')}（あと{(end - today_jst()).days}日）")
    expect_text(page, "#expiry-warning", "地方出入国在留管理局")


def test_report_an_error_in_my_information_by_keyboard(page: Page, portal_url: str) -> None:
    set_prefs(page.context, portal_url, SIMPLE_200)
    sign_in(page, portal_url, "ja", "card-sato-haru")
    page.goto(f"{portal_url}/ja/my-info")
    page.wait_for_selector(".info-item")
    expect_text(page, "#cat-pension", "年金")
    expect(page.locator(".info-item").first).to_contain_text("792,000円")
    press_on(page, "report-sato-haru-medicines-2")
    page.wait_for_url("**/ja/my-info/correction?item=sato-haru-medicines-2")
    expect(page.locator("#correction-form")).to_be_visible()
    # Sending without a reason: the error is linked from the summary and shown at the field.
    press_on(page, "send-correction")
    expect_text(page, "#error-summary", "どこが間違っているか書いてください")
    tab_to_id(page, "reason")
    page.keyboard.type("この薬はもらっていません。")
    page.wait_for_timeout(1_100)  # a second press within a second is taken as a double click and ignored
    press_on(page, "send-correction")
    expect_text(page, "#correction-panel", "報告を送信しました")
    expect(page.locator("#correction-sent")).to_contain_text(re.compile(r"cor-[0-9a-f]+"))
    press_on(page, "back-to-info")
    page.wait_for_url("**/ja/my-info")
    expect_text(page, "#corrections-table", "受付済み")


def test_access_records_filter_by_agency_with_the_keyboard(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "ar", "card-sato-haru")
    page.goto(f"{portal_url}/ar/access-records")
    page.wait_for_selector(".record")
    expect(page.locator(".record")).to_have_count(3)
    expect(page.locator("#verify-ok")).to_be_visible()
    tab_to_id(page, "filter-agency")
    page.keyboard.press("ArrowDown")  # the first agency after "All agencies"
    expect(page.locator("#filter-agency")).not_to_have_value("")
    agency = page.input_value("#filter-agency")
    press_on(page, "apply-filters")
    expect(page.locator("#records-count")).to_be_focused()
    headings = page.locator(".record h3")
    expect(headings.first).to_contain_text(agency)
    assert 0 < headings.count() < 3
    assert all(agency in text for text in headings.all_inner_texts())
    press_on(page, "clear-filters")
    expect(page.locator(".record")).to_have_count(3)


def test_notice_detail_marks_read_and_marks_japanese(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "en", "card-thapa-bishnu")
    page.goto(f"{portal_url}/en/notices")
    expect(page.locator("#unread-count")).to_have_text("Unread notices: 2")
    tab_to_id(page, "notice-ntc-thapa-bishnu-1")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/notices/detail?id=ntc-thapa-bishnu-1")
    expect(page.locator("#read-status")).to_have_text("Marked as read now")
    expect(page.locator("#easy-summary p")).to_have_attribute("lang", "ja")
    expect(page.locator("[data-lang-fragment='ja']")).to_contain_text("学生の方は")
    expect(page.locator(".lang-fragment__note").first).to_contain_text("Japanese")
    press_on(page, "notice-procedure")
    page.wait_for_url("**/en/procedures/pension-student-deferral")
    page.goto(f"{portal_url}/en/notices")
    expect(page.locator("#unread-count")).to_have_text("Unread notices: 1")
    # An English notice is marked English, not Japanese.
    expect(page.locator("#notice-ntc-thapa-bishnu-2 span[lang='en']")).to_have_count(1)


def test_disclosure_change_is_confirmed_then_logged(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "ja", "card-santos-maria")
    page.goto(f"{portal_url}/ja/disclosure")
    page.wait_for_selector("#disclosure-form")
    expect(page.locator("#log-empty")).to_be_visible()
    tab_until(page, "el.value === 'medicines:health_insurers'")
    page.keyboard.press("Space")
    press_on(page, "review-disclosure")
    confirm = page.locator("#confirm-title")
    expect(confirm).to_be_focused()
    change = page.locator(".change")
    expect(change).to_have_count(1)
    expect_text(page, ".change", "薬剤")
    expect_text(page, ".change", "書類を持参する必要")  # the consequence, before saving
    press_on(page, "save-disclosure")
    expect(page.locator("#disclosure-saved")).to_be_visible()
    expect_text(page, "#disclosure-log", "提供しない")
    expect_text(page, "#disclosure-log", "あなた")
    assert not page.is_checked("input[value='medicines:health_insurers']")


def test_appoint_and_end_a_proxy_by_keyboard(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "en", "card-souza-ana")
    page.goto(f"{portal_url}/en/proxies")
    page.wait_for_selector("#add-proxy-form")
    expect(page.locator("#no-proxies")).to_be_visible()
    press_on(page, "review-add")
    expect(page.locator("#error-summary")).to_contain_text("Choose the person who will be your proxy")
    tab_to_id(page, "new-person")
    page.keyboard.press("ArrowDown")
    tab_until(page, "el.value === 'view_info'")
    page.keyboard.press("Space")
    press_on(page, "review-add")
    expect(page.locator("#confirm-add-title")).to_be_focused()
    expect(page.locator("section:has(#confirm-add-title) .bullets")).to_contain_text("See your information and who used it")
    press_on(page, "confirm-add")
    expect(page.locator("#proxy-added")).to_be_visible()
    card = page.locator(".proxy-card")
    expect(card).to_contain_text("Active")
    revoke = page.locator("[id^='revoke-']").first.get_attribute("id")
    press_on(page, str(revoke))
    expect(page.locator("#confirm-revoke-title")).to_be_focused()
    press_on(page, "confirm-revoke")
    expect(page.locator("#proxy-revoked")).to_be_visible()
    expect(card).to_contain_text("Ended")


def test_link_a_service_and_leave_through_the_announcement(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "ar", "card-souza-paulo")
    page.goto(f"{portal_url}/ar/external-services")
    page.wait_for_selector(".service-card")
    expect(page.locator("#unlink-e-tax")).to_be_visible()  # Paulo linked e-Tax already
    press_on(page, "link-nenkin-net")
    expect(page.locator("#confirm-title")).to_be_focused()
    expect(page.locator("section:has(#confirm-title) .bullets")).to_contain_text("المعاش")
    press_on(page, "confirm-apply")
    expect(page.locator("#service-linked")).to_be_visible()
    expect(page.locator("#unlink-nenkin-net")).to_be_visible()
    press_on(page, "go-e-tax")
    page.wait_for_url("**/ar/external-services/leaving?service=e-tax")
    expect(page.locator("h1")).to_have_text("أنت تغادر بوابة مينّا")
    expect(page.locator("main")).to_contain_text("ذلك الموقع باللغة اليابانية")
    expect(page.locator("#leave-continue")).to_have_attribute("href", "https://www.e-tax.nta.go.jp/")


def test_activity_lists_own_sign_ins_and_the_proxys_actions(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "en", "card-sato-haru")
    page.goto(f"{portal_url}/en/activity")
    table = page.locator("#activity-table")
    expect(table).to_contain_text("Signed in")
    expect(table).to_contain_text("Your proxy 佐藤 恵子")
    expect(page.locator("#wrong-title")).to_have_text("If something looks wrong")


def test_statistics_chart_is_one_named_image_and_the_table_has_the_numbers(page: Page, portal_url: str) -> None:
    for locale in ("en", "ar", "ja"):
        exact = format_number(77_237_594, locale)
        page.goto(f"{portal_url}/{locale}/statistics")
        svg = page.locator("#registrations-chart svg")
        expect(svg).to_have_attribute("role", "img")
        labelled = str(svg.get_attribute("aria-labelledby")).split()
        assert labelled == ["registrations-chart-title", "registrations-chart-desc"]
        expect(page.locator("#registrations-chart-title")).not_to_be_empty()
        # The chart stays left to right on purpose, in Arabic too.
        expect(page.locator("#registrations-chart")).to_have_attribute("dir", "ltr")
        table = page.locator("#registrations-table")
        expect(table).to_contain_text(exact)
        expect(table.locator("tbody tr")).to_have_count(7)


def test_contact_options_name_each_language_in_itself(page: Page, portal_url: str) -> None:
    page.goto(f"{portal_url}/en/contact")
    options = page.locator("#contact-options")
    expect(options.locator("span[lang='vi']")).to_have_text("Tiếng Việt")
    expect(options.locator("span[lang='ne']").first).to_have_text("नेपाली")
    expect(options).to_contain_text("telephone relay service")
