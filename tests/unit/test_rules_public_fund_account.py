"""公金受取口座 and 医療費控除 rules, field normalisation, and the tables' agreement with the demo backend."""

from __future__ import annotations

from datetime import date

import pytest

from rxapp.rules.deficiency import REGISTRY, rules_for
from rxapp.rules.fields import FieldSpec, Kind, compose_date, to_answer, to_katakana, validate
from rxapp.rules.tables import parameters
from rxapp.rules.tax_return import medical_deduction
from tests.unit.rules_cases import TODAY, facts, finding

MARIA = facts(name_kana="サントス　マリア", birth_date=date(1981, 3, 15), household=())
ACCOUNT = {"bank_code": "0005", "branch_code": "251", "account_type": "ordinary", "account_number": "1234567",
           "holder_kana": "サントス　マリア"}  # fmt: skip


def test_holder_must_be_the_resident() -> None:
    assert finding("public_fund_account", "holder_mismatch", ACCOUNT, MARIA) is None
    assert finding("public_fund_account", "holder_mismatch", {**ACCOUNT, "holder_kana": "さんとす まりあ"}, MARIA) is None
    fired = finding("public_fund_account", "holder_mismatch", {**ACCOUNT, "holder_kana": "サントス　ジョゼ"}, MARIA)
    assert fired is not None and fired.blocks and fired.field == "holder_kana"


def test_replacing_an_account_asks_to_confirm() -> None:
    assert finding("public_fund_account", "replaces_existing_account", ACCOUNT, MARIA) is None
    fired = finding("public_fund_account", "replaces_existing_account", ACCOUNT, facts(has_public_fund_account=True))
    assert fired is not None and fired.severity == "check"


def test_medical_deduction() -> None:
    params = parameters("tax_return_medical", TODAY)
    assert medical_deduction(150_000, 0, 5_000_000, params) == 50_000  # above 100,000
    assert medical_deduction(41_260, 0, 0, params) == 41_260  # no income: 5 % of 0
    assert medical_deduction(90_000, 0, 1_000_000, params) == 40_000  # 5 % of 1 million = 50,000
    assert medical_deduction(90_000, 0, 2_000_000, params) == 0
    assert medical_deduction(3_000_000, 0, 5_000_000, params) == 2_000_000  # capped


def test_no_medical_deduction_and_reimbursement() -> None:
    good = {"medical_paid": 41_260, "income": 0, "reimbursed": 0}
    assert finding("tax_return_medical", "no_medical_deduction", good, MARIA) is None
    fired = finding("tax_return_medical", "no_medical_deduction", {**good, "medical_paid": 19_260, "income": 2_310_000}, MARIA)
    assert fired is not None and fired.params == {"paid": 19_260, "threshold": 100_000}
    assert finding("tax_return_medical", "reimbursed_more_than_paid", good, MARIA) is None
    assert finding("tax_return_medical", "reimbursed_more_than_paid", {**good, "reimbursed": 50_000}, MARIA) is not None


def test_every_rule_has_a_test_that_makes_it_fire() -> None:
    """Guards the promise "a case that passes and a case that fires" for every rule, present and future."""
    import pathlib

    text = "".join(p.read_text(encoding="utf-8") for p in pathlib.Path(__file__).parent.glob("test_rules_*.py"))
    rules_for("child_allowance")  # loads every module
    codes = {r.code for rules in REGISTRY.values() for r in rules}
    untested = sorted(code for code in codes if f'"{code}"' not in text)
    assert not untested, f"rules without a test: {untested}"


def test_tables_agree_with_the_demo_backend() -> None:
    from rxapp.backend.seed import procedures

    for procedure in procedures():
        try:
            table = parameters(procedure.procedure_id, TODAY)
        except KeyError:
            continue
        for key, value in procedure.parameters.items():
            if key in table:
                assert table[key] == value, (procedure.procedure_id, key)


@pytest.mark.parametrize(
    ("kind", "raw", "code", "stored"),
    [
        (Kind.katakana, "り しょうう", None, "リ　ショウウ"),  # hiragana is converted, not refused
        (Kind.katakana, "リ ショウウ", None, "リ　ショウウ"),
        (Kind.katakana, "ﾘ ｼｮｳｳ", None, "リ　ショウウ"),
        (Kind.katakana, "Li", "not_katakana", None),
        (Kind.digits, "０００５", None, "0005"),
        (Kind.digits, "005", "digits", None),
        (Kind.yen, "1,842,000円", None, 1_842_000),
        (Kind.postal_code, "１００ー０００１", None, "100-0001"),
        (Kind.postal_code, "1000001", None, "100-0001"),
        (Kind.postal_code, "100-001", "pattern", None),
        (Kind.yesno, "yes", None, True),
    ],
)
def test_fields_are_lenient_on_input(kind: Kind, raw: str, code: str | None, stored: object) -> None:
    spec = FieldSpec("x", kind, digits=4 if kind is Kind.digits else None)
    if kind is Kind.katakana and code is None:
        assert to_katakana(raw) == stored
    assert validate(spec, raw) == code
    if code is None:
        assert to_answer(spec, raw) == stored


def test_dates_accept_era_years() -> None:
    assert compose_date("令和8", "11", "22") == ("2026-11-22", None, ())
    assert compose_date("R8", "11", "22")[0] == "2026-11-22"
    assert compose_date("２０２６", "１１", "２２")[0] == "2026-11-22"
    assert compose_date("2026", "", "22")[1:] == ("date_incomplete", ("month",))
    assert compose_date("2026", "2", "30")[1] == "invalid_date"
    assert compose_date("", "", "")[1] == "required"
    assert compose_date("", "", "", required=False) == (None, None, ())
