"""The portal's client scripts as one hashed, cacheable file instead of inline <script> elements.

Why: Reflex renders <head> with React, so an inline script travels twice on a first load — in the prerendered
HTML and again inside the root JS bundle that hydrates it — and once more with every HTML page. As a file it
travels once and is cached for a year (the name changes with the content; see middleware.cache_headers).
Only the display-preferences script stays inline: it must run before the first paint.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
FOLDER = "scripts"  # served at /scripts/; git-ignored, written when a source changes
MINIFY_VERSION = "bun-iife-1"  # part of the file name: a change of minifier gives a new name


def minified(source: str) -> str:
    """`source` minified by bun (which Reflex's build needs anyway): a third fewer bytes after Brotli. Without
    bun, or if it fails, the source as it is: a bigger file, the same behaviour."""
    bun = shutil.which("bun")
    if not bun:
        return source
    with tempfile.TemporaryDirectory(prefix="minna-js-") as scratch:
        entry = Path(scratch) / "client.js"
        entry.write_text(source, encoding="utf-8")
        try:
            done = subprocess.run([bun, "build", "--minify", "--target=browser", "--format=iife", str(entry)],
                                  capture_output=True, text=True, timeout=60, check=True)
        except (OSError, subprocess.SubprocessError):
            return source
    return done.stdout if done.stdout.strip() else source


def publish_script(name: str, source: str, assets: Path = ASSETS) -> str:
    """Write `source`, minified, to assets/scripts/<name>-<hash>.js (Reflex copies assets/ into the public
    folder) and return the URL path. Older versions of the same name are removed."""
    folder = assets / FOLDER
    # Named by the source (and how it is minified): an unchanged source is not minified again at every start.
    digest = hashlib.sha256(f"{MINIFY_VERSION}\n{source}".encode()).hexdigest()[:12]
    filename = f"{name}-{digest}.js"
    target = folder / filename
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        # Several workers may start at once: write aside, then rename (atomic), never a half-written file.
        scratch = folder / f".{filename}.{os.getpid()}.tmp"
        scratch.write_text(minified(source), encoding="utf-8")
        os.replace(scratch, target)
    for old in folder.glob(f"{name}-*.js"):
        if old.name != filename:
            old.unlink(missing_ok=True)
    return f"/{FOLDER}/{filename}"


def inline_script(name: str, source: str, assets: Path = ASSETS) -> str:
    """`source` minified for an inline <script>, through the same on-disk file as publish_script: bun runs once
    per source, not at every start of every worker."""
    return (assets / publish_script(name, source, assets).lstrip("/")).read_text(encoding="utf-8")


def is_hashed_script(path: str) -> bool:
    """A URL path published by publish_script: its content never changes under that name."""
    return path.startswith(f"/{FOLDER}/") and path.endswith(".js")
