"""One application in progress: steps, answers, pre-fill, deficiency checks, autosave, idempotent submit.

Where things live
- The step is in the URL (`?step=g-child`, `?step=q-child_birth_date`, `?step=check`, `?step=done`), so the
  back button, a reload and the change links work; on_load reads it.
- Answers are typed text in `raw` (dates as three parts) while on screen, and are saved to the backend draft
  as typed values (drafts live in the backend: a reload, a sign-out, an expired session or another device
  resumes them). Saving happens when a text field loses focus and on every Continue; a failure keeps the
  answers on screen, says so in the resident's language and offers "Try again" (`problem`, a machine code).
- The idempotency key is made once per draft, kept in a backend-only var and inside the draft's answers
  (`_submission_key`), so a double click, a reconnect, a retry or another device resuming the same draft
  always sends the same key: the backend makes one application of it.

Simplified mode (one question per page) is read from the `minna_prefs` cookie the display settings write,
which the server sees in the websocket's request headers, and again from `<html data-mode>` with every
Continue (an event argument evaluated in the browser): the server builds the step list, so it must know the
mode, and the attribute is what the resident sees even if they changed the mode in another tab.

Words: rule findings and field errors carry data (dates, amounts), so they are worded here, at event time,
through the catalogs (`rxapp.procedures.messages`) for the route's locale, and re-worded when the locale
changes (on_load runs on every route change). Errors of the adapter stay machine codes (`problem`).
"""

from __future__ import annotations

import contextlib
import uuid
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import reflex as rx
from reflex_base.utils.form import FormData

from rxapp.api import get_client
from rxapp.api.errors import (
    BackendError,
    BackendTimeout,
    BackendUnavailable,
    Conflict,
    Forbidden,
    NotFound,
    PortalError,
    Unauthorised,
    ValidationFailed,
)
from rxapp.api.models import Application, ApplicationStatus
from rxapp.call_scripts import FOCUS_HEADING
from rxapp.i18n import T
from rxapp.i18n.formatting import format_date
from rxapp.prefs_script import COOKIE, parse_prefs
from rxapp.procedures import messages
from rxapp.procedures.catalog import BY_SLUG
from rxapp.procedures.flows import FLOWS, Flow, Question
from rxapp.rules.deficiency import AnswerValue, Facts, Finding, check
from rxapp.rules.facts import build_facts, prefills
from rxapp.rules.fields import Kind, compose_date, from_answer, split_date, to_answer, validate
from rxapp.state.session import adapter_error, locale_of_path, require_token, session_of

JST = ZoneInfo("Asia/Tokyo")
KEY_FIELD = "_submission_key"
LIVE_MODE = rx.Var("(document.documentElement.getAttribute('data-mode') || '')")
TRANSIENT = (BackendUnavailable, BackendTimeout, BackendError)


def _problem_code(err: PortalError) -> str:
    """The code the page words: by the error's class for the backend being away (a 503 body may carry any code),
    else the error's own code."""
    if isinstance(err, TRANSIENT):
        return type(err).code
    return err.code or "backend_error"


def today_jst() -> date:
    """Deadlines are Japanese dates."""
    return datetime.now(JST).date()


def field_id(name: str) -> str:
    """The id of a question's control (or its first control): links from errors point here."""
    return f"answer-{name}"


