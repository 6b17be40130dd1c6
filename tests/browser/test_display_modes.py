"""Display modes in real Chromium: the settings form applies at once and survives a reload, the HTML is right
before hydration (and with JavaScript off), no layout shift, reflow at 320 px and 200 %, text spacing, contrast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from rxapp.pages.gallery import GALLERY_GROUPS
from rxapp.prefs_script import parse_prefs

pytestmark = pytest.mark.browser

COOKIE = "minna_prefs"


@pytest.fixture
def context_for(browser: Browser, portal_url: str) -> Iterator:
    made: list[BrowserContext] = []

    def make(prefs: str = "", **options: object) -> BrowserContext:
        context = browser.new_context(**options)
        if prefs:
            context.add_cookies([{"name": COOKIE, "value": prefs, "url": portal_url}])
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def _hydrated(page: Page) -> None:
    page.wait_for_function(
        "() => { const a = document.querySelector('#language-picker a');"
        " return !!a && Object.keys(a).some((k) => k.startsWith('__reactFiber')); }"
    )
    page.wait_for_load_state("networkidle")


def _cookie(context: BrowserContext) -> str:
    return next((c["value"] for c in context.cookies() if c["name"] == COOKIE), "")


def test_settings_apply_at_once_without_reload_and_survive_a_reload(context_for, portal_url: str) -> None:
    context = context_for()
    page = context.new_page()
    page.goto(f"{portal_url}/en/settings")
    _hydrated(page)
    page.evaluate("window.__sameDocument = true")
    page.locator("label[for=settings-mode-simple]").click()
    assert page.locator("html").get_attribute("data-mode") == "simple"
    page.locator("#settings-size-200").check()
    assert page.locator("html").get_attribute("data-text-size") == "200"
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    page.locator("#settings-contrast-high").check()
    assert page.evaluate("window.__sameDocument") is True  # no reload happened
    assert _cookie(context) == "size%3D200%26mode%3Dsimple%26contrast%3Dhigh"
    # The header's quick control shows the same choice (one source of truth: <html>).
    assert page.locator("#quick-mode-simple").is_checked()
    page.reload()
    _hydrated(page)
    html = page.locator("html")
    assert (html.get_attribute("data-mode"), html.get_attribute("data-text-size"), html.get_attribute("data-contrast")) \
        == ("simple", "200", "high")
    assert page.locator("#settings-mode-simple").is_checked()
    assert page.locator("#settings-size-200").is_checked()
    assert not page.locator("#settings-size-100").is_checked()


def test_settings_work_by_keyboard_alone(context_for, portal_url: str) -> None:
    page = context_for().new_page()
    page.goto(f"{portal_url}/ja/settings")
    _hydrated(page)
    page.locator("#settings-size-100").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.locator("html").get_attribute("data-text-size") == "150"
    page.keyboard.press("Tab")  # the next group: layout
    assert page.evaluate("document.activeElement.name") == "mode"
    page.keyboard.press("ArrowDown")
    assert page.locator("html").get_attribute("data-mode") == "simple"
    # Save confirms in a status message (no page load with scripts on).
    page.locator("#settings-form button[type=submit]").press("Enter")
    expect(page.locator("#settings-form [role=status]")).to_have_text("この端末に設定を保存しました。")


def test_quick_control_in_the_header_works_on_every_page(context_for, portal_url: str) -> None:
    context = context_for()
    page = context.new_page()
    page.goto(f"{portal_url}/ar/help")
    _hydrated(page)
    expect(page.locator("#display-settings-link")).to_have_attribute("href", "/ar/settings")
    summary = page.locator("#quick-display-summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#quick-display")).to_have_attribute("open", "")
    page.locator("label[for=quick-contrast-high]").click()
    assert page.locator("html").get_attribute("data-contrast") == "high"
    assert "contrast%3Dhigh" in _cookie(context)
    expect(page.locator("#read-aloud [data-read-aloud-action=play]")).to_be_visible()


def test_server_html_carries_the_attributes_and_the_saved_choice(portal_url: str) -> None:
    cookies = {COOKIE: "size%3D200%26mode%3Dsimple%26furigana%3Don"}
    response = httpx.get(f"{portal_url}/ja/settings/", cookies=cookies, follow_redirects=True)
    assert response.status_code == 200
    head = response.text[:600]
    assert 'data-text-size="200"' in head and 'data-mode="simple"' in head and 'data-furigana="on"' in head
    saved = re.search(r'<input[^>]*id="settings-size-200"[^>]*>', response.text)
    default = re.search(r'<input[^>]*id="settings-size-100"[^>]*>', response.text)
    assert saved and "checked" in saved.group(0)
    assert default and "checked" not in default.group(0)
    assert "Cookie" in response.headers.get("vary", "")
    plain = httpx.get(f"{portal_url}/ja/settings/", follow_redirects=True)
    assert "data-text-size" not in plain.text[:600]


def test_javascript_off_still_applies_and_saves_settings(context_for, portal_url: str) -> None:
    context = context_for("size%3D200%26contrast%3Dhigh", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{portal_url}/en/settings")
    html = page.locator("html")
    assert html.get_attribute("data-text-size") == "200"
    assert html.get_attribute("data-contrast") == "high"
    # The form is real: choose simplified and save; the server stores the cookie and returns here.
    page.locator("label[for=settings-mode-simple]").click()
    page.locator("#settings-form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/en/settings/?$"))
    assert page.locator("html").get_attribute("data-mode") == "simple"
    assert page.locator("html").get_attribute("data-text-size") == "200"  # earlier choices kept
    saved = parse_prefs(_cookie(context))
    assert (saved["size"], saved["mode"], saved["contrast"]) == ("200", "simple", "high")


def test_pre_hydration_script_alone_sets_attributes_before_first_paint(context_for, portal_url: str) -> None:
    """A cached page (the server did not see the cookie): the head script must set the attributes itself."""
    context = context_for("mode%3Dsimple%26size%3D150")
    page = context.new_page()

    # Serve the HTML as a cache would: fetched without the cookie, so the server wrote no attributes.
    plain = httpx.get(f"{portal_url}/en/help/", follow_redirects=True)
    assert "data-mode" not in plain.text[:600]

    def from_cache(route: Route) -> None:
        route.fulfill(status=200, body=plain.text, headers={"content-type": "text/html; charset=utf-8"})

    page.route(re.compile(r".*/en/help/?$"), from_cache)
    page.add_init_script("""
      document.addEventListener('DOMContentLoaded', () => {
        const root = document.documentElement;
        window.__early = {mode: root.getAttribute('data-mode'), size: root.getAttribute('data-text-size'),
                          hydrated: !!document.querySelector('#language-picker a') &&
                            Object.keys(document.querySelector('#language-picker a')).some(k => k.startsWith('__reactFiber'))};
      });
    """)
    page.goto(f"{portal_url}/en/help/")
    early = page.evaluate("window.__early")
    assert early == {"mode": "simple", "size": "150", "hydrated": False}


def test_no_layout_shift_when_a_saved_mode_loads(context_for, portal_url: str) -> None:
    page = context_for("size%3D200%26mode%3Dsimple").new_page()
    page.add_init_script("""
      window.__shift = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value; })
        .observe({type: 'layout-shift', buffered: true});
    """)
    page.goto(f"{portal_url}/ja/")
    _hydrated(page)
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shift") < 0.01


@pytest.mark.parametrize("path", ["/ja/components/text-questions", "/ar/components/choice-questions",
                                  "/ar/components/messages", "/ja/components/navigation",
                                  "/ar/components/content", "/en/settings", "/ja-easy/settings"])
def test_reflow_at_320_px_and_200_percent_without_horizontal_scrolling(context_for, portal_url: str, path: str) -> None:
    page = context_for("size%3D200", viewport={"width": 320, "height": 640}).new_page()
    page.goto(f"{portal_url}{path}")
    _hydrated(page)
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "32px"
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{path}: page is {width} px wide at 320 px"


_CLIPPED = """() => {
  const clipped = [];
  for (const el of document.querySelectorAll('main *')) {
    const style = getComputedStyle(el);
    if (!/(hidden|clip)/.test(style.overflow + style.overflowX + style.overflowY)) continue;
    if (el.closest('.visually-hidden') || el.getBoundingClientRect().width <= 1) continue;
    if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1) clipped.push(el.className || el.tagName);
  }
  return clipped;
}"""


@pytest.mark.parametrize("code", ["ja", "ar"])
def test_text_spacing_overrides_break_nothing(context_for, portal_url: str, code: str) -> None:
    page = context_for(viewport={"width": 320, "height": 640}).new_page()
    for group in GALLERY_GROUPS:
        page.goto(f"{portal_url}/{code}/components/{group}")
        _hydrated(page)
        # WCAG 1.4.12's bookmarklet values.
        page.add_style_tag(content="""
          * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
          p { margin-block-end: 2em !important; }
        """)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, group
        assert page.evaluate(_CLIPPED) == [], group


def test_system_high_contrast_preference_is_honoured_unless_standard_is_chosen(context_for, portal_url: str) -> None:
    link_colour = "getComputedStyle(document.documentElement).getPropertyValue('--colour-link').trim()"
    page = context_for().new_page()
    page.emulate_media(contrast="more")
    page.goto(f"{portal_url}/en/")
    assert page.evaluate(link_colour) == "#00006b"
    chosen = context_for("contrast%3Dstandard").new_page()
    chosen.emulate_media(contrast="more")
    chosen.goto(f"{portal_url}/en/")
    assert chosen.evaluate(link_colour) == "#0031a8"


def test_forced_colours_keep_the_gallery_clean(context_for, portal_url: str, axe) -> None:
    page = context_for().new_page()
    page.emulate_media(forced_colors="active")
    for group in GALLERY_GROUPS:
        page.goto(f"{portal_url}/ar/components/{group}")
        _hydrated(page)
        axe.assert_clean(page)


def test_furigana_setting_only_in_japanese(context_for, portal_url: str) -> None:
    page = context_for().new_page()
    for code, shown in (("ja", True), ("ja-easy", True), ("en", False), ("ar", False)):
        page.goto(f"{portal_url}/{code}/settings")
        expect(page.locator("#settings-furigana")).to_have_count(1 if shown else 0)


def test_reduced_motion_setting(context_for, portal_url: str) -> None:
    context = context_for()
    page = context.new_page()
    page.goto(f"{portal_url}/en/settings")
    _hydrated(page)
    page.locator("#settings-motion-reduce").check()
    assert page.locator("html").get_attribute("data-motion") == "reduce"
    assert "motion%3Dreduce" in _cookie(context)


def test_simplified_mode_uses_its_own_wording(context_for, portal_url: str) -> None:
    standard = context_for().new_page()
    standard.goto(f"{portal_url}/en/settings")
    simple = context_for("mode%3Dsimple").new_page()
    simple.goto(f"{portal_url}/en/settings")
    intro_standard = standard.locator("main p").first.inner_text()
    intro_simple = simple.locator("main p").first.inner_text()
    assert intro_standard != intro_simple
    assert intro_simple == "Choose how the portal looks. We save it on this device."
    # Help is always in view in simplified mode.
    expect(simple.locator(".site-header__help")).to_be_visible()
    expect(standard.locator(".site-header__help")).to_be_hidden()
