"""Build step: Reflex's pages without @emotion/react.

Reflex compiles every element with `jsx` from @emotion/react, so that a `css` prop can become a generated class.
The portal styles with the classes of assets/minna.css; its only `css` props are flat declarations (a step
indicator's inline-size, an SVG label's text-anchor). Emotion with its stylis parser and style cache is 24 KB of
JavaScript (about 8 KB compressed) on every first load, so the build points @emotion/react at a small stand-in
that passes flat `css` declarations on as `style`. A nested rule (`&:hover`, `@media`, `:root`) would be lost,
so the build stops with a message when a compiled page has one.

Registered in rxconfig.py; the stand-in is written to .web/utils/, the alias into .web/vite.config.js.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reflex_base.plugins.base import Plugin

SHIM_PATH = "utils/minna-emotion-free.js"
MARKER = "minna-emotion-free"
ALIAS_ANCHOR = "    alias: [\n"

# The stand-in. `jsx(type, props, ...children)` is the only name Reflex imports from @emotion/react.
SHIM = """// minna-emotion-free: stands in for @emotion/react (see rxapp/build_plugin.py).
import { createElement } from "react";

function flat(css, out) {
  if (Array.isArray(css)) { css.forEach(function (part) { flat(part, out); }); return out; }
  if (css && typeof css === "object") {
    for (var key in css) {
      var value = css[key];
      if (value !== null && value !== undefined && typeof value !== "object") out[key] = value;
    }
  }
  return out;
}

export function jsx(type, props) {
  var children = Array.prototype.slice.call(arguments, 2);
  if (props && props.css !== undefined) {
    var rest = Object.assign({}, props);
    delete rest.css;
    var style = flat(props.css, {});
    if (Object.keys(style).length) rest.style = Object.assign(style, props.style || {});
    props = rest;
  }
  return createElement.apply(null, [type, props].concat(children));
}
"""

# A `css` prop object as Reflex compiles it: css:({ ["key"] : value, … }) — a nested rule has an object value.
NESTED_RULE = re.compile(r'css:\(\{[^()]*\["(?:&|@|:)[^"]*"\]\s*:\s*\(\{')


def with_alias(vite_config: str) -> str:
    """vite.config.js with @emotion/react resolved to the stand-in (idempotent)."""
    if MARKER in vite_config:
        return vite_config
    if ALIAS_ANCHOR not in vite_config:
        raise RuntimeError("vite.config.js has no `alias: [` list: Reflex changed its template; see rxapp/build_plugin.py")
    entry = (f"{ALIAS_ANCHOR}      {{ // {MARKER}\n"
             "        find: /^@emotion\\/react$/,\n"
             f'        replacement: fileURLToPath(new URL("./{SHIM_PATH}", import.meta.url)),\n'
             "      },\n")
    return vite_config.replace(ALIAS_ANCHOR, entry, 1)


def nested_rules(web_dir: Path) -> list[str]:
    """Compiled files whose `css` props hold a nested rule the stand-in cannot apply."""
    found = []
    for folder in ("app", "utils"):
        for path in (web_dir / folder).rglob("*.js*"):
            if NESTED_RULE.search(path.read_text(encoding="utf-8", errors="replace")):
                found.append(str(path.relative_to(web_dir)))
    return sorted(found)


class EmotionFreePlugin(Plugin):
    def get_static_assets(self, **context: Any) -> Sequence[tuple[Path, str | bytes]]:
        return [(Path(SHIM_PATH), SHIM)]

    def pre_compile(self, **context: Any) -> None:
        context["add_modify_task"]("vite.config.js", with_alias)

    def post_compile(self, **context: Any) -> None:
        from reflex.utils.prerequisites import get_web_dir

        found = nested_rules(Path(get_web_dir()))
        if found:
            raise RuntimeError(
                "a compiled page has a nested css rule (&:hover, @media, …) that the emotion-free build drops: "
                + ", ".join(found[:5]) + ". Style it in assets/minna.css instead."
            )
