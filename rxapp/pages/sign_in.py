"""Sign in (card + 4-digit PIN, or the smartphone alternative), and the signed-out page.

WCAG 3.3.8: the PIN field accepts paste and password managers (autocomplete="current-password"); on a real
phone the smartphone sign-in asks for a face or fingerprint instead. The demo's simulated phone has no secret of
its own, so it asks for the PIN, which the backend checks against the same counter and lock as the card. Three
wrong PINs lock the card's sign-in certificate; the page says so before it happens (tries left) and, once it
has, what to do: only the municipal office counter resets it.
"""

from __future__ import annotations

import reflex as rx
from reflex_base.vars.base import Var

from rxapp.components import _field as f
from rxapp.components.button import button, button_group
from rxapp.components.details import details
from rxapp.components.error_summary import error_summary
from rxapp.components.interpolate import fill
from rxapp.components.layout import page_shell
from rxapp.components.link import internal_link
from rxapp.components.notification_banner import notification_banner
from rxapp.components.person_name import person_name
from rxapp.components.text_input import text_input
from rxapp.components.warning_text import warning_text
from rxapp.i18n import T
from rxapp.pages.error_messages import error_messages
from rxapp.pages.registry import page
from rxapp.state.session import SessionState
from rxapp.state.sign_in import SignInState

S = SessionState


def _tries_left(t: T) -> Var:
    """The wrong-PIN message with the tries left, in the right plural form."""
    return rx.match(
        S.tries_left,
        *[
            (n, t.n_("The PIN is not correct. You have {count} more try before the card locks.",
                     "The PIN is not correct. You have {count} more tries before the card locks.", n))
            for n in (1, 2)
        ],
        t._("The PIN is not correct."),
    )  # fmt: skip


def _pin_error(t: T) -> Var:
    return rx.match(
        S.sign_in_error,
        ("pin_format", t._("Enter the 4-digit PIN, for example 0123")),
        ("pin_incorrect", _tries_left(t)),
        "",
    )


def _card_error(t: T) -> Var:
    return rx.match(S.sign_in_error, ("no_card", t._("Select the card you want to sign in with")), "")


def _too_many(t: T) -> Var:
    """How long to wait after too many tries from this device, in whole minutes (at most the 15-minute window)."""
    return rx.match(
        S.retry_after_minutes,
        *[(n, t.n_("Too many sign-in attempts were made from this device. Try again in {count} minute.",
                   "Too many sign-in attempts were made from this device. Try again in {count} minutes.", n))
          for n in range(1, 16)],
        t._("Too many sign-in attempts were made from this device. Try again later."),
    )  # fmt: skip


def _other_error(t: T) -> Var:
    """Errors that are not about one field: the service, the smartphone answer."""
    general = error_messages(t)
    return rx.match(
        S.sign_in_error,
        ("smartphone_denied", t._("The smartphone did not confirm the sign-in. Try again, or sign in with your card and PIN.")),
        ("challenge_expired", t._("The sign-in request on the smartphone ran out of time. Start again.")),
        ("not_found", t._("We do not know this card. Choose another card.")),
        ("too_many_attempts", _too_many(t)),
        ("cookies_required", t._("Signing in needs cookies. Allow cookies for this site, reload the page and try again.")),
        *[(code, general[code]) for code in ("backend_unavailable", "backend_timeout", "backend_error")],
        t._("Something went wrong. Please try again later."),
    )  # fmt: skip


def _summary(t: T) -> rx.Component:
    def pairs(pin_field: str) -> Var:
        return rx.match(
            S.sign_in_error,
            ("no_card", [["card", _card_error(t)]]),
            ("pin_format", [[pin_field, _pin_error(t)]]),
            ("pin_incorrect", [[pin_field, _pin_error(t)]]),
            ("card_locked", []),
            ("", []),
            [["card", _other_error(t)]],
        ).to(list[list[str]])

    # While the (simulated) phone asks for the PIN, a PIN error belongs to its field.
    return error_summary(t, rx.cond(SignInState.phone_step == "waiting", pairs("phone-pin"), pairs("pin")))


