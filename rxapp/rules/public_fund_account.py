"""公金受取口座 (public-fund receiving account): one account per person, in their own name."""

from __future__ import annotations

from rxapp.rules.deficiency import Answers, Facts, Fired, Params, kana_key, rule

P = "public_fund_account"


@rule(P, "holder_mismatch", "error", "holder_kana")
def _holder(a: Answers, facts: Facts, params: Params) -> Fired:
    """The 2023 linking errors put benefit accounts in relatives' names: the holder must be the resident."""
    holder = a.get("holder_kana")
    if not holder or not facts.name_kana or kana_key(str(holder)) == kana_key(facts.name_kana):
        return None
    return {"holder": str(holder), "name": facts.name_kana}


@rule(P, "replaces_existing_account", "check", "bank_code")
def _replaces(a: Answers, facts: Facts, params: Params) -> Fired:
    return {} if facts.has_public_fund_account and a.get("bank_code") else None
