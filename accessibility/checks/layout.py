"""Layout under stress: reflow at 320 CSS px (1.4.10), larger text (1.4.4), text spacing (1.4.12),
and the media emulations (reduced motion, forced colours, dark scheme) with axe and reflow again.

"Nothing clipped" means: no element that hides overflow has text content bigger than its box, and no two
visible text boxes overlap. Visually hidden helper text (clipped to 1 px on purpose) is not content here.
"""

from __future__ import annotations

from typing import Any

from accessibility.checks import DESKTOP, REFLOW_HEIGHT, REFLOW_WIDTH, CheckContext
from accessibility.checks import axe as axe_check
from accessibility.checks.dom import evaluate
from accessibility.model import Finding

# WCAG 1.4.12's test values (the W3C/Stevens text-spacing bookmarklet).
TEXT_SPACING_CSS = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)

HSCROLL = r"""() => {
  const A = window.__a11y;
  const root = document.documentElement;
  const vw = root.clientWidth;
  const scroll = Math.max(root.scrollWidth, document.body ? document.body.scrollWidth : 0);
  const culprits = [];
  if (scroll > vw + 1) {
    const scrollsItself = (el) => {
      for (let n = el.parentElement; n && n !== document.body && n !== root; n = n.parentElement) {
        const o = getComputedStyle(n).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden" || o === "clip") return true;
      }
      return false;
    };
    const over = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > vw + 1 || r.left < -1); };
    for (const el of document.body.querySelectorAll("*")) {
      if (!A.visible(el) || A.srOnly(el) || !over(el) || scrollsItself(el)) continue;
      if (el.parentElement && el.parentElement !== document.body && over(el.parentElement)) continue;
      culprits.push({ sel: A.sel(el), html: A.snippet(el), w: Math.round(el.getBoundingClientRect().width) });
      if (culprits.length >= 5) break;
    }
  }
  return { vw, scroll, culprits };
}"""

CLIPPED = r"""() => {
  const A = window.__a11y;
  const out = { clipped: [], overlaps: [] };
  const all = [document.documentElement, document.body, ...document.body.querySelectorAll("*")];
  for (const el of all) {
    if (!A.visible(el) || A.srOnly(el) || A.hiddenFromAT(el)) continue;
    const cs = getComputedStyle(el);
    const hidesX = cs.overflowX === "hidden" || cs.overflowX === "clip";
    const hidesY = cs.overflowY === "hidden" || cs.overflowY === "clip";
    if (!hidesX && !hidesY) continue;
    if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
    const text = (el.innerText || "").trim();
    if (!text) continue;
    const cutX = hidesX && el.scrollWidth > el.clientWidth + 1;
    const cutY = hidesY && el.scrollHeight > el.clientHeight + 1;
    if (cutX || cutY) {
      out.clipped.push({ sel: A.sel(el), html: A.snippet(el), axis: cutX && cutY ? "both" : cutX ? "horizontal" : "vertical",
                         box: [el.clientWidth, el.clientHeight], content: [el.scrollWidth, el.scrollHeight] });
    }
    if (out.clipped.length >= 20) break;
  }
  // Overlapping text: the boxes of text runs from different text nodes must not cover each other.
  const boxes = [];
  for (const node of A.textNodes()) {
    const el = node.parentElement;
    if (A.srOnly(el) || A.hiddenFromAT(el) || parseFloat(getComputedStyle(el).opacity) === 0) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 2 || r.height < 2) continue;
      boxes.push({ node, el, x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height });
    }
  }
  boxes.sort((a, b) => a.y - b.y);
  const reported = new Set();
  for (let i = 0; i < boxes.length && out.overlaps.length < 20; i++) {
    const a = boxes[i];
    for (let j = i + 1; j < boxes.length; j++) {
      const b = boxes[j];
      if (b.y >= a.y + a.h) break;
      if (a.node === b.node) continue;
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ox < 3 || oy < 0.25 * Math.min(a.h, b.h)) continue;
      const key = [A.sel(a.el), A.sel(b.el)].join(" | ");
      if (reported.has(key)) continue;
      reported.add(key);
      out.overlaps.push({ sel: A.sel(b.el), other: A.sel(a.el), html: A.snippet(b.el),
                          text: (b.node.nodeValue || "").trim().slice(0, 40), otherText: (a.node.nodeValue || "").trim().slice(0, 40) });
      break;
    }
  }
  return out;
}"""

