"""The allowlist: the only way to excuse a finding, for a known upstream problem, and only until a date.

Each entry names the rule, the element (a CSS selector: the finding's own selector, or one the element
matches or sits inside), the reason and an expiry date; optionally the pages, locales and modes it is
limited to. Expired entries stop excusing: their findings fail again and the report lists the entries.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from accessibility.inventory import SuiteError
from accessibility.model import Finding

DEFAULT_PATH = Path(__file__).resolve().parent / "allowlist.toml"


@dataclass(frozen=True)
class AllowEntry:
    rule: str
    selector: str
    reason: str
    expires: date
    pages: tuple[str, ...] = ()
    locales: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.rule} @ {self.selector} (until {self.expires.isoformat()})"

    def expired(self, today: date | None = None) -> bool:
        return self.expires < (today or date.today())

    def applies_to(self, page: str, locale: str, mode: str) -> bool:
        return (
            (not self.pages or page in self.pages)
            and (not self.locales or locale in self.locales)
            and (not self.modes or mode in self.modes)
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "selector": self.selector, "reason": self.reason,
            "expires": self.expires.isoformat(), "pages": list(self.pages), "locales": list(self.locales),
            "modes": list(self.modes),
        }


def load_allowlist(path: Path | None = None) -> list[AllowEntry]:
    """Read and validate the allowlist; any problem is a SuiteError naming the file and the entry."""
    path = path or DEFAULT_PATH
    if not path.exists():
        raise SuiteError(f"allowlist {path} does not exist")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SuiteError(f"allowlist {path} is not valid TOML: {exc}") from None
    entries: list[AllowEntry] = []
    for number, raw in enumerate(data.get("entry", []), start=1):
        where = f"allowlist {path.name}, entry {number}"
        if not isinstance(raw, dict):
            raise SuiteError(f"{where}: not a table")
        for key in ("rule", "selector", "reason"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise SuiteError(f"{where}: '{key}' must be a non-empty string")
        expires = raw.get("expires")
        if not isinstance(expires, date):
            raise SuiteError(f"{where}: 'expires' must be a date like 2026-12-31")
        scopes = {}
        for key in ("pages", "locales", "modes"):
            value = raw.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SuiteError(f"{where}: '{key}' must be a list of strings")
            scopes[key] = tuple(value)
        unknown = set(raw) - {"rule", "selector", "reason", "expires", "pages", "locales", "modes"}
        if unknown:
            raise SuiteError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        entries.append(AllowEntry(raw["rule"].strip(), raw["selector"].strip(), raw["reason"].strip(), expires, **scopes))
    return entries


MATCHES_JS = r"""([selector, candidate]) => {
  if (!selector || selector === "html") return candidate === "html" || candidate === ":root";
  let el = null;
  try { el = document.querySelector(selector); } catch (e) { return false; }
  if (!el) return false;
  try { return el.matches(candidate) || !!el.closest(candidate); } catch (e) { return false; }
}"""


def apply(
    findings: list[Finding],
    entries: list[AllowEntry],
    page: str,
    locale: str,
    mode: str,
    element_matches: Any = None,
    today: date | None = None,
) -> set[int]:
    """Mark excused findings in place; returns the indices of the entries that matched something.

    `element_matches(finding_selector, entry_selector) -> bool` asks the live page whether the element
    matches (or sits inside) the entry's selector; without it only identical selectors match.
    """
    used: set[int] = set()
    for finding in findings:
        for index, entry in enumerate(entries):
            if entry.rule != finding.rule or not entry.applies_to(page, locale, mode):
                continue
            same = entry.selector == finding.selector or (entry.selector == "html" and not finding.selector)
            if not same and element_matches is not None and finding.selector:
                same = bool(element_matches(finding.selector, entry.selector))
            if not same:
                continue
            used.add(index)
            if entry.expired(today):
                finding.note = f"allowlist entry expired on {entry.expires.isoformat()}: {entry.reason}"
                continue
            finding.excused_by = f"{entry.label}: {entry.reason}"
            break
    return used
