"""The pre-hydration script: applies saved display preferences before first paint (no flash, CLS 0).

It runs from <head> in the prerendered HTML, before React hydrates. It reads the `minna_prefs` cookie
(URL-encoded `size=150&mode=simple&contrast=high&furigana=on&motion=reduce`) and sets data attributes on <html>;
the stylesheet does the rest. It also remembers the locale of the page being viewed.
"""

PREFS_SCRIPT = r"""
(function () {
  try {
    var root = document.documentElement;
    var m = document.cookie.match(/(?:^|; )minna_prefs=([^;]*)/);
    if (m) {
      decodeURIComponent(m[1]).split("&").forEach(function (pair) {
        var kv = pair.split("=");
        if (/^(size|mode|contrast|furigana|motion)$/.test(kv[0]) && /^[a-z0-9]{1,10}$/.test(kv[1] || "")) {
          root.setAttribute("data-" + (kv[0] === "size" ? "text-size" : kv[0]), kv[1]);
        }
      });
    }
    var code = location.pathname.split("/")[1];
    if (/^[a-z]{2,3}(-[A-Za-z]{2,8})?$/.test(code)) {
      document.cookie = "minna_locale=" + code + "; path=/; max-age=31536000; samesite=lax";
    }
  } catch (e) { /* preferences are an enhancement; never block the page */ }
})();
"""

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
