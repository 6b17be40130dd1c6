"""The application form engine's pages: one route per procedure (`/<locale>/apply/<slug>`), the step in the URL.

Every step of both modes is compiled into the page (questions one per page for simplified mode, groups of
questions otherwise, check your answers, confirmation); `ApplicationState.step` chooses the one shown. The page
only shows state: answers, errors and rule findings come worded from the state; the words of questions,
headings and buttons are built here per locale.

Inputs are uncontrolled (their text is not sent per keystroke, which matters on a slow prepaid plan): a field
saves when it loses focus, and Continue sends the whole page as form data. Choices (radios, checkboxes) are
controlled, so a resumed draft shows them checked.
"""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx

from rxapp.components.back_link import back_link
from rxapp.components.button import button, button_group
from rxapp.components.checkboxes import checkboxes
from rxapp.components.confirmation_panel import confirmation_panel
from rxapp.components.date_input import date_input
from rxapp.components.error_summary import error_summary
from rxapp.components.inset_text import inset_text
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.components.notification_banner import notification_banner
from rxapp.components.radios import Option, radios
from rxapp.components.step_indicator import step_indicator
from rxapp.components.summary_list import Row, summary_list
from rxapp.components.text_input import text_input, textarea
from rxapp.components.warning_text import warning_text
from rxapp.i18n import T
from rxapp.pages.error_messages import error_text
from rxapp.pages.registry import page
from rxapp.procedures.catalog import CATALOG, ProcedureInfo
from rxapp.procedures.flows import FLOWS, Flow, Group, Question
from rxapp.rules.fields import Kind, length_limit
from rxapp.state.application import LIVE_MODE, ApplicationState, field_id
from rxapp.state.session import SessionState

S = ApplicationState


def _with_note(static: str, q: Question) -> rx.Component:
    """The hint's static words, then where a pre-filled answer came from (shown only when pre-filled).

    One hint element, tied to the control by aria-describedby, so the source is read with the field
    (WCAG 3.3.7, 1.3.1). The hint takes a component here rather than a string, so that the static words keep
    their build-time furigana while the note, which carries data, comes from the state.
    """
    parts = S.notes[q.name]
    note = rx.cond(
        parts.length() > 0,  # type: ignore[attr-defined]
        rx.el.span(" ", parts[0], rx.cond(parts[1] != "", rx.el.span(parts[1], lang="ja")), parts[2],
                   class_name="prefill-note"),
    )
    return rx.fragment(static, note) if static else rx.fragment(note)


def _hint(t: T, q: Question) -> rx.Component:
    return _with_note(q.hint(t) if q.hint else "", q)


def _date_hint(t: T, q: Question) -> rx.Component:
    if t.locale.html_lang == "ja":
        example = t._("For example, {example}", example="2026年（令和8年）11月22日")
    else:
        example = t._("For example, {example}", example="22 11 2026")
    return _with_note(f"{q.hint(t)} {example}" if q.hint else example, q)


def _remember_part(key: str) -> Callable[[str], rx.event.EventSpec]:
    return lambda value: S.remember(key, value)


def question_control(t: T, q: Question, *, heading: bool) -> rx.Component:
    """One question with the component for its kind."""
    name, kind = q.name, q.spec.kind
    fid = field_id(name)
    error = S.errors[name]
    label = q.label(t)
    optional = not q.spec.required and kind is not Kind.documents
    if kind is Kind.date:
        return date_input(
            t, legend=label, name=name, id=fid, hint=_date_hint(t, q), error=error,
            values={"year": S.raw[f"{name}-year"], "month": S.raw[f"{name}-month"], "day": S.raw[f"{name}-day"]},
            # Each part is kept (and the draft saved) when the resident leaves it, as text fields are.
            on_blur={part: _remember_part(f"{name}-{part}") for part in ("year", "month", "day")},
            legend_is_heading=heading,
        )  # fmt: skip
    if kind in (Kind.yesno, Kind.choice, Kind.select):
        options = [Option(c.value, c.label(t), c.hint(t) if c.hint else None) for c in q.choices]
        return radios(
            t, legend=label, name=name, id=fid, options=options, hint=_hint(t, q), error=error, value=S.raw[name],
            on_change=lambda value: S.choose(name, value), legend_is_heading=heading, inline=kind is Kind.yesno,
        )  # fmt: skip
    if kind is Kind.documents:
        # A checkbox's change event carries only its checked state: each box gets a handler that knows its value.
        options = [Option(c.value, c.label(t)) for c in q.choices]
        return checkboxes(
            t, legend=label, name=name, id=fid, options=options, hint=_hint(t, q), error=error, values=S.docs,
            on_change_for=lambda value: (lambda checked: S.set_document(value, checked)), legend_is_heading=heading,
        )  # fmt: skip
    if q.long_text:
        return textarea(
            t, label=label, name=name, id=fid, hint=_hint(t, q), error=error, value=S.raw[name],
            on_blur=lambda value: S.remember(name, value), optional=optional, label_is_heading=heading,
            max_length=q.spec.max_length,
        )  # fmt: skip
    return text_input(
        t, label=label, name=name, id=fid, hint=_hint(t, q), error=error, value=S.raw[name],
        on_blur=lambda value: S.remember(name, value), optional=optional, label_is_heading=heading,
        width=q.width, autocomplete=q.autocomplete, input_mode=q.input_mode,  # type: ignore[arg-type]
        max_length=length_limit(q.spec),
        spellcheck=False if kind in (Kind.katakana, Kind.digits, Kind.postal_code) else None,
    )  # fmt: skip