ADD_SPACING = r"""(css) => {
  const style = document.createElement("style");
  style.id = "__a11y-text-spacing";
  style.textContent = css;
  document.head.appendChild(style);
}"""
REMOVE_SPACING = "() => { const s = document.getElementById('__a11y-text-spacing'); if (s) s.remove(); }"


def _settle(ctx: CheckContext) -> None:
    # Two animation frames: layout and any resize observers have run.
    ctx.page.evaluate("() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))")


def clipping(ctx: CheckContext, criterion: str, variant: str) -> list[Finding]:
    data: Any = evaluate(ctx.page, CLIPPED)
    out: list[Finding] = []
    for item in data["clipped"]:
        out.append(Finding("layout", "text-clipped", criterion,
                           f"text is cut off ({item['axis']}): content {item['content'][0]} × {item['content'][1]} px "
                           f"in a box of {item['box'][0]} × {item['box'][1]} px that hides overflow",
                           item["sel"], "serious", variant=variant, html=item["html"]))
    for item in data["overlaps"]:
        out.append(Finding("layout", "text-overlap", criterion,
                           f"text {item['text']!r} overlaps {item['otherText']!r} ({item['other']})",
                           item["sel"], "serious", variant=variant, html=item["html"]))
    return out


def reflow(ctx: CheckContext, variant: str = "320px", clip: bool = True) -> list[Finding]:
    """Narrow the viewport to 320 CSS px: no horizontal scrolling, nothing clipped; then restore."""
    page = ctx.page
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": REFLOW_HEIGHT})
    try:
        _settle(ctx)
        data: Any = evaluate(page, HSCROLL)
        out: list[Finding] = []
        if data["scroll"] > data["vw"] + 1:
            shot = ctx.save_shot(page.screenshot(animations="disabled"), f"reflow-{variant}")
            culprits = data["culprits"] or [{"sel": "html", "html": "", "w": data["scroll"]}]
            for item in culprits:
                out.append(Finding("layout", "reflow-320", "1.4.10",
                                   f"at {REFLOW_WIDTH} CSS px the page scrolls sideways ({data['scroll']} px wide); "
                                   f"this element is {item['w']} px wide or sticks out",
                                   item["sel"], "serious", variant=variant, html=item["html"], screenshot=shot))
        if clip:
            out.extend(clipping(ctx, "1.4.10", variant))
        return out
    finally:
        page.set_viewport_size(DESKTOP)
        _settle(ctx)


def text_spacing(ctx: CheckContext) -> list[Finding]:
    page = ctx.page
    page.evaluate(ADD_SPACING, TEXT_SPACING_CSS)
    try:
        _settle(ctx)
        return clipping(ctx, "1.4.12", "text-spacing")
    finally:
        page.evaluate(REMOVE_SPACING)
        _settle(ctx)


def run(ctx: CheckContext) -> list[Finding]:
    # At the desktop size: in the 200 % mode this is the 1.4.4 check; in the others a plain "nothing cut off".
    out = clipping(ctx, "1.4.4", "")
    out.extend(text_spacing(ctx))
    out.extend(reflow(ctx))
    return out


EMULATIONS: list[tuple[str, dict[str, str], dict[str, str]]] = [
    ("reduced-motion", {"reduced_motion": "reduce"}, {"reduced_motion": "no-preference"}),
    ("forced-colors", {"forced_colors": "active"}, {"forced_colors": "none"}),
    ("dark", {"color_scheme": "dark"}, {"color_scheme": "light"}),
]


def run_emulations(ctx: CheckContext) -> list[Finding]:
    """axe and reflow again under each media emulation (on the rows the matrix marks for it)."""
    if not ctx.target.emulations:
        return []
    page = ctx.page
    out: list[Finding] = []
    for name, on, off in EMULATIONS:
        page.emulate_media(**on)  # type: ignore[arg-type]
        try:
            _settle(ctx)
            out.extend(axe_check.findings_from(axe_check.run_axe(page), variant=name))
            out.extend(reflow(ctx, variant=name, clip=False))
        finally:
            page.emulate_media(**off)  # type: ignore[arg-type]
    return out
