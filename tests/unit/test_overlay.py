"""The problem notice's handler without a browser: details to the log, only the notice to the page."""

from __future__ import annotations

import logging

import pytest

from rxapp.components.lang_fragment import furigana_html
from rxapp.i18n import T
from rxapp.i18n.overlay import PLAIN_KEYS, SHOW_PROBLEM_JS, _texts, _words, backend_problem


def test_a_failing_handler_is_logged_with_its_traceback_and_the_page_only_gets_the_notice(
    caplog: pytest.LogCaptureFixture,
) -> None:
    try:
        raise ValueError("token=secret-123 in /srv/rxapp/state.py")
    except ValueError as exc:
        with caplog.at_level(logging.ERROR, logger="rxapp.problem"):
            spec = backend_problem(exc)
    assert "secret-123" in caplog.text and "Traceback" in caplog.text  # the operators see everything
    sent = repr(spec)
    assert SHOW_PROBLEM_JS in sent
    assert "secret-123" not in sent and "ValueError" not in sent  # the page sees nothing of it


def test_every_shipped_locale_has_its_own_notice_words() -> None:
    words = _words()
    assert {"ja", "ja-easy", "en", "ar"} <= set(words)
    english = words["en"]
    for code in ("ja", "ja-easy", "ar"):
        for key, text in words[code].items():
            assert text and text != english[key], f"{code}.{key} is not translated"


def test_the_words_the_browser_writes_are_escaped_html_with_furigana_in_japanese() -> None:
    words, texts = _words(), _texts()
    for code in ("ja", "ja-easy"):
        assert "<ruby>" in words[code]["lost_hint"] and "<rt aria-hidden=\"true\">" in words[code]["lost_hint"]
        assert "<" not in words[code]["crash_title_text"]  # a <title> shows text, not tags
        assert words[code]["crash_title_text"] == texts[code]["crash_title"]
    for key in set(words["en"]) - set(PLAIN_KEYS):
        assert "<ruby>" not in words["en"][key] and "<ruby>" not in words["ar"][key]
    assert furigana_html(T("ja"), "<b>見る</b> & 書く") == (
        '&lt;b&gt;<ruby>見<rp aria-hidden="true">(</rp><rt aria-hidden="true">み</rt><rp aria-hidden="true">)</rp>'
        '</ruby>る&lt;/b&gt; &amp; <ruby>書<rp aria-hidden="true">(</rp><rt aria-hidden="true">か</rt>'
        '<rp aria-hidden="true">)</rp></ruby>く'
    )
    assert furigana_html(T("en"), "Tom & <Jerry>") == "Tom &amp; &lt;Jerry&gt;"
