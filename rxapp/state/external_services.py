"""外部サイト連携: link and unlink services, what each receives, and the page announcing a hand-off."""

from __future__ import annotations

from typing import Any

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import PortalError
from rxapp.api.models import ExternalService
from rxapp.state.display import date_text
from rxapp.state.session import SessionState, adapter_error, require_token


def _row(service: ExternalService, locale: str) -> dict[str, str]:
    return {
        "service_id": service.service_id,
        "name": service.name,
        "name_ja": service.name_ja,
        "operator": service.operator_ja,
        "receives": " ".join(c.value for c in service.receives),
        "description": service.description_ja,
        "linked": "yes" if service.linked else "",
        "linked_at": date_text(service.linked_at, locale) if service.linked_at else "",
    }


class ExternalServicesState(rx.State):
    """/<locale>/external-services."""

    load_error: str = ""
    loaded: bool = False
    services: list[dict[str, str]] = []
    # "" | link | unlink: the confirmation step for `target`
    confirm: str = ""
    target: str = ""
    target_name: str = ""
    target_receives: str = ""
    action_error: str = ""
    done: str = ""  # "" | linked | unlinked
    done_name: str = ""

    @rx.event
    async def load(self) -> Any:
        self.confirm, self.done, self.action_error = "", "", ""
        return await self._fetch()

    async def _fetch(self) -> Any:
        try:
            token = await require_token(self)
            services = await get_client().list_external_services(token)
        except PortalError as err:
            self.load_error, then = await adapter_error(self, err)
            return then
        locale = (await self.get_state(SessionState))._current_locale()
        self.services = [_row(s, locale) for s in services]
        self.load_error = ""
        self.loaded = True
        return None

    @rx.event
    def ask(self, action: str, service_id: str) -> Any:
        row = next((s for s in self.services if s["service_id"] == service_id), None)
        if row is None or action not in {"link", "unlink"}:
            return None
        self.confirm, self.target = action, service_id
        self.target_name, self.target_receives = row["name_ja"], row["receives"]
        self.done = ""
        return rx.set_focus("confirm-title")

    @rx.event
    def cancel(self) -> Any:
        self.confirm = ""
        return rx.set_focus("services-title")

    @rx.event
    async def apply(self) -> Any:
        client = get_client()
        try:
            token = await require_token(self)
            if self.confirm == "link":
                await client.link_external_service(token, self.target)
            else:
                await client.unlink_external_service(token, self.target)
        except PortalError as err:
            self.action_error, then = await adapter_error(self, err)
            self.confirm = ""
            return then
        self.done = "linked" if self.confirm == "link" else "unlinked"
        self.done_name, self.confirm, self.action_error = self.target_name, "", ""
        return await self._fetch()


class LeavingState(rx.State):
    """/<locale>/external-services/leaving?service=<id>: said in the resident's language before the hand-off."""

    service_id: str = ""
    name_ja: str = ""
    operator: str = ""
    receives: str = ""
    linked: bool = False
    load_error: str = ""

    @rx.event
    async def load(self) -> Any:
        wanted = self.router.url.query_parameters.get("service", "")
        try:
            token = await require_token(self)
            services = await get_client().list_external_services(token)
        except PortalError as err:
            self.load_error, then = await adapter_error(self, err)
            return then
        service = next((s for s in services if s.service_id == wanted), None)
        if service is None:
            self.load_error, self.service_id = "not_found", ""
            return None
        self.load_error = ""
        self.service_id, self.name_ja, self.operator = service.service_id, service.name_ja, service.operator_ja
        self.receives = " ".join(c.value for c in service.receives)
        self.linked = service.linked
        return None
