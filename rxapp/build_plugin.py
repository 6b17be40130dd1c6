"""Build step: Reflex's pages without the JavaScript packages the portal never uses.

Every first load carries Reflex's runtime. Four of its packages do work the portal does not need, so the build
points them at small stand-ins in rxapp/web_shims/ (about 20 KB compressed less on every page, measured on /ja/:
emotion 8.7 KB, the socket.io client 9.3 KB, cookie and merge 2.5 KB):
- @emotion/react (with stylis and its style cache, 24 KB of JavaScript): Reflex compiles every element with its
  `jsx`, so that a `css` prop can become a generated class. The portal styles with the classes of
  assets/minna.css; its only `css` props are flat declarations (a step indicator's inline-size, an SVG label's
  text-anchor), which the stand-in passes on as `style`. A nested rule (`&:hover`, `@media`, `:root`) would be
  lost, so the build stops with a message when a compiled page has one.
- universal-cookie (7 KB): state.js reads, sets and removes cookies for `rx.Cookie` vars with three calls; the
  stand-in makes them with the same cookie format.
- mergician (5 KB): state.js deep-merges the object props of a Radix Slot child; the stand-in merges plain
  objects, later keys winning.
- socket.io-client with engine.io-client and their parsers (45 KB): Reflex talks to its backend over one
  WebSocket (the transport setting is "websocket"; uploads use HTTP). The stand-in speaks the same protocol
  (Socket.IO v5 over Engine.IO v4: handshake, namespace CONNECT with the hydrate event, EVENT, ACK, DISCONNECT,
  CONNECT_ERROR, heartbeat) and keeps the names state.js reaches into; reconnecting stays state.js's job, as it
  is with Reflex's options (`reconnection: false`). The build stops if the transport is changed to polling.
tests/unit/test_web_shims.py runs the cookie and merge stand-ins in bun against the behaviour state.js relies on;
tests/browser/test_socket_lite.py drives the socket stand-in against the portal's backend.

Registered in rxconfig.py; the stand-ins are written to .web/utils/, the aliases into .web/vite.config.js.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reflex_base.plugins.base import Plugin

from rxapp.call_scripts import state_js_without_eval

SHIMS_DIR = Path(__file__).resolve().parent / "web_shims"
MARKER = "minna-stand-in"
ALIAS_ANCHOR = "    alias: [\n"


@dataclass(frozen=True)
class StandIn:
    """A package Reflex's runtime imports, and the file in rxapp/web_shims/ that replaces it."""

    package: str
    source: str

    @property
    def pattern(self) -> str:
        """A JavaScript regex literal matching exactly the package's import name."""
        return "/^" + self.package.replace("/", "\\/") + "$/"

    @property
    def web_path(self) -> str:
        return f"utils/minna-{self.source}"


STAND_INS = (
    StandIn("@emotion/react", "emotion-free.js"),
    StandIn("universal-cookie", "cookies.js"),
    StandIn("mergician", "deep-merge.js"),
    StandIn("socket.io-client", "socket-io-lite.js"),
)


def with_alias(vite_config: str) -> str:
    """vite.config.js with each replaced package resolved to its stand-in (idempotent)."""
    if MARKER in vite_config:
        return vite_config
    if ALIAS_ANCHOR not in vite_config:
        raise RuntimeError("vite.config.js has no `alias: [` list: Reflex changed its template; see rxapp/build_plugin.py")
    entries = "".join(
        f"      {{ // {MARKER}\n"
        f"        find: {stand_in.pattern},\n"
        f'        replacement: fileURLToPath(new URL("./{stand_in.web_path}", import.meta.url)),\n'
        "      },\n"
        for stand_in in STAND_INS
    )
    return vite_config.replace(ALIAS_ANCHOR, ALIAS_ANCHOR + entries, 1)


# A `css` prop object as Reflex compiles it: css:({ ["key"] : value, … }) — a nested rule has an object value.
NESTED_RULE = re.compile(r'css:\(\{[^()]*\["(?:&|@|:)[^"]*"\]\s*:\s*\(\{')


def nested_rules(web_dir: Path) -> list[str]:
    """Compiled files whose `css` props hold a nested rule the stand-in cannot apply."""
    found = []
    for folder in ("app", "utils"):
        for path in (web_dir / folder).rglob("*.js*"):
            if NESTED_RULE.search(path.read_text(encoding="utf-8", errors="replace")):
                found.append(str(path.relative_to(web_dir)))
    return sorted(found)


class LeanBundlePlugin(Plugin):
    def get_static_assets(self, **context: Any) -> Sequence[tuple[Path, str | bytes]]:
        return [(Path(s.web_path), (SHIMS_DIR / s.source).read_text(encoding="utf-8")) for s in STAND_INS]

    def pre_compile(self, **context: Any) -> None:
        from reflex.config import get_config

        if get_config().transport != "websocket":
            raise RuntimeError("rxapp/web_shims/socket-io-lite.js speaks Socket.IO over a WebSocket only; "
                               "the portal's transport must stay \"websocket\" (rxconfig.py)")
        context["add_modify_task"]("vite.config.js", with_alias)
        # rx.call_script without eval(): the pages' CSP has no 'unsafe-eval' (rxapp/call_scripts.py).
        context["add_modify_task"]("utils/state.js", state_js_without_eval)

    def post_compile(self, **context: Any) -> None:
        from reflex.utils.prerequisites import get_web_dir

        found = nested_rules(Path(get_web_dir()))
        if found:
            raise RuntimeError(
                "a compiled page has a nested css rule (&:hover, @media, …) that the emotion-free build drops: "
                + ", ".join(found[:5]) + ". Style it in assets/minna.css instead."
            )
