"""転出届 (moving out) online: the move date's window, the applicant's age and card, who moves."""

from __future__ import annotations

from datetime import timedelta

from rxapp.rules.deficiency import Answers, Facts, Fired, Params, age_on, as_date, as_int, rule

P = "moving_out"


@rule(P, "move_date_too_early", "error", "move_date")
def _too_early(a: Answers, facts: Facts, params: Params) -> Fired:
    move = as_date(a.get("move_date"))
    days = int(params["days_before_move"])
    if move is None or (move - facts.today).days <= days:
        return None
    return {"from": (move - timedelta(days=days)).isoformat(), "days": days}


@rule(P, "move_date_too_late", "error", "move_date")
def _too_late(a: Answers, facts: Facts, params: Params) -> Fired:
    """After 10 days the online 転出届 is closed: the counter or the post."""
    move = as_date(a.get("move_date"))
    days = int(params["days_after_move"])
    if move is None or (facts.today - move).days <= days:
        return None
    return {"until": (move + timedelta(days=days)).isoformat(), "days": days}


@rule(P, "applicant_too_young", "error", "")
def _too_young(a: Answers, facts: Facts, params: Params) -> Fired:
    minimum = int(params["min_age"])
    if facts.birth_date is None or age_on(facts.birth_date, facts.today) >= minimum:
        return None
    return {"age": minimum}


@rule(P, "card_expires_before_move", "check", "move_date")
def _card(a: Answers, facts: Facts, params: Params) -> Fired:
    """The card signs the 転出届 and is needed again for the 転入届: it must still be valid on moving day."""
    move = as_date(a.get("move_date"))
    if move is None or facts.card_expires_on is None or facts.card_expires_on >= move:
        return None
    return {"expires": facts.card_expires_on.isoformat()}


@rule(P, "members_more_than_household", "check", "members_moving")
def _members(a: Answers, facts: Facts, params: Params) -> Fired:
    count = as_int(a.get("members_moving"))
    size = len(facts.household)
    if count is None or not size or count <= size:
        return None
    return {"given": count, "household": size}
