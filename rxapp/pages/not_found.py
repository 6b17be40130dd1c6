"""The 404 page: one for every unknown path, so it speaks every shipped language, each part marked with its lang."""

from __future__ import annotations

import reflex as rx

from rxapp.components.footer import site_footer
from rxapp.components.header import site_header
from rxapp.components.link import internal_link
from rxapp.components.skip_link import skip_link
from rxapp.i18n import DEFAULT_LOCALE, T, shipped_locales


def not_found_title() -> str:
    return T(DEFAULT_LOCALE)._("Page not found") + " | " + T(DEFAULT_LOCALE)._("Minna Portal")


def not_found() -> rx.Component:
    default = T(DEFAULT_LOCALE)
    sections = []
    for index, locale in enumerate(shipped_locales()):
        t = T(locale)
        heading = rx.el.h1 if index == 0 else rx.el.h2
        sections.append(
            rx.el.section(
                heading(t._("Page not found")),
                rx.el.p(t._("The address may be mistyped, or the page may have moved.")),
                rx.el.p(internal_link(t._("Go to the home page"), href=f"/{locale.code}/")),
                rx.el.p(internal_link(t._("Get help"), href=f"/{locale.code}/help")),
                lang=locale.html_lang,
                dir=locale.direction,
            )
        )
    # One page serves every locale's unknown paths, so <html lang> follows the URL while the shell speaks the
    # default language: the shell declares its own language (WCAG 3.1.2).
    shell_lang = {"lang": default.locale.html_lang, "dir": default.locale.direction}
    return rx.el.div(
        rx.el.div(skip_link(default), site_header(default, ""), **shell_lang),
        rx.el.main(*sections, id="main", tab_index=-1, class_name="page"),
        rx.el.div(site_footer(default), **shell_lang),
        class_name="app",
    )
