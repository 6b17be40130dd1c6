"""The suite's core, shared by the CLI, the pytest entry and `make test`: discover, run, report."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from accessibility.allowlist import load_allowlist
from accessibility.inventory import SuiteError, build_targets, fetch_inventory
from accessibility.model import RowResult
from accessibility.report import RunMeta, now, write_report
from accessibility.runner import RunConfig, run_matrix
from accessibility.signin import DEFAULT_SIGN_IN, load_sign_in


def default_workers() -> int:
    """One browser more than the cores: a worker spends much of a row waiting (the page settling, the server),
    and a third worker on 2 cores measured 15 % faster (199 s → 168 s for 160 rows); a fourth gained nothing."""
    return (os.cpu_count() or 2) + 1


@dataclass
class SuiteOptions:
    base_url: str
    locales: list[str] | None = None
    modes: list[str] | None = None
    pages: list[str] | None = None
    report_dir: Path | None = None
    workers: int = 2
    allowlist: Path | None = None  # None: the package's allowlist.toml
    sign_in: str = DEFAULT_SIGN_IN
    emulations: bool = True
    checks: tuple[str, ...] = ()
    progress: Callable[[int, int, list[RowResult]], None] | None = None


@dataclass
class SuiteResult:
    rows: list[RowResult]
    meta: RunMeta
    report_json: Path | None = None
    report_html: Path | None = None
    expired: list[str] = field(default_factory=list)

    @property
    def failed_rows(self) -> list[RowResult]:
        return [r for r in self.rows if not r.passed]

    @property
    def exit_code(self) -> int:
        return 1 if self.failed_rows else 0

    def retried_lines(self) -> list[str]:
        """Rows that could only be checked on a second attempt: not failures, but worth a look when they recur."""
        return [f"{r.key}: checked on a second attempt (first: {r.retried})" for r in self.rows if r.retried]

    def summary_lines(self, limit: int = 40) -> list[str]:
        """A compact, readable list of what failed (for the terminal and pytest messages)."""
        lines = []
        for row in self.failed_rows:
            if row.error:
                lines.append(f"{row.key}: NOT CHECKED: {row.error}")
            for f in row.failures:
                where = f" {f.selector}" if f.selector else ""
                under = f" (under {f.variant})" if f.variant else ""
                lines.append(f"{row.key}: {f.rule} [WCAG {f.wcag or '?'}]{where}{under}: {f.message}")
        if len(lines) > limit:
            lines = [*lines[:limit], f"… and {len(lines) - limit} more (see the report)"]
        return lines


def run_suite(options: SuiteOptions) -> SuiteResult:
    """Raises SuiteError (exit 2) for anything that means nothing could be checked as asked."""
    started, clock = now(), time.monotonic()
    entries = load_allowlist(options.allowlist)
    try:
        load_sign_in(options.sign_in)
    except (ValueError, ImportError) as exc:
        raise SuiteError(str(exc)) from None
    if options.workers < 1:
        raise SuiteError(f"--workers must be at least 1, got {options.workers}")
    inventory = fetch_inventory(options.base_url)
    targets = build_targets(inventory, options.locales, options.modes, options.pages, emulations=options.emulations)
    config = RunConfig(
        base_url=inventory.base_url,
        report_dir=options.report_dir,
        workers=options.workers,
        allowlist=entries,
        prefs_cookie=inventory.prefs_cookie,
        sign_in=options.sign_in,
        sign_in_info=inventory.sign_in,
        checks=options.checks,
    )
    rows = run_matrix(targets, config, options.progress)
    meta = RunMeta(
        base_url=inventory.base_url,
        started=started,
        seconds=time.monotonic() - clock,
        workers=config.workers,
        targets=len(targets),
        locales=list(dict.fromkeys(t.locale for t in targets)),
        modes=list(dict.fromkeys(t.mode for t in targets)),
        pages=list(dict.fromkeys(t.page for t in targets)),
        allowlist=entries,
        allowlist_used={i for r in rows for i in r.allowlist_used},
        today=started.date().isoformat(),
    )
    result = SuiteResult(rows=rows, meta=meta, expired=[e.label for e in entries if e.expired(started.date())])
    if options.report_dir is not None:
        result.report_json, result.report_html = write_report(rows, meta, options.report_dir)
    return result
