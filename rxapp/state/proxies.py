"""代理人: appoint and revoke proxies, see what each may do, and the people one acts for."""

from __future__ import annotations

import asyncio
from typing import Any

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import PortalError, ValidationFailed
from rxapp.api.models import Proxy, ProxyScope
from rxapp.state.display import date_text
from rxapp.state.session import SessionState, adapter_error, require_token

SCOPES = [s.value for s in ProxyScope]


def _row(proxy: Proxy, locale: str) -> dict[str, str]:
    return {
        "proxy_id": proxy.proxy_id,
        "proxy_name": proxy.proxy_name,
        "principal_id": proxy.principal_resident_id,
        "principal_name": proxy.principal_name,
        "scope": " ".join(s.value for s in proxy.scope),
        "since": date_text(proxy.created_at, locale),
        "active": "yes" if proxy.active else "",
        "ended": date_text(proxy.revoked_at, locale) if proxy.revoked_at else "",
    }


class ProxiesState(rx.State):
    """/<locale>/proxies."""

    load_error: str = ""
    loaded: bool = False
    as_principal: list[dict[str, str]] = []
    as_proxy: list[dict[str, str]] = []
    people: list[dict[str, str]] = []  # who can be appointed (demo: the other card holders) {value, label}
    # add form
    new_person: str = ""
    new_scopes: list[str] = []
    person_error: str = ""  # "" | required
    scope_error: str = ""  # "" | required
    # edit | confirm_add | confirm_revoke
    step: str = "edit"
    revoke_id: str = ""
    revoke_name: str = ""
    action_error: str = ""
    # "" | added | revoked
    done: str = ""
    done_name: str = ""

    @rx.event
    async def load(self) -> Any:
        self.step, self.done, self.action_error = "edit", "", ""
        return await self._fetch()

    async def _fetch(self) -> Any:
        client = get_client()
        try:
            token = await require_token(self)
            proxies, cards = await asyncio.gather(client.list_proxies(token), client.list_demo_cards())
        except PortalError as err:
            self.load_error, then = await adapter_error(self, err)
            return then
        session = await self.get_state(SessionState)
        locale, me = session._current_locale(), session._resident_id
        self.as_principal = [_row(p, locale) for p in proxies.as_principal]
        self.as_proxy = [_row(p, locale) for p in proxies.as_proxy]
        active = {p.proxy_resident_id for p in proxies.as_principal if p.active}
        self.people = [{"value": c.resident_id, "label": c.display_name} for c in cards
                       if c.resident_id != me and c.resident_id not in active]  # fmt: skip
        self.load_error = ""
        self.loaded = True
        return None

    @rx.event
    def set_person(self, value: str) -> None:
        self.new_person = value
        self.person_error = ""

    @rx.event
    def set_scope(self, scope: str, on: bool) -> None:
        others = [s for s in self.new_scopes if s != scope]
        self.new_scopes = [*others, scope] if on else others
        self.scope_error = ""

    @rx.event
    def review_add(self) -> Any:
        self.person_error = "" if self.new_person else "required"
        self.scope_error = "" if self.new_scopes else "required"
        if self.person_error or self.scope_error:
            return rx.set_focus("error-summary")
        self.step = "confirm_add"
        return rx.set_focus("confirm-add-title")

    @rx.event
    async def add(self) -> Any:
        scopes = [ProxyScope(s) for s in SCOPES if s in self.new_scopes]
        try:
            token = await require_token(self)
            proxy = await get_client().add_proxy(token, self.new_person, scopes)
        except ValidationFailed as err:
            self.action_error = err.code or "validation"
            self.step = "edit"
            return None
        except PortalError as err:
            self.action_error, then = await adapter_error(self, err)
            self.step = "edit"
            return then
        self.done, self.done_name = "added", proxy.proxy_name
        self.new_person, self.new_scopes, self.step, self.action_error = "", [], "edit", ""
        return await self._fetch()

    @rx.event
    def ask_revoke(self, proxy_id: str) -> Any:
        rows = [*self.as_principal, *self.as_proxy]
        row = next((r for r in rows if r["proxy_id"] == proxy_id), None)
        if row is None:
            return None
        self.revoke_id = proxy_id
        self.revoke_name = row["proxy_name"] if row in self.as_principal else row["principal_name"]
        self.step = "confirm_revoke"
        return rx.set_focus("confirm-revoke-title")

    @rx.event
    async def revoke(self) -> Any:
        try:
            token = await require_token(self)
            await get_client().revoke_proxy(token, self.revoke_id)
        except PortalError as err:
            self.action_error, then = await adapter_error(self, err)
            self.step = "edit"
            return then
        self.done, self.done_name = "revoked", self.revoke_name
        self.step, self.revoke_id, self.action_error = "edit", "", ""
        return await self._fetch()

    @rx.event
    def cancel(self) -> Any:
        self.step, self.revoke_id = "edit", ""
        return rx.set_focus("proxies-title")
