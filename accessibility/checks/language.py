"""Language of the page and of its parts (WCAG 3.1.1, 3.1.2), and text that escaped translation.

- `<html lang dir>` must be the locale's (ja-easy → lang "ja"; ar, ar-XB → dir "rtl").
- Text in a script the surrounding `lang` cannot be written in (Japanese under lang="en", Arabic under
  lang="ja", …) must carry its own `lang`. The title, aria-label, alt, placeholder and title attributes too.
- Every language's own name (the language picker) carries that language's `lang`.
- In pseudo-locales, words of plain ASCII outside the pseudo-translation brackets escaped the catalogs.
"""

from __future__ import annotations

from accessibility.checks import CheckContext
from accessibility.checks.dom import evaluate
from accessibility.model import Finding

# Which primary language subtags can be written in which script.
SCRIPTS_JS = r"""
const SCRIPTS = [
  { name: "Arabic", re: /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/, langs: ["ar", "fa", "ur", "ps", "ku", "sd", "ug"] },
  { name: "Japanese kana", re: /[\u3041-\u3096\u30A1-\u30FA]/, langs: ["ja"] },
  { name: "CJK ideographs", re: /[\u3400-\u4DBF\u4E00-\u9FFF]/, langs: ["ja", "zh", "ko"] },
  { name: "Hangul", re: /[\uAC00-\uD7AF\u1100-\u11FF]/, langs: ["ko"] },
  { name: "Thai", re: /[\u0E00-\u0E7F]/, langs: ["th"] },
  { name: "Devanagari", re: /[\u0900-\u097F]/, langs: ["hi", "ne", "mr", "sa"] },
];
const primary = (tag) => (tag || "").toLowerCase().split("-")[0];
const mismatch = (text, lang) => {
  const p = primary(lang);
  for (const s of SCRIPTS) if (s.re.test(text) && !s.langs.includes(p)) return s.name;
  return "";
};
"""

SCRIPT = (
    r"""([nativeNames, pseudo]) => {
  const A = window.__a11y;
"""
    + SCRIPTS_JS
    + r"""
  const html = document.documentElement;
  const out = { lang: html.getAttribute("lang"), dir: html.getAttribute("dir"),
                computedDir: getComputedStyle(html).direction, title: document.title,
                titleScript: mismatch(document.title, html.getAttribute("lang")), parts: [], names: [], escapes: [] };
  const seen = new Set();
  for (const node of A.textNodes()) {
    const el = node.parentElement;
    const lang = A.lang(el);
    const script = mismatch(node.nodeValue, lang);
    if (script && !seen.has(el)) {
      seen.add(el);
      out.parts.push({ sel: A.sel(el), html: A.snippet(el), lang, script, text: node.nodeValue.trim().slice(0, 80) });
    }
  }
  for (const el of document.body.querySelectorAll("[aria-label], [alt], [placeholder], [title]")) {
    for (const attr of ["aria-label", "alt", "placeholder", "title"]) {
      const value = el.getAttribute(attr);
      if (!value) continue;
      const lang = A.lang(el);
      const script = mismatch(value, lang);
      if (script) out.parts.push({ sel: A.sel(el), html: A.snippet(el), lang, script, text: `${attr}="${value.slice(0, 60)}"` });
    }
  }
  // Each language named in itself must be marked with that language (at least the language picker).
  const byName = new Map(nativeNames.map(([name, lang]) => [name.trim(), lang]));
  for (const el of document.body.querySelectorAll("a, button, li, span, option, label, p, div")) {
    const own = Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.nodeValue).join("").trim();
    if (!own || !byName.has(own) || !A.visible(el)) continue;
    const want = byName.get(own);
    const got = A.lang(el);
    if (primary(got) !== primary(want) || (el.closest("[lang]") === html && primary(html.getAttribute("lang")) !== primary(want))) {
      out.names.push({ sel: A.sel(el), html: A.snippet(el), want, got });
    } else if (el.closest("[lang]") === html && el.closest("nav, [role=navigation], ul, ol, select, [role=listbox], [role=menu]")) {
      // In a list of languages every item says its own language, also the one that matches the page's.
      out.names.push({ sel: A.sel(el), html: A.snippet(el), want, got: "(inherited from <html>)" });
    }
  }
  if (pseudo) {
    const names = new Set(nativeNames.map(([name]) => name.trim()));
    for (const node of A.textNodes()) {
      const el = node.parentElement;
      const text = node.nodeValue.trim();
      // Declared as another language, or as not to be translated (names, codes): not an escape.
      if (names.has(text) || el.closest('[translate="no"], code, kbd, samp')) continue;
      if (primary(A.lang(el)) !== primary(html.getAttribute("lang"))) continue;
      // Text in a real non-Latin script (an Arabic example, a Japanese name) was written, not left over.
      if (SCRIPTS.some((sc) => sc.re.test(text))) continue;
      // Pseudo-translated runs: "[…]" (a run may open or close in another text node when a placeholder
      // splits it) and, in the RTL pseudo-locale, RLO…PDF embeddings.
      const outside = text.replace(/\u202e[^\u202c]*(\u202c|$)/g, " ").replace(/\[[^\]]*(\]|$)/g, " ")
        .replace(/^[^\[]*\]/, " ");
      const word = outside.match(/[A-Za-z]{3,}/);
      if (word) out.escapes.push({ sel: A.sel(el), html: A.snippet(el), text: text.slice(0, 80) });
    }
  }
  return out;
}"""
)


def run(ctx: CheckContext) -> list[Finding]:
    t = ctx.target
    data = evaluate(ctx.page, SCRIPT, [[list(p) for p in t.native_names], t.pseudo])
    assert isinstance(data, dict)
    out: list[Finding] = []
    if (data["lang"] or "") != t.lang:
        out.append(Finding("language", "html-lang", "3.1.1",
                           f'<html lang="{data["lang"]}"> but the {t.locale} page must say lang="{t.lang}"',
                           "html", "serious"))
    if (data["dir"] or "ltr") != t.direction or data["computedDir"] != t.direction:
        out.append(Finding("language", "html-dir", "1.3.2",
                           f'<html dir="{data["dir"]}"> (computed {data["computedDir"]}) but {t.locale} is written {t.direction}',
                           "html", "serious"))
    if data["titleScript"]:
        out.append(Finding("language", "title-lang", "3.1.1, 2.4.2",
                           f'the title "{data["title"]}" is in {data["titleScript"]} but the page is lang="{data["lang"]}"',
                           "head > title", "moderate"))
    for part in data["parts"]:
        out.append(Finding("language", "lang-of-parts", "3.1.2",
                           f'{part["script"]} text under lang="{part["lang"]}" without its own lang: {part["text"]!r}',
                           part["sel"], "serious", html=part["html"]))
    for item in data["names"]:
        out.append(Finding("language", "language-name-lang", "3.1.2",
                           f'a language named in itself must carry lang="{item["want"]}", found {item["got"] or "none"}',
                           item["sel"], "serious", html=item["html"]))
    for item in data["escapes"]:
        out.append(Finding("language", "pseudo-untranslated", "3.1.2",
                           f'text escaped translation in the pseudo-locale {t.locale}: {item["text"]!r}',
                           item["sel"], "moderate", html=item["html"]))
    return out
