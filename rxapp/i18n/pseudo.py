"""Pseudo-locales for testers: text that escaped the catalogs, or the formatters, stands out on screen.

- en-XA: every letter accented, about 40 % longer (room for German or Finnish), wrapped in [ ].
- ar-XB: the English text forced right to left (mirrored) with bidi overrides, wrapped in [ ]; placeholders
  stay outside the override so numbers and names keep their own order.

The catalogs (`catalogs pseudo`) and the formatting helpers (dates, money, lists) use the same transforms,
so a page in en-XA has no visible text without the marks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

PLACEHOLDER = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*\}")
PSEUDO_OPEN, PSEUDO_CLOSE = "[", "]"
EXPANSION = 0.4  # English grows by 30-40 % in most European languages
_PAD = "·"
_RLO, _PDF, _RLM = "\u202e", "\u202c", "\u200f"

_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒğĥîĵķļɱñöþʠŕšţüṽŵẋýžÀßÇĐÉƑĞĤÎĴĶĻḾÑÖÞǪŔŠŢÜṼŴẊÝŽ",
)


def _split(text: str) -> list[tuple[str, bool]]:
    """The text as (part, is_placeholder) pairs, so transforms leave `{name}` untouched."""
    out: list[tuple[str, bool]] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > position:
            out.append((text[position : match.start()], False))
        out.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        out.append((text[position:], False))
    return out


def pseudo_en(text: str) -> str:
    """Accented, about 40 % longer, bracketed."""
    body = "".join(part if holder else part.translate(_ACCENTS) for part, holder in _split(text))
    visible = len(PLACEHOLDER.sub("", text))
    padding = _PAD * max(1, round(visible * EXPANSION))
    return f"{PSEUDO_OPEN}{body} {padding}{PSEUDO_CLOSE}"


def pseudo_ar(text: str) -> str:
    """Right to left and mirrored: each run of source text is wrapped in RLO … PDF."""
    body = "".join(part if holder else f"{_RLO}{part}{_PDF}" for part, holder in _split(text))
    return f"{_RLM}{PSEUDO_OPEN}{body}{PSEUDO_CLOSE}{_RLM}"


PSEUDO_TRANSFORMS: dict[str, Callable[[str], str]] = {"en-XA": pseudo_en, "ar-XB": pseudo_ar}


def pseudo_text(code: str, text: str) -> str:
    """`text` as locale `code` shows it: transformed for a pseudo-locale, unchanged otherwise."""
    transform = PSEUDO_TRANSFORMS.get(code)
    return transform(text) if transform else text


def pseudo_mark(code: str, text: str) -> str:
    """A formatted value (date, amount) as a pseudo-locale shows it.

    en-XA transforms it like catalog text. ar-XB only brackets it: the value is already written by Arabic CLDR
    rules, and forcing it right to left would reverse its digits.
    """
    if code == "ar-XB":
        return f"{_RLM}{PSEUDO_OPEN}{text}{PSEUDO_CLOSE}{_RLM}"
    return pseudo_text(code, text)


def is_marked(text: str) -> bool:
    """True when `text` carries a pseudo-locale's marks (what the en-XA page check looks for)."""
    return PSEUDO_OPEN in text or PSEUDO_CLOSE in text
