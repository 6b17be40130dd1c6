"""Keyboard-only helpers for the application tests: sign in, answer, continue, send — Tab, arrows, Space,
Enter and typing, never a click. Also timing, screenshots and a small API client for checking the backend.

`tab_to` presses Tab until the wanted element has focus, and fails when it is not reachable in `limit` presses:
that is the proof that a keyboard user gets there.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import httpx
from playwright.sync_api import BrowserContext, Page, expect

SHOTS = Path(os.environ.get("MINNA_SHOTS_DIR", Path(__file__).resolve().parents[2] / "reports" / "applications"))
CARDS = {
    "nguyen": "card-nguyen-van-an", "ana": "card-souza-ana", "paulo": "card-souza-paulo", "haru": "card-sato-haru",
    "keiko": "card-sato-keiko", "bishnu": "card-thapa-bishnu", "chen": "card-chen-jing", "li": "card-li-wei",
    "maria": "card-santos-maria",
}  # fmt: skip
PIN = "1234"


def set_prefs(context: BrowserContext, base: str, prefs: str) -> None:
    """The display preferences cookie the settings page writes (URL-encoded `mode=simple&size=200`)."""
    context.add_cookies([{"name": "minna_prefs", "value": quote(prefs, safe=""), "url": base}])


def focused(page: Page) -> str:
    return str(page.evaluate("() => { const e = document.activeElement; return e ? (e.id || e.tagName) : ''; }"))


def tab_to(page: Page, selector: str, limit: int = 80, backwards: bool = False) -> None:
    """Tab until `selector` has focus (fails if a keyboard user cannot reach it)."""
    for _ in range(limit):
        if page.evaluate("(s) => { const e = document.activeElement; return !!e && e.matches(s); }", selector):
            return
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
    raise AssertionError(f"{selector} not reached by keyboard in {limit} presses (focus on {focused(page)})")


def wait_hydrated(page: Page) -> None:
    """React has hydrated the page (Reflex sets window.__reflex in an effect): typed text is no longer lost."""
    page.wait_for_function("() => !!window.__reflex", timeout=30_000)


def sign_in(page: Page, base: str, locale: str, who: str, next_path: str) -> None:
    """The sign-in page by keyboard: choose the card with the arrow keys, type the PIN, press Enter."""
    page.goto(f"{base}/{locale}/sign-in?next={quote(next_path, safe='/')}")
    card = CARDS[who]
    page.wait_for_selector("#card")
    tab_to(page, "input[name=card]")
    for _ in range(len(CARDS) + 1):
        if page.evaluate("(v) => document.activeElement.value === v && document.activeElement.checked", card):
            break
        if page.evaluate("(v) => document.activeElement.value === v", card):
            page.keyboard.press("Space")
        else:
            page.keyboard.press("ArrowDown")
        page.wait_for_timeout(60)
    expect(page.locator(f"input[name=card][value={card}]")).to_be_checked()
    tab_to(page, "#pin")
    page.keyboard.type(PIN)
    page.keyboard.press("Enter")
    # The path itself, not the sign-in page's `next` parameter that names it.
    page.wait_for_url(re.compile(r"^[^?]*" + re.escape(next_path.split("?")[0])), timeout=40_000)


def answer_text(page: Page, name: str, text: str) -> None:
    """Reach the field by Tab, replace its text by typing."""
    tab_to(page, f"#answer-{name}")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Backspace")
    if text:
        page.keyboard.type(text)


def answer_date(page: Page, name: str, year: int, month: int, day: int) -> None:
    for part, value in (("year", year), ("month", month), ("day", day)):
        answer_text(page, f"{name}-{part}", str(value))


def choose(page: Page, name: str, value: str) -> None:
    """A radio group: Tab into it, arrows to the option (arrows also check it), Space when already on it."""
    tab_to(page, f"input[name={name}]")
    for _ in range(12):
        state = page.evaluate("() => [document.activeElement.value, document.activeElement.checked]")
        if state[0] == value:
            if not state[1]:
                page.keyboard.press("Space")
            break
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(80)
    expect(page.locator(f"input[name={name}][value={value}]")).to_be_checked()


def tick(page: Page, name: str, value: str) -> None:
    tab_to(page, f"input[name={name}][value={value}]")
    if not page.evaluate("() => document.activeElement.checked"):
        page.keyboard.press("Space")
    expect(page.locator(f"input[name={name}][value={value}]")).to_be_checked()


def press(page: Page, button_id: str) -> None:
    tab_to(page, f"#{button_id}")
    page.keyboard.press("Enter")


def wait_step(page: Page, step: str) -> None:
    # Generous: two cores are shared with other test runs, and the first page of a session warms the server.
    page.wait_for_url(re.compile(rf"[?&]step={re.escape(step)}(&|$)"), timeout=40_000)
    page.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'H1'", timeout=15_000)


def plain_text(page: Page, selector: str) -> str:
    """An element's text without furigana (<rt>, <rp>), as it reads in the sentence."""
    return str(page.evaluate(
        "(s) => { const e = document.querySelector(s).cloneNode(true);"
        " e.querySelectorAll('rt, rp').forEach(r => r.remove()); return e.textContent; }", selector))


@dataclass
class Walk:
    """Counts steps and seconds of one application walk; saves a screenshot of every step."""

    name: str
    page: Page
    steps: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def shot(self, label: str) -> None:
        self.steps.append(label)
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SHOTS / f"{self.name}-{len(self.steps):02d}-{label}.png"), full_page=True)

    def seconds(self) -> float:
        return round(time.monotonic() - self.started, 1)

    def report(self) -> str:
        line = f"{self.name}: {len(self.steps)} pages, {self.seconds()} s"
        SHOTS.mkdir(parents=True, exist_ok=True)
        with (SHOTS / "timings.txt").open("a", encoding="utf-8") as out:
            out.write(line + "\n")
        return line


class Api:
    """The demo backend, straight over HTTP: to check what the pages did (one application, its answers)."""

    def __init__(self, base: str, who: str) -> None:
        self.base = f"{base}/api/v1"
        response = httpx.post(f"{self.base}/sessions", json={"card_id": CARDS[who], "pin": PIN}, timeout=10)
        response.raise_for_status()
        self.headers = {"Authorization": f"Bearer {response.json()['token']}"}

    def act_as(self, resident_id: str) -> None:
        httpx.post(f"{self.base}/sessions/current/act-as/{resident_id}", headers=self.headers, timeout=10).raise_for_status()

    def applications(self, procedure_id: str) -> list[dict]:
        response = httpx.get(f"{self.base}/applications", headers=self.headers, timeout=10)
        response.raise_for_status()
        return [a for a in response.json() if a["procedure_id"] == procedure_id]

    def create(self, procedure_id: str, answers: dict) -> dict:
        response = httpx.post(f"{self.base}/applications", json={"procedure_id": procedure_id, "answers": answers},
                              headers=self.headers, timeout=10)  # fmt: skip
        response.raise_for_status()
        return dict(response.json())

    def submit(self, application_id: str, key: str) -> httpx.Response:
        return httpx.post(f"{self.base}/applications/{application_id}/submit", headers={**self.headers, "Idempotency-Key": key},
                          timeout=10)  # fmt: skip


def outage(base: str, seconds: float, mode: str = "503") -> None:
    """The backend's test hook: every API call fails (or hangs) for `seconds`; 0 ends the outage."""
    httpx.post(f"{base}/api/v1/_test/outage", params={"seconds": seconds, "mode": mode}, timeout=10).raise_for_status()
