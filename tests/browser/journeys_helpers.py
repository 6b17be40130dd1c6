"""Keyboard-only helpers for the resident-journey tests: sign in, move focus, read the focused element.

No mouse: focus moves with Tab/Shift+Tab, radios with arrow keys, buttons and links with Enter or Space.
"""

from __future__ import annotations

from urllib.parse import quote

import httpx
from playwright.sync_api import Page, expect

from tests.browser.apply_helpers import set_prefs  # noqa: F401  (the journey tests import it from here)

PIN = "1234"
SIMPLE_200 = "mode=simple&size=200"


def reset_demo(base_url: str) -> None:
    """Re-seed the demo backend (test hook), so each test starts from the same data."""
    httpx.post(f"{base_url}/api/v1/_test/reset", timeout=30).raise_for_status()


def focused(page: Page, expression: str = "el.id") -> str:
    return str(page.evaluate(f"(() => {{ const el = document.activeElement; return {expression}; }})()"))


def focused_is(page: Page, condition: str) -> bool:
    return bool(page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({condition}); }})()"))


def tab_until(page: Page, condition: str, *, limit: int = 120, backwards: bool = False) -> None:
    """Press Tab until `condition` (JS over `el`, the focused element) holds; fail after `limit` presses."""
    for _ in range(limit):
        if page.evaluate(f"(() => {{ const el = document.activeElement; return !!el && ({condition}); }})()"):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"focus never reached an element where {condition}; last: {focused(page, 'el.outerHTML')[:200]}")


def tab_to_id(page: Page, element_id: str, **kwargs: object) -> None:
    tab_until(page, f"el.id === {element_id!r}", **kwargs)  # type: ignore[arg-type]


def choose_card(page: Page, card_id: str) -> None:
    """Tab into the card radios, then arrow keys (which move and check) until the wanted card is checked."""
    page.wait_for_selector(f"input[name='card'][value='{card_id}']", state="attached")
    tab_until(page, "el.name === 'card'")
    for _ in range(20):
        if focused(page, "el.value") == card_id:
            if not page.is_checked(f"input[value='{card_id}']"):
                page.keyboard.press("Space")  # the first radio is focused by Tab but not chosen yet
            expect(page.locator(f"input[value='{card_id}']")).to_be_checked()
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"could not reach {card_id} with the arrow keys")


def sign_in(page: Page, base_url: str, locale: str, card_id: str, *, next_path: str | None = None) -> None:
    """Sign in with the keyboard alone; lands on `next_path` (or the resident's page)."""
    target = f"{base_url}/{locale}/sign-in" + (f"?next={quote(next_path)}" if next_path else "")
    page.goto(target)
    choose_card(page, card_id)
    tab_to_id(page, "pin")
    page.keyboard.type(PIN)
    page.keyboard.press("Enter")
    # The page itself (signing in loads it anew), not the sign-in page whose `next` parameter names it.
    target = (next_path or f"/{locale}/mypage").split("?")[0]
    page.wait_for_url(lambda url: "/sign-in" not in url and target in url, timeout=20_000)
    expect(page.locator("#session-sign-out")).to_be_visible()


def press_on(page: Page, element_id: str, key: str = "Enter", **kwargs: object) -> None:
    """Tab to an element and activate it with the keyboard."""
    tab_to_id(page, element_id, **kwargs)
    page.keyboard.press(key)


def focus_is_visible(page: Page) -> bool:
    """The focused element is on screen and has a visible focus indicator (outline or box-shadow)."""
    return bool(page.evaluate(
        """(() => {
            const el = document.activeElement;
            if (!el || el === document.body) return false;
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) return false;
            const s = getComputedStyle(el);
            const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
                || s.backgroundColor === 'rgb(255, 210, 31)';
            return ring;
        })()"""
    ))


def walk_focus(page: Page, *, limit: int = 200) -> list[str]:
    """Tab through the whole page once; every stop must show a focus indicator. Returns the stops' ids/texts."""
    page.evaluate("document.activeElement && document.activeElement.blur && document.activeElement.blur()")
    page.evaluate("window.scrollTo(0, 0)")
    stops: list[str] = []
    seen_footer = False
    for _ in range(limit):
        page.keyboard.press("Tab")
        label = focused(page, "(el.id || el.getAttribute('href') || el.textContent || '').trim().slice(0, 60)")
        if focused_is(page, "el === document.body"):
            break
        where = focused(page, "el.tagName + '#' + el.id + '.' + el.className + ' tabindex=' + el.getAttribute('tabindex')")
        assert focus_is_visible(page), f"no visible focus on {where} {label!r}"
        stops.append(label)
        in_footer = focused_is(page, "!!el.closest('footer')")
        if seen_footer and not in_footer:
            break
        seen_footer = seen_footer or in_footer
    return stops


_PLAIN_TEXT = """([selector, text]) => {
    const el = document.querySelector(selector);
    if (!el) return false;
    const copy = el.cloneNode(true);
    copy.querySelectorAll('rt, rp').forEach((n) => n.remove());
    return copy.textContent.replace(/\\s+/g, ' ').includes(text);
}"""


def expect_text(page: Page, selector: str, text: str, *, timeout: float = 10_000) -> None:
    """Wait until the element's text, read without furigana (<rt>/<rp>), contains `text`.

    Japanese pages carry readings over kanji; a reader sees the base text, and so does this check.
    """
    try:
        page.wait_for_function(_PLAIN_TEXT, arg=[selector, text], timeout=timeout)
    except Exception as error:  # the text actually there makes the failure readable
        actual = page.evaluate(
            "(s) => { const e = document.querySelector(s); if (!e) return null; const c = e.cloneNode(true);"
            " c.querySelectorAll('rt, rp').forEach((n) => n.remove()); return c.textContent; }", selector)
        raise AssertionError(f"{selector} does not contain {text!r}; it reads {actual!r}") from error
