"""The locale registry: PORTAL_LOCALES, pseudo-locales switch, hreflang tags, and the README kept true."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rxapp.i18n.registry import LOCALES, default_locale, shipped_locales

ROOT = Path(__file__).resolve().parents[2]
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Z]{2}|-x(-[a-z0-9]{1,8})+)?$")


def test_portal_locales_limits_the_shipped_locales(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PORTAL_PSEUDO_LOCALES", raising=False)
    monkeypatch.delenv("PORTAL_LOCALES", raising=False)
    assert [loc.code for loc in shipped_locales()] == ["ja", "ja-easy", "en", "ar"]
    monkeypatch.setenv("PORTAL_PSEUDO_LOCALES", "1")
    assert len(shipped_locales()) == 6
    monkeypatch.setenv("PORTAL_LOCALES", " en , ja ")
    assert [loc.code for loc in shipped_locales()] == ["ja", "en"]  # registry order, not the variable's
    assert default_locale() == "ja"
    monkeypatch.setenv("PORTAL_LOCALES", "ar,en")
    assert default_locale() == "en"  # Japanese left out: the first shipped locale is the fallback
    monkeypatch.setenv("PORTAL_LOCALES", "ja,fr")
    with pytest.raises(ValueError, match="fr"):
        shipped_locales()


def test_negotiation_respects_portal_locales(monkeypatch: pytest.MonkeyPatch) -> None:
    from rxapp.middleware import negotiate

    monkeypatch.setenv("PORTAL_LOCALES", "en,ar")
    assert negotiate("ja,en;q=0.5", None) == "en"
    assert negotiate("de", None) == "en"
    assert negotiate(None, "ja") == "en"  # a saved locale that is no longer shipped is ignored


def test_hreflang_tags_are_valid_and_distinct() -> None:
    tags = [loc.hreflang for loc in LOCALES]
    assert len(set(tags)) == len(tags)
    assert all(BCP47.match(tag) for tag in tags), tags
    assert next(loc for loc in LOCALES if loc.code == "ja-easy").hreflang == "ja-x-easy"


def test_readme_documents_the_configuration_and_how_to_add_a_language() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`PORTAL_LOCALES`" in readme
    assert "rxapp/i18n/registry.py" in readme and "make i18n" in readme
