"""わたしの情報: the resident's data by category, and requests to correct an error in it."""

from __future__ import annotations

from typing import Any

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import PortalError, ValidationFailed
from rxapp.api.models import AmountValue, CorrectionRequest, DateValue, InfoCategory, InfoItem
from rxapp.state.display import date_text, yen_text
from rxapp.state.session import SessionState, adapter_error, require_token

REASON_MAX = 2000
PROPOSED_MAX = 500


def _values(item: InfoItem, locale: str) -> list[dict[str, str]]:
    """Each value as {label (Japanese, as the agency sends it), text (formatted here), kind}."""
    out = []
    for value in item.values:
        if isinstance(value, AmountValue):
            text, kind = yen_text(value.amount_yen, locale), "amount"
        elif isinstance(value, DateValue):
            text, kind = date_text(value.date, locale), "date"
        else:
            text, kind = value.text, "text"
        out.append({"label": value.label, "text": text, "kind": kind})
    return out


def _corrections(requests: list[CorrectionRequest], locale: str) -> list[dict[str, str]]:
    return [
        {"request_id": r.request_id, "item_title": r.item_title, "status": r.status.value,
         "created": date_text(r.created_at, locale), "updated": date_text(r.updated_at, locale)}
        for r in requests
    ]  # fmt: skip


class MyInfoState(rx.State):
    """/<locale>/my-info."""

    load_error: str = ""
    loaded: bool = False
    # category → items {item_id, title, source, as_of}
    # Every category present from the start: the page indexes it before anything is loaded.
    items_by_category: dict[str, list[dict[str, str]]] = {c.value: [] for c in InfoCategory}
    # item_id → values {label, text, kind}
    values_by_item: dict[str, list[dict[str, str]]] = {}
    corrections: list[dict[str, str]] = []
    corrections_hidden: bool = False  # a proxy without the applications permission

    @rx.event
    async def load(self) -> Any:
        try:
            token = await require_token(self)
            items = await get_client().list_info(token)
        except PortalError as err:
            self.load_error, then = await adapter_error(self, err)
            return then
        locale = (await self.get_state(SessionState))._current_locale()
        by_category: dict[str, list[dict[str, str]]] = {c.value: [] for c in InfoCategory}
        values: dict[str, list[dict[str, str]]] = {}
        for item in items:
            by_category[item.category.value].append({
                "item_id": item.item_id, "title": item.title, "source": item.source_agency,
                "as_of": date_text(item.as_of, locale),
            })  # fmt: skip
            values[item.item_id] = _values(item, locale)
        self.items_by_category = by_category
        self.values_by_item = values
        try:
            self.corrections = _corrections(await get_client().list_correction_requests(token), locale)
            self.corrections_hidden = False
        except PortalError:
            # A proxy may see the data without being allowed to file requests: not an error for the page.
            self.corrections, self.corrections_hidden = [], True
        self.load_error = ""
        self.loaded = True
        return None


class CorrectionState(rx.State):
    """/<locale>/my-info/correction?item=<id>: report an error in one item."""

    load_error: str = ""
    item_id: str = ""
    item_title: str = ""
    item_source: str = ""
    item_values: list[dict[str, str]] = []
    # field error codes: "" | required | too_long
    reason_error: str = ""
    proposed_error: str = ""
    submit_error: str = ""
    # after sending
    request_id: str = ""

    @rx.event
    async def load(self) -> Any:
        self.reason_error = self.proposed_error = self.submit_error = ""
        self.request_id = ""
        item_id = self.router.url.query_parameters.get("item", "")
        try:
            token = await require_token(self)
            if not item_id:
                self.load_error = "not_found"
                return None
            item = await get_client().get_info_item(token, item_id)
        except PortalError as err:
            self.load_error, then = await adapter_error(self, err)
            return then
        locale = (await self.get_state(SessionState))._current_locale()
        self.load_error = ""
        self.item_id = item.item_id
        self.item_title = item.title
        self.item_source = item.source_agency
        self.item_values = _values(item, locale)
        return None

    @rx.event
    async def submit(self, form: dict[str, Any]) -> Any:
        reason = str(form.get("reason") or "").strip()
        proposed = str(form.get("proposed") or "").strip()
        self.reason_error = "required" if not reason else ("too_long" if len(reason) > REASON_MAX else "")
        self.proposed_error = "too_long" if len(proposed) > PROPOSED_MAX else ""
        self.submit_error = ""
        if self.reason_error or self.proposed_error:
            return None
        try:
            token = await require_token(self)
            request = await get_client().create_correction_request(token, self.item_id, reason, proposed or None)
        except ValidationFailed as err:
            self.reason_error = "required" if "reason" in err.field_errors else ""
            self.submit_error = "" if self.reason_error else "validation"
            return None
        except PortalError as err:
            self.submit_error, then = await adapter_error(self, err)
            return then
        self.request_id = request.request_id
        return rx.set_focus("correction-sent")
