"""Catalog maintenance: extract, update, pseudo-locales, compile and check.

    python -m rxapp.i18n.catalogs extract|update|pseudo|compile|check|all

Wrapped by `make i18n`. Pseudo-locale catalogs are generated from the template and never hand-edited.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import gettext
import re
import sys
from collections.abc import Iterator, Sequence
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

from rxapp.i18n.pseudo import PLACEHOLDER, PSEUDO_TRANSFORMS
from rxapp.i18n.registry import LOCALES, Locale
from rxapp.i18n.translate import DOMAIN, LOCALES_DIR

ROOT = LOCALES_DIR.parent
TEMPLATE = LOCALES_DIR / f"{DOMAIN}.pot"
# `ruby_text(t, "msgid")` (rxapp/components/lang_fragment.py) translates its second argument.
KEYWORDS = {"_": None, "n_": (1, 2), "p_": ((1, "c"), 2), "ruby_text": (2,)}
COMMENT_TAGS = ["TRANSLATORS:"]
# `{}`, `{0}` or `%s` in a msgid: translators cannot reorder them, so only named placeholders are allowed.
POSITIONAL = re.compile(r"\{\d*\}|%[sd]")
HEADER = "Minna Portal"
STABLE_DATE = datetime.datetime(2026, 1, 1)


@contextlib.contextmanager
def catalog_lock() -> Iterator[None]:
    """Serialise read-modify-write of the catalogs between processes (several people translating at once)."""
    LOCALES_DIR.mkdir(exist_ok=True)
    with (LOCALES_DIR / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _po_path(code: str, locales_dir: Path = LOCALES_DIR) -> Path:
    return locales_dir / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def _cldr(locale: Locale) -> str:
    return locale.cldr.split("_")[0]


def build_template(source_root: Path = ROOT) -> Catalog:
    """Extract every message from the Python sources into a fresh template catalog.

    A `# TRANSLATORS: …` comment on the line(s) right above a call becomes the message's note.
    """
    catalog = Catalog(project=HEADER, charset="utf-8", fuzzy=False)
    method_map = [("rxapp/**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(source_root),
        method_map=method_map,
        keywords=KEYWORDS,
        comment_tags=COMMENT_TAGS,
        strip_comment_tags=True,
    ):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buf = BytesIO()
    write_po(buf, catalog, width=100, sort_output=True, include_previous=False, include_lineno=False)
    new = buf.getvalue()
    if not path.exists() or path.read_bytes() != new:
        path.write_bytes(new)


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as fp:
        return read_po(fp, locale=locale)


def extract(source_root: Path = ROOT, locales_dir: Path = LOCALES_DIR) -> Catalog:
    template = build_template(source_root)
    # A stable creation date keeps the template byte-identical when nothing changed.
    template.creation_date = template.revision_date = STABLE_DATE
    _write(template, locales_dir / f"{DOMAIN}.pot")
    return template


def update(template: Catalog, locales_dir: Path = LOCALES_DIR, locales: Sequence[Locale] = LOCALES) -> None:
    """Merge the template into every hand-written catalog, keeping translations."""
    for locale in locales:
        if locale.pseudo:
            continue
        path = _po_path(locale.code, locales_dir)
        if path.exists():
            catalog = _read(path, _cldr(locale))
        else:
            catalog = Catalog(locale=_cldr(locale), project=HEADER, charset="utf-8", fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.creation_date = catalog.revision_date = template.creation_date
        _write(catalog, path)


def _pseudo_strings(locale: Locale, catalog: Catalog, message: Message) -> str | tuple[str, ...]:
    """What a pseudo-locale's catalog must say for `message` (generated, never hand-edited)."""
    transform = PSEUDO_TRANSFORMS[locale.code]
    if isinstance(message.id, tuple | list):
        singular, plural = message.id
        # The singular goes to the form that n=1 selects (index 1 in Arabic, whose index 0 is "zero").
        one = gettext.c2py(catalog.plural_expr)(1)
        return tuple(transform(singular if i == one else plural) for i in range(catalog.num_plurals))
    return transform(message.id)


def pseudo(template: Catalog, locales_dir: Path = LOCALES_DIR, locales: Sequence[Locale] = LOCALES) -> None:
    for locale in locales:
        if not locale.pseudo:
            continue
        catalog = Catalog(locale=_cldr(locale), project=HEADER, charset="utf-8", fuzzy=False)
        catalog.creation_date = catalog.revision_date = template.creation_date
        for message in template:
            if not message.id:
                continue
            catalog.add(message.id, _pseudo_strings(locale, catalog, message), context=message.context)
        _write(catalog, _po_path(locale.code, locales_dir))


