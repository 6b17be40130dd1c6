"""The portal's client scripts as one hashed, cacheable file instead of inline <script> elements.

Why: Reflex renders <head> with React, so an inline script travels twice on a first load — in the prerendered
HTML and again inside the root JS bundle that hydrates it — and once more with every HTML page. As a file it
travels once and is cached for a year (the name changes with the content; see middleware.cache_headers).
Only the display-preferences script stays inline: it must run before the first paint.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
FOLDER = "scripts"  # served at /scripts/; git-ignored, written on every start


def publish_script(name: str, source: str, assets: Path = ASSETS) -> str:
    """Write `source` to assets/scripts/<name>-<hash>.js (Reflex copies assets/ into the public folder) and
    return the URL path. Older versions of the same name are removed."""
    digest = hashlib.sha256(source.encode()).hexdigest()[:12]
    folder = assets / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    filename = f"{name}-{digest}.js"
    target = folder / filename
    if not target.exists() or target.read_text(encoding="utf-8") != source:
        # Several workers may start at once: write aside, then rename (atomic), never a half-written file.
        scratch = folder / f".{filename}.{os.getpid()}.tmp"
        scratch.write_text(source, encoding="utf-8")
        os.replace(scratch, target)
    for old in folder.glob(f"{name}-*.js"):
        if old.name != filename:
            old.unlink(missing_ok=True)
    return f"/{FOLDER}/{filename}"


def is_hashed_script(path: str) -> bool:
    """A URL path published by publish_script: its content never changes under that name."""
    return path.startswith(f"/{FOLDER}/") and path.endswith(".js")
