"""Forms: every control labelled (1.3.1, 3.3.2, 4.1.2), errors tied to their fields (3.3.1), and the
error summary taking focus (GOV.UK pattern) on forms that declare one.

A form opts in to the submit test with a `data-error-summary` attribute (empty, or a selector of its summary):
the check submits it untouched and expects focus to land in the summary (`[data-error-summary]` that is not a
form, or the selector), each summary link pointing at an invalid field whose aria-describedby names the error.
Only opted-in forms are submitted, so the suite never posts to a real backend by surprise.
"""

from __future__ import annotations

from typing import Any

from accessibility.checks import CheckContext
from accessibility.checks.dom import evaluate
from accessibility.model import Finding

CONTROLS = r"""() => {
  const A = window.__a11y;
  const text = (ids) => (ids || "").split(/\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)).map((n) => (n ? (n.textContent || "").trim() : "")).join(" ").trim();
  const out = { unlabelled: [], invisibleLabel: [], invalid: [], summaries: [], forms: [] };
  const sel = 'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), ' +
    'select, textarea, [role=textbox], [role=combobox], [role=checkbox], [role=radio], [role=switch], [role=slider], [role=spinbutton], [role=listbox]';
  for (const el of document.querySelectorAll(sel)) {
    if (!A.visible(el) || A.hiddenFromAT(el)) continue;
    const labels = A.labelsOf(el).map((l) => (l.innerText || l.textContent || "").trim()).filter(Boolean);
    const byLabelledby = text(el.getAttribute("aria-labelledby"));
    const aria = (el.getAttribute("aria-label") || "").trim();
    const title = (el.getAttribute("title") || "").trim();
    if (!labels.length && !byLabelledby && !aria && !title) {
      out.unlabelled.push({ sel: A.sel(el), html: A.snippet(el) });
      continue;
    }
    const visibleLabel = A.labelsOf(el).some((l) => A.visible(l) && !A.srOnly(l) && (l.innerText || "").trim()) ||
      (el.getAttribute("aria-labelledby") || "").split(/\s+/).some((id) => {
        const n = document.getElementById(id);
        return n && A.visible(n) && !A.srOnly(n) && (n.innerText || "").trim();
      }) || (el.closest("fieldset") && el.closest("fieldset").querySelector("legend") && el.type === "radio");
    if (!visibleLabel) out.invisibleLabel.push({ sel: A.sel(el), html: A.snippet(el) });
  }
  for (const el of document.querySelectorAll('[aria-invalid="true"]')) {
    if (!A.visible(el)) continue;
    // The error may describe the whole group (a date's day, month and year: GOV.UK puts it on the fieldset).
    const group = el.closest("fieldset, [role=group], [role=radiogroup]");
    const described = text(el.getAttribute("aria-describedby")) || (group ? text(group.getAttribute("aria-describedby")) : "");
    if (!described) out.invalid.push({ sel: A.sel(el), html: A.snippet(el) });
  }
  for (const box of document.querySelectorAll("[data-error-summary]:not(form)")) {
    if (!A.visible(box)) continue;
    for (const link of box.querySelectorAll("a[href^='#']")) {
      const id = decodeURIComponent(link.getAttribute("href").slice(1));
      const field = document.getElementById(id);
      let problem = "";
      if (!field) problem = `links to #${id}, which does not exist`;
      else if (!field.closest("[data-error-summary]")) {
        const control = field.matches("input, select, textarea, [role]") ? field : field.querySelector("input, select, textarea");
        if (control && control.getAttribute("aria-invalid") !== "true") problem = `#${id} is not marked aria-invalid="true"`;
        else if (control && !text(control.getAttribute("aria-describedby"))) problem = `#${id} has no aria-describedby naming its error`;
      }
      if (problem) out.summaries.push({ sel: A.sel(link), html: A.snippet(link), problem });
    }
  }
  out.forms = Array.from(document.querySelectorAll("form[data-error-summary]")).filter((f) => A.visible(f)).map((f) => A.sel(f));
  return out;
}"""

SUBMIT = r"""(formSel) => {
  const form = document.querySelector(formSel);
  if (!form) return false;
  const button = form.querySelector('button[type=submit], button:not([type]), input[type=submit]');
  if (button) button.click(); else form.requestSubmit();
  return true;
}"""

FOCUS_IN_SUMMARY = r"""(formSel) => {
  const form = document.querySelector(formSel);
  const wanted = form && form.getAttribute("data-error-summary");
  let box = null;
  try { box = wanted && wanted !== "true" ? document.querySelector(wanted) : null; } catch (e) { box = null; }
  box = box || document.querySelector("[data-error-summary]:not(form)");
  const active = document.activeElement;
  return { found: !!box, focused: !!(box && active && (box === active || box.contains(active))),
           active: active ? window.__a11y.sel(active) : "", box: box ? window.__a11y.sel(box) : "" };
}"""


def _static(data: dict[str, Any]) -> list[Finding]:
    out: list[Finding] = []
    for item in data["unlabelled"]:
        out.append(Finding("forms", "control-label", "1.3.1, 3.3.2, 4.1.2", "this form control has no label",
                           item["sel"], "critical", html=item["html"]))
    for item in data["invisibleLabel"]:
        out.append(Finding("forms", "control-visible-label", "3.3.2",
                           "this control is named only for screen readers: give it a visible label",
                           item["sel"], "serious", html=item["html"]))
    for item in data["invalid"]:
        out.append(Finding("forms", "error-described", "3.3.1, 1.3.1",
                           'aria-invalid="true" without aria-describedby pointing at the error message',
                           item["sel"], "serious", html=item["html"]))
    for item in data["summaries"]:
        out.append(Finding("forms", "error-summary-link", "3.3.1, 2.4.4", f"error summary link: {item['problem']}",
                           item["sel"], "serious", html=item["html"]))
    return out


def run(ctx: CheckContext) -> list[Finding]:
    page = ctx.page
    data: Any = evaluate(page, CONTROLS)
    out = _static(data)
    for form in data["forms"]:
        if not page.evaluate(SUBMIT, form):
            continue
        result: Any = None
        for _ in range(20):  # the summary appears after a round trip to the server: up to 3 s
            page.wait_for_timeout(150)
            result = evaluate(page, FOCUS_IN_SUMMARY, form)
            if result["focused"]:
                break
        if not result["found"]:
            out.append(Finding("forms", "error-summary-shown", "3.3.1",
                               "submitting the empty form shows no error summary", form, "serious"))
        elif not result["focused"]:
            shot = ctx.save_shot(page.screenshot(animations="disabled"), "error-summary-focus")
            out.append(Finding("forms", "error-summary-focus", "3.3.1, 2.4.3",
                               f"the error summary does not take focus (focus is on {result['active'] or 'the page'})",
                               result["box"], "serious", screenshot=shot))
        after: Any = evaluate(page, CONTROLS)
        out.extend(f for f in _static(after) if f.rule in {"error-described", "error-summary-link"})
    return out
