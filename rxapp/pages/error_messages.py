"""Machine error codes (kept in state) → translated words (built per locale when the page is built).

States never hold prose: they hold a code such as `backend_unavailable`; a page shows
`error_text(t, State.error_code)`, which compiles to a `match` over the codes with this locale's words, so
the browser switches text without a round trip and the catalogs stay the only home of words.
"""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.i18n import T


def error_messages(t: T) -> dict[str, str]:
    """Every code an adapter call can leave in state, in this locale."""
    return {
        "backend_unavailable": t._("The service is not available at the moment. Your information is safe. Please try again in a few minutes."),
        "backend_timeout": t._("The service is taking too long to answer. Please try again in a few minutes."),
        "backend_error": t._("Something went wrong on our side. Please try again later. If it keeps happening, contact us."),
        "not_found": t._("We could not find this. It may have been removed."),
        "forbidden": t._("You are not allowed to do this."),
        "proxy_scope": t._("As a proxy, you are not allowed to do this for this person."),
        "not_a_proxy": t._("You can no longer act for this person. The proxy permission was ended."),
        "proxy_cannot_appoint": t._("Only the person themself can change their proxies. Return to your own account first."),
        "proxy_exists": t._("This person is already your proxy."),
        "session_expired": t._("You were signed out. Sign in again to continue."),
        "sign_in_required": t._("Sign in to see this page."),
        "unauthorised": t._("You were signed out. Sign in again to continue."),
        "conflict": t._("This has changed in the meantime. Reload the page and try again."),
        "validation": t._("Some information was not accepted. Check it and try again."),
    }


def error_text(t: T, code: Var) -> Var:
    """The translated message for `code` (a state var); a general message for a code we do not know."""
    messages = error_messages(t)
    general = t._("Something went wrong. Please try again later.")
    return rx.match(code, *[(key, text) for key, text in messages.items()], general)


def error_banner(t: T, code: Var, *, id: str = "page-error") -> rx.Component:
    """A problem loading or saving, shown in place (role="alert" so it is heard), only while `code` is set."""
    return rx.cond(
        code != "",
        rx.el.div(
            rx.el.h2(t._("There is a problem"), class_name="error-summary__title"),
            rx.el.p(error_text(t, code)),
            id=id,
            role="alert",
            class_name="error-summary",
        ),
        rx.fragment(),
    )
