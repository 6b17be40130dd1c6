"""Page structure: one h1, no skipped heading levels, the three landmarks, a localized title.

Title uniqueness across the pages of one locale needs every row; the runner checks it after the matrix.
"""

from __future__ import annotations

import re

from accessibility.checks import CheckContext
from accessibility.checks.dom import evaluate
from accessibility.model import Finding

SCRIPT = r"""() => {
  const A = window.__a11y;
  const headings = [];
  for (const el of document.body.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]")) {
    if (A.hiddenFromAT(el) || !A.visible(el)) continue;
    const level = el.getAttribute("role") === "heading"
      ? parseInt(el.getAttribute("aria-level") || "2", 10) : parseInt(el.localName[1], 10);
    // A gallery example is a piece of some page (a one-question page's h1, say): its headings form their own outline.
    const example = el.closest("[data-example]");
    headings.push({ level, sel: A.sel(el), html: A.snippet(el), text: (el.textContent || "").trim().slice(0, 80),
                    example: example ? example.id : "" });
  }
  // Landmarks as the HTML-AAM maps them: header/footer are banner/contentinfo only outside sectioning content.
  const scoped = "article, aside, main, nav, section, [role=article], [role=complementary], [role=main], [role=navigation], [role=region]";
  const landmark = (tag, role) => Array.from(document.querySelectorAll(`${tag}, [role=${role}]`)).filter((el) => {
    if (A.hiddenFromAT(el) || !A.visible(el)) return false;
    if (el.getAttribute("role") && el.getAttribute("role") !== role) return false;
    if (el.localName === tag && !el.getAttribute("role") && tag !== "main") {
      const parent = el.parentElement && el.parentElement.closest(scoped);
      if (parent) return false;
    }
    return true;
  }).map((el) => A.sel(el));
  return { headings, title: document.title,
           banner: landmark("header", "banner"), main: landmark("main", "main"),
           contentinfo: landmark("footer", "contentinfo") };
}"""

_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+")


def title_segments(title: str) -> list[str]:
    return [s.strip() for s in _TITLE_SPLIT.split(title) if s.strip()]


def _skipped_levels(headings: list[dict], start: int) -> list[Finding]:
    out: list[Finding] = []
    previous = start
    for heading in headings:
        if heading["level"] > previous + 1:
            out.append(Finding("structure", "heading-skipped-level", "1.3.1",
                               f'h{heading["level"]} "{heading["text"]}" follows h{previous}: level {previous + 1} is skipped',
                               heading["sel"], "moderate", html=heading["html"]))
        previous = heading["level"]
    return out


def run(ctx: CheckContext) -> list[Finding]:
    t = ctx.target
    data = evaluate(ctx.page, SCRIPT)
    assert isinstance(data, dict)
    out: list[Finding] = []
    outlines: dict[str, list[dict]] = {}
    for heading in data["headings"]:
        outlines.setdefault(heading["example"], []).append(heading)
    page_outline = outlines.pop("", [])
    h1s = [h for h in page_outline if h["level"] == 1]
    if len(h1s) != 1:
        where = ", ".join(h["sel"] for h in h1s) or "none found"
        out.append(Finding("structure", "one-h1", "1.3.1, 2.4.6",
                           f"a page needs exactly one h1, found {len(h1s)} ({where})",
                           h1s[1]["sel"] if len(h1s) > 1 else "", "moderate"))
    out.extend(_skipped_levels(page_outline, 1))
    for example, outline in outlines.items():
        # An example is audited as the page it is part of: at most one h1, and no skipped level after its first heading.
        extra = [h for h in outline if h["level"] == 1][1:]
        if extra:
            out.append(Finding("structure", "one-h1", "1.3.1, 2.4.6",
                               f"the example {example} has more than one h1", extra[0]["sel"], "moderate"))
        out.extend(_skipped_levels(outline[1:], outline[0]["level"]))
    for role, found in (("banner", data["banner"]), ("main", data["main"]), ("contentinfo", data["contentinfo"])):
        if not found:
            out.append(Finding("structure", f"landmark-{role}", "1.3.1, 2.4.1",
                               f"no {role} landmark ({ {'banner': '<header>', 'main': '<main>', 'contentinfo': '<footer>'}[role] })",
                               "", "serious"))
        elif len(found) > 1:
            out.append(Finding("structure", f"landmark-{role}-unique", "1.3.1",
                               f"{len(found)} {role} landmarks: {', '.join(found)}", found[1], "moderate"))
    title = (data["title"] or "").strip()
    if not title:
        out.append(Finding("structure", "document-title", "2.4.2", "the page has no <title>", "head > title", "serious"))
    elif t.lang.split("-")[0] != "en" and not t.pseudo:
        english = {s for s in (t.english_title, t.english_service) if s and re.search(r"[A-Za-z]", s)}
        escaped = [s for s in title_segments(title) if s in english]
        if escaped:
            out.append(Finding("structure", "title-untranslated", "2.4.2, 3.1.1",
                               f'the {t.locale} title "{title}" keeps the English {", ".join(map(repr, escaped))}',
                               "head > title", "serious"))
    if t.title and title and t.title not in title:
        out.append(Finding("structure", "title-describes-page", "2.4.2",
                           f'the title "{title}" does not name the page ("{t.title}" expected in it)',
                           "head > title", "moderate"))
    return out