def compile_all() -> None:
    for locale in LOCALES:
        path = _po_path(locale.code)
        if not path.exists():
            continue
        catalog = _read(path, _cldr(locale))
        with path.with_suffix(".mo").open("wb") as fp:
            write_mo(fp, catalog, use_fuzzy=False)


def _key(message: Message) -> tuple[object, str | None]:
    return (message.id if isinstance(message.id, str) else tuple(message.id), message.context)


def check(
    locales_dir: Path = LOCALES_DIR, source_root: Path = ROOT, locales: Sequence[Locale] = LOCALES
) -> list[str]:
    """Problems that make a catalog unfit to ship; an empty list means all is well.

    Template: up to date with the sources, named placeholders only. Each catalog: complete, nothing fuzzy,
    the plural count CLDR gives its language (Arabic 6), placeholders identical to the msgid's and
    formattable. Pseudo-locale catalogs: exactly what the generator makes.
    """
    template_path = locales_dir / f"{DOMAIN}.pot"
    if not template_path.exists():
        return [f"{template_path} is missing: run `make i18n`"]
    problems: list[str] = []
    fresh = build_template(source_root)
    stored = _read(template_path)
    fresh_ids = {_key(m) for m in fresh if m.id}
    stored_ids = {_key(m) for m in stored if m.id}
    if fresh_ids != stored_ids:
        added = len(fresh_ids - stored_ids)
        removed = len(stored_ids - fresh_ids)
        problems.append(f"template out of date ({added} new, {removed} gone): run `make i18n`")
    for message in fresh:
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        if any(POSITIONAL.search(text) for text in ids if text):
            problems.append(f"template: {message.id!r} has a positional placeholder; name it, e.g. {{count}}")
    for locale in locales:
        path = _po_path(locale.code, locales_dir)
        if not path.exists():
            problems.append(f"{locale.code}: catalog missing")
            continue
        catalog = _read(path, _cldr(locale))
        expected = get_plural(_cldr(locale)).num_plurals
        if catalog.num_plurals != expected:
            problems.append(f"{locale.code}: Plural-Forms header has {catalog.num_plurals} forms, CLDR has {expected}")
        ids = {_key(m) for m in catalog if m.id}
        for missing in sorted(stored_ids - ids, key=str)[:5]:
            problems.append(f"{locale.code}: missing {missing!r}")
        for message in catalog:
            if not message.id:
                continue
            problems.extend(_check_message(locale, catalog, message, expected))
    return problems


def _formattable(text: str) -> bool:
    """True when `text.format(...)` with its own placeholders cannot raise (no stray braces)."""
    try:
        text.format(**{name[1:-1]: "x" for name in PLACEHOLDER.findall(text)})
    except (KeyError, IndexError, ValueError):
        return False
    return True


def _check_message(locale: Locale, catalog: Catalog, message: Message, plurals: int) -> list[str]:
    where = f"{locale.code}: {message.id!r}"
    if message.fuzzy:
        return [f"{where} is fuzzy"]
    if locale.pseudo and message.string != _pseudo_strings(locale, catalog, message):
        return [f"{where} differs from the generated pseudo-translation: run `make i18n`"]
    if isinstance(message.id, tuple | list):
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if len(strings) != plurals:
            return [f"{where} has {len(strings)} plural forms, {plurals} needed"]
        if not all(strings):
            return [f"{where} has an empty plural form"]
        # {count} may be spelled out in a form ("one file"), every other placeholder must be kept.
        wanted = set(PLACEHOLDER.findall(message.id[1])) | set(PLACEHOLDER.findall(message.id[0]))
        wanted.discard("{count}")
        for text in strings:
            got = set(PLACEHOLDER.findall(text))
            got.discard("{count}")
            if got != wanted:
                return [f"{where}: placeholders {sorted(got)} differ from {sorted(wanted)}"]
            if not _formattable(text):
                return [f"{where}: {text!r} has a stray brace"]
        return []
    if not message.string:
        return [f"{where} is untranslated"]
    if set(PLACEHOLDER.findall(message.string)) != set(PLACEHOLDER.findall(message.id)):
        return [f"{where}: placeholders differ from the msgid's"]
    if not _formattable(message.string):
        return [f"{where}: {message.string!r} has a stray brace"]
    return []


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "all"
    with catalog_lock():
        return _run(command)


def _run(command: str) -> int:
    if command in {"extract", "update", "pseudo", "all"}:
        template = extract()
        if command in {"update", "all"}:
            update(template)
        if command in {"pseudo", "all"}:
            pseudo(template)
    if command in {"compile", "all"}:
        compile_all()
    if command == "check":
        problems = check()
        for problem in problems[:60]:
            print(problem)
        print(f"catalog check: {len(problems)} problem(s)")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
