"""Shared helpers of the rule tests: a fixed today, facts, and a runner that finds one rule's result."""

from __future__ import annotations

from datetime import date

from rxapp.rules.deficiency import Answers, Facts, Finding, Member, check

TODAY = date(2026, 11, 27)

CHEN_HOUSEHOLD = (
    Member("リ　イ", date(1991, 10, 8), "head"),
    Member("チン　セイ", date(1993, 1, 25), "spouse"),
    Member("リ　ショウウ", date(2026, 11, 22), "child"),
)


def facts(**overrides: object) -> Facts:
    base: dict[str, object] = {"today": TODAY, "name_kana": "チン　セイ", "birth_date": date(1993, 1, 25),
                               "household": CHEN_HOUSEHOLD}  # fmt: skip
    base.update(overrides)
    return Facts(**base)  # type: ignore[arg-type]


def finding(procedure: str, code: str, answers: Answers, f: Facts | None = None) -> Finding | None:
    """The finding of one rule, or None when it passes."""
    found = [x for x in check(procedure, answers, f or facts()) if x.code == code]
    assert len(found) <= 1
    return found[0] if found else None
