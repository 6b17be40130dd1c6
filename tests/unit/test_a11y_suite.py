"""The accessibility suite without a browser: inventory, matrix, allowlist, report, CLI exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from datetime import date, datetime
from pathlib import Path

import httpx
import pytest

from accessibility import allowlist as allow
from accessibility.checks.axe import criteria
from accessibility.checks.structure import title_segments
from accessibility.checks.targets import minimum_for
from accessibility.fixtures.server import serve
from accessibility.inventory import SuiteError, build_targets, fetch_inventory, parse_inventory
from accessibility.model import Finding, RowResult
from accessibility.report import RunMeta, to_html, to_json
from accessibility.runner import check_titles, expected_attributes

ROOT = Path(__file__).resolve().parents[2]

INVENTORY = {
    "service": {"en": "Minna Portal", "ja": "みんなのポータル"},
    "locales": [
        {"code": "ja", "lang": "ja", "dir": "ltr", "native_name": "日本語", "pseudo": False},
        {"code": "ja-easy", "lang": "ja", "dir": "ltr", "native_name": "やさしい にほんご", "pseudo": False},
        {"code": "ar", "lang": "ar", "dir": "rtl", "native_name": "العربية", "pseudo": False},
        {"code": "ar-XB", "lang": "ar", "dir": "rtl", "native_name": "[ʁɐqıɔ]", "pseudo": True},
    ],
    "modes": [{"name": "default", "prefs": ""}, {"name": "simple", "prefs": "mode=simple"},
              {"name": "200", "prefs": "size=200"}],
    "pages": [
        {"name": "home", "path": "/{locale}/", "title": "Home", "titles": {"ja": "ホーム"}},
        {"name": "help", "path": "/{locale}/help", "title": "Help", "titles": {"ja": "ヘルプ"}},
        {"name": "mypage", "path": "/{locale}/mypage", "title": "My page", "signed_in": True, "locales": ["ja"]},
    ],
}


def inventory():
    return parse_inventory("http://portal.test", INVENTORY)


def test_matrix_runs_pseudo_locales_in_the_default_mode_only() -> None:
    targets = build_targets(inventory())
    keys = {(t.page, t.locale, t.mode) for t in targets}
    assert ("help", "ar", "200") in keys and ("help", "ar-XB", "default") in keys
    assert not any(t.locale == "ar-XB" and t.mode != "default" for t in targets)
    # Pages that exist only in some locales are not invented for the others.
    assert {t.locale for t in targets if t.page == "mypage"} == {"ja"}
    # 2 pages × (3 real locales × 3 modes + 1 pseudo) + mypage (ja × 3 modes)
    assert len(targets) == 2 * (3 * 3 + 1) + 3


def test_matrix_targets_carry_what_the_checks_expect() -> None:
    targets = {(t.page, t.locale, t.mode): t for t in build_targets(inventory())}
    easy = targets[("help", "ja-easy", "default")]
    assert (easy.lang, easy.direction, easy.path) == ("ja", "ltr", "/ja-easy/help")
    arabic = targets[("help", "ar", "simple")]
    assert arabic.direction == "rtl" and arabic.prefs == "mode=simple" and not arabic.emulations
    assert targets[("help", "ar", "default")].emulations and targets[("help", "ja", "default")].emulations
    assert not targets[("help", "ja-easy", "default")].emulations  # one LTR and one RTL locale are enough
    assert not targets[("help", "ar-XB", "default")].emulations
    assert targets[("mypage", "ja", "default")].signed_in
    assert targets[("home", "ja", "default")].title == "みんなのポータル"  # home: the service name is enough
    assert targets[("help", "ja", "default")].title == "ヘルプ"
    assert ("العربية", "ar") in targets[("help", "ja", "default")].native_names


def test_explicit_modes_apply_to_pseudo_locales_too() -> None:
    targets = build_targets(inventory(), locales=["ar-XB"], modes=["simple"], pages=["help"])
    assert [(t.locale, t.mode) for t in targets] == [("ar-XB", "simple")]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"locales": ["fr"]}, "unknown locale 'fr'"),
        ({"modes": ["huge"]}, "unknown mode 'huge'"),
        ({"pages": ["nope"]}, "unknown page 'nope'"),
        ({"pages": ["mypage"], "locales": ["ar"]}, "nothing to check"),
    ],
)
def test_bad_selections_are_suite_errors(kwargs: dict, message: str) -> None:
    with pytest.raises(SuiteError, match=message):
        build_targets(inventory(), **kwargs)


def test_malformed_inventory_is_a_suite_error() -> None:
    with pytest.raises(SuiteError, match="malformed"):
        parse_inventory("http://x", {"locales": [{"lang": "ja"}], "modes": [], "pages": []})


def test_prefs_become_the_html_attributes_the_portal_sets() -> None:
    assert expected_attributes("") == {}
    assert expected_attributes("size=200&mode=simple&contrast=high") == {
        "data-text-size": "200", "data-mode": "simple", "data-contrast": "high"}
    assert minimum_for("simple", "mode=simple") == 44
    assert minimum_for("default", "") == 24


def test_axe_tags_become_success_criteria() -> None:
    assert criteria(["cat.color", "wcag2aa", "wcag143"]) == "1.4.3"
    assert criteria(["wcag22aa", "wcag258"]) == "2.5.8"
    assert criteria(["wcag2411", "wcag111"]) == "2.4.11, 1.1.1"
    assert criteria(["best-practice"]) == ""


def test_title_segments() -> None:
    assert title_segments("Help | Minna Portal") == ["Help", "Minna Portal"]
    assert title_segments("ヘルプ | みんなのポータル") == ["ヘルプ", "みんなのポータル"]
    assert title_segments("Error: Apply – Minna Portal") == ["Error: Apply", "Minna Portal"]


def test_titles_must_differ_between_pages_of_one_locale_and_mode() -> None:
    rows = [RowResult("a", "ja", "default", "u", title="同じ"), RowResult("b", "ja", "default", "u", title="同じ"),
            RowResult("c", "ja", "default", "u", title="別"), RowResult("a", "en", "default", "u", title="同じ"),
            RowResult("a", "ja", "default", "u#example-x", example="example-x", title="同じ")]
    check_titles(rows)
    assert [bool(r.failures) for r in rows] == [True, True, False, False, False]
    assert rows[0].failures[0].rule == "title-unique" and rows[0].failures[0].wcag == "2.4.2"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "allow.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_allowlist_is_valid() -> None:
    for entry in allow.load_allowlist():
        assert entry.reason and entry.selector and entry.rule


def test_allowlist_excuses_only_the_named_rule_and_element_until_it_expires(tmp_path: Path) -> None:
    entries = allow.load_allowlist(write(tmp_path, """
