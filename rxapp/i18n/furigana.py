"""Furigana: readings in hiragana for the kanji in Japanese text, computed when pages are built.

    segments("暗証番号を読む") -> [("暗証", "あんしょう"), ("番号", "ばんごう"), ("を", None), ("読", "よ"), ("む", None)]

Readings come from Janome (Apache-2.0, IPADIC) at build time: pages are compiled to static HTML per locale, so
the browser gets `<ruby>` markup and no dictionary. The tokenizer is loaded on first use (about 0.2 s) and
each string's result is cached, so a page compile pays for each distinct string once.

Rules on top of the dictionary:
- okurigana stay outside the ruby: 読む -> 読(よ)む, お知らせ -> お知(し)らせ;
- each word gets its own ruby: 暗証(あんしょう)番号(ばんごう), not one reading stretched over the compound;
- counters after digits are read as counters (11月 -> がつ, 30分 -> ぷん, 4月1日 -> ついたち), digits stay as they are;
- `READINGS` corrects words the dictionary gets wrong or does not know (names of procedures, agencies).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from janome.tokenizer import Tokenizer

Segment = tuple[str, str | None]

_KANJI = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶ"
_HAS_KANJI = re.compile(f"[{_KANJI}]")
_RUNS = re.compile(f"[{_KANJI}]+|[^{_KANJI}]+")
_DIGITS = re.compile(r"^[0-9０-９]+$")

# Words the dictionary reads wrongly in our context, or splits badly. Longest first when applied.
READINGS: dict[str, str] = {
    "公金受取口座": "こうきんうけとりこうざ",
    "要介護認定": "ようかいごにんてい",
    "国民健康保険": "こくみんけんこうほけん",
    "在留カード": "ざいりゅうカード",
    "日本語": "にほんご",
    "転出届": "てんしゅつとどけ",
    "転入届": "てんにゅうとどけ",
    "児童手当": "じどうてあて",
    "お問い合わせ": "おといあわせ",
}

# Counters read after a number. Day counts 2-10, 14, 20 and 24 have their own words, which span the digits.
_COUNTERS = {"年": "ねん", "月": "がつ", "日": "にち", "時": "じ", "歳": "さい", "才": "さい", "円": "えん",
             "件": "けん", "回": "かい", "枚": "まい", "人": "にん", "週間": "しゅうかん", "時間": "じかん",
             "分": "ふん", "桁": "けた", "番": "ばん", "階": "かい", "個": "こ"}
_DAYS = {"2": "ふつか", "3": "みっか", "4": "よっか", "5": "いつか", "6": "むいか", "7": "なのか", "8": "ようか",
         "9": "ここのか", "10": "とおか", "14": "じゅうよっか", "20": "はつか", "24": "にじゅうよっか"}
_PEOPLE = {"1": "ひとり", "2": "ふたり"}


def to_hiragana(text: str) -> str:
    """Katakana to hiragana (ァ-ヶ shift by 0x60); the long-vowel mark and everything else unchanged."""
    return "".join(chr(ord(ch) - 0x60) if "ァ" <= ch <= "ヶ" else ch for ch in text)


@cache
def _tokenizer() -> Tokenizer:
    # Imported and built on first use: the app and the unit tests that never ask for furigana pay nothing.
    from janome.tokenizer import Tokenizer

    return Tokenizer()


def has_kanji(text: str) -> bool:
    return bool(_HAS_KANJI.search(text))


def segments(text: str) -> list[Segment]:
    """The text cut into (base, reading) pairs; the reading is None for segments without kanji."""
    return list(_segments(text))


@lru_cache(maxsize=8192)
def _segments(text: str) -> tuple[Segment, ...]:
    if not has_kanji(text):
        return ((text, None),) if text else ()
    out: list[Segment] = []
    for piece, reading in _split_known(text):
        if reading is not None:
            out.append((piece, reading))
        else:
            out.extend(_tokenize(piece))
    return tuple(_merge(out))


def _split_known(text: str) -> list[tuple[str, str | None]]:
    """Cut out the words of READINGS first, so the dictionary never sees them."""
    if not READINGS:
        return [(text, None)]
    pattern = re.compile("|".join(re.escape(w) for w in sorted(READINGS, key=len, reverse=True)))
    out: list[tuple[str, str | None]] = []
    position = 0
    for match in pattern.finditer(text):
        if match.start() > position:
            out.append((text[position : match.start()], None))
        out.extend(_align(match.group(0), READINGS[match.group(0)]))
        position = match.end()
    if position < len(text):
        out.append((text[position:], None))
    return out


def _tokenize(text: str) -> list[Segment]:
    out: list[Segment] = []
    tokens = list(_tokenizer().tokenize(text))
    position = 0
    for index, token in enumerate(tokens):
        surface: str = token.surface
        # Janome drops some whitespace (a trailing space): put back whatever it skipped, so no text is lost.
        found = text.find(surface, position)
        if found > position:
            out.append((text[position:found], None))
        position = (found if found >= 0 else position) + len(surface)
        if not has_kanji(surface):
            out.append((surface, None))
            continue
        previous = tokens[index - 1].surface if index else ""
        if _DIGITS.match(previous) and surface in _COUNTERS:
            out.extend(_counter(previous, surface, tokens[index - 2].surface if index > 1 else "", out))
            continue
        reading = token.reading
        if not reading or reading == "*":
            out.append((surface, None))  # unknown word (a name?): no reading rather than a wrong one
            continue
        out.extend(_align(surface, to_hiragana(reading)))
    if position < len(text):
        out.append((text[position:], None))
    return out


def _counter(number: str, counter: str, before: str, out: list[Segment]) -> list[Segment]:
    """Reading of a counter after digits. Special day and people words replace the digits' segment."""
    digits = number.translate(str.maketrans("０１２３４５６７８９", "0123456789")).lstrip("0") or "0"
    joined = bool(out) and out[-1] == (number, None)  # the digits are the segment just before
    if joined and counter == "日" and (digits in _DAYS or (digits == "1" and before == "月")):
        out.pop()  # the digits become part of the ruby base: 1日 -> ついたち
        return [(number + counter, _DAYS.get(digits, "ついたち"))]
    if joined and counter == "人" and digits in _PEOPLE:
        out.pop()
        return [(number + counter, _PEOPLE[digits])]
    if counter == "分":
        return [(counter, "ぷん" if digits[-1] in "134680" else "ふん")]
    return [(counter, _COUNTERS[counter])]


