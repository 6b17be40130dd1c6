"""Translated sentences with live values: `fill(t._("Apply by {date}."), date=State.due)`.

`t._(msgid)` without parameters returns the translation with its `{placeholders}` intact; `fill` cuts it at
the placeholders and puts each value (a state Var or a component) in its place, so word order stays the
translator's and the values stay live.
"""

from __future__ import annotations

import re

import reflex as rx
from reflex_base.vars.base import Var

_PLACEHOLDER = re.compile(r"(\{[a-zA-Z_][a-zA-Z0-9_]*\})")


def fill(text: str, **values: Var | rx.Component | str) -> rx.Component:
    """The sentence with each `{name}` replaced by `values[name]`."""
    parts: list[Var | rx.Component | str] = []
    for piece in _PLACEHOLDER.split(text):
        if not piece:
            continue
        if _PLACEHOLDER.fullmatch(piece):
            parts.append(values[piece[1:-1]])
        else:
            parts.append(piece)
    return rx.fragment(*parts)
