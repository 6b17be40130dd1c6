"""The components' client-side behaviour: one small script in <head>, delegated on `document`.

Why delegated and in <head>: it works before hydration and without the websocket (a slow phone on a prepaid
plan sees a usable page at first paint), and it costs one inline script instead of a hook per component.
It never changes React-rendered text before hydration (that would force React to re-render the page);
it reacts to the user's input and to elements appearing.

- error summary and success banner: focused when they appear (data-autofocus), the page title prefixed with
  the translated "Error:" while an error summary is on the page (data-title-prefix);
- textarea character count: the remaining characters, shown at once and spoken after a pause;
- date input: the Japanese era of a typed year, in Japanese locales;
- buttons with data-prevent-double-click ignore a second press within a second.
"""

from __future__ import annotations

COMPONENTS_SCRIPT = r"""
(function () {
  var doc = document;
  var prefix = "";
  function syncTitle() {
    var box = doc.querySelector("[data-error-summary][data-title-prefix]");
    var want = box ? box.getAttribute("data-title-prefix") + " " : "";
    var title = doc.title;
    if (prefix && title.indexOf(prefix) === 0) title = title.slice(prefix.length);
    prefix = want;
    if (doc.title !== want + title) doc.title = want + title;
  }
  var seen = typeof WeakSet === "function" ? new WeakSet() : null;
  function focusNew() {
    var found = doc.querySelectorAll("[data-autofocus='true']");
    var first = null;
    for (var i = 0; i < found.length; i++) {
      if (seen && seen.has(found[i])) continue;
      if (seen) seen.add(found[i]);
      first = first || found[i];
    }
    if (first) first.focus();
  }
  var queued = false;
  function check() {
    if (queued) return;
    queued = true;
    setTimeout(function () { queued = false; syncTitle(); focusNew(); }, 0);
  }
  function start() {
    check();
    new MutationObserver(check).observe(doc.documentElement, {childList: true, subtree: true, characterData: true});
  }
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start); else start();

  function plural(templates, n) {
    var table = JSON.parse(templates || "{}");
    var category = "other";
    try { category = new Intl.PluralRules(doc.documentElement.lang || "en").select(n); } catch (e) {}
    return (table[category] || table.other || "").replace("{count}", String(n));
  }
  var countTimers = {};
  function updateCount(area) {
    var max = parseInt(area.getAttribute("data-maxlength"), 10);
    var group = area.closest(".character-count");
    if (!group || !max) return;
    var left = max - area.value.length;
    var over = left < 0;
    var text = over ? plural(area.getAttribute("data-count-over"), -left)
                    : plural(area.getAttribute("data-count-remaining"), left);
    var message = group.querySelector(".character-count__message");
    if (message) {
      message.textContent = text;
      message.classList.toggle("character-count__message--over", over);
    }
    area.classList.toggle("input--error", over || group.classList.contains("form-group--error"));
    clearTimeout(countTimers[area.id]);
    countTimers[area.id] = setTimeout(function () {
      var status = group.querySelector(".character-count__status");
      if (status) status.textContent = text;
    }, 1000);
  }

  function updateEra(input) {
    var group = input.closest("[data-era-table]");
    if (!group) return;
    var out = doc.getElementById(group.id + "-era");
    if (!out) return;
    function value(part) {
      var el = group.querySelector("[data-era-part='" + part + "']");
      return el ? parseInt(el.value.replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); }), 10) : NaN;
    }
    var year = value("year"), month = value("month"), day = value("day");
    if (!(year >= 1868 && year <= 2999)) { if (out.textContent) out.textContent = ""; return; }
    var table = JSON.parse(group.getAttribute("data-era-table"));
    function eraOn(iso) {
      for (var i = table.length - 1; i >= 0; i--) {
        if (iso >= table[i][1]) {
          var n = year - parseInt(table[i][1].slice(0, 4), 10) + 1;
          return table[i][0] + (n === 1 ? "元" : String(n)) + "年";
        }
      }
      return "";
    }
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    var label;
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      label = eraOn(year + "-" + pad(month) + "-" + pad(day));
    } else {
      var first = eraOn(year + "-01-01"), last = eraOn(year + "-12-31");
      label = first === last ? first : [first, last].filter(Boolean).join("／");
    }
    var text = label ? group.getAttribute("data-era-template").replace("{era}", label) : "";
    if (out.textContent !== text) out.textContent = text;
  }

  doc.addEventListener("input", function (event) {
    var el = event.target;
    if (!el || !el.getAttribute) return;
    if (el.hasAttribute("data-maxlength")) updateCount(el);
    if (el.hasAttribute("data-era-part")) updateEra(el);
  });

  var lastPress = new WeakMap();
  doc.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("[data-prevent-double-click]") : null;
    if (!button) return;
    var now = Date.now();
    if (now - (lastPress.get(button) || 0) < 1000) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    lastPress.set(button, now);
  }, true);
})();
"""
