"""操作履歴: the resident's own sign-ins and actions, with device and time, and who did them."""

from __future__ import annotations

import asyncio
from typing import Any

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import PortalError
from rxapp.state.display import date_time_text
from rxapp.state.session import SessionState, adapter_error, require_token


class ActivityState(rx.State):
    """/<locale>/activity."""

    load_error: str = ""
    loaded: bool = False
    # {when, action, method, device, who: "you" | "proxy" | "other", proxy_name}
    entries: list[dict[str, str]] = []
    failed_sign_ins: int = 0

    @rx.event
    async def load(self) -> Any:
        client = get_client()
        try:
            token = await require_token(self)
            entries, proxies = await asyncio.gather(client.list_activity(token, limit=200), client.list_proxies(token))
        except PortalError as err:
            self.load_error, then = await adapter_error(self, err)
            return then
        session = await self.get_state(SessionState)
        locale = session._current_locale()
        subject = session._subject_id
        names = {p.proxy_resident_id: p.proxy_name for p in proxies.as_principal}
        if session._resident_id != subject:
            names[session._resident_id] = session.display_name  # a proxy looking at the principal's history
        rows = []
        for e in entries:
            who = "you" if e.actor_resident_id == subject else ("proxy" if e.actor_resident_id in names else "other")
            rows.append({
                "when": date_time_text(e.at, locale), "action": e.action, "method": e.method.value if e.method else "",
                "device": e.device, "who": who, "proxy_name": names.get(e.actor_resident_id, ""),
            })  # fmt: skip
        self.entries = rows
        self.failed_sign_ins = sum(1 for e in entries if e.action == "sign_in_failed")
        self.load_error = ""
        self.loaded = True
        return None
