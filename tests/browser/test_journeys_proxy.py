"""A proxy session: Keiko acts for her mother Haru. The banner says so on every page and Haru's data is shown."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.journeys_helpers import expect_text, press_on, reset_demo, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _fresh(portal_url: str) -> None:
    reset_demo(portal_url)


def test_keiko_acts_for_haru_with_a_banner_on_every_page(page: Page, portal_url: str, axe: object) -> None:
    sign_in(page, portal_url, "ja", "card-sato-keiko")
    banner = page.locator("#proxy-banner")
    expect(banner).to_have_count(0)
    # Her own information first: no care insurance record (that is her mother's).
    page.goto(f"{portal_url}/ja/my-info")
    page.wait_for_selector(".info-item")
    expect(page.locator("main")).not_to_contain_text("介護保険 被保険者情報")
    page.goto(f"{portal_url}/ja/mypage")
    press_on(page, "act-for-res-sato-haru")
    expect(banner).to_be_visible()
    expect_text(page, "#proxy-banner-title", "佐藤 ハルさんの代理で操作しています")
    expect_text(page, "h1", "佐藤 ハルさんのページ")
    for path, ready, haru_only in [
        ("my-info", ".info-item", "介護保険 被保険者情報"),
        ("notices", ".notice", "要介護認定の申請について"),
        ("access-records", ".record", "介護保険の要介護認定の準備"),
        ("activity", "#activity-table", "代理人として操作を始めました"),
        ("statistics", "#registrations-chart", "登録者数"),
    ]:
        page.goto(f"{portal_url}/ja/{path}")
        page.wait_for_selector(ready)
        expect(banner).to_be_visible()
        expect_text(page, "#proxy-banner", "佐藤 恵子")
        expect_text(page, "main", haru_only)
    axe.assert_clean(page)  # type: ignore[attr-defined]
    # A proxy cannot change the person's proxies.
    page.goto(f"{portal_url}/ja/proxies")
    page.wait_for_selector("#appointed-title")
    expect(page.locator("#add-proxy-form")).to_have_count(0)
    # Back to her own account: the banner goes.
    press_on(page, "stop-acting")
    page.wait_for_url("**/ja/mypage**")
    expect(banner).to_have_count(0)
    expect_text(page, "h1", "マイページ")


def test_banner_survives_a_reload_and_a_language_switch(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "en", "card-sato-keiko")
    press_on(page, "act-for-res-sato-haru")
    expect(page.locator("#proxy-banner")).to_be_visible()
    page.reload()
    expect(page.locator("#proxy-banner-title")).to_have_text("You are acting for 佐藤 ハル")
    page.goto(f"{portal_url}/ar/notices")
    expect(page.locator("#proxy-banner-title")).to_have_text("أنت تتصرف نيابةً عن 佐藤 ハル")
    expect(page.locator("#proxy-banner-title span[lang='ja']")).to_have_text("佐藤 ハル")
