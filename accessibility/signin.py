"""Signing in before visiting pages that need a session (PageSpec.signed_in=True).

The default step uses the demo backend's simulated My Number Cards: it reads the cards from
`GET /api/v1/demo-cards`, opens `/<locale>/sign-in`, picks the first card that is not locked, types the demo
PIN and submits. It finds the controls the way a user would (by the card's name, by the PIN field's role),
with a few structural fallbacks, so it survives cosmetic changes to the sign-in page.

Pluggable: `python -m accessibility --sign-in package.module:function` with the same signature as
`sign_in_with_demo_card`, e.g. for a deployment with another sign-in method.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import httpx
from playwright.sync_api import Locator, Page

SignIn = Callable[[Page, str, str, dict[str, Any]], None]

DEFAULTS = {"path": "/{locale}/sign-in", "demo_cards": "/api/v1/demo-cards", "demo_pin": "1234"}
PIN_FIELD = (
    'input[autocomplete="one-time-code"], input[name*="pin" i], input[id*="pin" i], '
    'input[inputmode="numeric"], input[type="password"]'
)


class SignInError(RuntimeError):
    """The sign-in step did not end with a session."""


def _settle(page: Page) -> None:
    """The page is hydrated and quiet: the runner's readiness probe when present, else network idle."""
    try:
        if page.evaluate("() => typeof window.__a11yActivity === 'number'"):
            page.wait_for_function(
                "() => document.readyState === 'complete' && window.__a11yPending === 0"
                " && (window.__a11ySockets === 0 || window.__a11yMessages > 0)"
                " && performance.now() - window.__a11yActivity > 300", timeout=10_000, polling=50)
        else:
            page.wait_for_load_state("networkidle", timeout=10_000)
    except Exception:
        pass  # a page that never settles is used as it is; the next step says what went wrong


def _first_visible(*candidates: Locator) -> Locator | None:
    for locator in candidates:
        count = locator.count()
        for i in range(count):
            item = locator.nth(i)
            if item.is_visible():
                return item
    return None


def _demo_card(base_url: str, path: str) -> dict[str, Any]:
    try:
        cards = httpx.get(base_url + path, timeout=10).json()
    except (httpx.HTTPError, ValueError) as exc:
        raise SignInError(f"cannot read the demo cards at {base_url}{path}: {exc}") from None
    usable = [c for c in cards if isinstance(c, dict) and not c.get("locked")]
    if not usable:
        raise SignInError(f"{base_url}{path} lists no usable demo card")
    return usable[0]


def sign_in_with_demo_card(page: Page, base_url: str, locale: str, info: dict[str, Any]) -> None:
    """Sign in through the portal's own sign-in page; raises SignInError when no session results."""
    settings = {**DEFAULTS, **{k: v for k, v in info.items() if v}}
    card = _demo_card(base_url, settings["demo_cards"])
    sign_in_path = settings["path"].replace("{locale}", locale)
    page.goto(base_url + sign_in_path, wait_until="load")
    _settle(page)
    card_id, name = str(card.get("card_id", "")), str(card.get("display_name", ""))
    choice = _first_visible(
        page.locator(f'input[value="{card_id}"]'),
        page.locator(f'[data-card-id="{card_id}"]'),
        page.get_by_role("radio", name=name),
        page.get_by_role("button", name=name),
        page.get_by_role("link", name=name),
        page.get_by_text(name, exact=True),
    )
    if choice is None:
        raise SignInError(f"the sign-in page {sign_in_path} offers no control for the demo card {name!r}")
    if choice.get_attribute("type") in {"radio", "checkbox"}:
        # A controlled input (React) shows as checked only after the state round trip: click, then wait.
        for _ in range(2):
            choice.click()
            try:
                choice.page.wait_for_function("(el) => el.checked", arg=choice.element_handle(), timeout=5_000)
                break
            except Exception:
                continue
        else:
            raise SignInError(f"the demo card {name!r} could not be selected on {sign_in_path}")
    else:
        choice.click()
    pin = _first_visible(page.locator(PIN_FIELD))
    if pin is None:  # a two-step flow: card first, then the PIN on the next screen
        submit = _first_visible(page.locator('button[type="submit"], button:not([type]), input[type="submit"]'))
        if submit is not None:
            submit.click()
        _settle(page)
        pin = _first_visible(page.locator(PIN_FIELD))
    if pin is None:
        raise SignInError(f"the sign-in page {sign_in_path} has no PIN field")
    pin.fill(str(settings["demo_pin"]))
    pin.press("Enter")
    try:
        # Past the sign-in page and past any hop that rotates the session cookie (/_session/…) on the way.
        page.wait_for_url(lambda url: sign_in_path not in url and "/_session/" not in url, timeout=15_000)
    except Exception:
        raise SignInError(f"still on {sign_in_path} after entering the demo PIN: not signed in") from None
    _settle(page)


def load_sign_in(spec: str) -> SignIn:
    """`package.module:function` → the function."""
    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise ValueError(f"--sign-in must look like package.module:function, got {spec!r}")
    function = getattr(importlib.import_module(module_name), attr, None)
    if not callable(function):
        raise ValueError(f"--sign-in {spec!r}: {attr} is not a function of {module_name}")
    return function  # type: ignore[no-any-return]


DEFAULT_SIGN_IN = "accessibility.signin:sign_in_with_demo_card"
