"""The access-record view remembers the signed head it last verified (in the resident's browser), so a
history cut short or rewritten since in the operator's database is reported, not shown as unchanged."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from playwright.sync_api import Page, expect

from tests.browser.journeys_helpers import expect_text, reset_demo, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _fresh(portal_url: str) -> Iterator[None]:
    reset_demo(portal_url)
    yield
    reset_demo(portal_url)  # the chain stays short otherwise, for every later test


def _head_seq(portal_url: str) -> int:
    response = httpx.get(f"{portal_url}/api/v1/chain/head", timeout=10)
    response.raise_for_status()
    return int(response.json()["seq"])


def test_a_shortened_history_is_reported(page: Page, portal_url: str, axe: object) -> None:
    sign_in(page, portal_url, "en", "card-sato-haru")
    page.goto(f"{portal_url}/en/access-records")
    expect(page.locator("#verify-ok")).to_contain_text("Unchanged since recorded.")
    seen = _head_seq(portal_url)

    # Someone with database access deletes the newest entries: what is left still links up and is signed.
    httpx.post(f"{portal_url}/api/v1/_test/truncate", params={"count": 2}, timeout=10).raise_for_status()
    page.reload()
    altered = page.locator("#verify-altered")
    expect(altered).to_contain_text(
        f"Records were deleted. Record number {seen} was there when you last checked, and now it is gone."
    )
    expect(altered).to_contain_text("Do not rely on the records below.")
    expect(page.locator(".record[data-mark='ok']")).to_have_count(0)
    axe.assert_clean(page)  # type: ignore[attr-defined]


def test_a_rewritten_history_is_reported_in_japanese(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "ja", "card-chen-jing")
    page.goto(f"{portal_url}/ja/access-records")
    page.wait_for_selector("#verify-ok")
    seen = _head_seq(portal_url)
    # An's first record edited and every hash after it recomputed: consistent, freshly signed, not the same.
    httpx.post(f"{portal_url}/api/v1/_test/rechain", params={"seq": 1}, timeout=10).raise_for_status()
    page.reload()
    expect_text(page, "#verify-altered", f"記録が書き換えられています。記録番号{seen}は、前回確認したときの記録と違います。")


def test_a_changed_application_is_not_shown_as_sent(page: Page, portal_url: str, axe: object) -> None:
    api = f"{portal_url}/api/v1"
    token = httpx.post(f"{api}/sessions", json={"card_id": "card-sato-haru", "pin": "1234"}, timeout=10).json()["token"]
    auth = {"Authorization": f"Bearer {token}"}
    answers = {"insured_number": "0512345678", "applicant_relation": "self", "doctor_name": "山田 太郎",
               "clinic_name": "八橋クリニック"}  # fmt: skip
    draft = httpx.post(f"{api}/applications", json={"procedure_id": "care_certification", "answers": answers},
                       headers=auth, timeout=10).json()  # fmt: skip
    sent = httpx.post(f"{api}/applications/{draft['application_id']}/submit",
                      headers={**auth, "Idempotency-Key": "browser-edit-0001"}, timeout=10)  # fmt: skip
    sent.raise_for_status()
    receipt = f"{portal_url}/en/applications/receipt?id={draft['application_id']}"

    sign_in(page, portal_url, "en", "card-sato-haru")
    page.goto(receipt)
    expect(page.locator("#receipt-summary")).to_contain_text(sent.json()["chain_hash"])
    expect(page.locator(".receipt")).to_contain_text("八橋クリニック")

    httpx.post(f"{api}/_test/edit-application", timeout=10, params={
        "application_id": draft["application_id"], "field": "clinic_name", "value": "別のクリニック"}).raise_for_status()  # fmt: skip
    page.reload()
    expect(page.locator("#receipt-altered")).to_contain_text("This application was changed after it was sent.")
    expect(page.locator("#receipt-altered")).to_contain_text(sent.json()["receipt_number"])
    expect(page.get_by_text("別のクリニック")).to_have_count(0)
    expect(page.locator("#receipt-summary")).to_have_count(0)
    axe.assert_clean(page)  # type: ignore[attr-defined]
