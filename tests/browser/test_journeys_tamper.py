"""The access-record view flags an entry altered in the demo database after it was recorded."""

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
    reset_demo(portal_url)  # the chain stays broken otherwise, for every later test


def test_altered_record_is_located_and_marked(page: Page, portal_url: str, axe: object) -> None:
    sign_in(page, portal_url, "en", "card-sato-haru")
    page.goto(f"{portal_url}/en/access-records")
    expect(page.locator("#verify-ok")).to_contain_text("Unchanged since recorded.")
    records = page.locator(".record")
    expect(records).to_have_count(3)
    seqs = sorted(int(s) for s in [r.get_attribute("data-seq") for r in records.all()] if s)
    target = seqs[0]  # Haru's oldest record: the chain has entries of others after it
    assert all(r.get_attribute("data-mark") == "ok" for r in records.all())

    # Someone with database access edits the stored purpose, without re-hashing.
    httpx.post(f"{portal_url}/api/v1/_test/tamper", params={"seq": target}).raise_for_status()
    page.reload()
    altered = page.locator("#verify-altered")
    expect(altered).to_contain_text(f"Record number {target} was changed after it was recorded.")
    expect(altered).to_contain_text("It is one of your records")
    marked = page.locator(f".record[data-seq='{target}']")
    expect(marked).to_have_attribute("data-mark", "altered")
    expect(marked).to_contain_text("Changed after it was recorded")
    expect(marked).to_contain_text("改ざんされた目的")  # shown, but flagged
    for seq in seqs[1:]:
        expect(page.locator(f".record[data-seq='{seq}']")).to_have_attribute("data-mark", "unverified")
    axe.assert_clean(page)  # type: ignore[attr-defined]


def test_another_residents_altered_record_is_reported_but_not_marked(page: Page, portal_url: str) -> None:
    sign_in(page, portal_url, "ja", "card-chen-jing")
    page.goto(f"{portal_url}/ja/access-records")
    page.wait_for_selector(".record")
    mine = {int(str(r.get_attribute("data-seq"))) for r in page.locator(".record").all()}
    httpx.post(f"{portal_url}/api/v1/_test/tamper", params={"seq": 1}).raise_for_status()  # An's first record
    assert 1 not in mine
    page.reload()
    expect_text(page, "#verify-altered", "記録番号1は、記録された後に変更されています。")
    expect_text(page, "#verify-altered", "あなたの記録ではありません")
    expect(page.locator(".record[data-mark='altered']")).to_have_count(0)
