"""Accessibility suite benchmark: wall time of the full matrix, and how it grows with pages and workers.

    .venv/bin/python bench/bench_a11y.py [--base-url URL] [--workers 2] [--steps 1,3,all] [--worker-counts 1,2,3]

Starts the production portal (pseudo-locales on) unless --base-url is given. For growing page sets (the first
N pages of the inventory, gallery last) it runs the default matrix — ja, ja-easy, en, ar × 4 modes, pseudo-
locales in the default mode — and records rows, wall time and seconds per row; then the full matrix with
other worker counts. Prints a table, writes bench/results/a11y.json. Target: the full matrix under 10 minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accessibility.inventory import fetch_inventory
from accessibility.suite import SuiteOptions, run_suite

RESULTS = Path(__file__).resolve().parent / "results"
TARGET_SECONDS = 600


def measure(base: str, pages: list[str], workers: int) -> dict[str, Any]:
    started = time.monotonic()
    result = run_suite(SuiteOptions(base_url=base, pages=pages, workers=workers))
    wall = time.monotonic() - started
    page_rows = [r for r in result.rows if not r.example]
    per_page: dict[str, list[float]] = {}
    for row in page_rows:
        per_page.setdefault(row.page, []).append(row.seconds)
    return {
        "pages": pages,
        "workers": workers,
        "targets": len(page_rows),
        "rows": len(result.rows),
        "wall_s": round(wall, 1),
        "s_per_target": round(wall / max(1, len(page_rows)), 2),
        "row_s_median": {p: round(statistics.median(v), 2) for p, v in per_page.items()},
        "failing_rows": len(result.failed_rows),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url")
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    parser.add_argument("--steps", default="1,3,all", help="page counts to measure, e.g. 1,3,all")
    parser.add_argument("--worker-counts", default="", help="also run the full matrix with these worker counts")
    args = parser.parse_args()

    def run(base: str) -> list[dict[str, Any]]:
        names = [p.name for p in fetch_inventory(base).pages]
        names.sort(key=lambda n: n.startswith("components/"))  # the gallery pages (the heaviest) join last
        steps = [len(names) if s == "all" else min(int(s), len(names)) for s in args.steps.split(",") if s]
        runs = [measure(base, names[:n], args.workers) for n in dict.fromkeys(steps)]
        for workers in [int(w) for w in args.worker_counts.split(",") if w]:
            if workers != args.workers:
                runs.append(measure(base, names, workers))
        return runs

    if args.base_url:
        runs = run(args.base_url.rstrip("/"))
    else:
        from rxapp.devserver import running_portal

        with running_portal(".web-bench-a11y", {"PORTAL_PSEUDO_LOCALES": "1"}) as (base, _process):
            runs = run(base)

    print(f"{'pages':>5} {'workers':>7} {'targets':>7} {'rows':>5} {'wall s':>7} {'s/target':>8}  slowest page (median s/row)")
    for r in runs:
        slowest = max(r["row_s_median"].items(), key=lambda kv: kv[1])
        print(f"{len(r['pages']):>5} {r['workers']:>7} {r['targets']:>7} {r['rows']:>5} {r['wall_s']:>7} "
              f"{r['s_per_target']:>8}  {slowest[0]} {slowest[1]}")
    full = max(runs, key=lambda r: (len(r["pages"]), -r["wall_s"]))
    growth = [r for r in runs if r["workers"] == args.workers]
    if len(growth) >= 2:
        a, b = growth[0], growth[-1]
        per_target = (b["wall_s"] - a["wall_s"]) / max(1, b["targets"] - a["targets"])
        print(f"growth: {per_target:.2f} s of wall time per extra page × locale × mode "
              f"(~{per_target * 18:.0f} s per extra page in 18 combinations) with {args.workers} workers")
    verdict = "within" if full["wall_s"] <= TARGET_SECONDS else "OVER"
    print(f"full matrix: {full['wall_s']} s, {verdict} the {TARGET_SECONDS} s target")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "a11y.json").write_text(json.dumps({"runs": runs, "target_s": TARGET_SECONDS}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
