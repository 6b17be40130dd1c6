"""What a portal worker's memory is made of: RSS after each import step, then tracemalloc by package.

    .venv/bin/python bench/bench_memory.py [--trace] [--top 15]

Runs in a fresh interpreter, as a production worker loads the app: Reflex, the locale catalogs, the Janome
dictionary, the page modules, the app with every route in every locale (rxapp/rxapp.py), then the ASGI app
a worker builds (App.__call__, with compilation skipped as in production). Prints the RSS growth of each
step; with --trace, also the Python allocations still live at the end, grouped by top-level package (tracemalloc
then roughly doubles the RSS figures, as it keeps a record per allocation; it only sees Python allocations).
Writes bench/results/memory.json. Reports; never fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import tracemalloc
from collections import defaultdict
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / 2**20


def package_of(filename: str) -> str:
    """'reflex', 'rxapp/pages', 'janome', '<frozen ...>': the top-level package, rxapp one level deeper."""
    path = Path(filename)
    parts = path.parts
    for marker in ("site-packages", "lib"):
        if marker in parts:
            rest = parts[parts.index(marker) + 1:]
            if rest and rest[0].startswith("python3"):
                rest = rest[1:]
            if rest:
                return rest[0].removesuffix(".py")
    if str(path).startswith(str(ROOT)):
        rest = path.relative_to(ROOT).parts
        return "/".join(rest[:2]) if rest[0] == "rxapp" and len(rest) > 2 else rest[0]
    return filename


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--trace", action="store_true", help="tracemalloc by package (inflates RSS)")
    args = parser.parse_args()
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("__REFLEX_SKIP_COMPILE", "true")  # as the production workers: no frontend compile
    os.environ.setdefault("REFLEX_ENV_MODE", "prod")
    if args.trace:
        tracemalloc.start(1)
    steps: list[dict[str, float | str]] = []
    last = rss_mb()
    steps.append({"step": "python", "rss_mb": round(last, 1), "delta_mb": round(last, 1), "seconds": 0.0})

    def step(name: str, action: object) -> None:
        nonlocal last
        started = time.perf_counter()
        action()  # type: ignore[operator]
        now = rss_mb()
        steps.append({"step": name, "rss_mb": round(now, 1), "delta_mb": round(now - last, 1),
                      "seconds": round(time.perf_counter() - started, 2)})  # fmt: skip
        last = now

    def import_reflex() -> None:
        import reflex
        import reflex.app
        import reflex.state  # noqa: F401

    def catalogs() -> None:
        from rxapp.i18n import T, shipped_locales

        for locale in shipped_locales():
            T(locale)._("Minna Portal")

    def janome() -> None:
        from janome.tokenizer import Tokenizer

        list(Tokenizer().tokenize("日本語の文章"))

    def pages() -> None:
        import rxapp.pages
        import rxapp.state.application  # noqa: F401

    app_holder: dict[str, object] = {}

    def app_module() -> None:
        from reflex.utils import prerequisites

        app_holder["app"] = prerequisites.get_app().app

    def asgi_app() -> None:
        app_holder["asgi"] = app_holder["app"]()  # type: ignore[operator]

    step("import reflex", import_reflex)
    step("locale catalogs (every shipped locale)", catalogs)
    step("Janome tokenizer (its dictionary)", janome)
    step("page and state modules", pages)
    step("rxapp.rxapp: every route in every locale", app_module)
    step("ASGI app of a worker (App.__call__)", asgi_app)

    by_package: dict[str, int] = defaultdict(int)
    if args.trace:
        for stat in tracemalloc.take_snapshot().statistics("filename"):
            by_package[package_of(stat.traceback[0].filename)] += stat.size
    traced_total = sum(by_package.values())
    top = sorted(by_package.items(), key=lambda item: -item[1])[: args.top]

    from rxapp.i18n import shipped_locales

    app = app_holder["app"]
    print(f"{'step':45} {'RSS MB':>8} {'+MB':>7} {'s':>6}")
    for row in steps:
        print(f"{row['step']:45} {row['rss_mb']:8.1f} {row['delta_mb']:7.1f} {row['seconds']:6.2f}")
    print(f"routes: {len(app._unevaluated_pages)}, locales: {len(shipped_locales())}")  # type: ignore[attr-defined]
    if args.trace:
        print(f"Python allocations live (tracemalloc): {traced_total / 2**20:.1f} MB; by package:")
        for name, size in top:
            print(f"  {name:40} {size / 2**20:7.1f} MB")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "memory.json").write_text(json.dumps({
        "steps": steps, "traced_mb": round(traced_total / 2**20, 1),
        "by_package_mb": {name: round(size / 2**20, 2) for name, size in top},
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
