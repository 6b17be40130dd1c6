"""Languages in real Chromium: locale in the URL and the prerendered HTML, redirects, the picker (same page, no
reload, state and focus kept), hreflang alternates, pseudo-locale coverage of every page, RTL without overflow."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from rxapp.i18n import T
from rxapp.i18n.registry import BY_CODE, LOCALES
from rxapp.pages import PAGES

pytestmark = pytest.mark.browser

NATIVE_NAMES = [loc.native_name for loc in LOCALES]
# The portal under test ships every locale: tests/conftest.py turns the pseudo-locales on.
SERVED = LOCALES


def _path(code: str, slug: str) -> str:
    return f"/{code}/{slug}" if slug else f"/{code}/"


def _hydrated(page: Page) -> None:
    """Wait until React has hydrated the page (its fiber is attached to the picker), so links route client-side."""
    page.wait_for_function(
        "() => { const a = document.querySelector('#language-picker a');"
        " return !!a && Object.keys(a).some((k) => k.startsWith('__reactFiber')); }"
    )
    page.wait_for_load_state("networkidle")


# --- 1. The locale is in the URL and in the prerendered HTML -------------------------------------------------


@pytest.mark.parametrize(
    ("code", "lang", "direction"),
    [("ja", "ja", "ltr"), ("ja-easy", "ja", "ltr"), ("en", "en", "ltr"), ("ar", "ar", "rtl"),
     ("en-XA", "en", "ltr"), ("ar-XB", "ar", "rtl")],
)
def test_prerendered_page_speaks_its_language_without_javascript(
    browser: Browser, portal_url: str, code: str, lang: str, direction: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{portal_url}{_path(code, 'help')}")
        html = page.locator("html")
        expect(html).to_have_attribute("lang", lang)
        expect(html).to_have_attribute("dir", direction)
        t = T(code)
        expect(page.locator("h1")).to_have_text(t._("Help"))
        expect(page).to_have_title(f"{t._('Help')} | {t._('Minna Portal')}")
        # The picker is there and works as plain links.
        current = page.locator('#language-picker a[aria-current="true"]')
        expect(current).to_have_text(BY_CODE[code].native_name)
    finally:
        context.close()


def test_ja_easy_and_ja_are_different_pages_with_the_same_lang(browser: Browser, portal_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{portal_url}/ja-easy/help")
        easy = page.locator("h1").inner_text()
        page.goto(f"{portal_url}/ja/help")
        assert page.locator("h1").inner_text() != easy
        assert easy == T("ja-easy")._("Help")
    finally:
        context.close()


# --- 2. Redirects to the best locale ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "headers", "cookie", "location"),
    [
        ("/", {"Accept-Language": "ar-EG,ar;q=0.9"}, None, "/ar/"),
        ("/", {"Accept-Language": "en"}, "ja-easy", "/ja-easy/"),
        ("/help", {"Accept-Language": "fr, de;q=0.5"}, None, "/ja/help"),
        ("/fr/help", {"Accept-Language": "en"}, None, "/en/help"),
        ("/EN/help", {}, None, "/en/help"),
        ("/", {"Accept-Language": "q=;;,,ja;q=2"}, "no-such-locale", "/ja/"),
        ("/help?x=1", {"Accept-Language": "ar"}, None, "/ar/help?x=1"),
    ],
)
def test_unprefixed_paths_redirect_to_the_best_locale(
    portal_url: str, path: str, headers: dict[str, str], cookie: str | None, location: str
) -> None:
    cookies = {"minna_locale": cookie} if cookie else None
    response = httpx.get(f"{portal_url}{path}", headers=headers, cookies=cookies, follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == location
    assert "Accept-Language" in response.headers["vary"]


# --- 3. The picker and the alternates ---------------------------------------------------------------------------


def test_hreflang_alternates_are_in_the_prerendered_head(portal_url: str) -> None:
    html = httpx.get(f"{portal_url}/en/help/").text
    head = html[: html.index("</head>")]
    links = re.findall(r"<link[^>]*rel=\"alternate\"[^>]*>", head)
    found = {}
    for link in links:
        tag = re.search(r'hrefLang="([^"]+)"|hreflang="([^"]+)"', link)
        href = re.search(r'href="([^"]+)"', link)
        assert tag and href, link
        found[tag.group(1) or tag.group(2)] = href.group(1)
    expected = {loc.hreflang: f"/{loc.code}/help/" for loc in SERVED} | {"x-default": "/help"}
    assert found == expected
    for tag, href in found.items():
        status = httpx.get(f"{portal_url}{href}", follow_redirects=False).status_code
        assert status == (307 if tag == "x-default" else 200), (href, status)


def test_picker_names_each_language_in_itself_and_marks_the_current_one(page: Page, portal_url: str) -> None:
    page.goto(f"{portal_url}/ar/contact")
    links = page.locator("#language-picker a[data-locale]")
    expect(links).to_have_count(len(SERVED))
    for index, locale in enumerate(SERVED):
        link = links.nth(index)
        expect(link).to_have_text(locale.native_name)
        expect(link).to_have_attribute("lang", locale.html_lang)
        expect(link).to_have_attribute("hreflang", locale.hreflang)
        expect(link).to_have_attribute("href", f"/{locale.code}/contact")
        if locale.code == "ar":
            expect(link).to_have_attribute("aria-current", "true")
        else:
            expect(link).not_to_have_attribute("aria-current", "true")
    expect(page.locator("#language-picker")).to_have_attribute("aria-label", T("ar")._("Language"))


def test_picker_sits_at_the_inline_end_of_the_header(page: Page, portal_url: str) -> None:
    """DADS/USWDS: top right in left-to-right pages, top left in right-to-left ones."""
    page.set_viewport_size({"width": 1280, "height": 800})
    for code, side in (("en", "right"), ("ar", "left")):
        page.goto(f"{portal_url}/{code}/")
        picker = page.locator("#language-picker").bounding_box()
        name = page.locator(".site-header__name").bounding_box()
        assert picker and name
        if side == "right":
            assert picker["x"] > name["x"], (code, picker, name)
        else:
            assert picker["x"] + picker["width"] < name["x"] + name["width"], (code, picker, name)


def test_switching_language_keeps_the_page_the_state_and_the_focus(page: Page, portal_url: str) -> None:
    page.goto(f"{portal_url}/en/sign-in")
    _hydrated(page)
    radios = page.locator("input[type=radio][name=card]")
    expect(radios.first).to_be_visible()
    choice = radios.nth(1)
    choice.click()  # a controlled input: checked once the state round trip is back
    expect(choice).to_be_checked()
    chosen = choice.get_attribute("value")
    page.evaluate("() => { window.__noReload = true; }")
    # A keyboard user: focus the Japanese link and press Enter.
    page.locator('#language-picker a[data-locale="ja"]').focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{portal_url}/ja/sign-in")
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    expect(page.locator("h1")).to_have_text(T("ja")._("Sign in"))
    assert page.evaluate("() => window.__noReload === true"), "the switch reloaded the page"
    expect(page.locator(f'input[type=radio][name=card][value="{chosen}"]')).to_be_checked()
    # Focus is on the newly chosen language in the new page's picker.
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.matches("
        "'#language-picker a[data-locale=\"ja\"][aria-current=\"true\"]')",
        timeout=5000,
    )
    # The choice is remembered for the next visit to "/".
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get("minna_locale") == "ja"
    # And back to Arabic: direction flips, the choice is still there.
    page.locator('#language-picker a[data-locale="ar"]').click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator(f'input[type=radio][name=card][value="{chosen}"]')).to_be_checked()
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.matches('#language-picker a[data-locale=\"ar\"]')",
        timeout=5000,
    )


def test_switching_language_mid_form_keeps_the_step_and_the_typed_answers(page: Page, portal_url: str) -> None:
    """Two people read the same screen: one types in English, the other switches to Arabic; the answers stay."""
    from tests.browser.apply_helpers import answer_text, choose, sign_in, tab_to, wait_step

    sign_in(page, portal_url, "en", "li", "/en/apply/public-fund-account")
    wait_step(page, "g-bank")
    _hydrated(page)
    answer_text(page, "bank_code", "0005")
    answer_text(page, "branch_code", "251")  # leaving a text field keeps its text in the form's state
    choose(page, "account_type", "savings")
    page.evaluate("() => { window.__noReload = true; }")
    tab_to(page, '#language-picker a[data-locale="ar"]', backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ar/apply/public-fund-account/?\?step=g-bank$"))
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert page.evaluate("() => window.__noReload === true"), "the switch reloaded the page"
    expect(page.locator("#answer-bank_code")).to_have_value("0005")
    expect(page.locator("#answer-branch_code")).to_have_value("251")
    expect(page.locator("input[name=account_type][value=savings]")).to_be_checked()
    page.wait_for_function(
        "() => document.activeElement && document.activeElement.matches('#language-picker a[data-locale=\"ar\"]')",
        timeout=5000,
    )


def test_switching_language_while_the_answers_are_still_on_their_way_keeps_them(page: Page, portal_url: str) -> None:
    """A slow link: the typed text has not reached the server when the resident switches language; it stays."""
    from tests.browser.apply_helpers import answer_text, outage, sign_in, tab_to, wait_step

    sign_in(page, portal_url, "en", "li", "/en/apply/public-fund-account")
    wait_step(page, "g-bank")
    _hydrated(page)
    outage(portal_url, 6, mode="hang")  # every backend call waits: the saves on leaving a field hang too
    try:
        answer_text(page, "bank_code", "0009")
        answer_text(page, "branch_code", "123")
        tab_to(page, '#language-picker a[data-locale="ar"]', backwards=True)
        page.keyboard.press("Enter")
        page.wait_for_url(re.compile(r"/ar/apply/public-fund-account/?\?step=g-bank$"))
        # Checked while the backend still hangs: the text came with the switch, not from the server.
        expect(page.locator("#answer-bank_code")).to_have_value("0009", timeout=2500)
        expect(page.locator("#answer-branch_code")).to_have_value("123", timeout=500)
    finally:
        outage(portal_url, 0)
    # Once the backend answers again, Continue sends what is on the screen.
    expect(page.locator("#answer-bank_code")).to_have_value("0009")


# --- 4. Pseudo-locales: nothing escaped the catalogs, on every page ---------------------------------------------

# Text that may appear without pseudo marks, and nothing else: only digits, punctuation and symbols; a language's
# own name in the picker; data that is not UI text (translate="no": names, sample values); a part declared in
# another language than the page's (lang="ja" on Japanese-only backend content, WCAG 3.1.2).
UNMARKED_TEXT = r"""
(allowed) => {
  const SKIP = "script, style, noscript, template, [translate='no']";
  const pageLang = document.documentElement.lang.split("-")[0];
  const foreign = (el) => {
    const owner = el.closest("[lang]");
    return !!owner && owner !== document.documentElement && owner.lang.split("-")[0] !== pageLang;
  };
  const neutral = (s) => /^[\p{N}\p{P}\p{S}\p{Z}\s\u200e\u200f\u202a-\u202e]*$/u.test(s);
  const marked = (s) => /[\[\]]/.test(s);
  const bad = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.nodeValue.trim();
    const el = node.parentElement;
    if (!text || !el || el.closest(SKIP) || foreign(el) || marked(text) || neutral(text)) continue;
    if (el.closest("#language-picker") && allowed.includes(text)) continue;
    bad.push(text);
  }
  for (const el of document.body.querySelectorAll("[aria-label], [title], [alt], [placeholder]")) {
    if (el.closest(SKIP) || foreign(el)) continue;
    for (const name of ["aria-label", "title", "alt", "placeholder"]) {
      const value = (el.getAttribute(name) || "").trim();
      if (value && !marked(value) && !neutral(value)) bad.push(`${name}="${value}"`);
    }
  }
  if (!marked(document.title)) bad.push(`<title>${document.title}`);
  return bad;
}
"""


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.slug or "home")
def test_every_page_in_en_xa_has_no_unmarked_text(page: Page, portal_url: str, spec: object) -> None:
    page.goto(f"{portal_url}{_path('en-XA', spec.slug)}")  # type: ignore[attr-defined]
    _hydrated(page)
    page.wait_for_timeout(300)  # on_load events may render more text
    bad = page.evaluate(UNMARKED_TEXT, NATIVE_NAMES)
    assert bad == [], f"{page.url}: text without pseudo-locale marks (escaped the catalogs?): {bad[:15]}"


def test_the_unmarked_text_check_can_fail(page: Page, portal_url: str) -> None:
    page.goto(f"{portal_url}/en-XA/help")
    _hydrated(page)
    page.evaluate("() => { const p = document.createElement('p'); p.textContent = 'Forgotten string';"
                  " document.querySelector('main').append(p); }")
    assert page.evaluate(UNMARKED_TEXT, NATIVE_NAMES) == ["Forgotten string"]
    # A label escapes too; a part declared Japanese does not count.
    page.evaluate("() => { const b = document.createElement('button'); b.setAttribute('aria-label', 'Close');"
                  " const j = document.createElement('p'); j.lang = 'ja'; j.textContent = '年金';"
                  " document.querySelector('main').append(b, j); }")
    assert page.evaluate(UNMARKED_TEXT, NATIVE_NAMES) == ["Forgotten string", 'aria-label="Close"']


# --- 5. Right to left: every page, no horizontal overflow --------------------------------------------------------

OVERFLOW = """
() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const wide = [...document.body.querySelectorAll("*")]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 2 && (r.right > width + 1 || r.left < -1); })
    .slice(0, 5).map((el) => el.tagName + "." + el.className + "#" + el.id);
  return {scroll: root.scrollWidth, width, wide};
}
"""


@pytest.mark.parametrize("code", ["ar", "ar-XB"])
@pytest.mark.parametrize("width", [320, 1280])
def test_rtl_pages_do_not_overflow(page: Page, portal_url: str, code: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    problems = []
    for spec in PAGES:
        page.goto(f"{portal_url}{_path(code, spec.slug)}")
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        page.wait_for_load_state("networkidle")
        result = page.evaluate(OVERFLOW)
        if result["scroll"] > result["width"] + 1:
            problems.append(f"/{code}/{spec.slug}: {result}")
    assert problems == [], problems
