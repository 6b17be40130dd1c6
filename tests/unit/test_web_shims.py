"""The stand-ins for Reflex's cookie and deep-merge packages (rxapp/web_shims/), run in bun.

state.js calls `cookies.get(name, {doNotParse: true})`, `cookies.set(name, value, options)` with rx.Cookie's
options (path, maxAge, domain, secure, sameSite) and `cookies.remove(name, options)`; and `mergician(a, b)` on
a Slot child's object props. Each case below is what the replaced package does for that call.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from rxapp.build_plugin import SHIMS_DIR, STAND_INS

pytestmark = pytest.mark.skipif(shutil.which("bun") is None, reason="bun is on PATH under make")

# A fake `document` whose cookie property behaves like a browser's: writing adds, replaces or (when expired) drops.
PROGRAM = """
const jar = new Map();
const writes = [];
globalThis.document = {
  get cookie() { return [...jar].map(([k, v]) => k + "=" + v).join("; "); },
  set cookie(text) {
    writes.push(text);
    const [pair, ...attrs] = text.split("; ");
    const at = pair.indexOf("=");
    const expired = attrs.some((a) => a === "Max-Age=0");
    if (expired) jar.delete(pair.slice(0, at)); else jar.set(pair.slice(0, at), pair.slice(at + 1));
  },
};
const { default: Cookies } = await import(process.argv[2] + "/cookies.js");
const { mergician } = await import(process.argv[2] + "/deep-merge.js");
const cookies = new Cookies();
const out = {};
out.missing = cookies.get("nothing", { doNotParse: true }) ?? null;
cookies.set("state.token", "a b;c=ü", { path: "/", maxAge: 3600.7, secure: true, sameSite: "lax" });
out.written = writes.at(-1);
out.raw = cookies.get("state.token", { doNotParse: true });
cookies.set("obj", { a: [1, 2] }, { path: "/" });
out.object_raw = cookies.get("obj", { doNotParse: true });
out.object_parsed = cookies.get("obj");
out.strict = (cookies.set("s", "1", { sameSite: true }), writes.at(-1));
cookies.remove("state.token", { path: "/" });
out.removal = writes.at(-1);
out.after_remove = cookies.get("state.token", { doNotParse: true }) ?? null;
document.cookie = "broken=%E0%A4%A";
out.undecodable = cookies.get("broken", { doNotParse: true });
const own = { color: "red", nested: { a: 1, list: [1] } };
const injected = { color: "blue", margin: 0, nested: { b: 2, list: [9, 9] } };
out.merged = mergician(injected, own);
out.inputs_untouched = JSON.stringify(own) === '{"color":"red","nested":{"a":1,"list":[1]}}'
  && JSON.stringify(injected) === '{"color":"blue","margin":0,"nested":{"b":2,"list":[9,9]}}';
out.shared = mergician(injected, own).nested === own.nested;
console.log(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    script = tmp_path_factory.mktemp("shims") / "run.mjs"
    script.write_text(PROGRAM, encoding="utf-8")
    done = subprocess.run(["bun", str(script), str(SHIMS_DIR)], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(done.stdout)


def test_every_stand_in_has_its_file() -> None:
    for stand_in in STAND_INS:
        assert (SHIMS_DIR / stand_in.source).is_file(), stand_in


def test_a_cookie_is_written_in_the_cookie_package_format(results: dict[str, object]) -> None:
    assert results["written"] == "state.token=a%20b%3Bc%3D%C3%BC; Max-Age=3600; Path=/; Secure; SameSite=Lax"
    assert results["strict"] == "s=1; SameSite=Strict"


def test_a_cookie_reads_back_as_written(results: dict[str, object]) -> None:
    assert results["missing"] is None
    assert results["raw"] == "a b;c=ü"
    assert results["object_raw"] == '{"a":[1,2]}' and results["object_parsed"] == {"a": [1, 2]}
    assert results["undecodable"] == "%E0%A4%A"  # kept as it is, not an exception


def test_a_removed_cookie_expires_on_its_path(results: dict[str, object]) -> None:
    assert results["removal"] == "state.token=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
    assert results["after_remove"] is None


def test_merge_keeps_later_keys_and_merges_objects_deeply(results: dict[str, object]) -> None:
    assert results["merged"] == {"color": "red", "margin": 0, "nested": {"b": 2, "list": [1], "a": 1}}
    assert results["inputs_untouched"] is True and results["shared"] is False
