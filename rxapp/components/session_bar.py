"""Session bar: who is signed in, whom a proxy acts for, sign out, and the timeout warning.

Shown under the header on every page while someone is signed in (it reads SessionState):
- the proxy banner: "You are acting for 佐藤 ハル" on every page while a proxy acts for someone (a labelled
  region, so screen-reader users can find it; text, not colour, carries the message), with the way back;
- "Signed in as …" with links to the resident's page and a sign-out button (a real <button>);
- the timeout warning (comp's dialog), keyed to the server's real expiry, with a longer warning and quiet
  extension while active in simplified mode (WCAG 2.2.1).
Nothing renders for visitors who are not signed in.
"""

from __future__ import annotations

import reflex as rx

from rxapp.components.interpolate import fill
from rxapp.components.link import internal_link
from rxapp.components.person_name import person_name
from rxapp.components.timeout_warning import timeout_warning
from rxapp.i18n import T
from rxapp.state.session import WARN_BEFORE_S, WARN_BEFORE_SIMPLE_S, SessionState

S = SessionState


def proxy_banner(t: T) -> rx.Component:
    """The banner a proxy sees on every page while acting for someone."""
    return rx.cond(
        S.acting_for_name != "",
        rx.el.div(
            rx.el.div(
                rx.el.p(
                    rx.el.strong(fill(t._("You are acting for {name}"), name=person_name(S.acting_for_name)),
                                 id="proxy-banner-title"),
                ),
                rx.el.p(
                    fill(t._("You are signed in as {name}."), name=person_name(S.display_name)), " ",
                    t._("Everything you see and do here is for this person, and it is recorded in their history."),
                ),
                rx.el.button(
                    t._("Return to your own account"),
                    type="button",
                    on_click=S.stop_acting,
                    id="stop-acting",
                    class_name="button button--secondary",
                ),
                class_name="proxy-banner__inner",
            ),
            id="proxy-banner",
            role="region",
            aria_labelledby="proxy-banner-title",
            class_name="proxy-banner",
        ),
        rx.fragment(),
    )


def session_bar(t: T) -> rx.Component:
    """The bar under the header for signed-in residents (nothing for visitors)."""
    return rx.cond(
        S.signed_in,
        rx.fragment(
            rx.el.nav(
                rx.el.div(
                    rx.el.p(fill(t._("Signed in as {name}"), name=rx.el.strong(person_name(S.display_name))),
                            class_name="session-bar__who"),
                    rx.el.ul(
                        rx.el.li(internal_link(t._("Your page"), href=f"/{t.code}/mypage", id="nav-mypage")),
                        rx.el.li(rx.el.button(t._("Sign out"), type="button", on_click=S.sign_out,
                                              id="session-sign-out", class_name="session-bar__sign-out")),
                        class_name="session-bar__links",
                    ),
                    class_name="session-bar__inner",
                ),
                aria_label=t._("Your account"),
                class_name="session-bar",
            ),
            proxy_banner(t),
            timeout_warning(
                t,
                sign_out_href=f"/{t.code}/signed-out?reason=timeout",
                on_extend=S.extend,
                expires_at_ms=S.expires_at_ms,
                warn_seconds=WARN_BEFORE_S,
                warn_seconds_simple=WARN_BEFORE_SIMPLE_S,
            ),
        ),
        rx.fragment(),
    )
