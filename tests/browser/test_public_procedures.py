"""Procedures can be found before signing in: the public home page leads to the search and to the life events,
and every procedure's page is reached by following links, in every language."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Page, expect

from rxapp.procedures.catalog import CATALOG, LIFE_EVENTS

pytestmark = pytest.mark.browser


def _links(page: Page) -> set[str]:
    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.getAttribute('href'))")
    return {h.rstrip("/") for h in hrefs}


@pytest.mark.parametrize("locale", ["ja", "ja-easy", "en", "ar"])
def test_the_signed_out_home_page_leads_to_every_procedure(page: Page, portal_url: str, locale: str) -> None:
    page.goto(f"{portal_url}/{locale}/")
    expect(page.locator("#home-sign-in")).to_be_visible()  # nobody is signed in
    home = _links(page)
    assert f"/{locale}/procedures" in home
    for event in LIFE_EVENTS:
        assert f"/{locale}/procedures?event={event}" in home, event
    page.locator("#home-procedures").click()
    page.wait_for_url(f"**/{locale}/procedures**")
    expect(page.locator(".result__title a")).to_have_count(len(CATALOG))
    found = _links(page)
    for info in CATALOG:
        target = f"/{locale}/procedures/{info.slug}"
        assert target in found, target
        assert httpx.get(f"{portal_url}{target}", follow_redirects=True).status_code == 200
