"""The catalog check catches each problem it claims to: a clean temporary catalog set passes, then one defect at a
time is introduced and must be reported. Also: the shipped catalogs pass, and Arabic has its 6 plural forms."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from rxapp.i18n import catalogs
from rxapp.i18n.registry import BY_CODE, LOCALES

LOCALES_UNDER_TEST = (BY_CODE["ja"], BY_CODE["ar"], BY_CODE["en-XA"])
SOURCE = '''
def page(t):
    # TRANSLATORS: greeting on the test page
    t._("Hello {name}", name="x")
    t.n_("{count} notice", "{count} notices", 2)
    t.p_("verb", "Open")
'''
GOOD = {
    "ja": {"Hello {name}": "{name}さん、こんにちは", ("{count} notice", "{count} notices"): ("お知らせ{count}件",),
           ("verb", "Open"): "開く"},
    "ar": {"Hello {name}": "مرحبا {name}",
           ("{count} notice", "{count} notices"): ("لا إشعارات", "إشعار واحد", "إشعاران", "{count} إشعارات",
                                                  "{count} إشعارًا", "{count} إشعار"),
           ("verb", "Open"): "افتح"},
}


def _po(root: Path, code: str) -> Path:
    return catalogs._po_path(code, root / "locales")


def _edit(root: Path, code: str, change: Callable[[Catalog], None]) -> None:
    path = _po(root, code)
    with path.open("rb") as fp:
        catalog = read_po(fp)
    change(catalog)
    buf = BytesIO()
    write_po(buf, catalog, width=100)
    path.write_bytes(buf.getvalue())


def _message(catalog: Catalog, key: object) -> Message:
    for message in catalog:
        if not message.id:
            continue
        if isinstance(key, tuple) and len(key) == 2 and key[0] == "verb":
            if message.context == "verb" and message.id == key[1]:
                return message
        elif message.id == key or (isinstance(message.id, tuple) and tuple(message.id) == key):
            return message
    raise KeyError(key)


@pytest.fixture(scope="module")
def clean_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("catalogs")
    (root / "rxapp").mkdir()
    (root / "rxapp" / "page.py").write_text(SOURCE, encoding="utf-8")
    locales_dir = root / "locales"
    template = catalogs.extract(root, locales_dir)
    catalogs.update(template, locales_dir, LOCALES_UNDER_TEST)
    catalogs.pseudo(template, locales_dir, LOCALES_UNDER_TEST)
    for code, strings in GOOD.items():
        def fill(catalog: Catalog, strings: dict = strings) -> None:
            for key, text in strings.items():
                _message(catalog, key).string = text
        _edit(root, code, fill)
    return root


@pytest.fixture
def tree(clean_tree: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "tree"
    shutil.copytree(clean_tree, copy)
    return copy


def _check(root: Path) -> list[str]:
    return catalogs.check(root / "locales", root, LOCALES_UNDER_TEST)


def test_a_complete_catalog_set_passes(tree: Path) -> None:
    assert _check(tree) == []


def test_translator_comment_is_extracted(tree: Path) -> None:
    with (tree / "locales" / "messages.pot").open("rb") as fp:
        template = read_po(fp)
    assert _message(template, "Hello {name}").auto_comments == ["greeting on the test page"]


def _unset(key: object) -> Callable[[Catalog], None]:
    def change(catalog: Catalog) -> None:
        _message(catalog, key).string = "" if isinstance(key, str) or key[0] == "verb" else ("",) * 6
    return change


def _set(key: object, value: object) -> Callable[[Catalog], None]:
    def change(catalog: Catalog) -> None:
        _message(catalog, key).string = value
    return change


def _fuzzy(catalog: Catalog) -> None:
    _message(catalog, "Hello {name}").flags.add("fuzzy")


def _drop(catalog: Catalog) -> None:
    catalog.delete("Hello {name}")


def _two_plural_header(catalog: Catalog) -> None:
    # A catalog that claims English plural rules for Arabic (and is "consistent" with that wrong header).
    catalog._num_plurals, catalog._plural_expr = 2, "(n != 1)"
    _message(catalog, ("{count} notice", "{count} notices")).string = ("{count} إشعار", "{count} إشعارات")


@pytest.mark.parametrize(
    ("code", "change", "expected"),
    [
        ("ja", _unset("Hello {name}"), "ja: 'Hello {name}' is untranslated"),
        ("ar", _unset(("verb", "Open")), "ar: 'Open' is untranslated"),
        ("ja", _fuzzy, "ja: 'Hello {name}' is fuzzy"),
        ("ja", _set("Hello {name}", "{nmae}さん、こんにちは"), "placeholders differ"),
        ("ja", _set("Hello {name}", "こんにちは"), "placeholders differ"),
        ("ja", _set("Hello {name}", "{name}さん {"), "stray brace"),
        ("ar", _set(("{count} notice", "{count} notices"), ("a", "b")), "plural form"),  # babel pads to 6 with empty forms
        ("ar", _set(("{count} notice", "{count} notices"), ("a", "b", "", "d", "e", "f")), "empty plural form"),
        ("ar", _set(("{count} notice", "{count} notices"), ("{n}", "b", "c", "d", "e", "f")), "placeholders"),
        ("ar", _two_plural_header, "ar: Plural-Forms header has 2 forms, CLDR has 6"),
        ("ja", _drop, "ja: missing ('Hello {name}', None)"),
        ("en-XA", _set("Hello {name}", "[Hand-edited {name}]"), "differs from the generated pseudo-translation"),
    ],
)
def test_each_catalog_problem_is_reported(tree: Path, code: str, change: Callable[[Catalog], None],
                                          expected: str) -> None:
    _edit(tree, code, change)
    problems = _check(tree)
    assert any(expected in problem for problem in problems), problems


def test_a_missing_catalog_is_reported(tree: Path) -> None:
    _po(tree, "ar").unlink()
    assert "ar: catalog missing" in _check(tree)


def test_a_stale_template_is_reported(tree: Path) -> None:
    (tree / "rxapp" / "more.py").write_text('def f(t):\n    t._("A new message")\n', encoding="utf-8")
    assert any("template out of date (1 new, 0 gone)" in p for p in _check(tree))


def test_a_positional_placeholder_is_reported(tree: Path) -> None:
    (tree / "rxapp" / "more.py").write_text('def f(t):\n    t._("Hello {}")\n', encoding="utf-8")
    assert any("positional placeholder" in p for p in _check(tree))


def test_pseudo_plural_forms_put_the_singular_where_n_is_1(tree: Path) -> None:
    # Arabic form 0 is "zero", form 1 is "one": the singular belongs in form 1 of ar-XB.
    catalogs.pseudo(read_po((tree / "locales" / "messages.pot").open("rb")), tree / "locales", (BY_CODE["ar-XB"],))
    with _po(tree, "ar-XB").open("rb") as fp:
        catalog = read_po(fp)
    forms = _message(catalog, ("{count} notice", "{count} notices")).string
    assert len(forms) == 6
    assert "notice" in forms[1] and "notices" not in forms[1]
    assert all("notices" in form for i, form in enumerate(forms) if i != 1)


def test_shipped_catalogs_pass_the_check() -> None:
    problems = catalogs.check()
    assert problems == [], "\n".join(problems[:30])


def test_arabic_catalog_has_six_plural_forms_for_every_plural() -> None:
    with catalogs._po_path("ar").open("rb") as fp:
        catalog = read_po(fp, locale="ar")
    assert catalog.num_plurals == 6
    plurals = [m for m in catalog if m.id and isinstance(m.id, tuple | list)]
    for message in plurals:
        assert len(message.string) == 6 and all(message.string), message.id


def test_every_registered_locale_has_a_catalog_folder() -> None:
    for locale in LOCALES:
        assert catalogs._po_path(locale.code).exists(), f"{locale.code}: run `make i18n`"
