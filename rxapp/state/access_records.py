"""やりとり履歴: which agency used which of the resident's information, when and why, and whether the records
are unchanged since they were written (the adapter verifies the hash chain itself, not trusting the server)."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime, timedelta
from typing import Any

import reflex as rx
from pydantic import ValidationError

from rxapp.api import get_client
from rxapp.api.errors import PortalError
from rxapp.api.models import AccessRecord, ChainVerification, SignedCheckpoint
from rxapp.state.display import JST, date_time_text
from rxapp.state.session import SessionState, adapter_error, require_token

# Period filter: code → days back (None: everything).
PERIODS: dict[str, int | None] = {"all": None, "30": 30, "90": 90, "365": 365}
# Residents whose last checkpoint one browser remembers (a cookie holds about 4 KB).
SEEN_RESIDENTS = 5


def seen_checkpoint(cookie: str, resident_id: str) -> SignedCheckpoint | None:
    """The checkpoint this browser last verified for the resident, if the cookie holds a readable one."""
    try:
        raw = json.loads(cookie or "{}").get(resident_id)
        return SignedCheckpoint.model_validate(raw) if raw else None
    except (ValueError, AttributeError, ValidationError):
        return None


def remember_checkpoint(cookie: str, resident_id: str, checkpoint: SignedCheckpoint) -> str:
    """The cookie with the resident's newest verified checkpoint, most recent residents kept."""
    try:
        known = json.loads(cookie or "{}")
        known = known if isinstance(known, dict) else {}
    except ValueError:
        known = {}
    known.pop(resident_id, None)
    known[resident_id] = checkpoint.model_dump(mode="json")
    kept = list(known.items())[-SEEN_RESIDENTS:]
    return json.dumps(dict(kept), separators=(",", ":"))


def _row(record: AccessRecord, locale: str, verification: ChainVerification) -> dict[str, str]:
    if verification.ok or verification.reason == "activity_missing":  # the records themselves check out
        mark = "ok"
    elif verification.reason in PROBLEMS:
        mark = "unverified"  # the history as a whole was cut, rewritten or not signed: none can be vouched for
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


# How the page words a failed check: what the adapter found → one message each.
PROBLEMS = {"shortened": "shortened", "rewritten": "rewritten", "bad_signature": "signature",
            "key_changed": "signature", "head_mismatch": "signature", "activity_missing": "activity"}  # fmt: skip


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
    # Why it is altered: entry (an entry or link does not match) | shortened | rewritten | signature | activity
    chain_problem: str = ""
    chain_seen_seq: str = ""
    # The last signed head this browser verified, per resident: outside the operator's database, so a
    # history cut short or rewritten since shows. A signed checkpoint is public, not a credential.
    chain_seen: str = rx.Cookie("", name="minna_chain_seen", max_age=400 * 24 * 3600, same_site="strict")

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
        session = await self.get_state(SessionState)
        locale = session._current_locale()
        seen = seen_checkpoint(self.chain_seen, session._resident_id)
        client = get_client()
        days = PERIODS.get(self.period)
        since = datetime.now(JST) - timedelta(days=days) if days else None
        results = await asyncio.gather(
            client.list_access_records(token, agency=self.agency or None, since=since),
            client.list_access_records(token),
            client.verify_chain(token, seen=seen),
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
            self.chain_problem = PROBLEMS.get(verification.reason or "", "entry")
            self.chain_seen_seq = str(seen.seq) if seen else ""
            if verification.checkpoint is not None:
                self.chain_seen = remember_checkpoint(self.chain_seen, session._resident_id, verification.checkpoint)
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
