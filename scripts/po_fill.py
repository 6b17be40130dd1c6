"""Translator's helper: write translations from a JSON file into a catalog in one read-modify-write.

    python scripts/po_fill.py ja translations.json

The JSON maps msgid -> translation; use "context\u0004msgid" for a message with a context and a list
for plural forms. Only messages already in the catalog (run `make i18n` first) are written.
"""

from __future__ import annotations

import json
import sys
from io import BytesIO

from babel.messages.pofile import read_po, write_po

from rxapp.i18n.catalogs import _po_path, catalog_lock


def fill(code: str, translations: dict[str, str | list[str]]) -> tuple[int, list[str]]:
    path = _po_path(code)
    with path.open("rb") as fp:
        catalog = read_po(fp)
    written, unknown = 0, []
    for key, text in translations.items():
        context, _, msgid = key.rpartition("\u0004")
        message = None
        for candidate in catalog:
            ident = candidate.id[0] if isinstance(candidate.id, tuple | list) else candidate.id
            if ident == msgid and (candidate.context or "") == context:
                message = candidate
                break
        if message is None:
            unknown.append(key)
            continue
        message.string = tuple(text) if isinstance(text, list) else text
        message.flags.discard("fuzzy")
        written += 1
    buf = BytesIO()
    write_po(buf, catalog, width=100, sort_output=True, include_previous=False, include_lineno=False)
    path.write_bytes(buf.getvalue())
    return written, unknown


if __name__ == "__main__":
    code, source = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as fp:
        data = json.load(fp)
    with catalog_lock():
        count, missing = fill(code, data)
    print(f"{code}: {count} written; not in catalog: {missing}")
