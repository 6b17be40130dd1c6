"""The checks run on every page × locale × mode. Each is a function `(CheckContext) -> list[Finding]`.

Order matters: the keyboard walk runs on the freshly loaded page, the form check (which submits a form)
runs last because it changes the page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from accessibility.model import Finding, Target

DESKTOP = {"width": 1280, "height": 900}
REFLOW_WIDTH = 320  # WCAG 1.4.10: 320 CSS px wide, content that scrolls vertically
REFLOW_HEIGHT = 640


@dataclass
class CheckContext:
    """What a check may use: the loaded page, the row it belongs to, and helpers of the worker."""

    page: Page
    target: Target
    shots_dir: Path | None = None  # where checks may save screenshots (None: no screenshots)
    analyzer: object | None = None  # accessibility.checks.pixels.Analyzer, for focus-indicator pixels
    notes: list[str] = field(default_factory=list)  # checks that were skipped, and why
    # Focus-indicator results by style signature, shared by the rows of one worker (see checks/keyboard.py).
    focus_cache: dict[Any, Any] = field(default_factory=dict)
    _shot_count: int = 0

    def save_shot(self, png: bytes, label: str) -> str:
        """Store a screenshot for the report; returns its path relative to the report folder."""
        if self.shots_dir is None:
            return ""
        self._shot_count += 1
        safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in label)[:40]
        suffix = ".jpg" if png[:2] == b"\xff\xd8" else ".png"
        name = f"{self.target.slug}-{self._shot_count:02d}-{safe}{suffix}"
        self.shots_dir.mkdir(parents=True, exist_ok=True)
        (self.shots_dir / name).write_bytes(png)
        return f"{self.shots_dir.name}/{name}"


Check = Callable[[CheckContext], list[Finding]]


def all_checks() -> list[tuple[str, Check]]:
    """The checks in the order they run."""
    from accessibility.checks import axe, forms, keyboard, language, layout, structure, targets

    return [
        ("keyboard", keyboard.run),
        ("axe", axe.run),
        ("language", language.run),
        ("structure", structure.run),
        ("targets", targets.run),
        ("layout", layout.run),
        ("emulations", layout.run_emulations),
        ("forms", forms.run),
    ]
