"""The components' client-side behaviour: one small script in <head>, delegated on `document`.

Why delegated and in <head>: it works before hydration and without the websocket (a slow phone on a prepaid
plan sees a usable page at first paint), and it costs one inline script instead of a hook per component.
It never changes React-rendered text before hydration (that would force React to re-render the page);
it reacts to the user's input and to elements appearing.

- error summary and success banner: focused when they appear (data-autofocus), the page title prefixed with
  the translated "Error:" while an error summary is on the page (data-title-prefix);
- textarea character count: the remaining characters, shown at once and spoken after a pause;
- date input: the Japanese era of a typed year, in Japanese locales;
- buttons with data-prevent-double-click ignore a second press within a second;
- timeout warning: opens the <dialog> before the session ends, keeps Tab inside, extends, counts down in words;
- read aloud: speaks #main with a voice for the page's language, or says that there is none;
- problem notice: `window.minnaShowProblem()` shows the translated words an event handler's failure calls for.
"""

from __future__ import annotations

COMPONENTS_SCRIPT = r"""
(function () {
  var doc = document;
  // When the URL last changed and when the person last pressed a key or the pointer: a focus move that the page
  // schedules on arrival (the step's h1) must not land after they have started to use the page
  // (see rxapp/state/application.py FOCUS_HEADING).
  window.__minnaNavAt = Date.now();
  window.__minnaActedAt = 0;
  // The problem notice (rxapp/i18n/overlay.py): shown when an event handler failed, until the page changes.
  var problemPath = null;
  window.minnaShowProblem = function () {
    var box = doc.getElementById("problem-notice");
    if (!box) return;
    box.innerHTML = box.getAttribute("data-message") || "";  // ours: escaped, with ruby (overlay.py _words)
    problemPath = location.pathname;
  };
  function clearProblem() {
    var box = doc.getElementById("problem-notice");
    if (box && problemPath !== null && problemPath !== location.pathname) { box.innerHTML = ""; problemPath = null; }
  }
  ["pushState", "replaceState"].forEach(function (name) {
    var original = history[name];
    history[name] = function () {
      window.__minnaNavAt = Date.now();
      var result = original.apply(this, arguments);
      clearProblem();
      return result;
    };
  });
  window.addEventListener("popstate", function () { window.__minnaNavAt = Date.now(); clearProblem(); });
  ["keydown", "pointerdown"].forEach(function (name) {
    doc.addEventListener(name, function () { window.__minnaActedAt = Date.now(); }, true);
  });
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
    setTimeout(function () { queued = false; syncTitle(); focusNew(); armAll(); }, 0);
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
  // ---- Timeout warning -------------------------------------------------------------------------------
  var dialogs = {};
  function dialogState(dialog) {
    if (!dialogs[dialog.id]) dialogs[dialog.id] = {idle: null, tick: null, left: 0, back: null};
    return dialogs[dialog.id];
  }
  function countdownText(dialog, left) {
    var texts = JSON.parse(dialog.getAttribute("data-countdown-texts") || "{}");
    return texts[String(left)];
  }
  function warnSeconds(dialog) {
    var warn = parseInt(dialog.getAttribute("data-warn-seconds"), 10) || 120;
    var simple = parseInt(dialog.getAttribute("data-warn-seconds-simple"), 10) || 0;
    return doc.documentElement.getAttribute("data-mode") === "simple" ? Math.max(warn, simple) : warn;
  }
  function expiresAt(dialog) { return parseInt(dialog.getAttribute("data-expires-at") || "", 10) || 0; }
  // Simplified mode: someone who is typing or clicking is there; extend quietly instead of interrupting.
  var lastActive = Date.now(), lastAutoExtend = 0;
  ["keydown", "pointerdown", "input"].forEach(function (name) {
    doc.addEventListener(name, function () { lastActive = Date.now(); }, true);
  });
  function openDialog(dialog) {
    var state = dialogState(dialog);
    if (dialog.open || !doc.contains(dialog)) return;
    var extendButton = dialog.querySelector("[data-timeout-extend]");
    // At most once a minute: a client clock far from the server's must not turn this into a loop.
    if (dialog.hasAttribute("data-warn-seconds-simple") && doc.documentElement.getAttribute("data-mode") === "simple"
        && Date.now() - lastActive < warnSeconds(dialog) * 1000 && Date.now() - lastAutoExtend > 60000 && extendButton) {
      lastAutoExtend = Date.now();
      extendButton.click();
      return;
    }
    state.back = doc.activeElement;
    state.left = warnSeconds(dialog);
    if (expiresAt(dialog)) state.left = Math.max(1, Math.min(state.left, Math.round((expiresAt(dialog) - Date.now()) / 1000)));
    var out = dialog.querySelector(".timeout-dialog__countdown");
    var first = countdownText(dialog, state.left);
    if (out && first) out.textContent = first;
    if (dialog.showModal) dialog.showModal(); else dialog.setAttribute("open", "");
    var extend = dialog.querySelector("[data-timeout-extend]");
    if (extend) extend.focus();
    clearInterval(state.tick);
    state.tick = setInterval(function () {
      state.left -= 1;
      if (state.left <= 0) {
        clearInterval(state.tick);
        location.href = dialog.getAttribute("data-sign-out-href");
        return;
      }
      var text = countdownText(dialog, state.left);
      if (text && out && out.textContent !== text) out.textContent = text;
    }, 1000);
  }
  function armDialog(dialog) {
    var state = dialogState(dialog);
    clearTimeout(state.idle);
    clearInterval(state.tick);
    state.element = dialog;
    state.expires = expiresAt(dialog);
    // Just extended: count from now until the server's new expiry arrives (it replaces the element).
    var expires = Math.max(state.expires, state.extendedUntil || 0);
    if (dialog.getAttribute("data-auto-start") !== "true") return;
    var session = parseInt(dialog.getAttribute("data-session-seconds"), 10) || 1800;
    var warn = warnSeconds(dialog);
    var delay = Math.max(0, session - warn) * 1000;
    // With the server's expiry, count from it: page visits and other tabs move it.
    if (expires) delay = Math.max(0, expires - Date.now() - warn * 1000);
    state.idle = setTimeout(function () { openDialog(dialog); }, delay);
  }
  function extendDialog(dialog) {
    var state = dialogState(dialog);
    clearInterval(state.tick);
    state.extendedUntil = Date.now() + (parseInt(dialog.getAttribute("data-session-seconds"), 10) || 1800) * 1000;
    if (dialog.open) dialog.close();
    armDialog(dialog);
    if (state.back && state.back.focus && doc.contains(state.back)) state.back.focus();
  }
  doc.addEventListener("click", function (event) {
    var target = event.target && event.target.closest ? event.target : null;
    if (!target) return;
    var opener = target.closest("[data-timeout-open]");
    if (opener) {
      var dialog = doc.getElementById(opener.getAttribute("data-timeout-open"));
      if (dialog) openDialog(dialog);
      return;
    }
    var extend = target.closest("[data-timeout-extend]");
    if (extend) extendDialog(extend.closest("dialog"));
  });
  // Escape means "I am here": it extends, as the HMRC pattern does, instead of closing silently.
  doc.addEventListener("cancel", function (event) {
    var dialog = event.target;
    if (dialog && dialog.hasAttribute && dialog.hasAttribute("data-timeout-dialog")) {
      event.preventDefault();
      extendDialog(dialog);
    }
  }, true);
  // Keep Tab inside the open modal (the browser's own cycle may leave for the address bar).
  doc.addEventListener("keydown", function (event) {
    if (event.key !== "Tab") return;
    var dialog = doc.querySelector("dialog[data-timeout-dialog][open]");
    if (!dialog) return;
    var items = dialog.querySelectorAll("a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex='-1'])");
    if (!items.length) return;
    var first = items[0], last = items[items.length - 1];
    if (event.shiftKey && (doc.activeElement === first || !dialog.contains(doc.activeElement))) {
      event.preventDefault(); last.focus();
    } else if (!event.shiftKey && (doc.activeElement === last || !dialog.contains(doc.activeElement))) {
      event.preventDefault(); first.focus();
    }
  });
  function armAll() {
    var found = doc.querySelectorAll("dialog[data-timeout-dialog][data-auto-start='true']");
    for (var i = 0; i < found.length; i++) {
      // A dialog that appeared after a client-side move, or whose expiry changed, is armed (again).
      var state = dialogState(found[i]);
      if (!state.idle || state.element !== found[i] || state.expires !== expiresAt(found[i])) armDialog(found[i]);
    }
  }
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", armAll); else armAll();

  // ---- Read aloud -----------------------------------------------------------------------------------
  var speech = window.speechSynthesis;
  function say(control, key) {
    var status = control.querySelector(".read-aloud__status");
    if (status) status.textContent = control.getAttribute("data-msg-" + key) || "";
    control.setAttribute("data-state", key);
  }
  function voiceFor(lang, then) {
    function pick() {
      var voices = speech.getVoices() || [];
      var want = (lang || "").toLowerCase();
      for (var i = 0; i < voices.length; i++) {
        var have = (voices[i].lang || "").toLowerCase().replace("_", "-");
        if (have === want || have.split("-")[0] === want.split("-")[0]) return voices[i];
      }
      return null;
    }
    var found = pick();
    if (found || (speech.getVoices() || []).length) { then(found); return; }
    // Voices load asynchronously in Chromium: wait once, briefly.
    var done = false;
    function finish() { if (!done) { done = true; then(pick()); } }
    speech.addEventListener("voiceschanged", finish, {once: true});
    setTimeout(finish, 1500);
  }
  function readableText(target) {
    var copy = target.cloneNode(true);
    var drop = copy.querySelectorAll("rt, rp, script, style, [aria-hidden='true'], [hidden], .read-aloud, dialog:not([open])");
    for (var i = 0; i < drop.length; i++) drop[i].remove();
    return (copy.textContent || "").replace(/\s+/g, " ").trim();
  }
  function chunks(text) {
    // Short utterances: Chromium stops long ones after about 15 seconds.
    var parts = text.match(/[^。．.!?！？\n]+[。．.!?！？]*/g) || [text];
    return parts.map(function (p) { return p.trim(); }).filter(Boolean);
  }
  doc.addEventListener("click", function (event) {
    var button = event.target && event.target.closest ? event.target.closest("[data-read-aloud-action]") : null;
    if (!button) return;
    var control = button.closest("[data-read-aloud]");
    var action = button.getAttribute("data-read-aloud-action");
    if (!speech || typeof SpeechSynthesisUtterance === "undefined") { say(control, "unsupported"); return; }
    if (action === "pause") { if (speech.speaking) { speech.pause(); say(control, "paused"); } return; }
    if (action === "resume") { if (speech.paused) { speech.resume(); say(control, "reading"); } return; }
    if (action === "stop") { speech.cancel(); say(control, "stopped"); return; }
    var lang = doc.documentElement.lang || "ja";
    voiceFor(lang, function (voice) {
      if (!voice) { say(control, "no-voice"); return; }
      var target = doc.getElementById(control.getAttribute("data-read-aloud")) || doc.querySelector("main");
      speech.cancel();
      var parts = chunks(readableText(target));
      parts.forEach(function (part, index) {
        var utterance = new SpeechSynthesisUtterance(part);
        utterance.lang = lang;
        utterance.voice = voice;
        if (index === parts.length - 1) utterance.onend = function () { say(control, "finished"); };
        speech.speak(utterance);
      });
      say(control, "reading");
    });
  });
})();
"""
