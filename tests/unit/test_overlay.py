"""The problem notice's handler without a browser: details to the log, only the notice to the page."""

from __future__ import annotations

import logging

import pytest

from rxapp.i18n.overlay import SHOW_PROBLEM_JS, _words, backend_problem


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
