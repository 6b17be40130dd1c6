"""Finding a procedure: search matches the words of the resident's own language (not only Japanese), life events
filter the list, every detail page and the search page pass axe in ja, ja-easy, en and ar, and the search form
works by keyboard."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from rxapp.i18n import T
from rxapp.procedures.catalog import CATALOG
from tests.browser.apply_helpers import plain_text, sign_in, tab_to, wait_hydrated

pytestmark = pytest.mark.browser
LOCALES = ("ja", "ja-easy", "en", "ar")


def results(page: Page) -> list[str]:
    page.wait_for_selector("#result-count:not(:empty)")
    return [el.get_attribute("id") or "" for el in page.locator(".result").all()]


@pytest.mark.parametrize(
    ("locale", "query", "expected"),
    [
        ("en", "baby", ["result-child-allowance"]),
        ("en", "pension student", ["result-pension-student-deferral"]),
        ("ar", "طفل", ["result-child-allowance"]),  # "child" in Arabic
        ("ar", "معاش", ["result-pension-student-deferral", "result-pension-exemption"]),  # "pension"
        ("ja-easy", "ひっこし", ["result-moving-out"]),  # hiragana finds 引っ越し
        ("ja", "カイゴ", ["result-care-certification"]),  # katakana finds 介護 keywords (かいご)
        ("en", "児童手当", ["result-child-allowance"]),  # the Japanese name works in every language
    ],
)
def test_search_in_own_language(page: Page, portal_url: str, locale: str, query: str, expected: list[str]) -> None:
    page.goto(f"{portal_url}/{locale}/procedures?q={query}")
    expect(page.locator("#procedure-query")).to_have_value(query)
    assert results(page) == expected


def test_search_by_keyboard_and_life_event(page: Page, portal_url: str, axe: object) -> None:
    page.goto(f"{portal_url}/en/procedures")
    assert len(results(page)) == len(CATALOG)
    wait_hydrated(page)
    tab_to(page, "#procedure-query")
    page.keyboard.type("moving")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=moving"))
    expect(page.locator("#result-count")).to_have_text("1 procedure found")
    # A life event (the home page links here with ?event=…).
    page.goto(f"{portal_url}/en/procedures?event=care")
    # The prerendered page lists every procedure until the state arrives: wait for the filtered list to settle.
    expect(page.locator("#result-count")).to_have_text("2 procedures found")
    expect(page.locator(".result")).to_have_count(2)
    assert results(page) == ["result-care-certification", "result-tax-return-medical"]
    expect(page.locator("strong[aria-current=true]")).to_have_text("A parent needs care")
    axe.assert_clean(page)  # type: ignore[attr-defined]
    page.goto(f"{portal_url}/en/procedures?q=zzzz")
    expect(page.locator("#result-count")).to_have_text("0 procedures found")


# Every change to the results a sighted resident could see while the page loads: visible items and count text.
RECORD_VISIBLE_RESULTS = """
window.__shown = [];
const record = () => {
  // Nothing is painted before the (render-blocking) stylesheet has loaded.
  if (![...document.styleSheets].some((sheet) => sheet.href && sheet.href.includes("global_styles"))) return;
  const visible = (el) => el && el.checkVisibility({visibilityProperty: true});
  const items = [...document.querySelectorAll(".result-list > li")].filter(visible).length;
  const count = document.getElementById("result-count");
  const shown = items + "|" + (visible(count) ? count.textContent : "");
  if (window.__shown.at(-1) !== shown) window.__shown.push(shown);
};
new MutationObserver(record).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
document.addEventListener("load", record, true);
"""


def test_search_link_never_shows_the_unfiltered_list(page: Page, portal_url: str) -> None:
    # A shared or bookmarked search: the page is prerendered with every procedure, but a resident must never see
    # those (or "7 procedures found") before the one result.
    page.add_init_script(RECORD_VISIBLE_RESULTS)
    page.goto(f"{portal_url}/en/procedures?q=moving")
    wait_hydrated(page)
    expect(page.locator("#result-count")).to_have_text("1 procedure found")
    expect(page.locator(".result-list")).to_be_visible()
    shown = [entry for entry in page.evaluate("window.__shown") if entry != "0|"]
    assert shown == ["1|1 procedure found"], shown
    # Without a query the prerendered list is the answer: it shows at once, before the state arrives.
    page.goto(f"{portal_url}/en/procedures")
    wait_hydrated(page)
    shown = [entry for entry in page.evaluate("window.__shown") if entry != "0|"]
    assert shown[0] == f"{len(CATALOG)}|{len(CATALOG)} procedures found", shown


@pytest.mark.parametrize("locale", LOCALES)
def test_search_and_detail_pages_pass_axe(page: Page, portal_url: str, axe: object, locale: str) -> None:
    page.goto(f"{portal_url}/{locale}/procedures")
    results(page)
    axe.assert_clean(page)  # type: ignore[attr-defined]
    for info in CATALOG:
        page.goto(f"{portal_url}/{locale}/procedures/{info.slug}")
        page.wait_for_selector("h1")
        assert plain_text(page, "h1") == info.title(T(locale))
        expect(page.locator("#start-button")).to_have_attribute("href", f"/{locale}/apply/{info.slug}")
        axe.assert_clean(page)  # type: ignore[attr-defined]


def test_signed_in_search_names_the_municipality_and_lists_applications(page: Page, portal_url: str, axe: object) -> None:
    sign_in(page, portal_url, "ja", "nguyen", "/ja/procedures?event=moving")
    expect(page.locator("#result-moving-out")).to_contain_text("豊田市")
    page.goto(f"{portal_url}/ja/applications")
    page.wait_for_selector("h1")
    axe.assert_clean(page)  # type: ignore[attr-defined]
