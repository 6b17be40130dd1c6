"""The report: `report.json` for machines and `index.html` for people (a vendor can be handed the folder).

A row per page × locale × mode (and per gallery example); every failure names its WCAG success criterion and
links a screenshot. Excused findings are listed with the allowlist entry that excused them; expired and
unused allowlist entries are listed at the top.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from accessibility.allowlist import AllowEntry
from accessibility.model import RowResult

# WCAG 2.2 success criteria the suite reports, with their Understanding pages.
CRITERIA: dict[str, tuple[str, str]] = {
    "1.1.1": ("Non-text Content", "non-text-content"),
    "1.2.2": ("Captions (Prerecorded)", "captions-prerecorded"),
    "1.3.1": ("Info and Relationships", "info-and-relationships"),
    "1.3.2": ("Meaningful Sequence", "meaningful-sequence"),
    "1.3.4": ("Orientation", "orientation"),
    "1.3.5": ("Identify Input Purpose", "identify-input-purpose"),
    "1.4.1": ("Use of Color", "use-of-color"),
    "1.4.2": ("Audio Control", "audio-control"),
    "1.4.3": ("Contrast (Minimum)", "contrast-minimum"),
    "1.4.4": ("Resize Text", "resize-text"),
    "1.4.10": ("Reflow", "reflow"),
    "1.4.11": ("Non-text Contrast", "non-text-contrast"),
    "1.4.12": ("Text Spacing", "text-spacing"),
    "1.4.13": ("Content on Hover or Focus", "content-on-hover-or-focus"),
    "2.1.1": ("Keyboard", "keyboard"),
    "2.1.2": ("No Keyboard Trap", "no-keyboard-trap"),
    "2.2.1": ("Timing Adjustable", "timing-adjustable"),
    "2.2.2": ("Pause, Stop, Hide", "pause-stop-hide"),
    "2.4.1": ("Bypass Blocks", "bypass-blocks"),
    "2.4.2": ("Page Titled", "page-titled"),
    "2.4.3": ("Focus Order", "focus-order"),
    "2.4.4": ("Link Purpose (In Context)", "link-purpose-in-context"),
    "2.4.6": ("Headings and Labels", "headings-and-labels"),
    "2.4.7": ("Focus Visible", "focus-visible"),
    "2.4.11": ("Focus Not Obscured (Minimum)", "focus-not-obscured-minimum"),
    "2.5.3": ("Label in Name", "label-in-name"),
    "2.5.5": ("Target Size (Enhanced)", "target-size-enhanced"),
    "2.5.8": ("Target Size (Minimum)", "target-size-minimum"),
    "3.1.1": ("Language of Page", "language-of-page"),
    "3.1.2": ("Language of Parts", "language-of-parts"),
    "3.3.1": ("Error Identification", "error-identification"),
    "3.3.2": ("Labels or Instructions", "labels-or-instructions"),
    "4.1.2": ("Name, Role, Value", "name-role-value"),
}


@dataclass
class RunMeta:
    base_url: str
    started: datetime
    seconds: float
    workers: int
    targets: int
    locales: list[str]
    modes: list[str]
    pages: list[str]
    allowlist: list[AllowEntry] = field(default_factory=list)
    allowlist_used: set[int] = field(default_factory=set)
    today: str = ""


def summarize(rows: list[RowResult]) -> dict[str, Any]:
    return {
        "rows": len(rows),
        "passed": sum(r.passed for r in rows),
        "failed": sum(not r.passed for r in rows),
        "errors": sum(bool(r.error) for r in rows),
        "retried": sum(bool(r.retried) for r in rows),
        "failures": sum(len(r.failures) for r in rows),
        "excused": sum(len(r.excused) for r in rows),
    }


def allowlist_status(meta: RunMeta) -> dict[str, list[dict[str, Any]]]:
    today = datetime.fromisoformat(meta.today).date() if meta.today else None
    entries = [e.to_dict() for e in meta.allowlist]
    expired = [e.to_dict() for e in meta.allowlist if e.expired(today)]
    unused = [e.to_dict() for i, e in enumerate(meta.allowlist) if i not in meta.allowlist_used and not e.expired(today)]
    return {"entries": entries, "expired": expired, "unused": unused}


def to_json(rows: list[RowResult], meta: RunMeta) -> dict[str, Any]:
    return {
        "tool": "minna-portal accessibility suite",
        "format": 1,
        "base_url": meta.base_url,
        "started_at": meta.started.isoformat(timespec="seconds"),
        "seconds": round(meta.seconds, 1),
        "workers": meta.workers,
        "matrix": {"targets": meta.targets, "pages": meta.pages, "locales": meta.locales, "modes": meta.modes},
        "summary": summarize(rows),
        "allowlist": allowlist_status(meta),
        "rows": [r.to_dict() for r in rows],
    }


def _criteria_html(wcag: str) -> str:
    links = []
    for sc in [s.strip() for s in wcag.split(",") if s.strip()]:
        name, slug = CRITERIA.get(sc, ("", ""))
        url = f"https://www.w3.org/WAI/WCAG22/Understanding/{slug}.html" if slug else "https://www.w3.org/WAI/WCAG22/quickref/"
        links.append(f'<a href="{url}">{html.escape(sc)}{" " + html.escape(name) if name else ""}</a>')
    return "<br>".join(links) or "—"


STYLE = """
body { font: 16px/1.5 system-ui, "Noto Sans", "Noto Sans CJK JP", "Noto Sans Arabic", sans-serif; margin: 0; color: #1a1a1c; }
header, main { max-width: 80rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.75rem; margin: 0 0 .5rem; } h2 { font-size: 1.35rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #6b6b70; padding: .35rem .5rem; text-align: start; vertical-align: top; }
th { background: #f2f2f4; } .pass { color: #0b6b2f; font-weight: 700; } .fail { color: #b00020; font-weight: 700; }
.excused { color: #4d4d52; } code { font-size: .85em; overflow-wrap: anywhere; } img { max-width: 240px; border: 1px solid #6b6b70; }
details { margin: .25rem 0; } summary { cursor: pointer; padding: .25rem 0; } .warn { background: #fff4ce; border: 2px solid #1a1a1c; padding: .75rem; }
a { color: #0031a8; } :focus-visible { outline: 3px solid #0b0c0c; outline-offset: 2px; box-shadow: 0 0 0 6px #ffd21f; }
.stats { display: flex; flex-wrap: wrap; gap: 1rem 2rem; list-style: none; padding: 0; }
"""


def _findings_table(row: RowResult) -> str:
    lines = ["<table><thead><tr><th scope='col'>Rule</th><th scope='col'>WCAG</th><th scope='col'>Impact</th>"
             "<th scope='col'>Element</th><th scope='col'>Problem</th><th scope='col'>Screenshot</th></tr></thead><tbody>"]
    for f in sorted(row.findings, key=lambda f: (not f.failing, f.check, f.rule)):
        cls = "" if f.failing else " class='excused'"
        problem = html.escape(f.message)
        if f.variant:
            problem += f" <em>(under {html.escape(f.variant)})</em>"
        if f.note:
            problem += f"<br><strong>{html.escape(f.note)}</strong>"
        if not f.failing:
            problem += f"<br>Excused: {html.escape(f.excused_by)}"
        shot = (f'<a href="{html.escape(f.screenshot)}"><img src="{html.escape(f.screenshot)}" loading="lazy" '
                f'alt="Screenshot: {html.escape(f.rule)} on {html.escape(f.selector or "the page")}"></a>') if f.screenshot else "—"
        where = f"<code>{html.escape(f.selector or '(page)')}</code>"
        if f.html:
            where += f"<br><code>{html.escape(f.html[:200])}</code>"
        lines.append(f"<tr{cls}><td><code>{html.escape(f.check)}/{html.escape(f.rule)}</code></td>"
                     f"<td>{_criteria_html(f.wcag)}</td><td>{html.escape(f.impact)}</td><td>{where}</td>"
                     f"<td>{problem}</td><td>{shot}</td></tr>")
    lines.append("</tbody></table>")
    return "\n".join(lines)


def to_html(rows: list[RowResult], meta: RunMeta) -> str:
    s = summarize(rows)
    status = allowlist_status(meta)
    out = [
        "<!doctype html><html lang='en' dir='ltr'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        f"<title>Accessibility report: {s['failed']} of {s['rows']} rows fail | Minna Portal</title>",
        f"<style>{STYLE}</style></head><body><header>",
        "<h1>Accessibility report</h1>",
        f"<p>{html.escape(meta.base_url)} · {html.escape(meta.started.strftime('%Y-%m-%d %H:%M UTC'))} · "
        f"{meta.seconds:.0f} s with {meta.workers} workers · WCAG 2.2 AA (axe tags wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa) "
        "plus keyboard, focus, reflow, text size and spacing, target size, language and form checks.</p>",
        "<ul class='stats'>",
        f"<li><strong>{s['rows']}</strong> rows ({meta.targets} page × locale × mode)</li>",
        f"<li class='{'fail' if s['failed'] else 'pass'}'><strong>{s['failed']}</strong> failing rows</li>",
        f"<li><strong>{s['failures']}</strong> failures</li><li><strong>{s['excused']}</strong> excused</li>",
        f"<li><strong>{s['errors']}</strong> rows not checked (errors)</li>",
        f"<li><strong>{s['retried']}</strong> rows checked on a second attempt</li></ul>",
        f"<p>Pages: {html.escape(', '.join(meta.pages))}. Locales: {html.escape(', '.join(meta.locales))}. "
        f"Modes: {html.escape(', '.join(meta.modes))}.</p></header><main>",
    ]
    if status["expired"] or status["unused"]:
        out.append("<section class='warn' aria-labelledby='allow-h'><h2 id='allow-h'>Allowlist</h2><ul>")
        for entry in status["expired"]:
            out.append(f"<li><strong>Expired</strong> on {html.escape(entry['expires'])}, no longer excuses: "
                       f"<code>{html.escape(entry['rule'])}</code> at <code>{html.escape(entry['selector'])}</code> — "
                       f"{html.escape(entry['reason'])}</li>")
        for entry in status["unused"]:
            out.append(f"<li><strong>Unused</strong> (nothing matched; remove it?): <code>{html.escape(entry['rule'])}</code>"
                       f" at <code>{html.escape(entry['selector'])}</code></li>")
        out.append("</ul></section>")
    out.append("<h2>Rows</h2><table><thead><tr><th scope='col'>Page</th><th scope='col'>Locale</th>"
               "<th scope='col'>Mode</th><th scope='col'>Example</th><th scope='col'>Result</th>"
               "<th scope='col'>Seconds</th></tr></thead><tbody>")
    for row in sorted(rows, key=lambda r: r.passed):
        result = "<span class='pass'>pass</span>" if row.passed else "<span class='fail'>fail</span>"
        detail = ""
        if row.error:
            detail += f"<p class='fail'>Not checked: {html.escape(row.error)}</p>"
        if row.retried:
            detail += f"<p>Checked on a second attempt; the first could not check it: {html.escape(row.retried)}</p>"
        if row.findings:
            count = len(row.failures)
            label = f"{count} failure{'' if count == 1 else 's'}" + (f", {len(row.excused)} excused" if row.excused else "")
            detail += f"<details><summary>{label}</summary>{_findings_table(row)}"
            if row.screenshot:
                detail += f"<p><a href='{html.escape(row.screenshot)}'>Whole page screenshot</a></p>"
            detail += "</details>"
        out.append(f"<tr><td><a href='{html.escape(row.url)}'>{html.escape(row.page)}</a></td>"
                   f"<td>{html.escape(row.locale)}</td><td>{html.escape(row.mode)}</td>"
                   f"<td>{html.escape(row.example) or '—'}</td><td>{result}{detail}</td><td>{row.seconds:.1f}</td></tr>")
    out.append("</tbody></table></main></body></html>")
    return "\n".join(out)


def write_report(rows: list[RowResult], meta: RunMeta, out_dir: Path) -> tuple[Path, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    json_path = out_dir / "report.json"
    html_path = out_dir / "index.html"
    json_path.write_text(json.dumps(to_json(rows, meta), ensure_ascii=False, indent=1), encoding="utf-8")
    html_path.write_text(to_html(rows, meta), encoding="utf-8")
    return json_path, html_path


def now() -> datetime:
    return datetime.now(UTC)
