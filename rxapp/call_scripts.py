"""The only scripts the server asks browsers to run (`rx.call_script`), fixed when the portal is built.

Reflex runs `rx.call_script` code with eval(), which the pages' Content-Security-Policy forbids (no 'unsafe-eval').
The build (rxapp/build_plugin.py) writes these scripts into Reflex's state.js as functions and replaces that eval
with a lookup: the server still sends the same string, the browser runs its own compiled copy, and any string not
listed here fails with an error instead of running.
"""

from __future__ import annotations

import json

# Moves focus to the new step's heading (the question), as a page load would put the reader at the top.
# A new step puts focus on its h1 (the question), but never takes it from someone who has already started to use
# the page since the URL changed (a key or the pointer; the times come from COMPONENTS_SCRIPT), nor from a field
# being typed in: on a slow machine the on_load of a redirected URL can land after the first keystrokes. Focus
# outside <main> (the language picker after a switch, the display settings) stays where the resident put it.
FOCUS_HEADING = (
    "setTimeout(function(){var h=document.querySelector('main h1');var a=document.activeElement;"
    "if((window.__minnaActedAt||0)>(window.__minnaNavAt||0)&&a&&a!==document.body)return;"
    "if(a&&a!==document.body&&a.isConnected&&a.closest&&!a.closest('main'))return;"
    "if(a&&a!==h&&a.closest&&a.closest('main form')&&a.matches('input,select,textarea'))return;"
    "if(h){h.setAttribute('tabindex','-1');h.focus();}},30)"
)
PRINT = "window.print()"
# When an event handler failed; the notice's words are already in the page (rxapp/i18n/overlay.py).
SHOW_PROBLEM = "window.minnaShowProblem && window.minnaShowProblem()"

CALL_SCRIPTS = (FOCUS_HEADING, PRINT, SHOW_PROBLEM)

# A full page load through the session cookie's rotation (rxapp/browser_session.py) after signing in or out: the one
# script that carries data, so it is a command with a path, not code; the browser only ever loads
# /_session/rotate?… with it, on its own origin.
NAVIGATE = "minna-navigate:"
ROTATE_PREFIX = "/_session/rotate?"


def navigate_through_rotation(query: str) -> str:
    """The call_script string that loads `/_session/rotate?<query>` as a new page."""
    return NAVIGATE + ROTATE_PREFIX + query

MARKER = "minna-call-scripts"
EVAL_CALL = "eval(event.payload.javascript_code)"


def state_js_without_eval(state_js: str) -> str:
    """Reflex's state.js with rx.call_script served from CALL_SCRIPTS instead of eval() (idempotent)."""
    if MARKER in state_js:
        return state_js
    if state_js.count(EVAL_CALL) != 1:
        raise RuntimeError(f"state.js no longer has one `{EVAL_CALL}`: Reflex changed; see rxapp/call_scripts.py")
    table = ",\n".join(f"  {json.dumps(code)}: () => ({code})" for code in CALL_SCRIPTS)
    return state_js.replace(EVAL_CALL, "minnaCallScript(event.payload.javascript_code)") + (
        f"\n// {MARKER}: rx.call_script without eval (rxapp/call_scripts.py)\n"
        f"const MINNA_CALL_SCRIPTS = {{\n{table}\n}};\n"
        "function minnaCallScript(code) {\n"
        f"  if (code.startsWith({json.dumps(NAVIGATE + ROTATE_PREFIX)}))"
        f" return window.location.replace(code.slice({len(NAVIGATE)}));\n"
        "  if (!Object.hasOwn(MINNA_CALL_SCRIPTS, code)) throw new Error(\"rx.call_script: not in rxapp/call_scripts.py\");\n"
        "  return MINNA_CALL_SCRIPTS[code]();\n"
        "}\n"
    )
