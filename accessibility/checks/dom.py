"""DOM helpers shared by the checks, installed in the page as `window.__a11y` (idempotent).

Kept as one JavaScript string so the package needs no data files. Every check asks the page once and
gets plain data back: selectors, rectangles, text.
"""

from __future__ import annotations

from playwright.sync_api import Page

HELPERS = r"""
(() => {
  if (window.__a11y) return;
  const A = {};
  const esc = (s) => (window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/[^a-zA-Z0-9_-]/g, "\\$&"));

  // A selector that finds exactly this element: an id when unique, else a path of nth-of-type steps.
  A.sel = (el) => {
    if (!el || el.nodeType !== 1) return "";
    if (el === document.documentElement) return "html";
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && node !== document.documentElement) {
      if (node.id && document.querySelectorAll("#" + esc(node.id)).length === 1) {
        parts.unshift("#" + esc(node.id));
        break;
      }
      let part = node.localName;
      const parent = node.parentElement;
      if (parent) {
        const same = Array.from(parent.children).filter((c) => c.localName === node.localName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
      }
      parts.unshift(part);
      node = parent;
    }
    return parts.join(" > ");
  };

  A.snippet = (el) => {
    if (!el || el.nodeType !== 1) return "";
    const open = el.outerHTML.slice(0, el.outerHTML.indexOf(">") + 1);
    const text = (el.textContent || "").trim().replace(/\s+/g, " ").slice(0, 60);
    return (open.length > 220 ? open.slice(0, 217) + "…>" : open) + (text ? text : "");
  };

  A.visible = (el) => {
    if (!el || el.nodeType !== 1) return false;
    if (el.checkVisibility && !el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
    return el.getClientRects().length > 0;
  };

  // Visually hidden on purpose (screen-reader-only text, the skip link parked off screen): clipped to
  // nothing, or a box of at most 1 px, or entirely above/left of the document.
  A.srOnly = (el) => {
    for (let node = el; node && node.nodeType === 1 && node !== document.body; node = node.parentElement) {
      const cs = getComputedStyle(node);
      if (/inset\(\s*50%/.test(cs.clipPath) || cs.clip === "rect(0px, 0px, 0px, 0px)" ||
          cs.clip === "rect(1px, 1px, 1px, 1px)") return true;
      const r = node.getBoundingClientRect();
      if ((r.width <= 1 || r.height <= 1) && (cs.overflow !== "visible" || cs.position === "absolute")) return true;
    }
    const r = el.getBoundingClientRect();
    if (r.bottom + scrollY <= 0 || r.right + scrollX <= 0) return true;
    return false;
  };

  A.rect = (el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height };
  };

  // Gallery examples: the outermost elements whose id starts with "example-" (their titles reuse the prefix).
  A.exampleOf = (el) => {
    let found = "";
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      if (node.id && node.id.startsWith("example-")) found = node.id;
    }
    return found;
  };
  A.examples = () => Array.from(document.querySelectorAll('[id^="example-"]'))
    .filter((el) => !(el.parentElement && el.parentElement.closest('[id^="example-"]'))).map((el) => el.id);

  A.lang = (el) => {
    const host = el && el.closest ? el.closest("[lang]") : null;
    return host ? host.getAttribute("lang") || "" : "";
  };

  // Positioned out of flow relative to the viewport: content that scrolls does not move it.
  A.fixedOrSticky = (el) => {
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const p = getComputedStyle(node).position;
      if (p === "fixed" || p === "sticky") return node;
    }
    return null;
  };

  const FOCUSABLE = 'a[href], area[href], button, input, select, textarea, summary, iframe, audio[controls], ' +
    'video[controls], [contenteditable=""], [contenteditable="true"], [tabindex]';

  // Elements a keyboard user should reach with Tab: focusable, in the tab order, rendered, not inert.
  A.tabbables = () => {
    const out = [];
    for (const el of document.querySelectorAll(FOCUSABLE)) {
      if (el.tabIndex < 0) continue;
      if (el.matches(":disabled")) continue;
      if (el.localName === "input" && el.type === "hidden") continue;
      if (el.localName === "summary" && !(el.parentElement && el.parentElement.localName === "details" &&
          el.parentElement.querySelector(":scope > summary") === el)) continue;
      if (el.closest("[inert]")) continue;
      if (!A.visible(el)) continue;
      out.push(el);
    }
    return out;
  };

  A.labelsOf = (el) => (el.labels ? Array.from(el.labels) : []);

  // The box a pointer user can hit: the control together with the labels that activate it.
  A.hitBox = (el) => {
    const boxes = [el, ...A.labelsOf(el)].map((n) => n.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    if (!boxes.length) return null;
    const x1 = Math.min(...boxes.map((b) => b.left)), y1 = Math.min(...boxes.map((b) => b.top));
    const x2 = Math.max(...boxes.map((b) => b.right)), y2 = Math.max(...boxes.map((b) => b.bottom));
    return { x: x1, y: y1, w: x2 - x1, h: y2 - y1 };
  };

  // Text nodes a sighted reader sees.
  A.textNodes = (root) => {
    const out = [];
    const walker = document.createTreeWalker(root || document.body, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (!node.nodeValue || !node.nodeValue.trim()) return NodeFilter.FILTER_REJECT;
        const parent = node.parentElement;
        if (!parent || parent.closest("script, style, noscript, template, title")) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (A.visible(n.parentElement)) out.push(n);
    }
    return out;
  };

  A.hiddenFromAT = (el) => !!(el.closest('[aria-hidden="true"]') || el.closest("[hidden]"));

  window.__a11y = A;
})();
"""


def install(page: Page) -> None:
    """Make `window.__a11y` available (again after a navigation)."""
    page.evaluate(HELPERS)


def evaluate(page: Page, script: str, arg: object = None) -> object:
    """Run a check's script with the helpers installed; `script` is a JS function expression."""
    install(page)
    return page.evaluate(script, arg)
