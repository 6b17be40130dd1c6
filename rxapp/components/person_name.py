"""A person's name as registered: marked lang="ja" when written in Japanese script (WCAG 3.1.2), so a
screen reader reads 佐藤 ハル with a Japanese voice and NGUYEN VAN AN without pretending it is Japanese."""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

# A registered name is data, not UI text: translation tools must leave it as it is.
_NO_TRANSLATE = {"translate": "no"}


def person_name(name: Var | str, is_japanese: Var | bool | None = None) -> rx.Component:
    """`is_japanese` defaults to "not plain ASCII" for a string; pass a state flag for a Var."""
    if isinstance(name, str):
        japanese = not name.isascii() if is_japanese is None else bool(is_japanese)
        return rx.el.span(name, lang="ja", custom_attrs=_NO_TRANSLATE) if japanese else rx.el.span(
            name, custom_attrs=_NO_TRANSLATE)
    if is_japanese is None:
        # A Var without a flag: test in the browser whether it has non-ASCII characters.
        # Carry the name's VarData, so the page declares the state it reads.
        is_japanese = ~Var(_js_expr=f"/^[\\x00-\\x7F]*$/.test({name!s})", _var_type=bool,
                           _var_data=name._get_all_var_data())
    return rx.cond(is_japanese, rx.el.span(name, lang="ja", custom_attrs=_NO_TRANSLATE),
                   rx.el.span(name, custom_attrs=_NO_TRANSLATE))
