"""Every event checks that the tab's session still belongs to this browser (rxapp/browser_session.py).

Before any event runs, the tab's SessionState is compared with what the browser's HttpOnly cookie names in the
session store:
- the tab holds a session, the cookie names another one or none (signed out in another tab, expired, or the tab
  token copied into another browser): every private state of the tab is forgotten before the event runs, so
  not even the hydrate that follows sends a byte of it;
- the tab holds none, the cookie names a live one (a second tab, a reload after a crash): the tab takes it up.
"""

from __future__ import annotations

from typing import Any

import reflex as rx
from reflex.middleware import Middleware

from rxapp.browser_session import cookie_value, key_of, store
from rxapp.state.session import SessionState, forget_private_states


class SessionBinding(Middleware):
    """Reflex middleware (`app.add_middleware`): runs under the state lock, before the event's handler."""

    async def preprocess(self, app: Any, state: rx.State, event: Any) -> None:
        session = await state._get_root_state().get_state(SessionState)
        key = key_of(cookie_value(session.router.headers.cookie))
        bound = await store().get(key) if key else None
        if session._token and bound != session._token:
            await forget_private_states(session)
        elif not session._token and bound:
            await session._adopt(bound, key)
        return None
