"""Every page of the portal, registered once and built for every shipped locale."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import reflex as rx

from rxapp.i18n import T


@dataclass(frozen=True)
class PageSpec:
    """A page: its path without the locale prefix, its title, and its content builder."""

    slug: str  # "" for the home page, "help", "notices/detail"…
    title: Callable[[T], str]
    build: Callable[[T], rx.Component]
    on_load: list[Callable[..., object]] = field(default_factory=list)
    signed_in: bool = False  # the accessibility suite signs in before visiting


PAGES: list[PageSpec] = []


def page(slug: str, title: Callable[[T], str], **kwargs: object) -> Callable[[Callable[[T], rx.Component]], Callable[[T], rx.Component]]:
    """Decorator registering a page builder."""

    def register(build: Callable[[T], rx.Component]) -> Callable[[T], rx.Component]:
        PAGES.append(PageSpec(slug=slug, title=title, build=build, **kwargs))  # type: ignore[arg-type]
        return build

    return register
