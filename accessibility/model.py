"""The suite's data: what is checked (targets), what was found (findings), and per-row results.

Plain dataclasses that cross process boundaries (workers) and end up in report.json.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

IMPACTS = ("critical", "serious", "moderate", "minor")


@dataclass
class Finding:
    """One failure of one rule on one element (or on the page when `selector` is empty)."""

    check: str  # the check family: axe, language, structure, keyboard, layout, targets, forms
    rule: str  # a stable id, e.g. "color-contrast", "focus-visible", "reflow-320"
    wcag: str  # success criteria, e.g. "1.4.3" or "1.3.1, 4.1.2"
    message: str
    selector: str = ""
    impact: str = "serious"
    variant: str = ""  # "", "320px", "text-spacing", "forced-colors", "dark", "reduced-motion"
    html: str = ""  # a short snippet of the element
    screenshot: str = ""  # path relative to the report folder
    example: str = ""  # gallery example id the element sits in, if any
    excused_by: str = ""  # allowlist entry that excuses it ("" = a failure)
    note: str = ""  # e.g. "allowlist entry expired on 2026-01-31"

    @property
    def failing(self) -> bool:
        return not self.excused_by


@dataclass(frozen=True)
class Target:
    """One row of the matrix: a page in a locale and a display mode."""

    page: str  # inventory name: "home", "help", "404", …
    path: str  # "/en/help"
    locale: str
    lang: str  # expected <html lang>
    direction: str  # expected <html dir>
    mode: str
    prefs: str  # minna_prefs cookie value for the mode ("" = none)
    signed_in: bool = False
    status: int = 200  # expected HTTP status of the page
    title: str = ""  # the page's own title in this locale (without the service name), "" = unknown
    english_title: str = ""  # the untranslated English title, to spot titles that escaped translation
    english_service: str = ""
    pseudo: bool = False
    emulations: bool = False  # also run axe + reflow under reduced motion, forced colours and dark scheme
    native_names: tuple[tuple[str, str], ...] = ()  # (native name, lang) of every shipped language

    @property
    def key(self) -> str:
        return f"{self.page} · {self.locale} · {self.mode}"

    @property
    def slug(self) -> str:
        raw = f"{self.page}--{self.locale}--{self.mode}"
        return "".join(c if c.isalnum() or c in "-_" else "_" for c in raw)


@dataclass
class RowResult:
    """The outcome of one row: a target, or one gallery example inside a target."""

    page: str
    locale: str
    mode: str
    url: str
    example: str = ""  # "" for the page row
    findings: list[Finding] = field(default_factory=list)
    error: str = ""  # the row could not be checked (page did not load, …): counts as a failure
    seconds: float = 0.0
    screenshot: str = ""
    title: str = ""  # document.title as loaded, for the cross-page uniqueness check
    checks_run: list[str] = field(default_factory=list)
    allowlist_used: list[int] = field(default_factory=list)  # indices of the allowlist entries that matched
    retried: str = ""  # the first attempt's error when the row had to be checked a second time

    @property
    def failures(self) -> list[Finding]:
        return [f for f in self.findings if f.failing]

    @property
    def excused(self) -> list[Finding]:
        return [f for f in self.findings if not f.failing]

    @property
    def passed(self) -> bool:
        return not self.error and not self.failures

    @property
    def key(self) -> str:
        base = f"{self.page} · {self.locale} · {self.mode}"
        return f"{base} · #{self.example}" if self.example else base

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["passed"] = self.passed
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RowResult:
        data = dict(data)
        data.pop("passed", None)
        data["findings"] = [Finding(**f) for f in data.get("findings", [])]
        return cls(**data)
