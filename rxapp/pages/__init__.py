"""Thin pages: they compose components and read state. Importing this package registers them all."""

# Registration side effects: one page module per line, so parallel additions merge cleanly.
from rxapp.pages import (  # noqa: F401
    applications,
    apply,
    gallery,
    home,
    mypage,
    procedures,
    settings,
    sign_in,
    support,
)
from rxapp.pages.registry import PAGES, PageSpec

__all__ = ["PAGES", "PageSpec"]
