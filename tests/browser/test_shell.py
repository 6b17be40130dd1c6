"""The app shell in real Chromium: renders, skip link by keyboard, landmarks, 404, axe clean."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_home_renders_the_portal(page: Page, portal_url: str) -> None:
    page.goto(f"{portal_url}/ja/")
    expect(page.locator("h1")).to_have_text("みんなのポータル")
    expect(page).to_have_title("みんなのポータル")
    assert page.locator("html").get_attribute("lang") == "ja"
    assert page.locator("main#main").get_attribute("tabindex") == "-1"
    for landmark in ("header", "main", "footer"):
        expect(page.locator(landmark)).to_have_count(1)


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(page: Page, portal_url: str) -> None:
    page.goto(f"{portal_url}/en/")
    page.wait_for_load_state("networkidle")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    # The focused skip link is on screen, not just in the DOM.
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_every_page_has_a_unique_title(page: Page, portal_url: str) -> None:
    titles = set()
    for slug in ("", "help", "contact", "accessibility", "settings"):
        page.goto(f"{portal_url}/en/{slug}")
        titles.add(page.title())
    assert len(titles) == 5


def test_help_is_in_the_same_place_on_every_page(page: Page, portal_url: str) -> None:
    for slug in ("", "help", "contact"):
        page.goto(f"{portal_url}/ja/{slug}")
        expect(page.locator("footer #footer-help")).to_have_attribute("href", "/ja/help")


def test_unknown_page_gets_a_helpful_404(page: Page, portal_url: str) -> None:
    response = httpx.get(f"{portal_url}/en/no-such-page")
    assert response.status_code == 404
    page.goto(f"{portal_url}/en/no-such-page")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("link", name="Go to the home page", exact=True)).to_have_attribute("href", "/en/")


def test_root_redirects_to_a_locale(portal_url: str) -> None:
    response = httpx.get(f"{portal_url}/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert response.status_code == 307
    assert response.headers["location"] == "/en/"
    garbage = httpx.get(f"{portal_url}/", headers={"Accept-Language": ";;;q=abc,,*"})
    assert garbage.headers["location"] == "/ja/"


@pytest.mark.parametrize("path", ["/ja/", "/en/", "/ar/", "/en/no-such-page"])
def test_axe_reports_no_violations(page: Page, portal_url: str, axe, path: str) -> None:
    page.goto(f"{portal_url}{path}")
    page.wait_for_load_state("networkidle")
    axe.assert_clean(page)


def test_hashed_files_are_cached_for_a_year_and_pages_are_revalidated(portal_url: str) -> None:
    import re

    page = httpx.get(f"{portal_url}/ja/", headers={"Accept-Encoding": "gzip"})  # httpx reads gzip without extras
    assert page.status_code == 200 and page.headers["cache-control"] == "no-cache"
    assert "etag" in page.headers  # a page is revalidated: its validator earns its bytes
    hashed = re.findall(r'(?:src|href)="(/(?:assets|scripts)/[^"]+\.(?:js|css))"', page.text)
    assert any(h.startswith("/scripts/minna-") for h in hashed) and any(h.startswith("/assets/") for h in hashed)
    for path in hashed:
        asset = httpx.get(f"{portal_url}{path}", headers={"Accept-Encoding": "br"})  # headers only: br stays raw
        assert asset.status_code == 200, path
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable", path
        assert asset.headers.get("content-encoding") == "br", path
        assert "etag" not in asset.headers and "last-modified" not in asset.headers, path
