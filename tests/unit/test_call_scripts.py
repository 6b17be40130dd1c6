"""rx.call_script without eval(): the build writes the portal's few scripts into state.js (rxapp/call_scripts.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import reflex_base

from rxapp.call_scripts import (
    CALL_SCRIPTS,
    EVAL_CALL,
    MARKER,
    NAVIGATE,
    navigate_through_rotation,
    state_js_without_eval,
)

STATE_JS = Path(reflex_base.__file__).parent / ".templates/web/utils/state.js"


def test_reflex_state_js_loses_its_eval_for_call_script() -> None:
    patched = state_js_without_eval(STATE_JS.read_text(encoding="utf-8"))
    assert EVAL_CALL not in patched
    assert "minnaCallScript(event.payload.javascript_code)" in patched
    assert state_js_without_eval(patched) == patched  # a second build leaves it as it is
    with pytest.raises(RuntimeError):
        state_js_without_eval("// a state.js Reflex rewrote")


@pytest.mark.skipif(shutil.which("node") is None, reason="node runs the table")
def test_each_known_script_runs_and_others_fail() -> None:
    patched = state_js_without_eval(f"const run = (event) => {EVAL_CALL};\n")
    program = patched.split(f"// {MARKER}", 1)[1].split("\n", 1)[1] + """
const seen = [];
globalThis.window = {print: () => seen.push("print"), minnaShowProblem: () => seen.push("problem")};
globalThis.setTimeout = () => seen.push("timer");
for (const code of JSON.parse(process.argv[1])) minnaCallScript(code);
let refused = false;
try { minnaCallScript("alert(1)"); } catch (e) { refused = true; }
console.log(JSON.stringify({seen, refused}));
"""
    result = subprocess.run(["node", "-e", program, json.dumps(list(CALL_SCRIPTS))], capture_output=True, text=True,
                            timeout=30, check=True)
    assert json.loads(result.stdout) == {"seen": ["timer", "print", "problem"], "refused": True}


@pytest.mark.skipif(shutil.which("node") is None, reason="node runs the table")
def test_the_navigation_command_only_ever_loads_the_session_rotation_of_this_site() -> None:
    patched = state_js_without_eval(f"const run = (event) => {EVAL_CALL};\n")
    program = patched.split(f"// {MARKER}", 1)[1].split("\n", 1)[1] + """
const loaded = [];
globalThis.window = {location: {replace: (url) => loaded.push(url)}};
const refused = [];
for (const code of JSON.parse(process.argv[1])) {
  try { minnaCallScript(code); } catch (e) { refused.push(code); }
}
console.log(JSON.stringify({loaded, refused}));
"""
    good = navigate_through_rotation("next=/en/mypage")
    bad = [NAVIGATE + "https://evil.example/", NAVIGATE + "//evil.example/_session/rotate?next=/en/",
           NAVIGATE + "/en/mypage"]  # fmt: skip
    result = subprocess.run(["node", "-e", program, json.dumps([good, *bad])], capture_output=True, text=True,
                            timeout=30, check=True)
    assert json.loads(result.stdout) == {"loaded": ["/_session/rotate?next=/en/mypage"], "refused": bad}
