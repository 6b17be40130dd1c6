"""The client scripts file and the lean-bundle build step, without a browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rxapp.build_plugin import MARKER, NESTED_RULE, STAND_INS, with_alias
from rxapp.client_assets import inline_script, is_hashed_script, publish_script

SOURCE = "(function () { var greetingText = 'hi'; window.minnaTest = function () { return greetingText; }; })();\n"


def test_a_script_is_published_once_under_its_hash_and_old_versions_go(tmp_path: Path) -> None:
    first = publish_script("client", SOURCE, assets=tmp_path)
    assert is_hashed_script(first) and first.startswith("/scripts/client-")
    written = tmp_path / first.lstrip("/")
    assert written.is_file()
    assert publish_script("client", SOURCE, assets=tmp_path) == first  # same source, same name
    second = publish_script("client", SOURCE.replace("hi", "hello"), assets=tmp_path)
    assert second != first and not written.exists()  # the old version is removed
    assert [p.name for p in (tmp_path / "scripts").iterdir()] == [second.rsplit("/", 1)[1]]


@pytest.mark.skipif(shutil.which("bun") is None, reason="bun is on PATH under make; minifying needs it")
def test_a_published_script_is_minified_and_keeps_its_globals(tmp_path: Path) -> None:
    text = (tmp_path / publish_script("client", SOURCE, assets=tmp_path).lstrip("/")).read_text()
    assert len(text) < len(SOURCE) and "greetingText" not in text and "window.minnaTest" in text


def test_only_published_names_are_treated_as_immutable() -> None:
    assert is_hashed_script("/scripts/minna-0123456789ab.js")
    assert not is_hashed_script("/ja/") and not is_hashed_script("/minna.css")


VITE = 'export default defineConfig(() => ({\n  resolve: {\n    alias: [\n      { find: "$", replacement: "x" },\n    ],\n  },\n}));\n'


def test_the_alias_is_added_once() -> None:
    once = with_alias(VITE)
    assert MARKER in once
    for stand_in in STAND_INS:
        assert f"find: {stand_in.pattern}," in once and f'"./{stand_in.web_path}"' in once
    assert "find: /^@emotion\\/react$/," in once and "find: /^universal-cookie$/," in once
    assert once.index(MARKER) < once.index('find: "$"')  # before Reflex's own catch-all aliases
    assert with_alias(once) == once


def test_a_changed_vite_template_stops_the_build() -> None:
    with pytest.raises(RuntimeError, match="alias"):
        with_alias("export default {}")


@pytest.mark.parametrize(("compiled", "nested"), [
    ('jsx("div", ({css:({ ["inlineSize"] : "50%" })}))', False),
    ('jsx("text", ({css:({ ["textAnchor"] : "end" }),x:3}))', False),
    ('jsx("a", ({css:({ ["color"] : "red", ["&:hover"] : ({ ["color"] : "blue" }) })}))', True),
    ('jsx("p", ({css:({ ["@media (max-width: 40em)"] : ({ ["display"] : "none" }) })}))', True),
])
def test_nested_css_rules_are_found(compiled: str, nested: bool) -> None:
    assert bool(NESTED_RULE.search(compiled)) is nested


def test_an_inline_script_is_the_published_file_read_back(tmp_path: Path) -> None:
    text = inline_script("prefs", SOURCE, assets=tmp_path)
    assert text == (tmp_path / publish_script("prefs", SOURCE, assets=tmp_path).lstrip("/")).read_text()
    assert "window.minnaTest" in text
