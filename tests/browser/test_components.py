"""The component gallery in real Chromium: axe in every locale × display mode, keyboard use, target sizes.

The gallery is an index page and five group pages (rxapp/pages/gallery.py); the axe matrix loads every group
page in each locale × mode, so axe sees every example. The display mode comes from the `minna_prefs` cookie set on the context
before navigating, as a returning user would have it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from rxapp.components.catalog import ALL_EXAMPLES, example_id
from rxapp.pages.gallery import GALLERY_GROUPS, gallery_slug

pytestmark = pytest.mark.browser

MODES = {
    "default": "",
    "simple": "mode%3Dsimple",
    "high-contrast": "contrast%3Dhigh",
    "200": "size%3D200",
}
ATTRIBUTE_FOR_MODE = {"simple": ("data-mode", "simple"), "high-contrast": ("data-contrast", "high"),
                      "200": ("data-text-size", "200")}


def _hydrated(page: Page) -> None:
    page.wait_for_function(
        "() => { const a = document.querySelector('#language-picker a');"
        " return !!a && Object.keys(a).some((k) => k.startsWith('__reactFiber')); }"
    )
    page.wait_for_load_state("networkidle")


@pytest.fixture
def context_for(browser: Browser, portal_url: str) -> Iterator:
    made: list[BrowserContext] = []

    def make(prefs: str = "", **options: object) -> BrowserContext:
        context = browser.new_context(**options)
        if prefs:
            context.add_cookies([{"name": "minna_prefs", "value": prefs, "url": portal_url}])
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()


def _gallery(context: BrowserContext, portal_url: str, code: str, component: str) -> Page:
    """The gallery page holding `component`'s examples."""
    page = context.new_page()
    page.goto(f"{portal_url}/{code}/{gallery_slug(component)}")
    _hydrated(page)
    return page


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("code", ["ja", "en", "ar"])
def test_gallery_has_no_axe_violations(context_for, portal_url: str, axe, code: str, mode: str) -> None:
    context = context_for(MODES[mode])
    seen: set[str] = set()
    for names in GALLERY_GROUPS.values():
        page = _gallery(context, portal_url, code, names[0])
        if mode in ATTRIBUTE_FOR_MODE:
            name, value = ATTRIBUTE_FOR_MODE[mode]
            assert page.locator("html").get_attribute(name) == value  # the mode is really on
        # Every example of the group's components is on its page, so axe sees all of them.
        for component, example, _ in ALL_EXAMPLES:
            expected = 1 if component in names else 0
            expect(page.locator(f"#{example_id(component, example)}")).to_have_count(expected)
            if expected:
                seen.add(example_id(component, example))
        axe.assert_clean(page)
        page.close()
    assert len(seen) == len(ALL_EXAMPLES)  # every catalogued example is on some group page


# Targets: every visible interactive element in the gallery's main content and the page shell.
_MEASURE = """(minimum) => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width <= 1 || box.height <= 1 || style.visibility === 'hidden') continue;  // not shown (closed dialog, visually hidden)
    if (el.closest('dialog:not([open]), details:not([open]) > :not(summary)')) continue;
    // WCAG 2.5.8: a target may be smaller when it is a control of the kind the label enlarges: measure the label too.
    let width = box.width, height = box.height;
    const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
    if (label) { const l = label.getBoundingClientRect(); width = Math.max(width, l.width); height = Math.max(height, l.height); }
    if (width + 0.5 < minimum || height + 0.5 < minimum) {
      small.push(`${el.tagName.toLowerCase()}#${el.id || ''}.${el.className || ''} "${(el.textContent || '').trim().slice(0, 30)}" ${box.width.toFixed(1)}x${box.height.toFixed(1)}`);
    }
  }
  return small;
}"""


