"""Rules about how the code passes things to Reflex that no linter knows."""

from __future__ import annotations

import ast
from pathlib import Path

RXAPP = Path(__file__).resolve().parents[2] / "rxapp"


def test_html_only_attributes_are_not_passed_as_keywords() -> None:
    """Reflex turns unknown keyword props into CSS: `translate="no"` became the CSS property `translate: no`
    (an invalid transform, ignored), so browser translation mangled reference numbers. Such attributes go
    through custom_attrs."""
    html_only = {"translate"}
    found = []
    for path in RXAPP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                found += [f"{path.relative_to(RXAPP)}:{node.lineno} {k.arg}=" for k in node.keywords if k.arg in html_only]
    assert not found, f"pass these through custom_attrs: {found}"
