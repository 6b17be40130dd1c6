"""Finding a procedure: the search words and life event from the URL, the matching procedure ids, and the
resident's municipality (for the "your city" label) when someone is signed in."""

from __future__ import annotations

from typing import Any

import reflex as rx

from rxapp.api import get_client
from rxapp.api.errors import PortalError
from rxapp.i18n import T
from rxapp.procedures.catalog import CATALOG, LIFE_EVENTS, search
from rxapp.state.session import locale_of_path, session_of

MAX_QUERY = 100


class ProcedureSearchState(rx.State):
    query: str = ""
    event: str = ""
    # Before the search runs (and in the prerendered page) every procedure is listed.
    results: list[str] = [p.id for p in CATALOG]
    count: int = len(CATALOG)
    searched: bool = False
    municipality: str = ""
    _municipality_of: str = ""

    @rx.event
    async def load(self) -> Any:
        """on_load: search with `?q=` and `?event=` in the route's language."""
        params = self.router.url.query_parameters
        self.query = (params.get("q", "") or "")[:MAX_QUERY]
        event = params.get("event", "") or ""
        self.event = event if event in LIFE_EVENTS else ""
        locale = locale_of_path(self.router.url.path)
        self.results = search(self.query, self.event, T(locale))
        self.count = len(self.results)
        self.searched = bool(self.query or self.event)
        session = await session_of(self)
        token = session._token_or_none()
        if token is None:
            self.municipality, self._municipality_of = "", ""
        elif self._municipality_of != session._subject_id:
            try:
                profile = await get_client().get_profile(token)
            except PortalError:
                return None  # the label falls back to "your city": the search itself needs no backend
            self.municipality = profile.address.municipality
            self._municipality_of = session._subject_id
        return None

    @rx.event
    def submit(self, form_data: dict[str, Any]) -> Any:
        """The search form: the words go into the URL (shareable, back button), on_load searches."""
        from urllib.parse import urlencode

        locale = locale_of_path(self.router.url.path)
        query = str(form_data.get("q", "") or "").strip()[:MAX_QUERY]
        params = {k: v for k, v in (("q", query), ("event", self.event)) if v}
        suffix = f"?{urlencode(params)}" if params else ""
        return rx.redirect(f"/{locale}/procedures{suffix}")
