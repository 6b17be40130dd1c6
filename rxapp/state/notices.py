"""お知らせ: the inbox and one notice (opening it marks it as read)."""

from __future__ import annotations

from typing import Any

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import PortalError
from rxapp.api.models import Notice
from rxapp.state.display import date_text
from rxapp.state.session import SessionState, adapter_error, require_token


def _row(notice: Notice, locale: str) -> dict[str, str]:
    return {
        "notice_id": notice.notice_id,
        "sent": date_text(notice.sent_at, locale),
        "sender": notice.sender_agency,
        "title": notice.title,
        "lang": notice.content_lang,
        "read": "yes" if notice.read else "",
        "easy": "yes" if notice.easy_ja_summary else "",
    }


class NoticesState(rx.State):
    """/<locale>/notices."""

    load_error: str = ""
    loaded: bool = False
    notices: list[dict[str, str]] = []
    unread: int = 0

    @rx.event
    async def load(self) -> Any:
        try:
            token = await require_token(self)
            notices = await get_client().list_notices(token)
        except PortalError as err:
            self.load_error, then = await adapter_error(self, err)
            return then
        locale = (await self.get_state(SessionState))._current_locale()
        self.notices = [_row(n, locale) for n in notices]
        self.unread = sum(1 for n in notices if not n.read)
        self.load_error = ""
        self.loaded = True
        return None


class NoticeState(rx.State):
    """/<locale>/notices/detail?id=<notice_id>."""

    load_error: str = ""
    notice_id: str = ""
    title: str = ""
    sender: str = ""
    sent: str = ""
    body: str = ""
    lang: str = "ja"
    easy: str = ""
    procedure_id: str = ""
    # "" | marked (this visit marked it read) | already (it was read before)
    read_status: str = ""

    @rx.event
    async def load(self) -> Any:
        notice_id = self.router.url.query_parameters.get("id", "")
        try:
            token = await require_token(self)
            notices = await get_client().list_notices(token)
            notice = next((n for n in notices if n.notice_id == notice_id), None)
            if notice is None:
                self.load_error = "not_found"
                self.notice_id = ""
                return None
            already = notice.read
            if not already:
                notice = await get_client().mark_notice_read(token, notice_id)
        except PortalError as err:
            self.load_error, then = await adapter_error(self, err)
            return then
        locale = (await self.get_state(SessionState))._current_locale()
        self.load_error = ""
        self.notice_id = notice.notice_id
        self.title = notice.title
        self.sender = notice.sender_agency
        self.sent = date_text(notice.sent_at, locale)
        self.body = notice.body
        self.lang = notice.content_lang
        self.easy = notice.easy_ja_summary or ""
        self.procedure_id = notice.related_procedure_id or ""
        self.read_status = "already" if already else "marked"
        return None
