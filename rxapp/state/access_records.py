"""やりとり履歴: which agency used which of the resident's information, when and why, and whether the records
are unchanged since they were written (the adapter verifies the hash chain itself, not trusting the server)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from typing import Any

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import PortalError
from rxapp.api.models import AccessRecord, ChainVerification
from rxapp.state.display import JST, date_time_text
from rxapp.state.session import SessionState, adapter_error, require_token

# Period filter: code → days back (None: everything).
PERIODS: dict[str, int | None] = {"all": None, "30": 30, "90": 90, "365": 365}


def _row(record: AccessRecord, locale: str, verification: ChainVerification) -> dict[str, str]:
    if verification.ok:
        mark = "ok"
    elif record.chain_seq == verification.first_bad_seq:
        mark = "altered"
    elif verification.first_bad_seq is not None and record.chain_seq > verification.first_bad_seq:
        # After a break the chain cannot vouch for later entries any more.
        mark = "unverified"
    else:
        mark = "ok"
    return {
        "record_id": record.record_id,
        "seq": str(record.chain_seq),
        "when": date_time_text(record.accessed_at, locale),
        "agency": record.agency,
        "counterpart": record.counterpart_agency or "",
        "category": record.category.value,
        "item_title": record.item_title,
        "purpose": record.purpose,
        "law": record.legal_basis.law,
        "article": record.legal_basis.article,
        "mark": mark,
    }


class AccessRecordsState(rx.State):
    """/<locale>/access-records."""

    load_error: str = ""
    loaded: bool = False
    records: list[dict[str, str]] = []
    agencies: list[dict[str, str]] = []  # select options: {value, label}
    agency: str = ""
    period: str = "all"
    # Verification: "" (not yet) | ok | altered | error
    chain_status: str = ""
    chain_checked: int = 0
    chain_bad_seq: str = ""
    chain_bad_is_mine: bool = False

    @rx.event
    async def load(self) -> Any:
        return await self._fetch()

    @rx.event
    def set_agency(self, value: str) -> None:
        self.agency = value

    @rx.event
    def set_period(self, value: str) -> None:
        self.period = value if value in PERIODS else "all"

    @rx.event
    async def apply_filters(self, form: dict[str, Any]) -> Any:
        self.agency = str(form.get("agency") or "")
        period = str(form.get("period") or "all")
        self.period = period if period in PERIODS else "all"
        result = await self._fetch()
        return result if result is not None else rx.set_focus("records-count")

    @rx.event
    async def clear_filters(self) -> Any:
        self.agency, self.period = "", "all"
        result = await self._fetch()
        return result if result is not None else rx.set_focus("records-count")

    async def _fetch(self) -> Any:
        try:
            token = await require_token(self)
        except PortalError as err:
            self.load_error, then = await adapter_error(self, err)
            return then
        locale = (await self.get_state(SessionState))._current_locale()
        client = get_client()
        days = PERIODS.get(self.period)
        since = datetime.now(JST) - timedelta(days=days) if days else None
        results = await asyncio.gather(
            client.list_access_records(token, agency=self.agency or None, since=since),
            client.list_access_records(token),
            client.verify_chain(token),
            return_exceptions=True,
        )
        shown, everything, verification = results
        for part in results[:2]:
            if isinstance(part, BaseException):
                self.load_error, then = await adapter_error(self, part)
                return then
        assert isinstance(shown, list) and isinstance(everything, list)
        if isinstance(verification, ChainVerification):
            mine = {r.chain_seq for r in everything}
            self.chain_status = "ok" if verification.ok else "altered"
            self.chain_checked = verification.checked
            self.chain_bad_seq = str(verification.first_bad_seq or "")
            self.chain_bad_is_mine = verification.first_bad_seq in mine
        else:
            # The records can still be shown; the page says they could not be checked this time.
            verification = ChainVerification(ok=True, checked=0)
            self.chain_status = "error"
        self.records = [_row(r, locale, verification) for r in shown]
        names = sorted({r.agency for r in everything})
        self.agencies = [{"value": name, "label": name} for name in names]
        self.load_error = ""
        self.loaded = True
        return None