@pytest.mark.parametrize(("mode", "minimum"), [("default", 24), ("simple", 44)])
@pytest.mark.parametrize("code", ["ja", "ar"])
def test_every_target_in_the_gallery_is_big_enough(context_for, portal_url: str, code: str, mode: str,
                                                   minimum: int) -> None:
    context = context_for(MODES[mode])
    for names in GALLERY_GROUPS.values():
        page = _gallery(context, portal_url, code, names[0])
        # The controls themselves (not only their labels) meet the size in simplified mode.
        if mode == "simple" and "radios" in names:
            box = page.locator("#ex-radios-default").bounding_box()
            assert box is not None and box["width"] >= 44 and box["height"] >= 44
        small = page.evaluate(_MEASURE, minimum)
        assert not small, f"{page.url}: {len(small)} targets under {minimum} px:\n" + "\n".join(small[:20])
        page.close()


def test_error_summary_link_moves_focus_to_the_field(context_for, portal_url: str) -> None:
    page = _gallery(context_for(), portal_url, "en", "error-summary")
    link = page.locator("#ex-error-summary-default-box a").first
    expect(link).to_have_text("Enter your full name")
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "ex-error-summary-default-name"
    # The field says it is invalid and is described by its message.
    field = page.locator("#ex-error-summary-default-name")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_attribute("aria-describedby", "ex-error-summary-default-name-error")


def test_error_summary_takes_focus_and_prefixes_the_title_while_shown(context_for, portal_url: str) -> None:
    page = _gallery(context_for(), portal_url, "ja", "error-summary")
    title = page.title()
    assert not title.startswith("エラー：")
    # A summary appearing after a submit (as a page's state renders it): the script focuses it and marks the title.
    page.evaluate("""() => {
      const box = document.createElement('div');
      box.id = 'late-summary'; box.tabIndex = -1;
      box.setAttribute('data-error-summary', 'true'); box.setAttribute('data-autofocus', 'true');
      box.setAttribute('data-title-prefix', 'エラー：');
      box.textContent = 'x';
      document.querySelector('main').prepend(box);
    }""")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'late-summary'")
    page.wait_for_function("document.title.startsWith('エラー： ')")
    assert page.title() == f"エラー： {title}"
    page.evaluate("document.getElementById('late-summary').remove()")
    page.wait_for_function(f"document.title === {title!r}")


@pytest.mark.parametrize("code", ["en", "ar"])
def test_timeout_dialog_keeps_focus_inside_and_extends_with_enter(context_for, portal_url: str, code: str) -> None:
    page = _gallery(context_for(), portal_url, code, "timeout-warning")
    opener = page.locator("#ex-timeout-warning-default-open")
    opener.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("#ex-timeout-warning-default-dialog")
    expect(dialog).to_have_attribute("open", "")
    assert page.evaluate("document.activeElement.hasAttribute('data-timeout-extend')")
    # The countdown is in words and in a polite live region.
    countdown = dialog.locator(".timeout-dialog__countdown")
    expect(countdown).to_have_attribute("aria-live", "polite")
    expect(countdown).not_to_have_text("")
    inside = "document.getElementById('ex-timeout-warning-default-dialog').contains(document.activeElement)"
    for key in ["Tab"] * 5 + ["Shift+Tab"] * 5:
        page.keyboard.press(key)
        assert page.evaluate(inside), f"focus left the dialog after {key}"
    # Back to the extend button and Enter: closed, focus returns to where it was.
    page.locator("#ex-timeout-warning-default-dialog [data-timeout-extend]").focus()
    page.keyboard.press("Enter")
    expect(dialog).not_to_have_attribute("open", "")
    assert page.evaluate("document.activeElement.id") == "ex-timeout-warning-default-open"
    # Escape also means "I am still here": it extends instead of closing silently.
    page.keyboard.press("Enter")
    expect(dialog).to_have_attribute("open", "")
    page.keyboard.press("Escape")
    expect(dialog).not_to_have_attribute("open", "")
    assert page.evaluate("document.activeElement.id") == "ex-timeout-warning-default-open"


def test_timeout_dialog_passes_axe_while_open(context_for, portal_url: str, axe) -> None:
    page = _gallery(context_for("mode%3Dsimple"), portal_url, "ja", "timeout-warning")
    page.locator("#ex-timeout-warning-default-open").click()
    expect(page.locator("#ex-timeout-warning-default-dialog")).to_have_attribute("open", "")
    axe.assert_clean(page, context="#ex-timeout-warning-default-dialog")


