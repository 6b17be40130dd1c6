"""The component catalog and the gallery: every example builds in every locale, with stable, unique ids."""

from __future__ import annotations

import importlib
import re
from collections import Counter

import pytest

from rxapp.components.catalog import ALL_EXAMPLES, COMPONENT_MODULES, OPTIONAL_MODULES, components, example_id
from rxapp.i18n import T, shipped_locales
from rxapp.pages.gallery import GALLERY_GROUPS, gallery, gallery_slug
from rxapp.pages.registry import PAGES

LOCALES = [loc.code for loc in shipped_locales()]


def test_every_component_is_in_the_catalog_with_its_examples() -> None:
    names = components()
    for module in COMPONENT_MODULES + OPTIONAL_MODULES:
        assert module.replace("_", "-") in names, module
    assert len(ALL_EXAMPLES) >= 60
    keys = [(component, example) for component, example, _ in ALL_EXAMPLES]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("module", COMPONENT_MODULES + OPTIONAL_MODULES)
def test_each_module_states_its_accessibility_criteria_and_has_a_default_and_rtl_example(module: str) -> None:
    mod = importlib.import_module(f"rxapp.components.{module}")
    assert mod.__doc__ and "Accessibility criteria" in mod.__doc__
    assert "default" in mod.EXAMPLES
    if module != "ruby_text":  # ruby is Japanese text; it has no right-to-left form
        assert "rtl" in mod.EXAMPLES


@pytest.mark.parametrize("code", LOCALES)
def test_every_example_builds_in_every_locale(code: str) -> None:
    t = T(code)
    for component, example, build in ALL_EXAMPLES:
        markup = str(build(t))
        assert markup.startswith("jsx("), (component, example)


def test_every_component_is_on_exactly_one_gallery_page() -> None:
    grouped = [name for names in GALLERY_GROUPS.values() for name in names]
    assert sorted(grouped) == sorted(components())  # none left out, none twice, no stale name
    slugs = {spec.slug for spec in PAGES}
    assert all(f"components/{group}" in slugs for group in GALLERY_GROUPS)


@pytest.mark.parametrize("code", ["ja", "en", "ar"])
def test_gallery_ids_are_unique_and_every_example_has_its_section(code: str) -> None:
    pages = {spec.slug: spec for spec in PAGES}
    index = str(gallery(T(code)))
    for group in GALLERY_GROUPS:
        assert f'"/{code}/components/{group}"' in index  # the index leads to every group page
        markup = str(pages[f"components/{group}"].build(T(code)))
        ids = re.findall(r'(?:^|[,{])id:"([^"]+)"', markup)
        duplicates = [name for name, count in Counter(ids).items() if count > 1]
        assert not duplicates, duplicates
        for component, example, _ in ALL_EXAMPLES:
            on_page = f'id:"{example_id(component, example)}"' in markup
            assert on_page is (gallery_slug(component) == f"components/{group}"), (group, component, example)


def test_rtl_examples_carry_lang_and_dir() -> None:
    for component, example, build in ALL_EXAMPLES:
        if example == "rtl":
            markup = str(build(T("ja")))
            assert markup.startswith('jsx("div",{className:"example-rtl",dir:"rtl",lang:"ar"}'), component