def _card_radio(t: T, card: Var, index: Var) -> rx.Component:
    """One demo card. The first option's id is "card", the target of the error summary's link."""
    input_id = rx.cond(index == 0, "card", "card-" + card["card_id"].to(str))
    hint_id = "hint-" + card["card_id"].to(str)
    name = rx.cond(
        card["ja"].to(str) != "",
        rx.el.span(
            rx.el.span(card["name"], lang="ja"),
            rx.cond(card["latin"].to(str) != "", rx.el.span(" (", card["latin"], ")"), rx.fragment()),
        ),
        rx.el.span(card["name"]),
    )
    return rx.el.div(
        rx.el.input(
            id=input_id,
            name="card",
            type="radio",
            value=card["card_id"],
            # Uncontrolled, so arrow keys never see the choice flicker back while the state catches up;
            # the default follows the state, so the form's reset after a wrong PIN keeps the chosen card.
            default_checked=SignInState.card_id == card["card_id"],
            on_change=SignInState.choose(card["card_id"].to(str)),
            aria_describedby=rx.cond(card["locked"].to(str) != "", hint_id, ""),
            class_name="radios__input",
        ),
        # A registered name is data, not UI text: translate="no" keeps translation tools (and the en-XA scan) off it.
        rx.el.label(rx.el.span(name, custom_attrs={"translate": "no"}), html_for=input_id,
                    class_name="label radios__label"),
        rx.cond(
            card["locked"].to(str) != "",
            rx.el.div(t._("Locked: 3 wrong PINs were entered"), id=hint_id, class_name="hint radios__hint"),
            rx.fragment(),
        ),
        class_name="radios__item",
    )


def _card_choice(t: T) -> rx.Component:
    error = _card_error(t)
    return rx.el.div(
        rx.el.fieldset(
            rx.el.legend(t._("Which card?"), class_name="fieldset__legend"),
            f.hint("card", t._("Demonstration: choose one of the fictional residents. Every PIN is 1234.")),
            f.error_message(t, "card", error),
            rx.cond(
                SignInState.cards_error != "",
                rx.el.p(t._("The list of cards could not be loaded. Reload the page to try again."),
                        class_name="error-message"),
                rx.el.div(rx.foreach(SignInState.cards, lambda c, i: _card_radio(t, c, i)), class_name="radios"),
            ),
            aria_describedby=rx.cond(error != "", "card-hint card-error", "card-hint"),
            class_name="fieldset",
        ),
        class_name=rx.cond(error != "", "form-group form-group--error", "form-group"),
    )


def _locked(t: T) -> rx.Component:
    """What to do when the card is locked: clear, calm, and with the way forward."""
    return rx.cond(
        S.sign_in_error == "card_locked",
        rx.el.div(
            rx.el.h2(t._("This card is locked for signing in"), id="locked-heading"),
            warning_text(t, t._("The PIN was entered wrongly 3 times in a row. To protect you, the card's sign-in certificate is now locked.")),
            rx.el.p(t._("Only the counter of your city, town or village office can unlock it. It cannot be done online or by phone.")),
            rx.el.p(t._("Take with you:")),
            rx.el.ul(
                rx.el.li(t._("your My Number Card")),
                rx.el.li(t._("your residence card, if you are a foreign resident")),
            ),
            rx.el.p(t._("At the counter you choose a new 4-digit PIN. It is free.")),
            id="card-locked",
            tab_index=-1,
            role="region",
            aria_labelledby="locked-heading",
            class_name="locked-panel",
            custom_attrs={"data-autofocus": "true"},
        ),
        rx.fragment(),
    )


def _reason_banner(t: T) -> rx.Component:
    text = rx.match(
        S.sign_in_reason,
        ("expired", t._("You were signed out because the time ran out. Your answers are safe. Sign in again to go back to the page you were on.")),
        ("required", t._("Sign in to see this page. After signing in you go straight to it.")),
        ("signed_out", t._("You have signed out.")),
        "",
    )  # fmt: skip
    return rx.cond(
        (S.sign_in_reason != "") & ~S.signed_in,
        notification_banner(t, rx.el.p(text), id="sign-in-reason"),
        rx.fragment(),
    )


def _pin_field(t: T, name: str, hint: str) -> rx.Component:
    """The sign-in PIN (the card form's, or the simulated phone's): pasteable, for password managers (WCAG 3.3.8)."""
    return text_input(
        t,
        label=t._("4-digit PIN for signing in"),
        name=name,
        id=name.replace("_", "-"),
        hint=hint,
        error=_pin_error(t),
        type="password",
        autocomplete="current-password",
        input_mode="numeric",
        width="5",
    )


def _card_form(t: T) -> rx.Component:
    return rx.el.form(
        _card_choice(t),
        _pin_field(t, "pin", t._("The number you chose for the sign-in certificate (利用者証明用電子証明書). You can paste it. After 3 wrong PINs in a row, the card locks.")),
        button_group(button(t._("Sign in"), id="sign-in-button", prevent_double_click=True)),
        id="card-sign-in",
        on_submit=SignInState.submit,
        reset_on_submit=True,
    )


