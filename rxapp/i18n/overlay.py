"""Reflex's own words, translated and without its toast library: the notices and the crash page.

Reflex renders a toaster (sonner, with lucide icons: about 12 KB compressed on every first load), an English
"Cannot connect to server" toast and, for any exception in an event handler, an English "An error occurred.
Contact the website administrator." toast. Here the same moments get two plain notices in the page's language,
picked at run time by the URL's locale prefix (as <html lang dir> are):

- `#connection-notice` (role=status): the connection is lost and being retried; what was typed is kept.
- `#problem-notice` (role=alert): an event handler failed in a way no page expected (`backend_problem`); its
  text sits in an attribute until the browser is told to show it, so the live region changes and is read out.
- `crash_boundary`: the page shown when rendering fails, instead of Reflex's English stack-trace screen.

Wired in rxapp/rxapp.py: `toaster=None`, `backend_exception_handler=backend_problem`, and the "Overlay" and
"ErrorBoundary" app wraps replaced by `localized_overlay` and `crash_boundary`. Both notices sit in the page
flow at the top, never over what has focus.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import reflex as rx
from reflex.event import EventSpec
from reflex_base.components.component import Component
from reflex_base.constants import Hooks
from reflex_base.vars import VarData
from reflex_base.vars.base import Var
from reflex_components_core.base.fragment import Fragment
from reflex_components_core.core.banner import (
    connect_error_var_data,
    has_hydration_payload_error,
    has_too_many_connection_errors,
)

from rxapp.call_scripts import SHOW_PROBLEM
from rxapp.i18n.registry import default_locale, shipped_locales
from rxapp.i18n.translate import T

logger = logging.getLogger("rxapp.problem")

_ROUTER = VarData(imports={"react-router": ["useLocation"]})
WORDS = "minnaNoticeWords"  # the hook's constant holding the current locale's words


def _texts() -> dict[str, dict[str, str]]:
    table = {}
    for locale in shipped_locales():
        t = T(locale)
        table[locale.code] = {
            # TRANSLATORS: shown when the connection to the portal's server is lost; it retries by itself.
            "lost": t._("The connection to the portal was lost. Trying to reconnect…"),
            "lost_hint": t._("Check your internet connection. What you have entered is kept."),
            "too_large": t._("This page could not be loaded. Please reload the page."),
            # TRANSLATORS: shown when something failed inside the portal itself (a bug, not the user's input).
            "problem": t._("Sorry, something went wrong on our side. What you have entered is kept. "
                           "Please try again; if it happens again, contact the help desk."),
            # TRANSLATORS: heading of the page shown when the portal failed to draw a page (a bug).
            "crash_title": t._("Sorry, there is a problem with this page"),
            "crash_body": t._("The portal could not show this page. Reload it to try again. "
                              "Answers you have already saved are kept."),
            "crash_reload": t._("Reload the page"),
            "crash_help": t._("Contact the help desk"),
            "code": locale.code,
        }
    return table


# Keys whose words are text as they are (an attribute, a <title>, a URL part); the others are shown as HTML,
# with furigana over their kanji in Japanese (shown when the resident turns furigana on, as on every page).
PLAIN_KEYS = ("crash_title_text", "code")


def _words() -> dict[str, dict[str, str]]:
    """Every locale's words as the browser gets them: HTML (escaped, with ruby in Japanese) but for PLAIN_KEYS."""
    from rxapp.components.lang_fragment import furigana_html

    table = {}
    all_texts = _texts()
    for locale in shipped_locales():
        t = T(locale)
        texts = all_texts[locale.code]
        words = {key: furigana_html(t, text) for key, text in texts.items() if key != "code"}
        words["crash_title_text"] = texts["crash_title"]
        words["code"] = texts["code"]
        table[locale.code] = words
    return table


NOTICE_KEYS = ("lost", "lost_hint", "too_large", "problem")
CRASH_KEYS = ("crash_title", "crash_title_text", "crash_body", "crash_reload", "crash_help", "code")


def _pick_js(keys: tuple[str, ...], path: str) -> str:
    """A JS expression: the words under `keys` for the locale in `path` (a JS expression), else the default's.
    Each consumer ships only the keys it uses, once."""
    table = {code: {k: words[k] for k in keys} for code, words in _words().items()}
    return (f"((table) => table[{path}.split('/')[1]] ?? table[{json.dumps(default_locale())}])"
            f"({json.dumps(table, ensure_ascii=False)})")


def _word(key: str) -> Var:
    return Var(_js_expr=f"{WORDS}.{key}").to(str)


def _inner_html(word: Var) -> dict[str, Any]:
    """The attribute that shows a word's HTML (see PLAIN_KEYS): ours, escaped in _words, never the resident's input."""
    return {"dangerouslySetInnerHTML": {"__html": word}}


