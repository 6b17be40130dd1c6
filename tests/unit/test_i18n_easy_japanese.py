"""やさしい日本語 (入管庁・文化庁, 2020): the checkable parts of the guideline, over the whole ja-easy catalog.

Machine-checkable: です/ます sentences, short sentences, no 尊敬語/謙譲語, no double negatives, plain words instead of
a few loanwords, fewer kanji than standard Japanese. The rest (conclusion first, one idea per sentence, hard words
explained in brackets) is for the reviewer; these checks keep the easy parts from slipping.
"""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from rxapp.i18n.catalogs import _po_path

MAX_SENTENCE = 50  # characters without spaces; the guideline's examples stay well below
POLITE_END = re.compile(r"(です|ます|ません|ください|でしょう|ましょう|でした|ました|ですか|ますか)$")
PLAIN_END = re.compile(r"[るうくすつぬむぶぐただい]$")  # a verb, adjective or copula in plain form
HONORIFIC = re.compile(r"いたし|ござい|いただ|おります|申し上げ|なさい|させて頂|させていただ|お越し|ご覧|伺")
DOUBLE_NEGATIVE = re.compile(r"ないわけでは|なくはな|ないことはな|なければな|ないといけ|なくてはいけ")
PLAIN_WORDS = {"ヘルプデスク": "相談まどぐち", "データ": "情報／記録", "スマホ": "スマートフォン"}


def _strings(code: str) -> list[tuple[str, str]]:
    with _po_path(code).open("rb") as fp:
        catalog = read_po(fp)
    out = []
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            if text:
                out.append((msgid, text))
    return out


def problems(text: str) -> list[str]:
    found = []
    for sentence in re.split(r"(?<=[。！？])", text):
        stripped = sentence.strip()
        if not stripped:
            continue
        if len(re.sub(r"\s", "", stripped)) > MAX_SENTENCE:
            found.append(f"long sentence ({len(stripped)}): {stripped}")
        if stripped.endswith("。"):  # a full sentence; headings and labels may be phrases
            core = re.sub(r"（[^（）]*）$", "", stripped.rstrip("。")).rstrip("」』）　 ")
            if PLAIN_END.search(core) and not POLITE_END.search(core):
                found.append(f"plain form, not です/ます: {stripped}")
    if HONORIFIC.search(text):
        found.append(f"尊敬語/謙譲語: {text}")
    if DOUBLE_NEGATIVE.search(text):
        found.append(f"double negative: {text}")
    found += [f"{word} → {plain}: {text}" for word, plain in PLAIN_WORDS.items() if word in text]
    return found


@pytest.mark.parametrize(
    "bad",
    ["申請を 受け付ける。", "ご確認いただけますと 幸いです。", "出さなければなりません。", "ヘルプデスクに 電話して ください。",
     "この 申請は 子どもが 生まれてから 15日の あいだに 出さないと、前の 月の 手当が もらえなく なるので 気を つけて ください。"],
)
def test_the_checks_catch_what_they_claim(bad: str) -> None:
    assert problems(bad)


@pytest.mark.parametrize("good", ["申請を 受け付けました。", "マイナンバーカードと 暗証番号（ひみつの 番号）。", "お知らせを 読む"])
def test_the_checks_accept_easy_japanese(good: str) -> None:
    assert problems(good) == []


def test_every_ja_easy_string_follows_the_checkable_rules() -> None:
    found = [f"{msgid[:50]!r}: {p}" for msgid, text in _strings("ja-easy") for p in problems(text)]
    assert found == [], "\n".join(found)


def test_ja_easy_uses_fewer_kanji_than_japanese() -> None:
    def kanji_share(code: str) -> float:
        text = "".join(t for _, t in _strings(code))
        letters = re.findall(r"[\u3040-\u30ff\u4e00-\u9fff]", text)
        return sum(1 for ch in letters if "\u4e00" <= ch <= "\u9fff") / max(1, len(letters))

    easy, standard = kanji_share("ja-easy"), kanji_share("ja")
    assert easy < standard * 0.75, (easy, standard)
