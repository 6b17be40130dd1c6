"""Thin pages: they compose components and read state. Importing this package registers them all."""

# Registration side effects: one page module per line, so parallel additions merge cleanly.
from rxapp.pages import (  # noqa: F401
    access_records,
    activity,
    applications,
    apply,
    disclosure,
    external_services,
    gallery,
    home,
    my_info,
    mypage,
    notices,
    procedures,
    proxies,
    settings,
    sign_in,
    statistics,
    support,
)
from rxapp.pages.registry import PAGES, PageSpec

__all__ = ["PAGES", "PageSpec"]
