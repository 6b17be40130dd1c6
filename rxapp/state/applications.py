"""The resident's applications: the list (drafts to continue, applications sent), one application's status
(followed while the page is open) and its printable receipt."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import datetime
from typing import Any

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import PortalError
from rxapp.api.models import Application
from rxapp.call_scripts import PRINT
from rxapp.i18n import T
from rxapp.i18n.formatting import format_date
from rxapp.procedures import messages
from rxapp.procedures.catalog import BY_ID
from rxapp.procedures.flows import FLOWS
from rxapp.state.application import JST
from rxapp.state.session import adapter_error, locale_of_path, require_token

POLL_SECONDS = 30  # how often an open status page asks again
POLL_ROUNDS = 20  # then it stops (10 minutes); "Check again" always works


def _when(t: T, at: datetime) -> str:
    local = at.astimezone(JST)
    return f"{format_date(local.date(), t)} {local:%H:%M}"


class ApplicationsState(rx.State):
    items: list[dict[str, str]] = []
    loaded: bool = False
    problem: str = ""

    # one application (status and receipt pages)
    app_id: str = ""
    title: str = ""
    status: str = ""
    receipt_number: str = ""
    receipt_hash: str = ""
    altered: bool = False  # the stored application no longer matches the chain entry of its submission
    submitted_at: str = ""
    history: list[dict[str, str]] = []
    answer_rows: list[dict[str, str]] = []
    checked_at: str = ""
    polling: bool = False

    def _t(self) -> T:
        return T(locale_of_path(self.router.url.path))

    @rx.event
    async def load_list(self) -> Any:
        """on_load of the list: newest first; drafts link back to their form."""
        t = self._t()
        try:
            token = await require_token(self)
            apps = await get_client().list_applications(token)
        except PortalError as err:
            self.problem, then = await adapter_error(self, err)
            return then
        rows = []
        for app in apps:
            info = BY_ID.get(app.procedure_id)
            slug = info.slug if info else ""
            draft = app.status.value == "draft"
            rows.append({
                "id": app.application_id,
                "title": info.title(t) if info else app.procedure_id,
                "status": app.status.value,
                "when": _when(t, app.submitted_at or app.updated_at),
                "receipt": app.receipt_number or "",
                "href": f"/{t.code}/apply/{slug}" if draft else f"/{t.code}/applications/status?id={app.application_id}",
            })  # fmt: skip
        self.items = rows
        self.problem = ""
        self.loaded = True
        return None

    async def _fetch(self) -> Any:
        t = self._t()
        app_id = self.router.url.query_parameters.get("id", "") or self.app_id
        try:
            token = await require_token(self)
            app = await get_client().get_application(token, app_id)
            chain_hash, altered = "", False
            if app.chain_seq:
                # A check that cannot run (no permission to read the chain) shows no fingerprint, not an alarm.
                with contextlib.suppress(PortalError):
                    fingerprint = await get_client().verify_application(token, app)
                    chain_hash, altered = fingerprint or "", fingerprint is None
        except PortalError as err:
            self.problem, then = await adapter_error(self, err)
            return then
        self._take(t, app, chain_hash)
        if altered:
            # What is stored now is not what was sent: never show it as the application.
            self.answer_rows, self.altered = [], True
        return None

    def _take(self, t: T, app: Application, chain_hash: str) -> None:
        info = BY_ID.get(app.procedure_id)
        self.app_id = app.application_id
        self.title = info.title(t) if info else app.procedure_id
        self.status = app.status.value
        self.receipt_number = app.receipt_number or ""
        self.receipt_hash = chain_hash
        self.altered = False
        self.submitted_at = _when(t, app.submitted_at) if app.submitted_at else ""
        self.history = [{"status": c.status.value, "when": _when(t, c.at)} for c in reversed(app.status_history)]
        flow = FLOWS.get(app.procedure_id)
        rows = []
        if flow is not None:
            for q in flow.questions:
                if q.name in app.answers:
                    rows.append({"label": q.short(t), "value": messages.display(t, q, app.answers[q.name])})
        self.answer_rows = rows
        self.checked_at = _when(t, datetime.now(JST))
        self.problem = ""
        self.loaded = True

    @rx.event
    async def load_one(self) -> Any:
        """on_load of the status and receipt pages."""
        self.loaded = False
        then = await self._fetch()
        if then is not None:
            return then
        if "/status" in self.router.url.path and not self.polling:
            return ApplicationsState.follow
        return None

    @rx.event
    async def check_again(self) -> Any:
        return await self._fetch()

    @rx.event(background=True)
    async def follow(self) -> None:
        """Follow the status while the page is open: ask again every POLL_SECONDS, a limited number of times."""
        async with self:
            if self.polling:
                return
            self.polling = True
        try:
            for _ in range(POLL_ROUNDS):
                await asyncio.sleep(POLL_SECONDS)
                async with self:
                    if "/status" not in self.router.url.path:
                        break
                    await self._fetch()
        finally:
            async with self:
                self.polling = False

    @rx.event
    def print_receipt(self) -> Any:
        return rx.call_script(PRINT)
