"""Keyboard: a real walk with the Tab key from the top of the page.

- Every visible tabbable element is reached (2.1.1); one radio per group is enough (arrows move within).
- No keyboard trap: the walk leaves the document (2.1.2).
- Order (2.4.3): no positive tabindex; the walk follows the DOM and does not jump backwards on screen
  (up within a column, or against the reading direction within a line).
- The focus indicator is visible (2.4.7) with enough contrast (1.4.11): screenshots of the element with and
  without focus are compared pixel by pixel; the pixels that change by 3:1 or more between the two states
  (i.e. against the adjacent background) must cover at least half a 1 CSS px ring (width + height).
  Elements with the same signature (kind, focused style, background, clipping) and size class share one
  measurement, in the row and across the rows of a worker, which keeps a gallery of a hundred controls fast;
  each element still gets its own finding.
- Focus is never entirely hidden by author content such as a sticky header (2.4.11).
"""

from __future__ import annotations

import itertools
import math
from typing import Any

from accessibility.checks import CheckContext
from accessibility.checks.dom import evaluate
from accessibility.model import Finding

PREPARE = r"""() => {
  const A = window.__a11y;
  const els = A.tabbables();
  window.__a11yTab = els;
  const list = els.map((el, i) => {
    let group = "";
    if (el.localName === "input" && el.type === "radio" && el.name) {
      group = "radio:" + (el.form ? A.sel(el.form) : "") + ":" + el.name;
    }
    return { i, sel: A.sel(el), html: A.snippet(el), group };
  });
  const positive = Array.from(document.querySelectorAll("[tabindex]")).filter((el) => el.tabIndex > 0)
    .map((el) => ({ sel: A.sel(el), html: A.snippet(el), tabindex: el.getAttribute("tabindex") }));
  // Start the walk at the top of the document whatever had focus: focus a marker placed first in <body>.
  if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  window.scrollTo(0, 0);
  const marker = document.createElement("span");
  marker.id = "__a11y-start";
  marker.tabIndex = -1;
  document.body.prepend(marker);
  marker.focus({ preventScroll: true });
  return { list, positive, rtl: getComputedStyle(document.documentElement).direction === "rtl" };
}"""

STATE = r"""() => {
  const A = window.__a11y;
  const marker = document.getElementById("__a11y-start");
  if (marker) marker.remove();
  let el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { body: true };
  const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
  const box = A.hitBox(el) || A.rect(el);
  const onScreen = box.w > 0 && box.h > 0 && box.x < vw && box.y < vh && box.x + box.w > 0 && box.y + box.h > 0;
  let covered = 0, total = 0, cover = null;
  if (onScreen) {
    const x1 = Math.max(box.x, 0), y1 = Math.max(box.y, 0);
    const x2 = Math.min(box.x + box.w, vw), y2 = Math.min(box.y + box.h, vh);
    const parts = [el, ...A.labelsOf(el)];
    for (let gx = 0; gx < 5; gx++) for (let gy = 0; gy < 5; gy++) {
      const hit = document.elementFromPoint(x1 + (x2 - x1) * (gx + 0.5) / 5, y1 + (y2 - y1) * (gy + 0.5) / 5);
      total++;
      if (!hit) continue;
      if (!parts.some((p) => p === hit || p.contains(hit) || hit.contains(p))) { covered++; cover = cover || hit; }
    }
  }
  const fixedCover = cover ? A.fixedOrSticky(cover) : null;
  const r = el.getBoundingClientRect();
  // Elements of one kind (tag, type, role, classes) that look the same when focused, on the same background,
  // and are not clipped draw the same indicator: one pixel comparison per such signature is enough.
  const cs = getComputedStyle(el);
  let bg = "rgba(0, 0, 0, 0)";
  for (let n = el.parentElement; n; n = n.parentElement) {
    const b = getComputedStyle(n).backgroundColor;
    if (b && b !== "rgba(0, 0, 0, 0)" && b !== "transparent") { bg = b; break; }
  }
  let clipped = false;
  for (let n = el.parentElement, depth = 0; n && n !== document.body && depth < 4; n = n.parentElement, depth++) {
    if (getComputedStyle(n).overflow !== "visible") { clipped = true; break; }
  }
  const signature = [el.localName, el.type || "", el.getAttribute("role") || "", Array.from(el.classList).sort().join("."),
    cs.outlineStyle, cs.outlineWidth, cs.outlineColor, cs.outlineOffset, cs.boxShadow, cs.backgroundColor, cs.color,
    cs.borderTopColor, cs.borderBottomColor, cs.textDecorationLine, cs.textDecorationColor, bg, clipped,
    ...A.labelsOf(el).map((l) => Array.from(l.classList).sort().join("."))].join("|");
  return {
    signature,
    body: false, i: (window.__a11yTab || []).indexOf(el), sel: A.sel(el), html: A.snippet(el),
    box, onScreen, covered, total, cover: cover ? A.sel(fixedCover || cover) : "",
    page: { x: box.x + scrollX, y: box.y + scrollY, w: box.w, h: box.h },
    inFixed: !!A.fixedOrSticky(el), vw, vh,
    // The least indicator we accept: half a 1 CSS px ring (width + height) around each line fragment drawn.
    minimum: Array.from(el.getClientRects()).reduce((sum, f) => sum + Math.min(f.width, vw) + Math.min(f.height, vh), 0),
  };
}"""

