"""児童手当 (child allowance), rules since October 2024: eligibility of the child, the payee, the account.

Also the monthly amount for the child being claimed, from the table (for the check-your-answers page).
"""

from __future__ import annotations

from datetime import date, timedelta

from rxapp.rules.deficiency import (
    Answers,
    Facts,
    Fired,
    Params,
    as_bool,
    as_date,
    as_int,
    end_of_school_year_after,
    kana_key,
    rule,
)

P = "child_allowance"


def monthly_amount(birth: date, rank: int, on: date, params: Params) -> int:
    """Monthly amount for one child on a day: third child and later at any eligible age, else by age.

    `rank` is the child's place among the children supported, oldest first, counting older siblings up to
    the first 31 March after their 22nd birthday. A child past eligibility gets nothing (but still counts).
    """
    if on < birth or on > end_of_school_year_after(birth, int(params["eligible_until_age"])):
        return 0
    if rank >= 3:
        return int(params["monthly_third_child_yen"])
    third_birthday_month = (birth.year + int(params["under_age"]), birth.month)
    if (on.year, on.month) <= third_birthday_month:
        return int(params["monthly_under_3_yen"])
    return int(params["monthly_3_to_18_yen"])


def counted_children(facts: Facts, on: date, params: Params) -> int:
    """Children of the household on the resident record who count (up to 31 March after their 22nd birthday)."""
    limit = int(params["sibling_counts_until_age"])
    return sum(
        1 for m in facts.household
        if m.relation == "child" and m.birth_date <= on <= end_of_school_year_after(m.birth_date, limit)
    )  # fmt: skip


@rule(P, "child_birth_in_future", "error", "child_birth_date")
def _birth_in_future(a: Answers, facts: Facts, params: Params) -> Fired:
    birth = as_date(a.get("child_birth_date"))
    if birth is None or birth <= facts.today:
        return None
    return {"birth_date": birth.isoformat()}


@rule(P, "child_too_old", "error", "child_birth_date")
def _too_old(a: Answers, facts: Facts, params: Params) -> Fired:
    birth = as_date(a.get("child_birth_date"))
    if birth is None:
        return None
    until = end_of_school_year_after(birth, int(params["eligible_until_age"]))
    if facts.today <= until:
        return None
    return {"until": until.isoformat(), "age": int(params["eligible_until_age"])}


@rule(P, "late_application", "check", "child_birth_date")
def _late(a: Answers, facts: Facts, params: Params) -> Fired:
    """Applied more than 15 days after a birth: payment starts only from the month after the application."""
    birth = as_date(a.get("child_birth_date"))
    days = int(params["apply_within_days"])
    if birth is None or birth > facts.today:
        return None
    deadline = birth + timedelta(days=days)
    # Only for a recent birth: for an older child the 15 days are about the move-in, which we cannot see.
    if facts.today <= deadline or (facts.today - birth).days > 365:
        return None
    return {"deadline": deadline.isoformat(), "days": days}


@rule(P, "child_not_on_record", "check", "child_name_kana")
def _not_on_record(a: Answers, facts: Facts, params: Params) -> Fired:
    """The child is not a child of the household on the resident record (a typo, or a child living apart)."""
    name, birth = a.get("child_name_kana"), as_date(a.get("child_birth_date"))
    if not name or birth is None or not facts.household:
        return None
    key = kana_key(str(name))
    if any(m.relation == "child" and kana_key(m.name_kana) == key and m.birth_date == birth for m in facts.household):
        return None
    return {}


@rule(P, "children_fewer_than_record", "check", "children_supported")
def _fewer(a: Answers, facts: Facts, params: Params) -> Fired:
    given = as_int(a.get("children_supported"))
    on_record = counted_children(facts, facts.today, params)
    if given is None or given >= on_record:
        return None
    return {"given": given, "on_record": on_record}


@rule(P, "payee_not_higher_earner", "check", "payee_is_higher_earner")
def _payee(a: Answers, facts: Facts, params: Params) -> Fired:
    return {} if as_bool(a.get("payee_is_higher_earner")) is False else None


@rule(P, "no_public_fund_account", "error", "use_public_fund_account")
def _no_account(a: Answers, facts: Facts, params: Params) -> Fired:
    if as_bool(a.get("use_public_fund_account")) is True and not facts.has_public_fund_account:
        return {}
    return None


@rule(P, "holder_mismatch", "error", "holder_kana")
def _holder(a: Answers, facts: Facts, params: Params) -> Fired:
    """The allowance is paid into the payee's own account only (not a relative's)."""
    if as_bool(a.get("use_public_fund_account")) is not False:
        return None
    holder = a.get("holder_kana")
    if not holder or not facts.name_kana or kana_key(str(holder)) == kana_key(facts.name_kana):
        return None
    return {"holder": str(holder), "name": facts.name_kana}
