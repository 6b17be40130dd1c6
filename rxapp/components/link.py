"""Internal link: client-side navigation (no full reload), rendered as a plain <a href>."""

from __future__ import annotations

import reflex as rx
from reflex_components_core.react_router.dom import ReactRouterLink


def internal_link(*children: rx.Component | str, href: str, **props: object) -> rx.Component:
    """A link to a page of the portal. Works without JavaScript too: it is a real <a href>."""
    return ReactRouterLink.create(*children, href=href, **props)