def _caption(t: T, info: ProcedureInfo) -> rx.Component:
    return rx.el.span(info.title(t), class_name="caption")


def _continue_buttons(t: T) -> rx.Component:
    # No double-click guard here (it would swallow a quick second press after fixing an error): the form says
    # which step it belongs to, and the state ignores a submission for a step that is no longer shown.
    return button_group(
        button(t._("Continue"), id="continue-button"),
        internal_link(t._("Save and come back later"), href=f"/{t.code}/applications", id="save-later-link"),
    )


def _step_form(t: T, info: ProcedureInfo, step: str, *body: rx.Component) -> rx.Component:
    return rx.el.form(
        rx.el.input(type="hidden", name="_step", value=step),
        *body,
        _continue_buttons(t),
        on_submit=[S.set_mode(LIVE_MODE), S.continue_step],  # type: ignore[call-arg]
        id=f"form-{step}",
        no_validate=True,  # our own messages, in the resident's language, with the error summary
    )


def group_step(t: T, info: ProcedureInfo, group: Group) -> rx.Component:
    return _step_form(
        t, info, f"g-{group.slug}",
        _caption(t, info),
        rx.el.h1(group.title(t)),
        *[question_control(t, q, heading=False) for q in group.questions],
    )  # fmt: skip


def question_step(t: T, info: ProcedureInfo, q: Question) -> rx.Component:
    return _step_form(t, info, f"q-{q.name}", _caption(t, info), question_control(t, q, heading=True))


def _issue_list(items: rx.Var, kind: str) -> rx.Component:
    def item(entry: rx.Var) -> rx.Component:
        return rx.el.li(
            rx.el.p(entry["message"], class_name="issue__message"),
            rx.cond(entry["href"] != "", internal_link(entry["label"], href=entry["href"], class_name="issue__fix")),
            id=entry["id"],
            class_name=f"issue issue--{kind}",
        )

    return rx.el.ul(rx.foreach(items, item), class_name="issue-list")


def check_step(t: T, info: ProcedureInfo, flow: Flow) -> rx.Component:
    change = t._("Change")

    def rows(group: Group) -> list[Row]:
        return [
            Row(q.short(t), f"{S.display_values[q.name]}", f"/{t.code}/apply/{info.slug}?step=q-{q.name}&from=check",
                change, q.short(t))
            for q in group.questions
        ]  # fmt: skip

    sections = [
        rx.cond(
            S.visible_groups.contains(g.slug),
            rx.fragment(rx.el.h2(g.title(t)), summary_list(rows(g), id=f"summary-{g.slug}")),
        )
        for g in flow.groups
    ]
    confirm = checkboxes(
        t, legend=t._("Confirm"), name="confirm_checked", id=field_id("confirm_checked"),
        options=[Option("yes", t._("I have checked the answers under \"Please check\" and they are right"))],
        error=S.errors["confirm_checked"],
    )  # fmt: skip
    send_label = {
        "application": t._("Accept and send"),
        "public_fund_account": t._("Register this account"),
        "e_tax": t._("Send to e-Tax"),
    }[info.kind]
    return rx.el.div(
        _caption(t, info),
        rx.el.h1(t._("Check your answers")),
        rx.foreach(S.outcome_lines, lambda line: inset_text(line)),
        *sections,
        rx.cond(
            S.issues.length() > 0,  # type: ignore[attr-defined]
            rx.el.section(
                rx.el.h2(t._("Fix these before you send"), id="issues-title"),
                _issue_list(S.issues, "error"),
                aria_labelledby="issues-title",
            ),
        ),
        rx.cond(
            S.checks.length() > 0,  # type: ignore[attr-defined]
            rx.el.section(
                rx.el.h2(t._("Please check"), id="checks-title"),
                rx.el.p(t._("These answers may be right, but the office may ask about them. Check them, or change them.")),
                _issue_list(S.checks, "check"),
                aria_labelledby="checks-title",
            ),
        ),
        rx.el.form(
            rx.cond(S.checks.length() > 0, confirm),  # type: ignore[attr-defined]
            rx.el.h2(t._("Now send")),
            rx.el.p(t._("By sending, you confirm that your answers are true to the best of your knowledge.")),
            warning_text(t, t._("You cannot change the application after you send it. To correct it, contact the office.")),
            button(send_label, id="send-button", prevent_double_click=True),
            on_submit=S.send,
            id="form-send",
            no_validate=True,
        ),
    )