# Tab scrolls just enough to show the element's border box; bring its rings (outline, shadow) into view too.
CENTRE = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  el.scrollIntoView({ block: "center", inline: "center" });
  const box = window.__a11y.hitBox(el) || window.__a11y.rect(el);
  return box;
}"""

MARGIN = 8  # CSS px around the element: outline, outline-offset and box-shadow rings live there


def _clip(box: dict[str, float], vw: float, vh: float) -> dict[str, float] | None:
    x1, y1 = max(0.0, box["x"] - MARGIN), max(0.0, box["y"] - MARGIN)
    x2, y2 = min(vw, box["x"] + box["w"] + MARGIN), min(vh, box["y"] + box["h"] + MARGIN)
    if x2 - x1 < 2 or y2 - y1 < 2:
        return None
    return {"x": x1, "y": y1, "width": x2 - x1, "height": y2 - y1}


def _size_bucket(box: dict[str, float]) -> tuple[int, int]:
    return (round(math.log2(max(box["w"], 1.0))), round(math.log2(max(box["h"], 1.0))))


def _appearance(ctx: CheckContext, state: dict[str, Any]) -> list[Finding]:
    """The focus indicator of one element: from the cache when an element of the same signature and size
    class was measured before (in this row or an earlier one of this worker), else measured here."""
    key = (ctx.target.mode, state["signature"], _size_bucket(state["box"]))
    cached = ctx.focus_cache.get(key)
    if cached is None:
        found = _measure(ctx, state)
        ctx.focus_cache[key] = (found, f"{state['sel']} on {ctx.target.key}")
        return [found] if found else []
    found, origin = cached
    if found is None:
        return []
    return [Finding(found.check, found.rule, found.wcag, f"{found.message} (same focus style as {origin})",
                    state["sel"], found.impact, html=state["html"], screenshot=found.screenshot)]


def _measure(ctx: CheckContext, state: dict[str, Any]) -> Finding | None:
    """Screenshot the focused element, blur it, screenshot again, compare; then focus it again."""
    page = ctx.page
    if ctx.analyzer is None:
        return None
    box = state["box"]
    if box["x"] < MARGIN or box["y"] < MARGIN or box["x"] + box["w"] > state["vw"] - MARGIN \
            or box["y"] + box["h"] > state["vh"] - MARGIN:
        box = page.evaluate(CENTRE) or box
    clip = _clip(box, state["vw"], state["vh"])
    if clip is None:
        return None
    focused = page.screenshot(clip=clip)
    page.evaluate("() => { window.__a11yLast = document.activeElement; document.activeElement.blur(); }")
    unfocused = page.screenshot(clip=clip)
    # Focus goes back, so the next Tab is handled by the element itself (a keyboard trap shows up).
    page.evaluate("() => window.__a11yLast && window.__a11yLast.focus({ preventScroll: true })")
    stats = ctx.analyzer.compare(focused, unfocused)  # type: ignore[attr-defined]
    needed = max(8.0, state["minimum"])
    if stats["changed"] < 4:
        shot = ctx.save_shot(focused, "focus-invisible")
        return Finding("keyboard", "focus-visible", "2.4.7",
                       "no visible change when this element receives keyboard focus",
                       state["sel"], "serious", html=state["html"], screenshot=shot)
    if stats["strong"] < needed:
        shot = ctx.save_shot(focused, "focus-contrast")
        return Finding("keyboard", "focus-indicator-contrast", "1.4.11, 2.4.7",
                       f"the focus indicator is too faint: {stats['strong']} px change by 3:1 or more "
                       f"(best {stats['best']:.2f}:1), at least {needed:.0f} px (half a 1 px ring) needed",
                       state["sel"], "serious", html=state["html"], screenshot=shot)
    return None


# The direction that lays two elements out is their closest common ancestor's: an Arabic example inside a
# Japanese page reads right to left, and a left-to-right language name inside an Arabic list still sits in
# right-to-left order.
COMMON_DIRECTION = r"""(pairs) => pairs.map(([a, b]) => {
  let x = null, y = null;
  try { x = document.querySelector(a); y = document.querySelector(b); } catch (e) { return "ltr"; }
  if (!x || !y) return "ltr";
  let node = x.parentElement;
  while (node && !node.contains(y)) node = node.parentElement;
  return getComputedStyle(node || document.documentElement).direction;
})"""


def _order(page: Any, stops: list[dict[str, Any]]) -> list[Finding]:
    """Backward jumps on screen between consecutive tab stops in the normal flow."""
    out: list[Finding] = []
    flow = [s for s in stops if not s["inFixed"] and s["page"]["w"] > 0 and s["page"]["h"] > 0]
    pairs = list(itertools.pairwise(flow))
    directions = page.evaluate(COMMON_DIRECTION, [[a["sel"], b["sel"]] for a, b in pairs]) if pairs else []
    for (a, b), direction in zip(pairs, directions, strict=True):
        pa, pb = a["page"], b["page"]
        overlap_y = min(pa["y"] + pa["h"], pb["y"] + pb["h"]) - max(pa["y"], pb["y"])
        if overlap_y > 0.5 * min(pa["h"], pb["h"]):
            rtl = direction == "rtl"
            backwards = pb["x"] >= pa["x"] + pa["w"] - 1 if rtl else pb["x"] + pb["w"] <= pa["x"] + 1
            why = "against the reading direction on the same line"
        else:
            overlap_x = min(pa["x"] + pa["w"], pb["x"] + pb["w"]) - max(pa["x"], pb["x"])
            backwards = pb["y"] + pb["h"] <= pa["y"] + 1 and overlap_x > 0
            why = "back up the same column"
        if backwards:
            out.append(Finding("keyboard", "focus-order-visual", "2.4.3",
                               f"Tab moves from {a['sel']} {why} to this element", b["sel"], "moderate",
                               html=b["html"]))
    return out


# Focus styles are compared at rest: no transitions or animations in between (Playwright's
# animations="disabled" does the same per screenshot at twice the cost), no blinking caret.
STILL = """() => { const s = document.createElement("style"); s.id = "__a11y-still";
  s.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }";
  document.head.appendChild(s); }"""
MOVING = "() => { const s = document.getElementById('__a11y-still'); if (s) s.remove(); }"


def run(ctx: CheckContext) -> list[Finding]:
    ctx.page.evaluate(STILL)
    try:
        return _walk(ctx)
    finally:
        ctx.page.evaluate(MOVING)


def _walk(ctx: CheckContext) -> list[Finding]:
    page = ctx.page
    prep = evaluate(page, PREPARE)
    assert isinstance(prep, dict)
    out: list[Finding] = []
    for item in prep["positive"]:
        out.append(Finding("keyboard", "tabindex-positive", "2.4.3",
                           f'tabindex="{item["tabindex"]}" overrides the reading order', item["sel"], "serious",
                           html=item["html"]))
    tabbables: list[dict[str, Any]] = prep["list"]
    stops: list[dict[str, Any]] = []
    reached: set[int] = set()
    seen: set[str] = set()
    left_document = False
    prefix: list[dict[str, Any]] = []  # stops met after wrapping round: positive tabindex comes first
    for _ in range(2 * len(tabbables) + 25):
        page.keyboard.press("Tab")
        state = page.evaluate(STATE)
        if state["body"]:
            if left_document:
                break
            left_document = True  # once past the end, go round again to collect what comes first
            continue
        if state["sel"] in seen:
            if not left_document and stops and state["sel"] != stops[0]["sel"]:
                out.append(Finding("keyboard", "keyboard-trap", "2.1.2",
                                   "Tab comes back to this element before leaving the page: focus is trapped",
                                   state["sel"], "critical", html=state["html"]))
            left_document = True  # wrapped round to a stop already seen: the walk is complete
            break
        seen.add(state["sel"])
        (prefix if left_document else stops).append(state)
        if state["i"] >= 0:
            reached.add(state["i"])
        if not state["onScreen"]:
            out.append(Finding("keyboard", "focus-offscreen", "2.4.7",
                               "the focused element stays off screen: the user cannot see where focus is",
                               state["sel"], "serious", html=state["html"]))
            continue
        if state["total"] and state["covered"] == state["total"]:
            shot = ctx.save_shot(page.screenshot(animations="disabled"), "focus-obscured")
            out.append(Finding("keyboard", "focus-obscured", "2.4.11",
                               f"the focused element is entirely hidden under {state['cover']}",
                               state["sel"], "serious", html=state["html"], screenshot=shot))
            continue
        out.extend(_appearance(ctx, state))
    stops = prefix + stops
    if not left_document:
        out.append(Finding("keyboard", "keyboard-trap", "2.1.2",
                           f"after {len(stops)} presses of Tab focus had not left the page", "", "critical"))
    reached_groups = {tabbables[i]["group"] for i in reached if tabbables[i]["group"]}
    for item in tabbables:
        if item["i"] in reached or (item["group"] and item["group"] in reached_groups):
            continue
        out.append(Finding("keyboard", "keyboard-unreachable", "2.1.1",
                           "Tab never reaches this visible interactive element", item["sel"], "serious",
                           html=item["html"]))
    order = [s["i"] for s in stops if s["i"] >= 0]
    if not prep["positive"]:
        for before, after in itertools.pairwise(order):
            if after < before:
                out.append(Finding("keyboard", "focus-order-dom", "2.4.3",
                                   f"Tab jumps back in the document from {tabbables[before]['sel']}",
                                   tabbables[after]["sel"], "moderate", html=tabbables[after]["html"]))
    out.extend(_order(page, stops))
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    return out
