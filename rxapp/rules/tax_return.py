"""確定申告 hand-off: the medical-cost deduction (医療費控除) from 医療費通知情報, for e-Tax.

Deduction = costs paid − amounts reimbursed − threshold, where the threshold is 100,000 yen, or 5 % of income
when income is under 2 million yen; at most 2 million yen.
"""

from __future__ import annotations

from rxapp.rules.deficiency import Answers, Facts, Fired, Params, as_int, rule

P = "tax_return_medical"


def threshold(income: int, params: Params) -> int:
    if income < int(params["low_income_limit_yen"]):
        return min(int(params["threshold_yen"]), income * int(params["income_rate_percent"]) // 100)
    return int(params["threshold_yen"])


def medical_deduction(paid: int, reimbursed: int, income: int, params: Params) -> int:
    net = max(0, paid - reimbursed)
    return max(0, min(int(params["max_deduction_yen"]), net - threshold(income, params)))


def total_paid(a: Answers) -> int | None:
    paid = as_int(a.get("medical_paid"))
    if paid is None:
        return None
    return paid + (as_int(a.get("other_medical_paid")) or 0)


@rule(P, "no_medical_deduction", "check", "medical_paid")
def _none(a: Answers, facts: Facts, params: Params) -> Fired:
    paid, income = total_paid(a), as_int(a.get("income"))
    if paid is None or income is None:
        return None
    reimbursed = as_int(a.get("reimbursed")) or 0
    if medical_deduction(paid, reimbursed, income, params) > 0:
        return None
    return {"paid": max(0, paid - reimbursed), "threshold": threshold(income, params)}


@rule(P, "reimbursed_more_than_paid", "error", "reimbursed")
def _reimbursed(a: Answers, facts: Facts, params: Params) -> Fired:
    paid, reimbursed = total_paid(a), as_int(a.get("reimbursed"))
    if paid is None or reimbursed is None or reimbursed <= paid:
        return None
    return {"paid": paid, "reimbursed": reimbursed}
