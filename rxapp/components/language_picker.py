"""Language picker: each language named in itself, with `lang` and `hreflang` on each link.

- Links go to the same page (same query, so the same step of a form) in the other language, client-side (no
  reload), so what the user typed (held in Reflex state) survives. Without JavaScript they are ordinary links.
- The current language is marked with aria-current. After a switch, focus lands on the newly chosen language's
  link in the new page's picker (LANGUAGE_SWITCH_SCRIPT), so a keyboard user is where they were.
- The picker also renders `<link rel="alternate" hreflang>` for every shipped locale and x-default; React 19
  hoists them into <head>, including in the prerendered HTML.
- Placement (DADS/USWDS: top right in LTR, top left in RTL) follows from the header's logical properties.

Example: `language_picker(t, "help")` on the page /<locale>/help.
"""

from __future__ import annotations

import json
import os

import reflex as rx
from reflex_base.vars.base import Var, VarData
from reflex_components_core.react_router.dom import ReactRouterLink

from rxapp.i18n import T, shipped_locales


def page_path(code: str | None, slug: str) -> str:
    """`/en/help`, `/en/` for the home page; without a code, the unprefixed path that negotiates a locale."""
    parts = [p for p in (code, slug) if p]
    return "/" + "/".join(parts) + ("" if slug else "/") if parts else "/"


def _absolute(path: str) -> str:
    # Search engines want absolute alternates; PORTAL_PUBLIC_URL gives the origin when it is known at build time.
    origin = os.environ.get("PORTAL_PUBLIC_URL", "").rstrip("/")
    return origin + path


def alternate_links(slug: str) -> list[rx.Component]:
    """`<link rel="alternate" hreflang>` for every shipped locale, plus x-default (the negotiating path).

    The hrefs end in "/": that is the form the production server answers with 200 (it redirects /en/help
    to /en/help/), and alternates should not point at redirects.
    """
    links = [
        rx.el.link(rel="alternate", href=_absolute(page_path(loc.code, slug).rstrip("/") + "/"),
                   href_lang=loc.hreflang)
        for loc in shipped_locales()
    ]
    links.append(rx.el.link(rel="alternate", href=_absolute(page_path(None, slug)), href_lang="x-default"))
    return links


def _same_place(path: str) -> Var:
    """React Router's `to` for `path` with the current query: a form's `?step=` stays the same.

    The fragment is left behind: the chosen link gets focus at the top of the new page (no jump to an anchor).
    """
    return Var(
        _js_expr=f"((l) => ({{pathname: {json.dumps(path)}, search: l.search}}))(useLocation())",
        _var_data=VarData(imports={"react-router": ["useLocation"]}),
    )


def language_picker(t: T, slug: str) -> rx.Component:
    items = []
    for locale in shipped_locales():
        current = locale.code == t.code
        items.append(
            rx.el.li(
                ReactRouterLink.create(
                    locale.native_name,
                    # The prerendered href is the bare path (what works without JavaScript); once hydrated, the
                    # link also carries the query (?step=…) of the page being read.
                    to=_same_place(page_path(locale.code, slug)),
                    lang=locale.html_lang,
                    href_lang=locale.hreflang,
                    dir=locale.direction,
                    aria_current="true" if current else None,
                    custom_attrs={"data-locale": locale.code},
                ),
            )
        )
    return rx.el.nav(
        *alternate_links(slug),
        rx.el.ul(*items),
        aria_label=t._("Language"),
        class_name="language-picker",
        id="language-picker",
        # Each language keeps its own name and script, the same on every page: no readings added over them.
        custom_attrs={"data-no-furigana": "true"},
    )


# Runs from <head> once per full page load. A click on a picker link records the chosen locale (cookie for the
# next visit to "/", sessionStorage for focus); when the new page's picker shows that locale as current, its
# link gets focus. The flag lives in sessionStorage, so the same works after a full load (no client routing).
LANGUAGE_SWITCH_SCRIPT = r"""
(function () {
  var KEY = "minna_picker_focus";
  var SELECTOR = "#language-picker a[data-locale]";
  function wanted() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }
  function restore() {
    var want = wanted();
    if (!want) return true;
    if (Date.now() - want.at > 10000) { sessionStorage.removeItem(KEY); return true; }
    if (location.pathname.split("/")[1] !== want.code) return false;
    var link = document.querySelector(SELECTOR + '[data-locale="' + want.code + '"][aria-current="true"]');
    if (!link) return false;
    var active = document.activeElement;
    if (active !== link && (!active || active === document.body || !active.isConnected ||
        (active.closest && active.closest("#language-picker")))) {
      link.focus();
    }
    // Keep watching briefly: hydration or a late render may replace the element that has focus.
    if (!want.focusedAt) { want.focusedAt = Date.now(); sessionStorage.setItem(KEY, JSON.stringify(want)); }
    if (Date.now() - want.focusedAt > 1500) { sessionStorage.removeItem(KEY); return true; }
    return false;
  }
  var observer = null;
  function stop() { if (observer) { observer.disconnect(); observer = null; } }
  function tick() { if (restore()) stop(); else setTimeout(tick, 250); }
  function watch() {
    if (restore()) return;
    if (!observer) {
      observer = new MutationObserver(function () { if (restore()) stop(); });
      observer.observe(document.documentElement, {childList: true, subtree: true, attributes: true,
                                                  attributeFilter: ["aria-current"]});
      setTimeout(tick, 250);
    }
  }
  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest(SELECTOR) : null;
    if (!link) return;
    var code = link.getAttribute("data-locale");
    try {
      sessionStorage.setItem(KEY, JSON.stringify({code: code, at: Date.now(), focusedAt: 0}));
    } catch (e) { /* storage off: focus is not restored, the switch still works */ }
    document.cookie = "minna_locale=" + code + "; path=/; max-age=31536000; samesite=lax";
    watch();
  }, true);
  if (wanted()) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch); else watch();
  }
})();
"""
