"""Target size (WCAG 2.5.8): interactive elements at least 24 × 24 CSS px; 44 × 44 in the simple mode.

A control's target includes the labels that activate it. Exempt, as 2.5.8 allows: links inline in a sentence,
and (at 24 px only) undersized targets whose 24 px circles touch no other target. The simple mode promises
44 px (AAA 2.5.5), which has no spacing exception.
"""

from __future__ import annotations

from accessibility.checks import CheckContext
from accessibility.checks.dom import evaluate
from accessibility.model import Finding

SCRIPT = r"""(minimum) => {
  const A = window.__a11y;
  const ROLES = "[role=button], [role=link], [role=checkbox], [role=radio], [role=switch], [role=tab], [role=menuitem], [role=option]";
  const els = new Set([...A.tabbables(), ...document.querySelectorAll(ROLES)]);
  const targets = [];
  for (const el of els) {
    if (!A.visible(el) || el.matches(":disabled") || el.closest("[inert]")) continue;
    let box = A.hitBox(el);
    if (!box) continue;
    if (A.srOnly(el)) {
      // A visually hidden control is hit through its label; without a visible label it is not a target.
      const labels = A.labelsOf(el).filter((l) => A.visible(l) && !A.srOnly(l));
      if (!labels.length) continue;
    }
    const cs = getComputedStyle(el);
    let inline = false;
    if (el.localName === "a" && cs.display === "inline") {
      let block = el.parentElement;
      while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
      const all = (block ? block.innerText : "").replace(/\s+/g, "");
      const own = (el.innerText || "").replace(/\s+/g, "");
      inline = all.length > own.length;  // other words share the line box: a link in a sentence
    }
    targets.push({ el, box, inline, sel: A.sel(el), html: A.snippet(el) });
  }
  const small = targets.filter((t) => !t.inline && (t.box.w < minimum - 0.5 || t.box.h < minimum - 0.5));
  const centre = (b) => [b.x + b.w / 2, b.y + b.h / 2];
  const circleHitsBox = (c, r, b) => {
    const dx = Math.max(b.x - c[0], 0, c[0] - (b.x + b.w)), dy = Math.max(b.y - c[1], 0, c[1] - (b.y + b.h));
    return dx * dx + dy * dy < r * r;
  };
  return small.map((t) => {
    let spaced = false;
    if (minimum <= 24) {
      const c = centre(t.box);
      spaced = !targets.some((o) => o !== t && (circleHitsBox(c, 12, o.box) ||
        (small.includes(o) && Math.hypot(c[0] - centre(o.box)[0], c[1] - centre(o.box)[1]) < 24)));
    }
    return { sel: t.sel, html: t.html, w: t.box.w, h: t.box.h, spaced };
  });
}"""


def minimum_for(mode: str, prefs: str) -> int:
    return 44 if mode == "simple" or "mode=simple" in prefs else 24


def run(ctx: CheckContext) -> list[Finding]:
    minimum = minimum_for(ctx.target.mode, ctx.target.prefs)
    data = evaluate(ctx.page, SCRIPT, minimum)
    assert isinstance(data, list)
    out = []
    for item in data:
        if item["spaced"]:
            continue
        out.append(Finding(
            "targets", "target-size" if minimum == 24 else "target-size-simple",
            "2.5.8" if minimum == 24 else "2.5.8, 2.5.5",
            f"target is {item['w']:.0f} × {item['h']:.0f} CSS px, at least {minimum} × {minimum} needed"
            + (" in the simple mode" if minimum > 24 else ""),
            item["sel"], "serious", html=item["html"],
        ))
    return out
