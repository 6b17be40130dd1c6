"""Every application completed by keyboard alone, spread over the locales and display modes:

    ja, simplified mode at 200 % text    child allowance (Chen Jing), care certification (Keiko for Haru)
    ja-easy with furigana                 public-fund account and medical costs for e-Tax (Maria Santos)
    en                                    moving out (Ana Souza), pension exemption (Nguyen Van An)
    ar                                    student pension deferral (Bishnu Thapa)

Each walk checks axe on every step, one deficiency rule of the procedure through the page, the confirmation with
its reference and hash, and saves a screenshot of each step (reports/applications/). Steps and seconds per walk
go to reports/applications/timings.txt.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.apply_helpers import (
    Api,
    Walk,
    answer_date,
    answer_text,
    choose,
    press,
    set_prefs,
    sign_in,
    tab_to,
    tick,
    wait_step,
)

pytestmark = pytest.mark.browser
RECEIPT = re.compile(r"^MP-\d{8}-\d{6}-[0-9A-F]{4}$")


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport={"width": 1024, "height": 900})
    yield ctx
    ctx.close()


def step(walk: Walk, axe: object, name: str, label: str) -> None:
    """Arrive at a step: the URL says it, focus is on its heading, axe finds nothing, a screenshot is kept."""
    wait_step(walk.page, name)
    axe.assert_clean(walk.page)  # type: ignore[attr-defined]
    walk.shot(label)


def continue_(page: Page) -> None:
    press(page, "continue-button")


def finish(walk: Walk, axe: object, *, reference: bool = True) -> None:
    """Send from the check page and look at the confirmation."""
    press(walk.page, "send-button")
    step(walk, axe, "done", "done")
    panel = walk.page.locator("#confirmation")
    expect(panel).to_be_visible()
    if reference:
        number = walk.page.locator(".panel__reference").inner_text().strip()
        assert RECEIPT.match(number), number
        expect(walk.page.locator("#receipt-hash")).to_have_text(re.compile(r"^[0-9a-f]{64}$"))
    print(walk.report())


def test_child_allowance_ja_simple_200(context: BrowserContext, portal_url: str, axe: object) -> None:
    set_prefs(context, portal_url, "mode=simple&size=200")
    page = context.new_page()
    sign_in(page, portal_url, "ja", "chen", "/ja/apply/child-allowance")
    walk = Walk("child-allowance-ja-simple-200", page)
    step(walk, axe, "q-child_name_kana", "name")
    assert page.evaluate("document.documentElement.dataset.mode") == "simple"
    assert page.evaluate("document.documentElement.dataset.textSize") == "200"
    # One question per page: the question is the h1; the answer is pre-filled, and says where it came from.
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1 label[for=answer-child_name_kana]")).to_be_visible()
    expect(page.locator("#answer-child_name_kana")).to_have_value("リ　ショウウ")
    expect(page.locator("#answer-child_name_kana-hint")).to_contain_text("住民票")
    tab_to(page, "#answer-child_name_kana")
    page.keyboard.press("Enter")

    step(walk, axe, "q-child_birth_date", "birth-date")
    # The rule "date of birth in the future" fires here, at the question, with a link to the field.
    answer_text(page, "child_birth_date-year", "2030")
    continue_(page)
    expect(page.locator("#error-summary")).to_be_focused()
    expect(page.locator("#error-summary")).to_contain_text("未来の日付")
    axe.assert_clean(page)  # type: ignore[attr-defined]
    walk.shot("birth-date-error")
    answer_text(page, "child_birth_date-year", "令和8")  # an era year is understood too
    continue_(page)

    step(walk, axe, "q-children_supported", "children")
    expect(page.locator("#answer-children_supported")).to_have_value("1")
    continue_(page)
    step(walk, axe, "q-payee_is_higher_earner", "payee")
    choose(page, "payee_is_higher_earner", "no")
    continue_(page)
    step(walk, axe, "q-use_public_fund_account", "account")
    expect(page.locator("input[name=use_public_fund_account][value=yes]")).to_be_checked()  # she has one
    continue_(page)

    step(walk, axe, "check", "check")
    expect(page.locator(".inset-text")).to_contain_text("15,000円")
    expect(page.locator(".issue--check")).to_contain_text("所得の高い方")
    tick(page, "confirm_checked", "yes")
    finish(walk, axe)

    # The printable receipt and the status page of the same application.
    press(page, "receipt-link")
    page.wait_for_url(re.compile(r"/ja/applications/receipt\?id=app-"))
    expect(page.locator("#receipt-number")).to_have_text(RECEIPT)
    axe.assert_clean(page)  # type: ignore[attr-defined]
    page.emulate_media(media="print")
    walk.shot("receipt-print")
    expect(page.locator(".site-header")).to_be_hidden()
    page.emulate_media(media="screen")
    page.go_back()
    press(page, "status-link")
    page.wait_for_url(re.compile(r"/ja/applications/status\?id=app-"))
    expect(page.locator("#status-summary")).to_contain_text("送信")
    axe.assert_clean(page)  # type: ignore[attr-defined]
    walk.shot("status")


def test_care_certification_ja_simple_by_proxy(context: BrowserContext, portal_url: str, axe: object) -> None:
    set_prefs(context, portal_url, "mode=simple&size=200")
    page = context.new_page()
    sign_in(page, portal_url, "ja", "keiko", "/ja/mypage")
    press(page, "act-for-res-sato-haru")
    page.wait_for_function("() => document.querySelector('h1').textContent.includes('ハル')")
    page.goto(f"{portal_url}/ja/apply/care-certification")
    walk = Walk("care-certification-ja-simple-proxy", page)
    step(walk, axe, "q-applicant_relation", "relation")
    expect(page.locator("input[name=applicant_relation][value=family]")).to_be_checked()  # from the session
    choose(page, "applicant_relation", "self")  # wrong for a proxy: the check page will say so
    continue_(page)
    step(walk, axe, "q-insured_number", "number")
    expect(page.locator("#answer-insured_number")).to_have_value("0512345678")
    expect(page.locator("#answer-insured_number-hint")).to_contain_text("秋田県秋田市")
    continue_(page)
    # Haru is 82: the specified-disease question (40–64 only) is not asked.
    step(walk, axe, "q-doctor_name", "doctor")
    answer_text(page, "doctor_name", "山田 一郎")
    continue_(page)
    step(walk, axe, "q-clinic_name", "clinic")
    answer_text(page, "clinic_name", "八橋みなみクリニック")
    continue_(page)
    step(walk, axe, "q-visit_notes", "visit")
    answer_text(page, "visit_notes", "平日の午後がよいです。娘が立ち会います。")
    continue_(page)
    step(walk, axe, "q-documents", "documents")
    tick(page, "documents", "care_insurance_card")
    continue_(page)

    step(walk, axe, "check", "check-relation")
    expect(page.locator(".issue--check")).to_contain_text("代理人")
    # The finding links to the answer that fixes it; after the change we come back to the check page.
    tab_to(page, ".issue--check a.issue__fix")
    page.keyboard.press("Enter")
    step(walk, axe, "q-applicant_relation", "relation-change")
    choose(page, "applicant_relation", "family")
    continue_(page)
    step(walk, axe, "check", "check")
    expect(page.locator(".issue--check")).to_have_count(0)
    finish(walk, axe)
    # The application is Haru's, made by Keiko.
    api = Api(portal_url, "keiko")
    api.act_as("res-sato-haru")
    [app] = api.applications("care_certification")
    assert app["resident_id"] == "res-sato-haru" and app["created_by_resident_id"] == "res-sato-keiko"
    assert app["answers"]["applicant_relation"] == "family" and app["status"] == "submitted"


def test_public_fund_account_and_tax_ja_easy_furigana(context: BrowserContext, portal_url: str, axe: object) -> None:
    set_prefs(context, portal_url, "furigana=on")
    page = context.new_page()
    sign_in(page, portal_url, "ja-easy", "maria", "/ja-easy/apply/public-fund-account")
    walk = Walk("public-fund-account-ja-easy", page)
    step(walk, axe, "g-bank", "bank")
    assert page.evaluate("document.documentElement.dataset.furigana") == "on"
    answer_text(page, "bank_code", "０００５")  # full-width digits from a Japanese keyboard are fine
    answer_text(page, "branch_code", "251")
    choose(page, "account_type", "ordinary")
    continue_(page)
    step(walk, axe, "g-account", "account")
    answer_text(page, "account_number", "7654321")
    expect(page.locator("#answer-holder_kana")).to_have_value("サントス　マリア")  # from the resident record
    answer_text(page, "holder_kana", "さんとす じょぜ")  # a relative's name: refused (2023 linking errors)
    continue_(page)
    expect(page.locator("#answer-holder_kana-error")).to_contain_text("サントス　マリア")
    axe.assert_clean(page)  # type: ignore[attr-defined]
    walk.shot("holder-error")
    answer_text(page, "holder_kana", "さんとす まりあ")  # hiragana becomes katakana
    continue_(page)
    step(walk, axe, "check", "check")
    expect(page.locator("#summary-account")).to_contain_text("サントス　マリア")
    finish(walk, axe, reference=False)

    page.goto(f"{portal_url}/ja-easy/apply/tax-return-medical")
    walk = Walk("tax-return-medical-ja-easy", page)
    step(walk, axe, "g-costs", "costs")
    expect(page.locator("#answer-medical_paid")).to_have_value("19260")  # 医療費通知情報
    answer_text(page, "reimbursed", "0")
    continue_(page)
    step(walk, axe, "g-income", "income")
    expect(page.locator("#answer-income")).to_have_value("2310000")
    continue_(page)
    step(walk, axe, "check", "check")
    expect(page.locator(".issue--check")).to_contain_text("100,000円")  # no deduction below the threshold
    tick(page, "confirm_checked", "yes")
    finish(walk, axe, reference=False)


def test_moving_out_en(context: BrowserContext, portal_url: str, axe: object) -> None:
    page = context.new_page()
    sign_in(page, portal_url, "en", "ana", "/en/apply/moving-out")
    walk = Walk("moving-out-en", page)
    step(walk, axe, "g-move", "move")
    # The online window: more than 10 days after the move is refused, with the reason and what to do.
    answer_date(page, "move_date", 2026, 10, 1)
    continue_(page)
    expect(page.locator("#answer-move_date-error")).to_contain_text("city office")
    axe.assert_clean(page)  # type: ignore[attr-defined]
    walk.shot("move-too-late")
    answer_date(page, "move_date", 2026, 12, 20)
    continue_(page)
    step(walk, axe, "g-address", "address")
    answer_text(page, "new_postal_code", "4200031")
    answer_text(page, "new_address", "Shizuoka-shi Aoi-ku Gofukucho 1-2-3")
    continue_(page)
    step(walk, axe, "g-people", "people")
    expect(page.locator("#answer-members_moving")).to_have_value("4")
    continue_(page)
    step(walk, axe, "check", "check")
    expect(page.locator("#summary-address")).to_contain_text("420-0031")
    finish(walk, axe)


def test_pension_exemption_en(context: BrowserContext, portal_url: str, axe: object) -> None:
    page = context.new_page()
    sign_in(page, portal_url, "en", "nguyen", "/en/apply/pension-exemption")
    walk = Walk("pension-exemption-en", page)
    step(walk, axe, "g-income", "income")
    expect(page.locator("#answer-household_income")).to_have_value("1842000")  # from the tax record
    answer_text(page, "dependants", "0")
    continue_(page)
    step(walk, axe, "g-reason", "reason")
    choose(page, "reason", "low_income")
    choose(page, "period", "current")
    continue_(page)
    step(walk, axe, "check", "check")
    # Two checks: income above every exemption limit, and a period of stay that ends before the period.
    checks = page.locator(".issue--check")
    expect(checks).to_have_count(2)
    expect(checks.filter(has_text="above the limits")).to_have_count(1)
    expect(checks.filter(has_text="period of stay")).to_have_count(1)
    press(page, "send-button")  # not confirmed yet: the error summary says so
    expect(page.locator("#error-summary")).to_be_focused()
    walk.shot("confirm-needed")
    tick(page, "confirm_checked", "yes")
    # The send button ignores a second press within 1 s (elderly users double-click): a real second press
    # comes later than that.
    page.wait_for_timeout(1100)
    finish(walk, axe)


def test_student_deferral_ar(context: BrowserContext, portal_url: str, axe: object) -> None:
    page = context.new_page()
    sign_in(page, portal_url, "ar", "bishnu", "/ar/apply/pension-student-deferral")
    walk = Walk("student-deferral-ar", page)
    step(walk, axe, "g-school", "school")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    answer_text(page, "school_name", "Shinjuku Japanese Language Institute")
    choose(page, "school_type", "vocational")
    answer_date(page, "enrolled_since", 2024, 4, 2)
    continue_(page)
    step(walk, axe, "g-income", "income")
    answer_text(page, "previous_year_income", "470000")
    answer_text(page, "dependants", "0")
    continue_(page)
    step(walk, axe, "g-period", "period")
    choose(page, "period", "current")
    continue_(page)
    step(walk, axe, "g-documents", "documents")
    continue_(page)  # no document ticked: the rule "a missing required document" blocks here
    expect(page.locator("#answer-documents-error")).to_contain_text("بطاقتك الطلابية")
    axe.assert_clean(page)  # type: ignore[attr-defined]
    walk.shot("document-missing")
    tick(page, "documents", "student_proof")
    continue_(page)
    step(walk, axe, "check", "check")
    expect(page.locator(".issue")).to_have_count(0)
    finish(walk, axe)
