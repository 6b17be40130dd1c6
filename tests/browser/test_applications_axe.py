"""axe on every signed-in page of procedures, in ja, ja-easy, en and ar: each application's check-your-answers page
(with its findings, unanswered questions shown as things to fix), the list of applications, and the status and
receipt pages of an application. The question pages are checked step by step in the keyboard walks
(test_applications_flows.py); here each procedure's first page is checked in every locale too.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from rxapp.procedures.catalog import CATALOG
from tests.browser.apply_helpers import Api, sign_in, wait_step

pytestmark = pytest.mark.browser
# A resident per locale who applies for nothing in the other browser tests' procedures used here.
WHO = {"ja": "paulo", "ja-easy": "ana", "en": "keiko", "ar": "haru"}


@pytest.mark.parametrize("locale", list(WHO))
def test_every_application_page_passes_axe(browser: Browser, portal_url: str, axe: object, locale: str) -> None:
    who = WHO[locale]
    # A sent application to look at (made through the API: the pages under test only show it).
    api = Api(portal_url, who)
    draft = api.create("pension_exemption", {"household_income": 300_000, "dependants": 0, "reason": "low_income"})
    sent = api.submit(draft["application_id"], f"axe-{locale}-{draft['application_id']}").json()

    context = browser.new_context(viewport={"width": 1024, "height": 900})
    try:
        page = context.new_page()
        first = CATALOG[0]
        sign_in(page, portal_url, locale, who, f"/{locale}/apply/{first.slug}")
        for info in CATALOG:
            page.goto(f"{portal_url}/{locale}/apply/{info.slug}")
            page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'H1'")
            axe.assert_clean(page)  # type: ignore[attr-defined]
            page.goto(f"{portal_url}/{locale}/apply/{info.slug}?step=check")
            wait_step(page, "check")
            expect(page.locator("#send-button")).to_be_visible()
            axe.assert_clean(page)  # type: ignore[attr-defined]
        page.goto(f"{portal_url}/{locale}/applications")
        expect(page.locator(".result").first).to_be_visible()
        axe.assert_clean(page)  # type: ignore[attr-defined]
        for kind, marker in (("status", "#status-summary"), ("receipt", "#receipt-number")):
            page.goto(f"{portal_url}/{locale}/applications/{kind}?id={sent['application_id']}")
            expect(page.locator(marker)).to_contain_text(sent["receipt_number"])
            axe.assert_clean(page)  # type: ignore[attr-defined]
    finally:
        context.close()
