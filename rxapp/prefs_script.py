"""The pre-hydration scripts: display preferences before first paint (no flash, CLS 0), and in-page focus.

PREFS_SCRIPT runs from <head> in the prerendered HTML, before React hydrates. It reads the `minna_prefs`
cookie (URL-encoded `size=150&mode=simple&contrast=high&furigana=on&motion=reduce`) and sets data attributes
on <html>; the stylesheet does the rest. It also remembers the locale of the page being viewed, and marks a
page opened with a query string so that content built without the query does not flash before hydration.
The server (rxapp/prefs_server.py) writes the same attributes into the HTML it sends, so they are right even
with JavaScript off; this script keeps them right for pages served from a cache.

PREFS_FORM_SCRIPT makes every `form[data-prefs-form]` (the settings page, the header's quick control) apply a
choice the moment it changes: the attribute on <html> and the cookie, on the client, without waiting for the
websocket or a reload. It also shows the saved choice in every such form.
"""

from __future__ import annotations

import json
from urllib.parse import unquote

# Every preference, its allowed values (the first is the default) and the <html> attribute it sets.
PREF_VALUES: dict[str, tuple[str, ...]] = {
    "size": ("100", "125", "150", "200"),
    "mode": ("standard", "simple"),
    "contrast": ("standard", "high"),
    "furigana": ("off", "on"),
    "motion": ("standard", "reduce"),
}
PREF_ATTRIBUTES: dict[str, str] = {
    "size": "data-text-size",
    "mode": "data-mode",
    "contrast": "data-contrast",
    "furigana": "data-furigana",
    "motion": "data-motion",
}
COOKIE = "minna_prefs"
COOKIE_MAX_AGE = 31536000  # a year: the choice is for this device


def parse_prefs(raw: str | None) -> dict[str, str]:
    """The valid preferences in a cookie value; anything unknown or malformed is dropped, never raised."""
    prefs: dict[str, str] = {}
    if not raw or len(raw) > 300:
        return prefs
    for pair in unquote(raw).split("&"):
        key, _, value = pair.partition("=")
        if key in PREF_VALUES and value in PREF_VALUES[key]:
            prefs[key] = value
    return prefs


def serialize_prefs(prefs: dict[str, str]) -> str:
    """The cookie value for `prefs`, in a fixed order (the client script writes the same)."""
    from urllib.parse import quote

    return quote("&".join(f"{key}={prefs[key]}" for key in PREF_VALUES if key in prefs), safe="")


PREFS_SCRIPT = r"""
// A function as well as a first run: the crash page (rxapp/i18n/overlay.py) calls it again when React re-created
// <html> without these attributes after a render failed during hydration.
(window.minnaApplyPrefs = function () {
  try {
    var root = document.documentElement;
    var allowed = __ALLOWED__;
    var m = document.cookie.match(/(?:^|; )minna_prefs=([^;]*)/);
    if (m) {
      decodeURIComponent(m[1]).split("&").forEach(function (pair) {
        var kv = pair.split("=");
        if (/^(size|mode|contrast|furigana|motion)$/.test(kv[0]) && /^[a-z0-9]{1,10}$/.test(kv[1] || "")
            && allowed[kv[0]].indexOf(kv[1]) >= 0) {
          root.setAttribute("data-" + (kv[0] === "size" ? "text-size" : kv[0]), kv[1]);
        }
      });
    }
    // The prerendered page cannot know the URL's query (a search, a filter): what depends on it waits, hidden,
    // for the state that read it (see [data-query-dependent] in minna.css), at most 4 s, then shows as built.
    if (location.search && !root.hasAttribute("data-query-pending")) {
      root.setAttribute("data-query-pending", "");
      setTimeout(function () { root.removeAttribute("data-query-pending"); }, 4000);
    }
    var code = location.pathname.split("/")[1];
    if (/^[a-z]{2,3}(-[A-Za-z]{2,8})?$/.test(code)) {
      document.cookie = "minna_locale=" + code + "; path=/; max-age=31536000; samesite=lax";
    }
  } catch (e) { /* preferences are an enhancement; never block the page */ }
})();
""".replace("__ALLOWED__", json.dumps({key: list(values) for key, values in PREF_VALUES.items()}))

PREFS_FORM_SCRIPT = r"""
(function () {
  var allowed = __ALLOWED__;
  var attrs = __ATTRS__;
  var root = document.documentElement;
  function current() {
    var prefs = {};
    for (var key in attrs) {
      var value = root.getAttribute(attrs[key]);
      if (value && allowed[key].indexOf(value) >= 0) prefs[key] = value;
    }
    return prefs;
  }
  function save(prefs) {
    var pairs = [];
    for (var key in allowed) if (prefs[key]) pairs.push(key + "=" + prefs[key]);
    document.cookie = "minna_prefs=" + encodeURIComponent(pairs.join("&")) +
      "; path=/; max-age=__MAX_AGE__; samesite=lax";
  }
  // Show the applied choices in every preferences form (checked state is the DOM's, not React's).
  function sync() {
    var prefs = current();
    var inputs = document.querySelectorAll("form[data-prefs-form] input[type=radio]");
    for (var i = 0; i < inputs.length; i++) {
      var key = inputs[i].name;
      if (!allowed[key]) continue;
      inputs[i].checked = (prefs[key] || allowed[key][0]) === inputs[i].value;
    }
  }
  function set(key, value) {
    if (!allowed[key] || allowed[key].indexOf(value) < 0) return;
    root.setAttribute(attrs[key], value);
    var prefs = current();
    prefs[key] = value;
    save(prefs);
    sync();
  }
  window.minnaPrefs = {set: set, current: current, sync: sync};
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || !input.form || !input.form.hasAttribute("data-prefs-form") || !allowed[input.name]) return;
    set(input.name, input.value);
  });
  // With scripts on, choices are already applied: the Save button only confirms (no page load).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || !form.hasAttribute || !form.hasAttribute("data-prefs-form")) return;
    event.preventDefault();
    var status = form.querySelector("[data-prefs-status]");
    if (status) status.textContent = status.getAttribute("data-prefs-status");
  }, true);
  function start() {
    sync();
    // React may restore the prerendered checked state when it hydrates: show the saved choice again after.
    setTimeout(sync, 0);
    window.addEventListener("load", function () { setTimeout(sync, 0); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
""".replace("__ALLOWED__", json.dumps({key: list(values) for key, values in PREF_VALUES.items()})).replace(
    "__ATTRS__", json.dumps(PREF_ATTRIBUTES)
).replace("__MAX_AGE__", str(COOKIE_MAX_AGE))

# In-page links (skip link, error-summary links) move keyboard focus to their target, not only the
# scroll position: React Router's navigation otherwise leaves focus on the link.
FRAGMENT_FOCUS_SCRIPT = r"""
document.addEventListener("click", function (event) {
  var link = event.target && event.target.closest ? event.target.closest("a[href*='#']") : null;
  if (!link || !link.hash || link.pathname !== location.pathname) return;
  var target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  if (!target.hasAttribute("tabindex") && !/^(INPUT|SELECT|TEXTAREA|BUTTON|A)$/.test(target.tagName)) {
    target.setAttribute("tabindex", "-1");
  }
  target.focus();
  target.scrollIntoView({block: "start"});
}, true);
"""
