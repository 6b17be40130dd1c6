"""Form components rendered to JSX (no browser): the accessibility wiring is in the markup.

Each test reads the component's rendered React tree, so a regression in an id, an aria attribute or a label
shows up here in milliseconds before the browser suite runs.
"""

from __future__ import annotations

import re

import pytest
import reflex as rx

from rxapp.components import _field
from rxapp.components.checkboxes import checkboxes
from rxapp.components.date_input import date_input, era_label, error_target
from rxapp.components.error_summary import error_summary
from rxapp.components.radios import Option, radios
from rxapp.components.select import select
from rxapp.components.text_input import plural_templates, text_input, textarea
from rxapp.i18n import T


def jsx(component: rx.Component) -> str:
    """The rendered React tree, with JSON's \\uXXXX escapes turned back into characters."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), str(component))


def _props_objects(markup: str) -> list[str]:
    """The text of every `jsx(tag,{...})` props object, brace-aware and string-aware."""
    objects = []
    for start in [m.end() - 1 for m in re.finditer(r'jsx\([^,]+,\{', markup)]:
        depth, index, in_string = 0, start, False
        while index < len(markup):
            char = markup[index]
            if in_string:
                if char == "\\":
                    index += 1
                elif char == '"':
                    in_string = False
            elif char == '"':
                in_string = True
            elif char in "{(":
                depth += 1
            elif char in "})":
                depth -= 1
                if depth == 0:
                    objects.append(markup[start + 1:index])
                    break
            index += 1
    return objects


def attr(markup: str, element_id: str, name: str) -> str | None:
    """The value of a string attribute on the element with `id` (in the rendered jsx props)."""
    for props in _props_objects(markup):
        if re.search(r'(^|,)id:"' + re.escape(element_id) + r'"', props):
            found = re.search(r'(?:^|,)"?' + re.escape(name) + r'"?:"([^"]*)"', props)
            return found.group(1) if found else None
    raise AssertionError(f"no element with id {element_id}")


class ErrorState(rx.State):
    """A page-like state to bind components to (values and errors as Vars)."""

    name: str = ""
    errors: dict[str, str] = {}  # noqa: RUF012 (Reflex state vars are declared with defaults)
    chosen: list[str] = []  # noqa: RUF012

    @rx.event
    def set_name(self, value: str) -> None:
        self.name = value


def test_text_input_ties_hint_and_error_to_the_field() -> None:
    t = T("en")
    markup = jsx(text_input(t, label="Postcode", name="pc", hint="For example, 100-0001", error="Enter a postcode"))
    assert attr(markup, "pc", "aria-describedby") == "pc-hint pc-error"
    assert attr(markup, "pc", "aria-invalid") == "true"
    assert 'htmlFor:"pc"' in markup
    # The message is next to the field and starts with a hidden "Error:" for screen readers.
    assert re.search(r'id:"pc-error".*?"Error:"', markup)
    assert "form-group--error" in markup


def test_text_input_without_error_has_no_invalid_flag_and_only_the_hint() -> None:
    markup = jsx(text_input(T("en"), label="Name", name="n", hint="As on your card"))
    assert attr(markup, "n", "aria-describedby") == "n-hint"
    assert attr(markup, "n", "aria-invalid") is None
    assert "form-group--error" not in markup


def test_optional_is_written_in_words_and_there_are_no_asterisks() -> None:
    for code, word in (("en", "(optional)"), ("ja", "（任意）")):
        markup = jsx(text_input(T(code), label="Phone", name="tel", optional=True))
        assert word in markup
        assert "*" not in re.sub(r"/\*.*?\*/", "", markup)


def test_label_can_be_the_page_heading() -> None:
    markup = jsx(text_input(T("en"), label="What is your name?", name="q", label_is_heading=True))
    assert re.search(r'jsx\("h1",\{className:"label-wrapper"\},jsx\("label"', markup)


def test_var_error_is_resolved_in_the_browser() -> None:
    markup = jsx(text_input(T("en"), label="Name", name="name", value=ErrorState.name,
                            on_change=ErrorState.set_name, error=ErrorState.errors["name"]))
    # Conditional wiring: describedby and aria-invalid switch with the error Var, the message is rendered by cond.
    assert re.search(r'"aria-describedby":\(isTrue\([^)]*errors[^)]*\) \? "name-error" : null\)', markup)
    assert re.search(r'"aria-invalid":\(isTrue\([^)]*errors[^)]*\) \? "true" : null\)', markup)
    assert "value:" in markup and "onChange:" in markup
    assert "defaultValue" not in markup


def test_radios_are_one_named_group_in_a_fieldset_with_its_legend() -> None:
    options = [Option("a", "Alpha"), Option("b", "Beta", hint="Second")]
    markup = jsx(radios(T("en"), legend="Pick one", name="pick", options=options, error="Select one"))
    assert markup.count('name:"pick"') == 2
    assert markup.count('type:"radio"') == 2
    assert re.search(r'jsx\("fieldset",\{"aria-describedby":"pick-error"', markup)
    assert re.search(r'jsx\("legend",\{className:"fieldset__legend"\},"Pick one"', markup)
    # The first option carries the group's id, so an error-summary link to #pick reaches it.
    assert 'id:"pick"' in markup and 'id:"pick-2"' in markup
    assert attr(markup, "pick-2", "aria-describedby") == "pick-2-item-hint"


def test_checkboxes_bound_to_a_list_var_are_controlled() -> None:
    options = [Option("tax", "Tax"), Option("pension", "Pension")]
    markup = jsx(checkboxes(T("en"), legend="Share", name="share", options=options, values=ErrorState.chosen))
    assert markup.count("checked:") == 2
    assert "includes" in markup


def test_select_has_an_empty_first_choice_and_its_label() -> None:
    markup = jsx(select(T("en"), label="Prefecture", name="pref", options=[Option("tokyo", "Tokyo")],
                        placeholder="Choose a prefecture"))
    assert re.search(r'jsx\("option",\{value:[^}]*""[^}]*\},"Choose a prefecture"\)', markup)
    assert 'htmlFor:"pref"' in markup


def test_error_summary_links_every_error_to_its_field() -> None:
    markup = jsx(error_summary(T("ja"), [("name", "氏名を入力してください"), ("dob-day", "日を入力してください")]))
    assert '"There is a problem"' not in markup and "入力内容に問題があります" in markup
    # Links to the fields (Reflex renders in-page links through React Router: `to`).
    assert re.search(r'(href|to):"#name"', markup) and re.search(r'(href|to):"#dob-day"', markup)
    assert '"data-autofocus":"true"' in markup and 'tabIndex:-1' in markup
    assert '"data-title-prefix":"エラー："' in markup


def test_error_summary_is_absent_without_errors() -> None:
    assert "error-summary" not in jsx(error_summary(T("en"), []))
    bound = jsx(error_summary(T("en"), ErrorState.errors.keys()))  # type: ignore[attr-defined]
    assert ".length" in bound and "error-summary" in bound


@pytest.mark.parametrize(("code", "first"), [("ja", "year"), ("ja-easy", "year"), ("en", "day"), ("ar", "day")])
def test_date_input_follows_the_locale_order(code: str, first: str) -> None:
    t = T(code)
    markup = jsx(date_input(t, legend="Date of birth", name="dob", birthday=True))
    order = re.findall(r'id:"dob-(day|month|year)"', markup)
    assert order[0] == first
    assert attr(markup, "dob-day", "autoComplete") == "bday-day"
    assert 'inputMode:"numeric"' in markup
    assert error_target("dob", t) == f"dob-{first}"
    # Only Japanese pages get the era line (a live region the script fills in).
    assert ("date-input__era" in markup) == (t.locale.html_lang == "ja")


def test_date_input_marks_only_the_fields_at_fault() -> None:
    markup = jsx(date_input(T("en"), legend="Date", name="d", error="Enter a month", error_fields={"month"}))
    assert attr(markup, "d-month", "aria-invalid") == "true"
    assert attr(markup, "d-day", "aria-invalid") is None
    assert error_target("d", T("en"), {"month"}) == "d-month"


@pytest.mark.parametrize(
    ("year", "month", "day", "label"),
    [(2019, 4, 30, "平成31年"), (2019, 5, 1, "令和元年"), (1989, 1, 7, "昭和64年"), (1989, 1, 8, "平成元年"),
     (2025, None, None, "令和7年"), (2019, None, None, "平成31年／令和元年"), (1800, None, None, "")],
)
def test_era_label(year: int, month: int | None, day: int | None, label: str) -> None:
    assert era_label(year, month, day) == label


def test_character_count_templates_cover_every_plural_category() -> None:
    arabic = plural_templates(T("ar"), lambda n: T("ar").n_("You have {count} character remaining",
                                                            "You have {count} characters remaining", n))
    assert set(arabic) == {"zero", "one", "two", "few", "many", "other"}
    english = plural_templates(T("en"), lambda n: T("en").n_("You have {count} character remaining",
                                                             "You have {count} characters remaining", n))
    assert english == {"one": "You have {count} character remaining", "other": "You have {count} characters remaining"}
    markup = jsx(textarea(T("en"), label="Why", name="why", max_length=20, hint="Short"))
    assert attr(markup, "why", "aria-describedby") == "why-hint why-info"
    assert '"data-maxlength":"20"' in markup
    assert '"aria-live":"polite"' in markup


def test_described_by_keeps_extras_and_puts_the_error_last() -> None:
    assert _field.described_by("f", "hint", "oops", "f-info") == "f-hint f-info f-error"
    assert _field.described_by("f", None, None) is None


def test_every_text_control_stops_a_huge_paste_past_its_limit() -> None:
    # Twice the answer's limit: a little over shows the field's error, a pasted document never reaches the socket.
    assert "maxLength:40" in jsx(text_input(T("en"), label="Name", name="n", max_length=20))
    assert f"maxLength:{2 * _field.DEFAULT_MAX_LENGTH}" in jsx(text_input(T("en"), label="Name", name="n"))
    assert "maxLength:40" in jsx(textarea(T("en"), label="Why", name="why", max_length=20))
    assert "maxLength:20" in jsx(date_input(T("en"), legend="When", name="d"))