[[entry]]
rule = "color-contrast"
selector = ".legacy"
reason = "upstream widget, vendor issue #12"
expires = 2030-01-31

[[entry]]
rule = "target-size"
selector = "#old"
reason = "old"
expires = 2020-01-01
pages = ["help"]
"""))
    findings = [Finding("axe", "color-contrast", "1.4.3", "m", ".legacy"),
                Finding("axe", "color-contrast", "1.4.3", "m", ".other"),
                Finding("axe", "label", "4.1.2", "m", ".legacy"),
                Finding("targets", "target-size", "2.5.8", "m", "#old")]
    used = allow.apply(findings, entries, "help", "ja", "default", today=date(2026, 6, 1))
    assert [f.failing for f in findings] == [False, True, True, True]
    assert "vendor issue #12" in findings[0].excused_by
    assert "expired on 2020-01-01" in findings[3].note  # expired: reported, no longer excused
    assert used == {0, 1}
    # Out of scope (another page): the expired entry does not even match.
    other = [Finding("targets", "target-size", "2.5.8", "m", "#old")]
    assert allow.apply(other, entries, "home", "ja", "default", today=date(2026, 6, 1)) == set()
    # The live page may say the element matches or sits inside the entry's selector.
    inside = [Finding("axe", "color-contrast", "1.4.3", "m", "#x > span")]
    allow.apply(inside, entries, "home", "ja", "default", element_matches=lambda s, c: c == ".legacy",
                today=date(2026, 6, 1))
    assert not inside[0].failing
    # On the expiry day itself it still excuses; the day after it does not.
    last_day = [Finding("axe", "color-contrast", "1.4.3", "m", ".legacy")]
    allow.apply(last_day, entries, "home", "ja", "default", today=date(2030, 1, 31))
    day_after = [Finding("axe", "color-contrast", "1.4.3", "m", ".legacy")]
    allow.apply(day_after, entries, "home", "ja", "default", today=date(2030, 2, 1))
    assert not last_day[0].failing and day_after[0].failing


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[[entry]]\nrule = "x"\nselector = "y"\nexpires = 2030-01-01\n', "'reason'"),
        ('[[entry]]\nrule = "x"\nselector = "y"\nreason = "z"\nexpires = "soon"\n', "'expires'"),
        ('[[entry]]\nrule = "x"\nselector = ""\nreason = "z"\nexpires = 2030-01-01\n', "'selector'"),
        ('[[entry]]\nrule = "x"\nselector = "y"\nreason = "z"\nexpires = 2030-01-01\nwhy = 1\n', "unknown key"),
        ("[[entry]\n", "not valid TOML"),
    ],
)
def test_bad_allowlists_are_suite_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(SuiteError, match=message):
        allow.load_allowlist(write(tmp_path, text))


def test_report_lists_every_row_with_criteria_and_screenshots(tmp_path: Path) -> None:
    entries = [allow.AllowEntry("x", ".y", "because <b>", date(2020, 1, 1)),
               allow.AllowEntry("unused-rule", ".z", "r", date(2099, 1, 1))]
    bad = RowResult("help", "ar", "simple", "http://p/ar/help", findings=[
        Finding("targets", "target-size-simple", "2.5.8, 2.5.5", "too <small>", "#a", screenshot="shots/a.jpg"),
        Finding("axe", "color-contrast", "1.4.3", "pale", ".b", excused_by="entry: upstream")])
    good = RowResult("home", "ja", "default", "http://p/ja/")
    meta = RunMeta("http://p", datetime(2026, 11, 27), 12.0, 2, 2, ["ar", "ja"], ["simple", "default"],
                   ["help", "home"], entries, set(), today="2026-11-27")
    data = to_json([bad, good], meta)
    assert data["summary"] == {"rows": 2, "passed": 1, "failed": 1, "errors": 0, "retried": 0,
                               "failures": 1, "excused": 1}
    assert [e["rule"] for e in data["allowlist"]["expired"]] == ["x"]
    assert [e["rule"] for e in data["allowlist"]["unused"]] == ["unused-rule"]
    json.dumps(data)
    page = to_html([bad, good], meta)
    assert "too &lt;small&gt;" in page and "<small>" not in page  # escaped
    assert "target-size-minimum.html" in page and "2.5.5 Target Size (Enhanced)" in page
    assert 'src="shots/a.jpg"' in page
    assert "Expired" in page and "because &lt;b&gt;" in page


def test_fixture_inventory_is_served_and_parsed() -> None:
    with serve() as base:
        inv = fetch_inventory(base)
        assert inv.page("signed-in").signed_in
        assert httpx.get(base + "/en/good").status_code == 200
        assert httpx.get(base + "/en/nope").status_code == 404


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "accessibility", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base-url", "http://127.0.0.1:{closed}"], "does not answer"),
        (["--base-url", "{fixtures}", "--locales", "fr"], "unknown locale 'fr'"),
        (["--base-url", "{fixtures}", "--modes", "huge"], "unknown mode 'huge'"),
        (["--base-url", "{fixtures}", "--pages", "nope"], "unknown page 'nope'"),
        (["--base-url", "{fixtures}", "--locales", "ja", "--pages", "good"], "nothing to check"),
        (["--base-url", "{fixtures}/en/good"], "HTTP 404"),
        (["--base-url", "not-a-url"], "http(s) URL"),
        (["--base-url", "{fixtures}", "--workers", "0"], "--workers"),
        (["--base-url", "{fixtures}", "--sign-in", "nothing"], "module:function"),
        (["--base-url", "{fixtures}", "--allowlist", "/no/such/allowlist.toml"], "does not exist"),
        (["--workers", "two"], "invalid int"),
    ],
)
def test_cli_refuses_with_one_line_and_exit_2(args: list[str], message: str) -> None:
    with serve() as fixtures:
        filled = [a.format(closed=closed_port(), fixtures=fixtures) for a in args]
        result = run_cli(*filled)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_cli_needs_a_base_url() -> None:
    result = subprocess.run([sys.executable, "-m", "accessibility"], capture_output=True, text=True, cwd=ROOT,
                            env={"PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 2 and "--base-url is required" in result.stderr


def test_portal_publishes_its_inventory() -> None:
    import asyncio

    from rxapp.i18n import shipped_locales
    from rxapp.inventory_api import PATH, build_inventory, pages_inventory
    from rxapp.pages import PAGES

    data = build_inventory()
    names = [p["name"] for p in data["pages"]]
    assert names[-1] == "404" and len(names) == len(PAGES) + 1
    assert {"home", "help", "contact", "accessibility", "settings"} <= set(names)
    assert [loc["code"] for loc in data["locales"]] == [loc.code for loc in shipped_locales()]
    assert {m["name"] for m in data["modes"]} == {"default", "simple", "high-contrast", "200"}
    signed = {p["name"] for p in data["pages"] if p["signed_in"]}
    assert signed == {spec.slug or "home" for spec in PAGES if spec.signed_in}
    help_page = next(p for p in data["pages"] if p["name"] == "help")
    assert help_page["path"] == "/{locale}/help" and help_page["titles"]["en"] == "Help"

    sent: list[dict] = []

    async def downstream(scope, receive, send) -> None:
        sent.append({"passed": scope["path"]})

    async def collect(message) -> None:
        sent.append(message)

    def call(scope: dict) -> None:
        # In a thread of its own: Playwright's sync API may already run an event loop in this one.
        worker = threading.Thread(target=asyncio.run, args=(app(scope, None, collect),))
        worker.start()
        worker.join()

    app = pages_inventory(downstream)
    call({"type": "http", "path": PATH, "method": "GET"})
    assert sent[0]["status"] == 200 and json.loads(sent[1]["body"])["pages"][0]["name"] == names[0]
    call({"type": "http", "path": "/ja/help", "method": "GET"})
    assert sent[-1] == {"passed": "/ja/help"}
