"""Builds the Reflex app: every page for every shipped locale, the head scripts, and the demo backend."""

from __future__ import annotations

import functools
import importlib
import os
import re
from collections.abc import Callable

import reflex as rx
from reflex_base.vars.base import Var, VarData
from starlette.applications import Starlette

from rxapp import (
    browser_session,
    health,
    inventory_api,
    middleware,
    prefs_server,
    token_reclaim,
    web_security,
)
from rxapp.client_assets import inline_script, publish_script
from rxapp.components.client_script import COMPONENTS_SCRIPT
from rxapp.components.lang_fragment import furigana_page
from rxapp.components.language_picker import LANGUAGE_SWITCH_SCRIPT
from rxapp.i18n import T, shipped_locales
from rxapp.i18n.overlay import backend_problem, crash_boundary, localized_overlay
from rxapp.pages import PAGES
from rxapp.pages.not_found import not_found, not_found_title
from rxapp.prefs_script import FRAGMENT_FOCUS_SCRIPT, PREFS_FORM_SCRIPT, PREFS_SCRIPT
from rxapp.state.session_binding import SessionBinding

# <html lang dir> follow the URL's locale prefix, in the prerendered HTML and after client-side moves.
_LANG_TABLE = {loc.code: loc.html_lang for loc in shipped_locales()}
_DIR_TABLE = {loc.code: loc.direction for loc in shipped_locales()}
_ROUTER = VarData(imports={"react-router": ["useLocation"]})


def _by_prefix(table: dict[str, str], default: str) -> Var:
    import json

    return Var(
        _js_expr=f"(({json.dumps(table)})[useLocation().pathname.split('/')[1]] ?? {json.dumps(default)})",
        _var_data=_ROUTER,
    )


def _route_module(builder: Callable[[], rx.Component], code: str, slug: str) -> Callable[[], rx.Component]:
    """Give each route's builder a module name of its own.

    Reflex groups a page's memoized (stateful) components into one JavaScript module per Python module
    of the page builder. Every route is built by the same function, so without this all routes in all
    locales shared one module that every page downloaded (about 40 KB compressed, and growing with
    every page and locale). One module per route means a page downloads only its own components.
    """
    safe = lambda text: re.sub(r"[^0-9a-zA-Z]+", "_", text).strip("_") or "index"  # noqa: E731
    builder.__module__ = f"minna_routes.{safe(code)}.{safe(slug)}"
    return builder


def _api_transformers() -> list:
    transformers: list = []
    try:
        backend = importlib.import_module("rxapp.backend.app")
        # The embedded backend and this portal's adapter share one key per data directory (see the README).
        os.environ.setdefault("PORTAL_BACKEND_KEY", importlib.import_module("rxapp.backend.storage").shared_key())
        transformers.append(backend.create_api())
    except ModuleNotFoundError:
        pass
    roots = {spec.slug.split("/")[0] for spec in PAGES if spec.slug}
    transformers.append(functools.partial(middleware.locale_redirect, page_roots=roots))
    transformers.append(middleware.cache_headers)
    transformers.append(inventory_api.pages_inventory)  # GET /_minna/pages.json for the accessibility suite
    transformers.append(health.health_endpoint)  # GET /_minna/health: Redis and the API answer
    transformers.append(prefs_server.prefs_middleware)  # display prefs in the HTML itself; GET /_prefs
    transformers.append(browser_session.session_cookie)  # the browser's HttpOnly session cookie; /_session/rotate
    transformers.append(web_security.security_middleware)  # outermost: refuse bad requests, security headers
    return transformers


# Everything else the browser does on its own, in one cached file (see rxapp/client_assets.py); each script
# waits for the document itself, so `defer` changes nothing for them.
CLIENT_SCRIPT_URL = publish_script(
    "minna", "\n".join([FRAGMENT_FOCUS_SCRIPT, LANGUAGE_SWITCH_SCRIPT, COMPONENTS_SCRIPT, PREFS_FORM_SCRIPT])
)

# Before the app builds its token manager: a tab whose worker died keeps its token (rxapp/token_reclaim.py).
token_reclaim.install()


def _add_cors(api: Starlette) -> None:
    # Reflex's CORS layers (three: API, backend, top), granting credentials only with an origin grant.
    api.add_middleware(web_security.GrantOnlyCORSMiddleware, allow_credentials=True, allow_methods=["*"],
                       allow_headers=["*"], allow_origins=rx.config.get_config().cors_allowed_origins)


rx.App._add_cors = staticmethod(_add_cors)  # type: ignore[method-assign]

app = rx.App(
    stylesheets=["/minna.css"],
    head_components=[
        rx.el.script(inline_script("prefs", PREFS_SCRIPT)),  # inline (it is sent twice): the display settings apply before the first paint
        rx.el.script(src=CLIENT_SCRIPT_URL, defer=True),
        rx.el.meta(name="viewport", content="width=device-width, initial-scale=1"),
    ],
    html_lang="ja",
    html_custom_attrs={"lang": _by_prefix(_LANG_TABLE, "ja"), "dir": _by_prefix(_DIR_TABLE, "ltr")},
    api_transformer=_api_transformers(),
    toaster=None,  # no sonner: the notices in rxapp/i18n/overlay.py say the same in the page's language
    backend_exception_handler=backend_problem,
)
# Every event first checks that the tab's session is still this browser's (rxapp/state/session_binding.py).
app.add_middleware(SessionBinding())
if app.sio is not None:
    # Reflex hands engine.io the CORS list, which would refuse the portal's own origin when a public URL is
    # set; the same rule as the middleware's handshake check instead (rxapp/web_security.py).
    app.sio.eio.cors_allowed_origins = web_security.engineio_origin_check
# Reflex's connection messages in the page's language (rxapp/i18n/overlay.py).
app.app_wraps[(5, "Overlay")] = localized_overlay
# A page that fails to render says so in its language, without Reflex's English stack-trace screen.
app.app_wraps[(55, "ErrorBoundary")] = crash_boundary

for locale in shipped_locales():
    t = T(locale)
    service = t._("Minna Portal")
    for spec in PAGES:
        app.add_page(
            _route_module(furigana_page(t, spec.build), locale.code, spec.slug),
            route=f"/{locale.code}/{spec.slug}".rstrip("/") if spec.slug else f"/{locale.code}",
            title=f"{spec.title(t)} | {service}" if spec.slug else service,
            on_load=spec.on_load or None,
        )

app.add_page(not_found, route="404", title=not_found_title())

if os.environ.get("PORTAL_DEMO_TEST_HOOKS") == "1":
    # Test hook: a page that throws while rendering when its URL ends in #crash, so the browser tests meet the
    # crash page (crash_boundary) as a resident would. Not in PAGES: never in the inventory, never in production.
    def _crash_probe() -> rx.Component:
        throw = ("(typeof window !== 'undefined' && window.location.hash === '#crash' ? "
                 "(() => { throw new Error('test crash: secret-stack-detail'); })() : '')")
        return rx.el.p(Var(_js_expr=throw).to(str), id="crash-probe")

    for locale in shipped_locales():
        app.add_page(_crash_probe, route=f"/{locale.code}/test-crash", title=T(locale)._("Minna Portal"))
