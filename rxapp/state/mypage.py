"""The signed-in home page: what needs attention, procedures recommended from the resident's own data, and
the people a proxy may act for."""

from __future__ import annotations

import asyncio
from typing import Any

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import Forbidden, PortalError
from rxapp.api.models import Application, InfoItem, Notice, ProxyList, ResidentProfile
from rxapp.rules.recommendations import attention, recommend
from rxapp.state.display import date_text, today_jst
from rxapp.state.session import SessionState, adapter_error, require_token


class MyPageState(rx.State):
    """/<locale>/mypage."""

    loaded: bool = False
    load_error: str = ""
    subject_name: str = ""
    unread: int = 0
    drafts: int = 0
    notices_hidden: bool = False  # a proxy without the notices permission
    # {procedure_id, status, date}
    status_changes: list[dict[str, str]] = []
    # {code, procedure_id, due, days_left, urgent, child, after_residence}
    recommendations: list[dict[str, str]] = []
    # expiry items: same shape as recommendations
    expiring: list[dict[str, str]] = []
    # {resident_id, name}
    can_act_for: list[dict[str, str]] = []

    @rx.event
    async def load(self) -> Any:
        try:
            token = await require_token(self)
        except PortalError as err:
            self.load_error, then = await adapter_error(self, err)
            return then
        locale = (await self.get_state(SessionState))._current_locale()
        client = get_client()
        results = await asyncio.gather(
            client.get_profile(token),
            client.list_notices(token),
            client.list_applications(token),
            client.list_info(token),
            client.list_proxies(token),
            return_exceptions=True,
        )
        profile, notices, applications, items, proxies = results
        # Any part may be missing for a proxy with a narrower permission (a notices-only proxy sees no profile).
        for part in results:
            if isinstance(part, PortalError) and not isinstance(part, Forbidden):
                self.load_error, then = await adapter_error(self, part)
                return then
            if isinstance(part, BaseException) and not isinstance(part, PortalError):
                self.load_error = "backend_error"
                return None
        session = await self.get_state(SessionState)
        notice_list: list[Notice] = notices if isinstance(notices, list) else []
        app_list: list[Application] = applications if isinstance(applications, list) else []
        item_list: list[InfoItem] = items if isinstance(items, list) else []
        today = today_jst()

        self.load_error = ""
        if isinstance(profile, ResidentProfile):
            self.subject_name = profile.name.kanji or profile.name.latin or profile.name.kana
        else:
            self.subject_name = session.acting_for_name or session.display_name
        self.notices_hidden = not isinstance(notices, list)
        found = attention(notice_list, app_list, today)
        self.unread = found.unread_notices
        self.drafts = found.drafts
        self.status_changes = [
            {"procedure_id": a.procedure_id, "status": a.status.value,
             "date": date_text(a.status_history[-1].at, locale) if a.status_history else ""}
            for a in found.recent_status_changes
        ]  # fmt: skip
        recs = [
            {
                "code": r.code,
                "procedure_id": r.procedure_id or "",
                "due": date_text(r.due, locale) if r.due else "",
                "days_left": str(r.days_left) if r.days_left is not None else "",
                "overdue": "yes" if r.days_left is not None and r.days_left < 0 else "",
                "urgent": "yes" if r.urgent else "",
                "child": r.params.get("child", ""),
                "after_residence": r.params.get("after_residence", ""),
            }
            for r in (recommend(profile, item_list, app_list, today) if isinstance(profile, ResidentProfile) else [])
        ]
        self.expiring = [r for r in recs if r["code"].startswith("renew_")]
        self.recommendations = [r for r in recs if not r["code"].startswith("renew_")]
        self.can_act_for = [
            {"resident_id": p.principal_resident_id, "name": p.principal_name}
            for p in (proxies.as_proxy if isinstance(proxies, ProxyList) else [])
            if p.active
        ]
        self.loaded = True
        return None
