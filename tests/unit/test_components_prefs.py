"""Display preferences: cookie parsing (shared by server and scripts), the server's HTML rewrite, the scripts."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from rxapp.prefs_script import PREF_VALUES, PREFS_FORM_SCRIPT, PREFS_SCRIPT, parse_prefs, serialize_prefs
from rxapp.prefs_server import apply_to_html
from rxapp.redirects import safe_next


def test_parse_keeps_only_known_keys_and_values() -> None:
    assert parse_prefs("size%3D200%26mode%3Dsimple") == {"size": "200", "mode": "simple"}
    assert parse_prefs("size=175&contrast=high&evil=1&mode=<script>") == {"contrast": "high"}
    assert parse_prefs("") == {}
    assert parse_prefs("%%%") == {}
    assert parse_prefs("size=200" * 100) == {}  # absurdly long cookies are ignored


def test_serialize_round_trips_in_a_fixed_order() -> None:
    prefs = {"motion": "reduce", "size": "150", "furigana": "on"}
    raw = serialize_prefs(prefs)
    assert raw == "size%3D150%26furigana%3Don%26motion%3Dreduce"
    assert parse_prefs(raw) == prefs


def test_html_gets_the_attributes_and_the_saved_radio_is_checked() -> None:
    html = (
        b'<!DOCTYPE html><html lang="ja" dir="ltr" data-mode="standard"><head></head><body>'
        b'<input class="radios__input" id="settings-size-100" name="size" type="radio" checked=""/>'
        b'<input class="radios__input" id="settings-size-200" name="size" type="radio"/>'
        b'<input id="quick-size-200" name="size" type="radio"/></body></html>'
    )
    out = apply_to_html(html, {"size": "200", "mode": "simple"})
    assert b'<html lang="ja" dir="ltr" data-text-size="200" data-mode="simple">' in out
    assert b'id="settings-size-100" name="size" type="radio"/>' in out
    assert b'id="settings-size-200" name="size" type="radio" checked="">' in out
    assert b'id="quick-size-200" name="size" type="radio" checked="">' in out
    assert apply_to_html(b"no html here", {"size": "200"}) == b"no html here"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("/ja/settings", "/ja/settings"), ("//evil.example/", "/"), ("https://evil.example", "/"), (None, "/"),
     ("/\\evil", "/")],
)
def test_return_address_stays_on_this_site(value: str | None, expected: str) -> None:
    assert safe_next(value) == expected


@pytest.mark.skipif(shutil.which("node") is None, reason="node is needed to parse the scripts")
def test_scripts_are_valid_javascript_with_the_same_allowed_values() -> None:
    for script in (PREFS_SCRIPT, PREFS_FORM_SCRIPT):
        result = subprocess.run(["node", "-e", "new Function(require('fs').readFileSync(0, 'utf8'))"],
                                input=script, capture_output=True, text=True, timeout=30)
        assert result.returncode == 0, result.stderr
    for key, values in PREF_VALUES.items():
        assert f'"{key}": {list(values)}'.replace("'", '"') in PREFS_SCRIPT