def done_step(t: T, info: ProcedureInfo) -> rx.Component:
    if info.kind == "application":
        panel = confirmation_panel(t, t._("Application sent"), reference=f"{S.receipt_number}", id="confirmation")
        extra: list[rx.Component] = [
            rx.cond(
                S.receipt_hash != "",
                rx.el.div(
                    rx.el.h2(t._("Proof of sending")),
                    rx.el.p(t._("Your application is recorded in the tamper-evident log. Its fingerprint (SHA-256) is:")),
                    rx.el.p(rx.el.code(S.receipt_hash, custom_attrs={"translate": "no"}, id="receipt-hash", class_name="hash")),
                ),
            ),
            rx.el.p(t._("Sent on {when}.", when=S.submitted_at)),
            rx.el.h2(t._("What happens next")),
            rx.el.p(info.how_long(t)),
            rx.el.ul(
                rx.el.li(internal_link(t._("Print or save your receipt"), id="receipt-link",
                                       href=f"/{t.code}/applications/receipt?id={S.application_id}")),
                rx.el.li(internal_link(t._("Follow your application"), id="status-link",
                                       href=f"/{t.code}/applications/status?id={S.application_id}")),
                rx.el.li(internal_link(t._("Your applications"), href=f"/{t.code}/applications")),
            ),
        ]  # fmt: skip
    elif info.kind == "public_fund_account":
        panel = confirmation_panel(t, t._("Your account for public payments is registered"), id="confirmation",
                                   body=t._("Registered on {when}.", when=S.submitted_at))  # fmt: skip
        extra = [rx.el.p(t._("Benefits and tax refunds will be paid into this account from now on."))]
    else:
        panel = confirmation_panel(t, t._("Your medical-cost data is ready in e-Tax"), id="confirmation",
                                   body=t._("Sent on {when}.", when=S.submitted_at))  # fmt: skip
        extra = [
            rx.foreach(S.outcome_lines, lambda line: inset_text(line)),
            rx.el.p(t._("Open e-Tax to finish your tax return. The medical-cost data is filled in for you. (In this demo, e-Tax is simulated.)")),
        ]
    return rx.el.div(
        panel,
        *extra,
        rx.el.p(internal_link(t._("Back to your home page"), href=f"/{t.code}/mypage")),
    )


def _indicator(t: T, flow: Flow) -> rx.Component:
    """"Step 2 of 5": every position the flow can have is compiled; the state holds "2/5"."""
    most = max(len(flow.questions), len(flow.groups))
    cases = [(f"{i}/{n}", step_indicator(t, i, n)) for n in range(1, most + 1) for i in range(1, n + 1)]
    return rx.match(S.position, *cases, rx.fragment())


def _problem(t: T) -> rx.Component:
    """When the backend cannot be reached: the answers stay, the resident is told, and can try again."""
    return rx.cond(
        S.problem != "",
        notification_banner(
            t,
            rx.el.p(error_text(t, S.problem), class_name="notification-banner__heading"),
            rx.el.p(t._("Your answers are still on this page. Nothing is lost.")),
            button(t._("Try again"), type="button", on_click=S.try_again, id="try-again-button", variant="secondary"),
            id="problem-banner",
            title=t._("Not saved yet"),
        ),
    )


def apply_body(t: T, info: ProcedureInfo) -> rx.Component:
    flow = FLOWS[info.id]
    cases: list[tuple[str, rx.Component]] = [(f"g-{g.slug}", group_step(t, info, g)) for g in flow.groups]
    cases += [(f"q-{q.name}", question_step(t, info, q)) for q in flow.questions]
    cases += [("check", check_step(t, info, flow)), ("done", done_step(t, info))]
    loading = rx.cond(
        S.load_problem != "",
        rx.fragment(
            rx.el.h1(info.title(t)),
            rx.el.p(error_text(t, S.load_problem)),
            button(t._("Try again"), type="button", on_click=S.load, id="reload-button"),
        ),
        rx.fragment(rx.el.h1(info.title(t)), rx.el.p(t._("Opening your application…"))),
    )
    ready = S.loaded & (S.procedure_id == info.id) & (S.step != "")
    return rx.fragment(
        # Always rendered, only its text changes: a saving problem is announced once, politely.
        rx.el.div(rx.cond(S.problem != "", error_text(t, S.problem), ""), role="status", id="problem-status",
                 class_name="visually-hidden"),
        rx.cond(
            ready,
            rx.fragment(
                rx.cond((S.step != "done") & (S.back_href != ""), back_link(t, S.back_href, id="back-link")),  # type: ignore[arg-type]
                error_summary(t, S.error_list),
                _problem(t),
                _indicator(t, flow),
                rx.match(S.step, *cases, rx.fragment()),
            ),
            loading,
        ),
    )


def _register(info: ProcedureInfo) -> None:
    slug = f"apply/{info.slug}"

    # TRANSLATORS: the browser tab of an application form; differs from the procedure's own page.
    @page(slug, title=lambda t: t._("Apply: {procedure}", procedure=info.title(t)), on_load=[SessionState.require_sign_in, ApplicationState.load],
          signed_in=True)  # fmt: skip
    def apply(t: T) -> rx.Component:
        return page_shell(t, slug, apply_body(t, info))

    apply.__name__ = f"apply_{info.id}"


for _info in CATALOG:
    _register(_info)
