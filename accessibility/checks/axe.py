"""axe-core (bundled by axe-playwright-python) with the WCAG 2.2 AA tags: zero violations allowed.

The whole document is audited once; a violation inside a gallery example (`[id^="example-"]`) is attributed
to that example's row by the runner, which for node-level rules equals running axe with that element as the
context, at a fraction of the cost.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from accessibility.checks import CheckContext
from accessibility.model import IMPACTS, Finding

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_SC_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")


@cache
def axe_source() -> str:
    import axe_playwright_python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def criteria(tags: list[str]) -> str:
    """axe tags → success criteria: "wcag143" → "1.4.3"."""
    found = []
    for tag in tags:
        match = _SC_TAG.match(tag)
        if match:
            found.append(".".join(match.groups()))
    return ", ".join(found)


def run_axe(page: Page, context: Any = None) -> dict[str, Any]:
    """Raw axe results (violations only) for the document, or for `context` (selector or include/exclude)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return page.evaluate(
        "async ([context, options]) => { const r = await axe.run(context || document, options);"
        " return {violations: r.violations, incomplete: r.incomplete.length}; }",
        [context, options],
    )


def findings_from(results: dict[str, Any], variant: str = "") -> list[Finding]:
    out: list[Finding] = []
    for violation in results["violations"]:
        for node in violation["nodes"]:
            target = node.get("target") or [""]
            selector = target[-1] if isinstance(target[-1], str) else " ".join(target[-1])
            summary = (node.get("failureSummary") or "").replace("Fix any of the following:", "").strip()
            impact = node.get("impact") or violation.get("impact") or "serious"
            out.append(
                Finding(
                    check="axe",
                    rule=violation["id"],
                    wcag=criteria(violation.get("tags", [])),
                    message=violation["help"] + (f" — {summary.splitlines()[0].strip()}" if summary else ""),
                    selector=selector,
                    impact=impact if impact in IMPACTS else "serious",
                    variant=variant,
                    html=(node.get("html") or "")[:300],
                )
            )
    return out


def run(ctx: CheckContext) -> list[Finding]:
    return findings_from(run_axe(ctx.page))