def test_radios_move_with_arrow_keys(context_for, portal_url: str) -> None:
    page = _gallery(context_for(), portal_url, "en", "radios")
    checked = "document.querySelector('input[name=contact-default]:checked').value"
    assert page.evaluate(checked) == "email"
    page.locator("#ex-radios-default-2").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate(checked) == "portal"
    assert page.evaluate("document.activeElement.id") == "ex-radios-default-3"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(checked) == "mail"
    # Space toggles a checkbox.
    page.locator("#ex-checkboxes-default-2").focus()
    page.keyboard.press("Space")
    assert page.locator("#ex-checkboxes-default-2").is_checked()


@pytest.mark.parametrize("code", ["ja", "en"])
def test_read_aloud_buttons_are_reachable_by_keyboard_and_say_what_happens(context_for, portal_url: str,
                                                                          code: str) -> None:
    page = _gallery(context_for(), portal_url, code, "read-aloud")
    heading = page.locator("#example-read-aloud-default-title")
    heading.evaluate("el => { el.tabIndex = -1; el.focus(); }")
    actions = []
    for _ in range(4):
        page.keyboard.press("Tab")
        actions.append(page.evaluate("document.activeElement.getAttribute('data-read-aloud-action')"))
    assert actions == ["play", "pause", "resume", "stop"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")  # play
    control = page.locator("#ex-read-aloud-default")
    status = control.locator(".read-aloud__status")
    expect(status).not_to_have_text("", timeout=5000)
    expected = {control.get_attribute(f"data-msg-{key}") for key in ("reading", "no-voice", "unsupported")}
    assert status.text_content() in expected
    expect(status).to_have_attribute("role", "status")
    page.locator("#ex-read-aloud-default [data-read-aloud-action=stop]").press("Enter")


def test_character_count_updates_and_speaks_after_a_pause(context_for, portal_url: str) -> None:
    page = _gallery(context_for(), portal_url, "en", "text-input")
    area = page.locator("#ex-text-input-textarea-error-reason")  # limit 50
    area.fill("x" * 45)
    group = page.locator("#example-text-input-textarea-error")
    expect(group.locator(".character-count__message")).to_have_text("You have 5 characters remaining")
    area.fill("x" * 51)
    expect(group.locator(".character-count__message")).to_have_text("You have 1 character too many")
    expect(group.locator(".character-count__status")).to_have_text("You have 1 character too many", timeout=3000)


def test_character_count_uses_arabic_plural_forms(context_for, portal_url: str) -> None:
    page = _gallery(context_for(), portal_url, "ar", "text-input")
    area = page.locator("#ex-text-input-textarea-reason")  # limit 200
    area.fill("x" * 198)
    message = page.locator("#example-text-input-textarea .character-count__message")
    expect(message).to_have_text("يتبقى لك حرفان (2)")


def test_date_input_shows_the_japanese_era_as_the_year_is_typed(context_for, portal_url: str) -> None:
    page = _gallery(context_for(), portal_url, "ja", "date-input")
    year = page.locator("#ex-date-input-default-year")
    era = page.locator("#ex-date-input-default-era")
    expect(era).to_have_attribute("aria-live", "polite")
    year.fill("1990")
    expect(era).to_have_text("和暦：平成2年")
    year.fill("2019")
    expect(era).to_have_text("和暦：平成31年／令和元年")
    page.locator("#ex-date-input-default-month").fill("5")
    page.locator("#ex-date-input-default-day").fill("1")
    expect(era).to_have_text("和暦：令和元年")
    # No era line in English.
    english = _gallery(context_for(), portal_url, "en", "date-input")
    expect(english.locator("#ex-date-input-default-era")).to_have_count(0)


def test_furigana_show_only_when_turned_on(context_for, portal_url: str) -> None:
    off = _gallery(context_for(), portal_url, "ja", "ruby-text")
    assert off.locator("#example-ruby-text-default .ruby-example rt").first.is_hidden()
    on = _gallery(context_for("furigana%3Don"), portal_url, "ja", "ruby-text")
    reading = on.locator("#example-ruby-text-default .ruby-example rt").first
    expect(reading).to_be_visible()
    expect(reading).to_have_text("ざいりゅう")
