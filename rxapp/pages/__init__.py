"""Thin pages: they compose components and read state. Importing this package registers them all."""

from rxapp.pages import (  # noqa: F401  (registration side effects)
    applications,
    apply,
    gallery,
    home,
    procedures,
    settings,
    support,
)
from rxapp.pages.registry import PAGES, PageSpec

__all__ = ["PAGES", "PageSpec"]
