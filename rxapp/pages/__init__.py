"""Thin pages: they compose components and read state. Importing this package registers them all."""

from rxapp.pages import gallery, home, settings, support  # noqa: F401  (registration side effects)
from rxapp.pages.registry import PAGES, PageSpec

__all__ = ["PAGES", "PageSpec"]