def _align(surface: str, reading: str) -> list[Segment]:
    """Keep okurigana and other kana outside the ruby: 読む + よむ -> [(読, よ), (む, None)]."""
    runs = _RUNS.findall(surface)
    if len(runs) == 1:
        return [(surface, reading)] if reading != surface else [(surface, None)]
    pattern = "".join(
        "(.+?)" if _HAS_KANJI.match(run) else f"({re.escape(to_hiragana(run))})" for run in runs
    )
    match = re.fullmatch(pattern, reading)
    if not match:
        return [(surface, reading)]  # the reading does not line up with the kana: ruby over the whole word
    return [(run, group if _HAS_KANJI.match(run) else None) for run, group in zip(runs, match.groups(), strict=True)]


def _merge(items: list[Segment]) -> list[Segment]:
    """Join neighbouring plain text into one run. Words keep a ruby each: 暗証(あんしょう)番号(ばんごう) reads
    better than one long reading stretched over a whole compound."""
    out: list[Segment] = []
    for base, reading in items:
        if not base:
            continue
        if out and reading is None and out[-1][1] is None:
            out[-1] = (out[-1][0] + base, None)
            continue
        out.append((base, reading))
    return out


def reading_of(text: str) -> str:
    """The whole text in kana (the reading of each kanji segment, kana as they are): for tests and search."""
    return "".join(reading if reading is not None else to_hiragana(base) for base, reading in segments(text))


def cache_info() -> str:
    """How many strings were read and how many came from the cache (the build prints it)."""
    return str(_segments.cache_info())
