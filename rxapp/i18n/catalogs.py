"""Catalog maintenance: extract, update, pseudo-locales, compile and check.

    python -m rxapp.i18n.catalogs extract|update|pseudo|compile|check|all

Wrapped by `make i18n`. Pseudo-locale catalogs are generated from the template and never hand-edited.
"""

from __future__ import annotations

import contextlib
import fcntl
import re
import sys
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from rxapp.i18n.registry import LOCALES, Locale
from rxapp.i18n.translate import DOMAIN, LOCALES_DIR

ROOT = LOCALES_DIR.parent
TEMPLATE = LOCALES_DIR / f"{DOMAIN}.pot"
KEYWORDS = {"_": None, "n_": (1, 2), "p_": ((1, "c"), 2)}
COMMENT_TAGS = ["TRANSLATORS:"]
PLACEHOLDER = re.compile(r"\{[a-zA-Z_][a-zA-Z0-9_]*\}")
HEADER = "Minna Portal"


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


def _po_path(code: str) -> Path:
    return LOCALES_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def _cldr(locale: Locale) -> str:
    return locale.cldr.split("_")[0]


def build_template() -> Catalog:
    """Extract every message from the Python sources into a fresh template catalog."""
    catalog = Catalog(project=HEADER, charset="utf-8", fuzzy=False)
    method_map = [("rxapp/**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(ROOT),
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


def extract() -> Catalog:
    template = build_template()
    # A stable creation date keeps the template byte-identical when nothing changed.
    template.creation_date = template.revision_date = __import__("datetime").datetime(2026, 1, 1)
    _write(template, TEMPLATE)
    return template


def update(template: Catalog) -> None:
    """Merge the template into every hand-written catalog, keeping translations."""
    for locale in LOCALES:
        if locale.pseudo:
            continue
        path = _po_path(locale.code)
        if path.exists():
            catalog = _read(path, _cldr(locale))
        else:
            catalog = Catalog(locale=_cldr(locale), project=HEADER, charset="utf-8", fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        catalog.creation_date = catalog.revision_date = template.creation_date
        _write(catalog, path)


_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒğĥîĵķļɱñöþʠŕšţüṽŵẋýžÀßÇĐÉƑĞĤÎĴĶĻḾÑÖÞǪŔŠŢÜṼŴẊÝŽ",
)
PSEUDO_OPEN, PSEUDO_CLOSE = "[", "]"


def _pseudo_en(text: str) -> str:
    """Accented, about 40 % longer, bracketed: text that escaped the catalogs stands out."""
    parts = PLACEHOLDER.split(text)
    holders = PLACEHOLDER.findall(text)
    out = parts[0].translate(_ACCENTS)
    for holder, part in zip(holders, parts[1:], strict=True):
        out += holder + part.translate(_ACCENTS)
    padding = "·" * max(1, round(len(text) * 0.4))
    return f"{PSEUDO_OPEN}{out} {padding}{PSEUDO_CLOSE}"


def _pseudo_ar(text: str) -> str:
    """Right-to-left: the text is forced RTL (mirrored) with the RLO control, bracketed."""
    return f"{PSEUDO_OPEN}\u202e{text}\u202c{PSEUDO_CLOSE}"


PSEUDO_TRANSFORMS = {"en-XA": _pseudo_en, "ar-XB": _pseudo_ar}


def pseudo(template: Catalog) -> None:
    for locale in LOCALES:
        if not locale.pseudo:
            continue
        transform = PSEUDO_TRANSFORMS[locale.code]
        catalog = Catalog(locale=_cldr(locale), project=HEADER, charset="utf-8", fuzzy=False)
        catalog.creation_date = catalog.revision_date = template.creation_date
        for message in template:
            if not message.id:
                continue
            if isinstance(message.id, tuple | list):
                singular, plural = message.id
                strings = tuple(
                    transform(singular if i == 0 else plural) for i in range(catalog.num_plurals)
                )
                catalog.add(message.id, strings, context=message.context)
            else:
                catalog.add(message.id, transform(message.id), context=message.context)
        _write(catalog, _po_path(locale.code))


def compile_all() -> None:
    for locale in LOCALES:
        path = _po_path(locale.code)
        if not path.exists():
            continue
        catalog = _read(path, _cldr(locale))
        with path.with_suffix(".mo").open("wb") as fp:
            write_mo(fp, catalog, use_fuzzy=False)


def check() -> list[str]:
    """Problems that make a catalog unfit to ship; an empty list means all is well."""
    problems: list[str] = []
    fresh = build_template()
    if not TEMPLATE.exists():
        return [f"{TEMPLATE} is missing: run `make i18n`"]
    stored = _read(TEMPLATE)
    fresh_ids = {(m.id if isinstance(m.id, str) else tuple(m.id), m.context) for m in fresh if m.id}
    stored_ids = {(m.id if isinstance(m.id, str) else tuple(m.id), m.context) for m in stored if m.id}
    if fresh_ids != stored_ids:
        added = len(fresh_ids - stored_ids)
        removed = len(stored_ids - fresh_ids)
        problems.append(f"template out of date ({added} new, {removed} gone): run `make i18n`")
    for locale in LOCALES:
        path = _po_path(locale.code)
        if not path.exists():
            problems.append(f"{locale.code}: catalog missing")
            continue
        catalog = _read(path, _cldr(locale))
        ids = {(m.id if isinstance(m.id, str) else tuple(m.id), m.context) for m in catalog if m.id}
        for missing in sorted(stored_ids - ids, key=str)[:5]:
            problems.append(f"{locale.code}: missing {missing!r}")
        for message in catalog:
            if not message.id:
                continue
            problems.extend(_check_message(locale, catalog, message))
    return problems


def _check_message(locale: Locale, catalog: Catalog, message: Message) -> list[str]:
    where = f"{locale.code}: {message.id!r}"
    if message.fuzzy:
        return [f"{where} is fuzzy"]
    if isinstance(message.id, tuple | list):
        strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
        if len(strings) != catalog.num_plurals:
            return [f"{where} has {len(strings)} plural forms, {catalog.num_plurals} needed"]
        if not all(strings):
            return [f"{where} has an empty plural form"]
        wanted = set(PLACEHOLDER.findall(message.id[1])) | set(PLACEHOLDER.findall(message.id[0]))
        wanted.discard("{count}")
        for text in strings:
            got = set(PLACEHOLDER.findall(text))
            got.discard("{count}")
            if got != wanted:
                return [f"{where}: placeholders {sorted(got)} differ from {sorted(wanted)}"]
        return []
    if not message.string:
        return [f"{where} is untranslated"]
    if set(PLACEHOLDER.findall(message.string)) != set(PLACEHOLDER.findall(message.id)):
        return [f"{where}: placeholders differ from the msgid's"]
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
