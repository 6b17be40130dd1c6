"""`python -m accessibility --base-url URL [options]`: check any running Minna Portal.

Exit codes: 0 every row passed; 1 something failed (or a row could not be checked); 2 the suite could not run
as asked (base URL does not answer, unknown locale/mode/page, bad allowlist, nothing to check). Problems of
the third kind print ONE line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import NoReturn

from accessibility.inventory import SuiteError
from accessibility.model import RowResult
from accessibility.signin import DEFAULT_SIGN_IN
from accessibility.suite import default_workers

DEFAULT_REPORT = Path("reports/accessibility")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"accessibility: {message} (see --help)\n")
        raise SystemExit(2)


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="python -m accessibility",
        description="WCAG 2.2 AA checks of a running Minna Portal: every page × locale × display mode.",
    )
    p.add_argument("--base-url", default=os.environ.get("MINNA_BASE_URL"),
                   help="the portal to check, e.g. https://portal.example.jp (default: $MINNA_BASE_URL)")
    p.add_argument("--locales", type=_csv, help="comma-separated locale codes (default: every locale the portal ships)")
    p.add_argument("--modes", type=_csv,
                   help="comma-separated display modes: default, simple, high-contrast, 200 (default: all; "
                        "pseudo-locales run in the default mode unless modes are given)")
    p.add_argument("--pages", type=_csv, help="comma-separated page names from the portal's inventory (default: all)")
    p.add_argument("--report", type=Path, default=DEFAULT_REPORT, help=f"report folder (default: {DEFAULT_REPORT})")
    p.add_argument("--workers", type=int, default=default_workers(),
                   help="parallel browsers (default: the number of CPU cores + 1)")
    p.add_argument("--allowlist", type=Path, help="allowlist TOML (default: the suite's accessibility/allowlist.toml)")
    p.add_argument("--sign-in", default=DEFAULT_SIGN_IN, help=f"sign-in step as module:function (default: {DEFAULT_SIGN_IN})")
    p.add_argument("--no-emulations", action="store_true",
                   help="skip the reduced-motion, forced-colours and dark-scheme runs")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    return p


def _progress(done: int, total: int, rows: list[RowResult]) -> None:
    row = rows[0]
    failures = sum(len(r.failures) for r in rows)
    state = "error" if row.error and not row.checks_run else (f"FAIL {failures}" if failures or row.error else "ok")
    examples = f" (+{len(rows) - 1} examples)" if len(rows) > 1 else ""
    sys.stderr.write(f"[{done:>4}/{total}] {row.key}{examples}: {state} ({row.seconds:.1f} s)\n")


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if not args.base_url:
        sys.stderr.write("accessibility: --base-url is required (or set MINNA_BASE_URL)\n")
        return 2
    from accessibility.suite import SuiteOptions, run_suite

    options = SuiteOptions(
        base_url=args.base_url, locales=args.locales, modes=args.modes, pages=args.pages,
        report_dir=args.report, workers=args.workers, allowlist=args.allowlist, sign_in=args.sign_in,
        emulations=not args.no_emulations, progress=None if args.quiet else _progress,
    )
    try:
        result = run_suite(options)
    except SuiteError as exc:
        sys.stderr.write(f"accessibility: {exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("accessibility: interrupted\n")
        return 130
    except Exception as exc:  # a bug in the suite: still one line, and a non-zero exit
        first = str(exc).splitlines()[0] if str(exc) else ""
        sys.stderr.write(f"accessibility: internal error: {type(exc).__name__}: {first}\n")
        return 2
    for label in result.expired:
        sys.stderr.write(f"accessibility: allowlist entry expired, no longer excuses: {label}\n")
    for line in result.retried_lines():
        sys.stderr.write(f"accessibility: {line}\n")
    for line in result.summary_lines():
        print(line)
    s = result.rows
    failed = len(result.failed_rows)
    print(f"{len(s)} rows checked ({result.meta.targets} page × locale × mode) in {result.meta.seconds:.0f} s: "
          f"{failed} failing, {sum(len(r.failures) for r in s)} failures, {sum(len(r.excused) for r in s)} excused.")
    if result.report_html:
        print(f"Report: {result.report_html} (and {result.report_json.name if result.report_json else ''})")
    return result.exit_code