class _Notices(Fragment):
    """The notices' words for the URL's locale, chosen once per render (a hook, so never conditional)."""

    def add_hooks(self) -> list[str | Var]:
        return [
            Hooks.CONNECT_ERRORS,
            Var(
                _js_expr=f"const {WORDS} = {_pick_js(NOTICE_KEYS, 'useLocation().pathname')};",
                _var_data=VarData.merge(_ROUTER, connect_error_var_data),
            ),
        ]


def notices() -> Component:
    """The connection notice (filled while the connection is lost) and the empty problem notice."""
    connection = rx.el.div(
        rx.cond(
            has_hydration_payload_error,
            rx.el.p(custom_attrs=_inner_html(_word("too_large"))),
            rx.cond(
                has_too_many_connection_errors,
                rx.fragment(
                    rx.el.p(rx.el.strong(custom_attrs=_inner_html(_word("lost")))),
                    rx.el.p(custom_attrs=_inner_html(_word("lost_hint"))),
                ),
            ),
        ),
        id="connection-notice",
        role="status",
        class_name="notice-bar",
    )
    # No children for React to manage: the browser writes data-message (HTML, see PLAIN_KEYS) into it when told
    # (see components script, window.minnaShowProblem), so a re-render never wipes the message.
    problem = rx.el.div(id="problem-notice", role="alert", class_name="notice-bar",
                        custom_attrs={"data-message": _word("problem")})
    return _Notices.create(connection, problem)


def localized_overlay(stateful: bool) -> Component | None:
    """Replaces Reflex's "Overlay" app wrap: the translated notices instead of its toasts."""
    if not stateful:
        return None
    from reflex_base.components.memo import memo

    # As in Reflex's own overlay: a memo component, so its hooks run inside the state providers, not in the
    # app root where the event-loop context does not exist yet.
    return Fragment.create(memo(notices)())


def crash_boundary(stateful: bool) -> Component:
    """Replaces Reflex's "ErrorBoundary" app wrap. Reflex's fallback shows the error's stack trace, in English,
    with a "Built with Reflex" link; ours says in the page's language that the page failed, offers a reload and
    the help desk, and shows nothing of the error (it still goes to the backend log through on_error)."""
    from reflex_components_core.base.error_boundary import ErrorBoundary

    def word(key: str) -> Var:
        return Var(_js_expr=f"crashWords.{key}").to(str)

    # Ids through custom_attrs: an `id` prop makes Reflex attach a ref made by a hook, and a fallback render
    # function has no hooks. reloadDocument: the links leave the broken render by loading the document anew.
    reload_link = {"id": "crash-reload", "reloadDocument": True}
    page = rx.el.div(
        rx.el.title(word("crash_title_text")),  # the page's own <title> went with the page; React 19 hoists it
        rx.el.main(
            rx.el.h1(custom_attrs=_inner_html(word("crash_title"))),
            rx.el.p(custom_attrs=_inner_html(word("crash_body"))),
            rx.el.p(rx.el.a(href=Var(_js_expr="window.location.href").to(str),
                            custom_attrs={**reload_link, **_inner_html(word("crash_reload"))})),
            rx.el.p(rx.el.a(href=Var(_js_expr="'/' + crashWords.code + '/contact'").to(str),
                            custom_attrs={"reloadDocument": True, **_inner_html(word("crash_help"))})),
            custom_attrs={"id": "main"},
            tab_index=-1,
            class_name="page",
        ),
        class_name="app",
        custom_attrs={"id": "crash-page"},
    )
    body = Var.create(page)
    # The fallback runs in the browser only (a prerender that throws fails the build): the URL gives the locale.
    lookup = _pick_js(CRASH_KEYS, "window.location.pathname")
    # ErrorBoundary makes the prop a render function of `event_args` itself; the body never reads the error.
    # A failure during hydration makes React re-create <html> without the display preferences the head script
    # set (text size, simplified, furigana): they are applied again once the crash page is in the document.
    reapply = "setTimeout(() => window.minnaApplyPrefs && window.minnaApplyPrefs(), 0)"
    render = Var(_js_expr=f"((crashWords) => ({reapply}, {body!s}))({lookup})", _var_data=body._get_all_var_data())
    props: dict[str, Any] = {"fallback_render": render}
    if not stateful:
        props["on_error"] = rx.event.noop()
    return ErrorBoundary.create(**props)


SHOW_PROBLEM_JS = SHOW_PROBLEM  # the browser runs its built-in copy (rxapp/call_scripts.py)


def backend_problem(exception: Exception) -> EventSpec:  # the name Reflex resolves the annotation by
    """Reflex's backend_exception_handler: the details go to the log, never to the page; the resident is told
    in their language that the portal failed and that their input is kept."""
    logger.error("event handler failed", exc_info=(type(exception), exception, exception.__traceback__))
    return rx.call_script(SHOW_PROBLEM_JS)