def _phone_section(t: T) -> rx.Component:
    return rx.el.section(
        rx.el.h2(t._("Sign in with your smartphone instead"), id="phone-heading"),
        rx.el.p(t._("No PIN to type: your phone asks for your face or fingerprint. Choose your card above first.")),
        button(t._("Sign in with my smartphone"), type="button", variant="secondary", id="phone-button",
               on_click=SignInState.start_phone),
        aria_labelledby="phone-heading",
    )


def _phone_step(t: T) -> rx.Component:
    """The simulated phone: in real life this happens on the resident's own phone."""
    return rx.el.section(
        rx.el.h2(t._("Confirm on your smartphone"), id="phone-step-heading", tab_index=-1),
        rx.el.p(fill(t._("We sent a sign-in request to the smartphone registered for the card of {name}."),
                     name=rx.el.strong(person_name(SignInState.phone_card_name)))),
        rx.el.form(
            rx.el.p(t._("Simulated smartphone (demonstration)"), class_name="phone-sim__label", id="phone-sim-label"),
            rx.el.p(t._("Minna Portal wants to sign you in. Is this you?")),
            _pin_field(t, "phone_pin", t._("Demonstration: a real phone checks your face or fingerprint. Here, type the card's 4-digit PIN instead.")),
            button_group(
                button(t._("Yes, confirm with face or fingerprint"), id="phone-approve", prevent_double_click=True),
                button(t._("No, this is not me"), type="button", variant="secondary", id="phone-deny",
                       on_click=SignInState.phone_deny),
            ),
            role="group",
            aria_labelledby="phone-sim-label",
            class_name="phone-sim",
            on_submit=SignInState.phone_confirm,
            reset_on_submit=True,
        ),
        button(t._("Cancel and use the PIN instead"), type="button", variant="secondary", id="phone-cancel",
               on_click=SignInState.cancel_phone),
        aria_labelledby="phone-step-heading",
    )


def _already_signed_in(t: T) -> rx.Component:
    return rx.el.div(
        rx.el.p(fill(t._("You are signed in as {name}."), name=rx.el.strong(person_name(S.display_name)))),
        button_group(
            button(t._("Go to your page"), href=f"/{t.code}/mypage", id="to-mypage"),
            button(t._("Sign out"), type="button", variant="secondary", on_click=S.sign_out, id="sign-out-button"),
        ),
    )


@page("sign-in", title=lambda t: t._("Sign in"), on_load=[SignInState.load])
def sign_in_page(t: T) -> rx.Component:
    return page_shell(
        t,
        "sign-in",
        _summary(t),
        _reason_banner(t),
        rx.el.h1(t._("Sign in")),
        rx.cond(
            S.signed_in,
            _already_signed_in(t),
            rx.fragment(
                rx.el.p(t._("Sign in with your My Number Card and its 4-digit PIN, or with your smartphone."),
                        class_name="lead"),
                _locked(t),
                rx.cond(
                    SignInState.phone_step == "waiting",
                    _phone_step(t),
                    rx.fragment(_card_form(t), _phone_section(t)),
                ),
                details(
                    t._("I have forgotten my PIN"),
                    rx.el.p(t._("Do not guess: 3 wrong PINs lock the card. Go to the counter of your city, town or village office with your card. There you can set a new PIN.")),
                ),
                rx.el.p(internal_link(t._("Help with signing in"), href=f"/{t.code}/help")),
            ),
        ),
    )


@page("signed-out", title=lambda t: t._("You have signed out"), on_load=[S.signed_out_load])
def signed_out_page(t: T) -> rx.Component:
    timed_out = S.sign_in_reason == "expired"
    return page_shell(
        t,
        "signed-out",
        rx.el.h1(rx.cond(timed_out, t._("You were signed out"), t._("You have signed out"))),
        rx.cond(
            timed_out,
            rx.el.p(t._("We signed you out because nothing happened for a while. This protects your information. Anything you saved is kept.")),
            rx.el.p(t._("Nobody can see your information on this device now. If you use a shared computer, you can close the browser.")),
        ),
        button_group(
            rx.cond(
                timed_out & (S.return_path != ""),
                button(t._("Sign in again"), href=f"/{t.code}/sign-in?next=" + S.return_path, id="sign-in-again"),
                button(t._("Sign in again"), href=f"/{t.code}/sign-in", id="sign-in-again"),
            )
        ),
        rx.el.p(internal_link(t._("Back to the home page"), href=f"/{t.code}")),
    )