class ApplicationState(rx.State):
    """The application the resident is filling in (one at a time per tab)."""

    procedure_id: str = ""
    slug: str = ""
    step: str = ""
    from_check: bool = False
    simple: bool = False
    loaded: bool = False
    load_problem: str = ""  # adapter error code while loading

    raw: dict[str, str] = {}  # typed text per field ("<name>-year" … for dates)
    docs: list[str] = []  # chosen documents (controlled checkboxes)
    notes: dict[str, list[str]] = {}  # where a pre-filled answer came from: [before, agency (Japanese), after]
    errors: dict[str, str] = {}  # field → message next to it
    error_list: list[list[str]] = []  # [target id, message] for the error summary
    position: str = ""  # "2/5" for the step indicator
    back_href: str = ""

    # check-your-answers
    display_values: dict[str, str] = {}
    visible_groups: list[str] = []
    issues: list[dict[str, str]] = []  # errors to fix: id, message, href, label
    checks: list[dict[str, str]] = []  # answers to confirm: id, message, href, label
    outcome_lines: list[str] = []

    # saving and sending
    application_id: str = ""
    save_status: str = ""  # "" | "saved" | "unsaved"
    problem: str = ""  # adapter error code of the last failed save or send
    pending: str = ""  # what "Try again" repeats: "continue" | "send"
    status: str = ""  # draft | submitted | … (empty before the first save)
    receipt_number: str = ""
    receipt_hash: str = ""
    chain_seq: int = 0
    submitted_at: str = ""  # worded date and time

    _key: str = ""
    _owner: str = ""
    _facts: Facts | None = None
    _overrides: dict[str, Any] = {}
    _saved: dict[str, Any] = {}
    _pending_form: dict[str, str] = {}

    # ------------------------------------------------------------------------------------------ helpers

    def _locale(self) -> str:
        return locale_of_path(self.router.url.path)

    def _t(self) -> T:
        return T(self._locale())

    def _flow(self) -> Flow:
        return FLOWS[self.procedure_id]

    def _url(self, step: str, *, from_check: bool = False) -> str:
        suffix = "&from=check" if from_check else ""
        return f"/{self._locale()}/apply/{self.slug}?step={step}{suffix}"

    def _cookie_simple(self) -> bool:
        cookie = self.router.headers.cookie or ""
        for part in cookie.split(";"):
            name, _, value = part.strip().partition("=")
            if name == COOKIE:
                return parse_prefs(value).get("mode") == "simple"
        return False

    def _typed_all(self) -> dict[str, AnswerValue]:
        """Every question's answer as the backend stores it (invalid text kept as text: nothing is lost)."""
        out: dict[str, AnswerValue] = {}
        for q in self._flow().questions:
            name = q.name
            if q.spec.kind is Kind.date:
                parts = [self.raw.get(f"{name}-{p}", "") for p in ("year", "month", "day")]
                iso, _, _ = compose_date(*parts, required=False)
                text = "-".join(parts) if any(parts) else ""
                out[name] = iso if iso else (text or None)
            elif q.spec.kind is Kind.documents:
                out[name] = ",".join(sorted(self.docs)) if f"{name}" in self.raw or self.docs else None
            else:
                out[name] = to_answer(q.spec, self.raw.get(name, ""))
        return out

    def _facts_now(self) -> Facts:
        return self._facts or Facts(today=today_jst())

    def _visible(self, typed: dict[str, AnswerValue]) -> list[Question]:
        return [q for g in self._flow().visible_groups(typed, self._facts_now()) for q in g.questions]

    def _answers(self) -> dict[str, AnswerValue]:
        """The answers of the visible questions (hidden groups' answers stay on screen, not in the draft)."""
        typed = self._typed_all()
        visible = {q.name for q in self._visible(typed)}
        return {k: v for k, v in typed.items() if k in visible}

    def _steps(self) -> list[str]:
        return self._flow().steps(self._typed_all(), self._facts_now(), simple=self.simple)

    def _field_code(self, q: Question) -> tuple[str | None, tuple[str, ...]]:
        if q.spec.kind is Kind.date:
            _, code, parts = compose_date(*(self.raw.get(f"{q.name}-{p}", "") for p in ("year", "month", "day")),
                                          required=q.spec.required)  # fmt: skip
            return code, parts
        if q.spec.kind is Kind.documents:
            return None, ()
        return validate(q.spec, self.raw.get(q.name, "")), ()

    def _target(self, q: Question, parts: tuple[str, ...] = ()) -> str:
        if q.spec.kind is Kind.date:
            order = ["year", "month", "day"] if self._t().locale.html_lang == "ja" else ["day", "month", "year"]
            first = next((p for p in order if p in parts), order[0]) if parts else order[0]
            return f"{field_id(q.name)}-{first}"
        return field_id(q.name)

    def _findings(self) -> list[Finding]:
        return check(self.procedure_id, self._answers(), self._facts_now(), self._overrides)

    def _resume_step(self, steps: list[str]) -> str:
        """Where to carry on: the first step for a new application (pre-filled answers are shown to be
        confirmed, not skipped); for a draft, the first step with a required answer missing, else the check page."""
        if not self.application_id:
            return steps[0]
        flow = self._flow()
        for step in steps:
            for q in flow.fields_of(step):
                code, _ = self._field_code(q)
                if code == "required":
                    return step
        return "check"

    def _resolve(self, requested: str, steps: list[str]) -> str:
        """The step to show for a requested one, mapping between the two modes."""
        flow = self._flow()
        if requested == "done":
            return "done" if self.status and self.status != "draft" else self._resume_step(steps)
        if requested.startswith("q-") and not self.simple:
            name = requested[2:]
            if any(q.name == name for q in flow.questions):
                requested = f"g-{flow.group_of(name).slug}"
        elif requested.startswith("g-") and self.simple:
            group = next((g for g in flow.groups if g.slug == requested[2:]), None)
            if group is not None:
                requested = f"q-{group.questions[0].name}"
        if requested in steps:
            return requested
        return self._resume_step(steps)

    def _reset_for(self, procedure_id: str, slug: str) -> None:
        self.procedure_id, self.slug = procedure_id, slug
        self.raw, self.docs, self.notes = {}, [], {}
        self.errors, self.error_list = {}, []
        self.application_id, self.status = "", ""
        self.receipt_number, self.receipt_hash, self.chain_seq, self.submitted_at = "", "", 0, ""
        self.save_status, self.problem, self.pending = "", "", ""
        self._key, self._saved, self._overrides, self._facts = "", {}, {}, None
        self.loaded = False

    def _take_answers(self, answers: dict[str, AnswerValue]) -> None:
        """Fill the form text from stored answers (a resumed draft)."""
        for q in self._flow().questions:
            if q.name not in answers or answers[q.name] is None:
                continue
            value = answers[q.name]
            if q.spec.kind is Kind.date:
                year, month, day = split_date(value)
                if year:
                    self.raw[f"{q.name}-year"], self.raw[f"{q.name}-month"], self.raw[f"{q.name}-day"] = year, month, day
            elif q.spec.kind is Kind.documents:
                self.docs = [d for d in str(value).split(",") if d]
                self.raw[q.name] = str(value)
            else:
                self.raw[q.name] = from_answer(q.spec, value)

    def _take_application(self, app: Application) -> None:
        self.application_id = app.application_id
        self.status = app.status.value
        self.receipt_number = app.receipt_number or ""
        self.chain_seq = app.chain_seq or 0
        if app.submitted_at:
            local = app.submitted_at.astimezone(JST)
            self.submitted_at = f"{format_date(local.date(), self._t())} {local:%H:%M}"

    # ------------------------------------------------------------------------------------------ view

    def _refresh_view(self) -> None:
        """Everything the current step shows, worded for the route's locale."""
        t = self._t()
        flow = self._flow()
        steps = self._steps()
        if self.step in steps and self.step != "check":
            index = steps.index(self.step)
            # The check page is the last step but not a question: count the questions' pages only.
            self.position = f"{index + 1}/{len(steps) - 1}"
            previous = steps[index - 1] if index > 0 else ""
            if self.from_check:
                self.back_href = self._url("check")
            elif previous:
                self.back_href = self._url(previous)
            else:
                self.back_href = f"/{self._locale()}/procedures/{self.slug}"
        else:
            self.position = ""
            self.back_href = self._url(steps[-2]) if len(steps) > 1 else f"/{self._locale()}/procedures/{self.slug}"
        if self.step == "check":
            self._refresh_check(t, flow)

    def _refresh_check(self, t: T, flow: Flow) -> None:
        typed = self._typed_all()
        visible = self._visible(typed)
        self.visible_groups = [g.slug for g in flow.visible_groups(typed, self._facts_now())]
        self.display_values = {q.name: messages.display(t, q, typed.get(q.name)) for q in flow.questions}
        issues: list[dict[str, str]] = []
        for q in visible:
            code, parts = self._field_code(q)
            if code:
                issues.append(self._issue(t, q.name, messages.field_error(t, q, code, parts), flow))
        checks: list[dict[str, str]] = []
        for finding in self._findings():
            item = self._issue(t, finding.field, messages.finding_message(t, finding, flow), flow)
            (issues if finding.blocks else checks).append(item)
        for n, item in enumerate(issues):
            item["id"] = f"issue-{n + 1}"
        for n, item in enumerate(checks):
            item["id"] = f"check-{n + 1}"
        self.issues, self.checks = issues, checks
        self.outcome_lines = messages.outcomes(t, self.procedure_id, self._answers(), self._facts_now())

    def _issue(self, t: T, name: str, message: str, flow: Flow) -> dict[str, str]:
        if not name:
            return {"id": "", "message": message, "href": "", "label": ""}
        label = flow.question(name).short(t)
        return {"id": "", "message": message, "href": self._url(f"q-{name}", from_check=True),
                "label": t._("Change: {answer}", answer=label)}  # fmt: skip

    # ------------------------------------------------------------------------------------------ loading

    async def _full_load(self, procedure_id: str, slug: str) -> Any:
        client = get_client()
        token = await require_token(self)
        session = await session_of(self)
        owner = session._subject_id
        acting = bool(session.acting_for_id)
        if procedure_id != self.procedure_id or owner != self._owner:
            self._reset_for(procedure_id, slug)
        self._owner = owner
        flow = FLOWS[procedure_id]
        profile = await client.get_profile(token)
        try:
            items = await client.list_info(token)
        except Forbidden:  # a proxy without the view_info scope: no pre-fill from わたしの情報
            items = []
        try:
            account = await client.get_public_fund_account(token)
        except Forbidden:
            account = None
        today = today_jst()
        self._facts = build_facts(today, profile, items, account, acting_as_proxy=acting)
        draft: Application | None = None
        if flow.backend:
            procedure = await client.get_procedure(procedure_id)
            self._overrides = dict(procedure.parameters)
            if self.status in ("", "draft"):
                apps = await client.list_applications(token)
                draft = next((a for a in apps if a.procedure_id == procedure_id and a.status is ApplicationStatus.draft), None)
        t = self._t()
        unsaved = self.save_status == "unsaved"
        if draft is not None and not unsaved:
            self._take_application(draft)
            self._take_answers(draft.answers)
            self._saved = dict(draft.answers)
            self._key = str(draft.answers.get(KEY_FIELD) or self._key or uuid.uuid4().hex)
        elif not self._key:
            self._key = uuid.uuid4().hex
        filled = prefills(procedure_id, today, profile, items, account, acting_as_proxy=acting)
        # Every question has an entry ([] when not pre-filled): the page reads notes[name] for each of them.
        notes: dict[str, list[str]] = {q.name: [] for q in flow.questions}
        for name, pre in filled.items():
            q = next((q for q in flow.questions if q.name == name), None)
            if q is None:
                continue
            empty = not any(self.raw.get(k) for k in (name, f"{name}-year"))
            if empty:
                self._take_answers({name: pre.value})
            # The note stays while the answer is still the pre-filled one.
            current = self._typed_all().get(name)
            if current == pre.value:
                notes[name] = messages.source_note_parts(t, pre.source, pre.agency)
        self.notes = notes
        self.loaded = True
        self.load_problem = ""
        return None

    @rx.event
    async def load(self) -> Any:
        """on_load: open the procedure of the route (resuming its draft), then show the step in the URL."""
        session = await session_of(self)
        if not session.signed_in:
            return None  # SessionState.require_sign_in, first in on_load, sends the resident to sign in
        slug = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        info = BY_SLUG.get(slug)
        if info is None:
            return None
        query = self.router.url.query_parameters
        requested = query.get("step", "")
        self.from_check = query.get("from", "") == "check"
        if not self.step or not self.loaded:
            self.simple = self._cookie_simple()
        fresh = (info.id != self.procedure_id or not self.loaded or session._subject_id != self._owner
                 or not requested)  # fmt: skip
        if fresh:
            try:
                await self._full_load(info.id, slug)
            except PortalError as err:
                code, then = await adapter_error(self, err)
                self.load_problem = code
                return then
        steps = self._steps()
        self.step = self._resolve(requested, steps)
        self.errors, self.error_list = {}, []
        self._refresh_view()
        if requested != self.step:
            # Keep the URL on the step shown, so reload and back work.
            return [rx.redirect(self._url(self.step, from_check=self.from_check), replace=True),
                    rx.call_script(FOCUS_HEADING)]  # fmt: skip
        return rx.call_script(FOCUS_HEADING)

    # ------------------------------------------------------------------------------------------ answering

    @rx.event
    def set_mode(self, mode: str) -> None:
        """The live display mode, sent with every Continue (see the module docstring)."""
        if mode in ("simple", "standard"):
            self.simple = mode == "simple"

    @rx.event
    def choose(self, name: str, value: str) -> None:
        """A radio or select changed (controlled: the choice shows at once)."""
        self.raw[name] = value
        self.errors.pop(name, None)

    @rx.event
    def set_document(self, value: str, checked: bool) -> None:
        """A document checkbox changed (a checkbox's change event carries its checked state)."""
        others = [d for d in self.docs if d != value]
        self.docs = [*others, value] if checked else others
        self.raw["documents"] = ",".join(sorted(self.docs))

    @rx.event
    async def remember(self, name: str, value: str) -> Any:
        """A text field lost focus: keep the text, save the draft if it changed (quietly)."""
        if self.raw.get(name, "") == value:
            return None
        self.raw[name] = value
        return await self._save_quietly()

    async def _save_quietly(self) -> Any:
        _, then = await self._save_or_report()
        return then

    async def _save_or_report(self) -> tuple[bool, Any]:
        """Save; on failure say why on the page (or send an expired session to sign in). (saved, what to return)."""
        try:
            await self._save()
        except Unauthorised as err:
            _, then = await adapter_error(self, err)
            return False, then
        except PortalError as err:
            self.save_status = "unsaved"
            self.problem = _problem_code(err)
            return False, None
        return True, None

    def _advance(self) -> Any:
        """Go to the step after this one (back to the check page when changing an answer from it)."""
        steps = self._steps()
        if self.from_check:
            target = self._resume_step(steps)
        else:
            index = steps.index(self.step) if self.step in steps else -1
            target = steps[index + 1] if 0 <= index < len(steps) - 1 else "check"
        self.step = target
        self._refresh_view()
        return rx.redirect(self._url(target, from_check=self.from_check and target != "check"))

    async def _save(self) -> None:
        """Save the answers to the backend draft (created at the first save). Raises adapter errors."""
        flow = self._flow()
        if not flow.backend:
            self.save_status = "saved"
            return
        answers: dict[str, AnswerValue] = {**self._answers(), KEY_FIELD: self._key}
        if answers == self._saved and self.application_id:
            self.save_status = "saved"
            return
        client = get_client()
        token = await require_token(self)
        if not self.application_id:
            app = await client.create_draft(token, self.procedure_id, answers)
        else:
            try:
                app = await client.update_draft(token, self.application_id, answers)
            except NotFound:
                app = await client.create_draft(token, self.procedure_id, answers)
        self._take_application(app)
        self._saved = answers
        self.save_status = "saved"
        self.problem, self.pending = "", ""

    @rx.event
    async def continue_step(self, form_data: FormData) -> Any:
        """Continue: take the page's answers, check them, save the draft, go to the next step."""
        if form_data.get("_step", self.step) != self.step:
            return None  # a second press that arrived after the first moved on: not this step's answers
        flow = self._flow()
        t = self._t()
        questions = flow.fields_of(self.step)
        for q in questions:
            name = q.name
            if q.spec.kind is Kind.date:
                for part in ("year", "month", "day"):
                    self.raw[f"{name}-{part}"] = str(form_data.get(f"{name}-{part}", "") or "")
            elif q.spec.kind is Kind.documents:
                self.docs = [str(v) for v in form_data.getlist(name)]
                self.raw[name] = ",".join(sorted(self.docs))
            else:
                self.raw[name] = str(form_data.get(name, "") or "")
        errors: dict[str, str] = {}
        summary: list[list[str]] = []
        for q in questions:
            code, parts = self._field_code(q)
            if code:
                message = messages.field_error(t, q, code, parts)
                errors[q.name] = message
                summary.append([self._target(q, parts), message])
        if not errors:
            # Deficiencies that block sending and concern this page's answers: fix them here, now.
            names = {q.name for q in questions}
            for finding in self._findings():
                if finding.blocks and finding.field in names and finding.field not in errors:
                    message = messages.finding_message(t, finding, flow)
                    errors[finding.field] = message
                    summary.append([self._target(flow.question(finding.field)), message])
        self.errors, self.error_list = errors, summary
        if errors:
            return None
        self.pending = "continue"
        saved, then = await self._save_or_report()
        if not saved:
            return then
        self.pending = ""
        return self._advance()

    @rx.event
    async def try_again(self) -> Any:
        """The retry offered when the backend could not be reached: repeat the save (and the step's move)."""
        if self.pending == "send":
            return await self._send()
        pending = self.pending  # _save clears it on success
        saved, then = await self._save_or_report()
        if saved and pending == "continue":
            return self._advance()
        return then

    # ------------------------------------------------------------------------------------------ sending

    @rx.event
    async def send(self, form_data: FormData) -> Any:
        """Send the application from the check page (a second press finds it already sent)."""
        if self.status and self.status != "draft":
            self.step = "done"
            return rx.redirect(self._url("done"))
        t = self._t()
        self._refresh_check(t, self._flow())
        if self.issues:
            self.error_list = [[item["id"], item["message"]] for item in self.issues]
            return None
        if self.checks and form_data.get("confirm_checked") != "yes":
            message = t._("Confirm that you have checked the answers under \"Please check\"")
            self.errors = {"confirm_checked": message}
            self.error_list = [[field_id("confirm_checked"), message]]
            return None
        self.errors, self.error_list = {}, []
        return await self._send()

    async def _send(self) -> Any:
        self.pending = "send"
        client = get_client()
        flow = self._flow()
        t = self._t()
        try:
            token = await require_token(self)
            if flow.backend:
                await self._save()
                try:
                    app = await client.submit_application(token, self.application_id, self._key)
                except Conflict:
                    # Sent before with another key (another device): show that application, never a second one.
                    app = await client.get_application(token, self.application_id)
                self._take_application(app)
                self.receipt_hash = await self._hash_of(token, app)
            elif self.procedure_id == "public_fund_account":
                answers = self._answers()
                body = {k: answers.get(k) for k in ("bank_code", "branch_code", "account_type", "account_number",
                                                     "holder_kana")}  # fmt: skip
                account = await client.set_public_fund_account(token, body)
                self.status = "submitted"
                local = account.updated_at.astimezone(JST)
                self.submitted_at = f"{format_date(local.date(), t)} {local:%H:%M}"
            else:
                service = await client.link_external_service(token, "e-tax")
                self.status = "submitted"
                linked = (service.linked_at or datetime.now(JST)).astimezone(JST)
                self.submitted_at = f"{format_date(linked.date(), t)} {linked:%H:%M}"
        except ValidationFailed as err:
            self.pending = ""
            self.error_list = []
            for name, code in err.field_errors.items():
                q = next((q for q in flow.questions if q.name == name), None)
                if q is None:
                    continue
                message = (messages.finding_message(t, Finding("holder_mismatch", "error", name, {
                    "holder": str(self._answers().get(name) or ""), "name": self._facts_now().name_kana}), flow)
                    if code == "holder_mismatch" else messages.field_error(t, q, code))  # fmt: skip
                self.error_list.append([f"fix-{name}", message])
            if not self.error_list:
                self.problem = "validation"
            return None
        except Unauthorised as err:
            _, then = await adapter_error(self, err)
            return then
        except PortalError as err:
            self.problem = _problem_code(err)
            return None
        self.pending, self.problem = "", ""
        self.step = "done"
        self._refresh_view()
        return rx.redirect(self._url("done"))

    async def _hash_of(self, token: str, app: Application) -> str:
        """The hash-chain entry that records the submission (the receipt's fingerprint), once the stored
        application is checked against it."""
        with contextlib.suppress(PortalError):
            return await get_client().verify_application(token, app) or ""
        return ""

    @rx.event
    def start_again(self) -> Any:
        """After a sent application: a new, empty one for the same procedure."""
        slug, pid = self.slug, self.procedure_id
        self._reset_for(pid, slug)
        self.step = ""
        return rx.redirect(f"/{self._locale()}/apply/{slug}")

