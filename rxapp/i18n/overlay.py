"""Reflex's own words, translated: the notifications region and the connection-lost messages.

Reflex renders these once for the whole app, in English: a landmark named "Notifications alt+T" (the toaster),
a "Connection Error: …" title and a "Cannot connect to server" toast. On an Arabic page that is text a screen
reader reads in the wrong language, and the en-XA page check finds it. Here the same pieces take their words
from the catalogs, picked at run time by the URL's locale prefix (as <html lang dir> are).

Wired in rxapp/rxapp.py: `toaster=localized_toaster()` and the "Overlay" app wrap replaced by
`localized_overlay`.
"""

from __future__ import annotations

import json

import reflex as rx
from reflex_base.components.component import Component
from reflex_base.constants import Hooks
from reflex_base.vars import VarData
from reflex_base.vars.base import Var
from reflex_components_core.base.fragment import Fragment
from reflex_components_core.core.banner import (
    connect_error_var_data,
    connect_errors,
    has_connection_errors,
    has_hydration_payload_error,
    has_too_many_connection_errors,
)
from reflex_components_sonner.toast import Toaster, toast_ref

from rxapp.i18n.registry import default_locale, shipped_locales
from rxapp.i18n.translate import T

_ROUTER = VarData(imports={"react-router": ["useLocation"]})
_TOAST_ID = "websocket-error"


def _words() -> dict[str, dict[str, str]]:
    table = {}
    for locale in shipped_locales():
        t = T(locale)
        table[locale.code] = {
            # TRANSLATORS: name of the screen area where short messages (notifications) appear.
            "region": t._("Notifications"),
            # TRANSLATORS: shown when the connection to the portal's server is lost; it retries by itself.
            "lost": t._("The connection to the portal was lost. Trying to reconnect…"),
            "lost_hint": t._("Check your internet connection. What you have entered is kept."),
            "too_large": t._("This page could not be loaded. Please reload the page."),
            "dir": locale.direction,
        }
    return table


def _by_route(key: str) -> Var:
    """The word `key` for the locale in the current URL (re-rendered on client-side moves)."""
    table = {code: words[key] for code, words in _words().items()}
    default = table.get(default_locale(), next(iter(table.values())))
    return Var(
        _js_expr=f"(({json.dumps(table, ensure_ascii=False)})[useLocation().pathname.split('/')[1]] ?? "
        f"{json.dumps(default, ensure_ascii=False)})",
        _var_data=_ROUTER,
    )


def localized_toaster() -> Component:
    """Reflex's toast provider with a translated region name and the page's direction."""
    return Toaster.create(dir=_by_route("dir"), custom_attrs={"containerAriaLabel": _by_route("region")})


class _ConnectionToaster(Fragment):
    """Reflex's ConnectionToaster, with the messages of the URL's locale."""

    def add_hooks(self) -> list[str | Var]:
        table = json.dumps(_words(), ensure_ascii=False)
        default = json.dumps(default_locale())
        effect = Var(
            _js_expr=f"""
useEffect(() => {{
    const words = (({table})[window.location.pathname.split('/')[1]]) ?? ({table})[{default}];
    if ({has_hydration_payload_error!s}) {{
        toast?.error(words.too_large, {{id: "hydration-payload-error", closeButton: true, duration: Infinity}});
    }} else if ({has_too_many_connection_errors!s}) {{
        if (!userDismissed) {{
            toast?.error(words.lost, {{id: "{_TOAST_ID}", description: words.lost_hint, closeButton: true,
                                      duration: 120000, onDismiss: () => setUserDismissed(true)}});
        }}
    }} else {{
        toast?.dismiss("{_TOAST_ID}");
        setUserDismissed(false);
    }}
}}, [{connect_errors!s}])""",
            # The expressions above were pasted as text: their imports (useContext, the state contexts) must
            # come along explicitly.
            _var_data=VarData.merge(VarData(imports={"react": ["useEffect", "useState"]}), connect_error_var_data),
        )
        return [
            Hooks.CONNECT_ERRORS,
            Var(_js_expr=f"const toast = {toast_ref};"),
            "const [userDismissed, setUserDismissed] = useState(false);",
            effect,
        ]


def _overlay_components() -> Component:
    icon = rx.cond(
        has_connection_errors,
        rx.el.div(
            rx.icon("wifi_off", color="crimson", size=32),
            aria_hidden="true",  # the toast says it in words; the icon is for sighted users at a glance
            position="fixed",
            inset_block_end="33px",
            inset_inline_end="33px",
            z_index="9999",
        ),
    )
    return Fragment.create(icon, _ConnectionToaster.create())


def localized_overlay(stateful: bool) -> Component | None:
    """Replaces Reflex's "Overlay" app wrap: a wordless offline icon and the translated connection toast."""
    if not stateful:
        return None
    from reflex_base.components.memo import memo

    # As in Reflex's own overlay: a memo component, so its hooks run inside the state providers, not in the
    # app root where the event-loop context does not exist yet.
    return Fragment.create(memo(_overlay_components)())
