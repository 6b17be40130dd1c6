"""Words for the application pages that carry data: field errors, rule findings, answers shown back,
where a pre-filled answer came from, and what the application leads to (amount, deduction).

States call these at run time with a `T` for the page's locale; every word is a catalog msgid.
"""

from __future__ import annotations

from collections.abc import Mapping

from rxapp.i18n import T
from rxapp.i18n.formatting import format_date, format_number, format_yen
from rxapp.procedures.flows import Flow, Question
from rxapp.rules.child_allowance import monthly_amount
from rxapp.rules.deficiency import AnswerValue, Facts, Finding, as_date, as_int
from rxapp.rules.fields import Kind, length_limit
from rxapp.rules.tables import parameters
from rxapp.rules.tax_return import medical_deduction, threshold, total_paid


def _date(t: T, iso: object) -> str:
    day = as_date(str(iso)) if iso else None
    return format_date(day, t) if day else str(iso or "")


def _yen(t: T, amount: object) -> str:
    return format_yen(int(amount), t)  # type: ignore[call-overload]


def field_error(t: T, q: Question, code: str, parts: tuple[str, ...] = ()) -> str:
    """The message next to a field (and in the error summary) for a validation code."""
    label = q.short(t)
    spec = q.spec
    choose = spec.kind in (Kind.yesno, Kind.choice, Kind.select, Kind.documents)
    if code == "required":
        return t._("Select an answer: {field}", field=label) if choose else t._("Enter {field}", field=label)
    if code == "not_katakana":
        return t._("Write {field} in katakana, like サトウ　ハナコ", field=label)
    if code == "not_number":
        return t._("Enter {field} as a number, like 3", field=label)
    if code in ("too_small", "too_large"):
        return t._("{field} must be between {min} and {max}", field=label,
                   min=format_number(spec.min_value or 0, t), max=format_number(spec.max_value or 0, t))  # fmt: skip
    if code == "digits":
        return t._("{field} must be {count} numbers", field=label, count=spec.digits or 0)
    if code == "pattern":
        return t._("Enter a postcode with 7 numbers, like 100-0001")
    if code == "too_long":
        return t._("{field} must be {count} characters or fewer", field=label, count=length_limit(spec))
    if code == "date_incomplete":
        names = {"year": t._("a year"), "month": t._("a month"), "day": t._("a day")}
        return t._("{field} must include {part}", field=label, part=names.get(parts[0] if parts else "day", ""))
    if code == "invalid_date":
        return t._("{field} must be a real date", field=label)
    return t._("Check {field}", field=label)


def finding_message(t: T, f: Finding, flow: Flow) -> str:
    """A finding in plain words: what is wrong and what to do."""
    p = f.params
    c = f.code
    if c == "child_birth_in_future":
        return t._("The date of birth {date} is in the future. Check the date.", date=_date(t, p["birth_date"]))
    if c == "child_too_old":
        return t._("Child allowance is paid until the end of March after the child turns {age}. For this child it ended on {date}. Check the date of birth.",
                   age=p["age"], date=_date(t, p["until"]))
    if c == "late_application":
        return t._("It is more than {days} days since the birth (the deadline was {date}). You can still apply, but payment starts only from the month after you apply.",
                   days=p["days"], date=_date(t, p["deadline"]))
    if c == "child_not_on_record":
        return t._("We cannot find a child with this name and date of birth in your household on the resident record. Check the name and the date.")
    if c == "children_fewer_than_record":
        return t._("You said you bring up {given} children, but your resident record shows {record}. Older children count too. Check the number.",
                   given=p["given"], record=p["on_record"])
    if c == "payee_not_higher_earner":
        return t._("Usually the parent who earns more receives child allowance. The city may ask the other parent to apply instead.")
    if c == "no_public_fund_account":
        return t._("You have not registered an account for public payments. Choose no and give a bank account, or register the account first.")
    if c == "holder_mismatch":
        return t._("The account must be in your own name ({name}), not in the name of someone else ({holder}). Check the account holder.",
                   name=p["name"], holder=p["holder"])
    if c == "move_date_too_early":
        return t._("You can send the moving-out notice online from {days} days before the move, that is from {date}. Come back then: your answers are saved.",
                   days=p["days"], date=_date(t, p["from"]))
    if c == "move_date_too_late":
        return t._("More than {days} days have passed since the move (the online deadline was {date}). Please go to the city office, or send the notice by post.",
                   days=p["days"], date=_date(t, p["until"]))
    if c == "applicant_too_young":
        return t._("You must be {age} or older to send this notice online. A parent or guardian can send it for you at the city office.", age=p["age"])
    if c == "card_expires_before_move":
        return t._("Your My Number Card ends on {date}, before the move. You need a valid card for the moving-in notice at your new city. Renew it first.",
                   date=_date(t, p["expires"]))
    if c == "members_more_than_household":
        return t._("You said {given} people move, but your household on the resident record has {household}. Check the number.",
                   given=p["given"], household=p["household"])
    if c == "care_not_insured":
        return t._("Care insurance starts at age {age}. The person cannot get a care certification yet. Ask the city office about other help.", age=p["age"])
    if c == "care_specified_disease_needed":
        return t._("People aged {min} to {max} can get care only for one of the 16 illnesses named by law. Talk to the doctor or the city office before you apply.",
                   min=p["min"], max=p["max"])
    if c == "care_insured_number_differs":
        return t._("This number is different from the one in the care insurance record ({number}). Check the card.", number=p["on_record"])
    if c == "care_relation_proxy":
        if p.get("proxy") == "yes":
            return t._("You are acting for someone else as their proxy. Choose \"A family member (proxy)\" or \"A care-support provider\".")
        return t._("You are applying for yourself. Choose \"The person who needs care\", or sign in as a proxy.")
    if c == "document_missing":
        names = {
            "care_insurance_card": t._("the care insurance card"),
            "student_proof": t._("a copy of your student card or a certificate of enrolment"),
            "separation_notice": t._("the separation notice from your employer"),
        }
        return t._("You need {document}. Get it first, then come back: your answers are saved.",
                   document=names.get(str(p.get("document")), ""))
    if c == "not_a_student":
        if p.get("reason") == "school":
            return t._("The deferral is for universities, colleges, vocational schools and similar schools. Check that your school is one of them.")
        return t._("Your residence status is not Student. You can still apply if you study at a university, college or vocational school. Check your answers.")
    if c == "enrolment_in_future":
        return t._("You start at the school on {date}. You can apply after you start.", date=_date(t, p["since"]))
    if c == "income_over_limit":
        return t._("Your income ({income}) is above the limit of {limit}. The deferral will probably not be given. Check that you entered income after deductions, not pay.",
                   income=_yen(t, p["income"]), limit=_yen(t, p["limit"]))
    if c == "income_over_full_exemption":
        if p.get("partial") == "yes":
            return t._("Your household income ({income}) is above the limit for full exemption ({limit}). You may still get a partial exemption.",
                       income=_yen(t, p["income"]), limit=_yen(t, p["limit"]))
        return t._("Your household income ({income}) is above the limits for exemption (up to {limit}). The exemption will probably not be given. Check the amount.",
                   income=_yen(t, p["income"]), limit=_yen(t, p["partial_limit"]))
    if c == "residence_ends_before_period":
        return t._("Your period of stay ends on {date}, before the end of the period you apply for ({end}). Renew your residence status in time, and tell the pension office.",
                   date=_date(t, p["expires"]), end=_date(t, p["period_end"]))
    if c == "replaces_existing_account":
        return t._("You already have a registered account. The new account will replace it for all public payments.")
    if c == "no_medical_deduction":
        return t._("Your medical costs ({paid}) are not above {threshold}, so there is no deduction. You can still send the data.",
                   paid=_yen(t, p["paid"]), threshold=_yen(t, p["threshold"]))
    if c == "reimbursed_more_than_paid":
        return t._("The amount paid back ({reimbursed}) is more than the costs ({paid}). Check the amounts.",
                   reimbursed=_yen(t, p["reimbursed"]), paid=_yen(t, p["paid"]))
    return t._("Check this answer.")


def display(t: T, q: Question, value: AnswerValue) -> str:
    """An answer shown back on the check-your-answers page."""
    if value is None or value == "":
        return t._("Not given")
    kind = q.spec.kind
    if kind is Kind.date:
        return _date(t, value)
    if kind is Kind.yen:
        return format_yen(int(value), t) if isinstance(value, int) else str(value)
    if kind is Kind.number:
        return format_number(int(value), t) if isinstance(value, int) else str(value)
    if kind is Kind.yesno:
        return t._("Yes") if value is True else t._("No")
    if kind in (Kind.choice, Kind.select):
        return next((c.label(t) for c in q.choices if c.value == value), str(value))
    if kind is Kind.documents:
        chosen = [c.label(t) for c in q.choices if c.value in str(value).split(",")]
        return "; ".join(chosen) if chosen else t._("None")
    return str(value)


AGENCY_MARK = "\x00"


def source_note_parts(t: T, source: str, agency: str) -> list[str]:
    """`source_note` as [words before the agency, the agency, words after it]: the agency's name is Japanese
    whatever the page's language, so the page marks it `lang="ja"` (WCAG 3.1.2)."""
    if not agency:
        return [source_note(t, source, agency), "", ""]
    before, _, after = source_note(t, source, AGENCY_MARK).partition(AGENCY_MARK)
    return [before, agency, after]


def source_note(t: T, source: str, agency: str) -> str:
    """Where a pre-filled answer came from (WCAG 3.3.7)."""
    where = {
        "resident_record": t._("your resident record"),
        "care_insurance": t._("your care insurance record"),
        "tax_income": t._("your tax record"),
        "medical_costs": t._("your medical-cost records"),
        "public_fund_account": t._("your registered account for public payments"),
        "session": t._("how you signed in"),
    }.get(source, source)
    if agency:
        return t._("We filled this in from {source} ({agency}). Change it if it is wrong.", source=where, agency=agency)
    return t._("We filled this in from {source}. Change it if it is wrong.", source=where)


def outcomes(t: T, procedure_id: str, answers: Mapping[str, AnswerValue], facts: Facts) -> list[str]:
    """What the answers lead to, from the rules' tables: shown on the check-your-answers page."""
    if procedure_id == "child_allowance":
        birth, rank = as_date(answers.get("child_birth_date")), as_int(answers.get("children_supported"))
        if birth is None or rank is None:
            return []
        params = parameters(procedure_id, facts.today)
        amount = monthly_amount(birth, rank, max(facts.today, birth), params)
        if not amount:
            return []
        return [t._("Child allowance for this child: about {amount} a month, paid every two months.", amount=format_yen(amount, t))]
    if procedure_id == "tax_return_medical":
        paid, income = total_paid(answers), as_int(answers.get("income"))
        if paid is None or income is None:
            return []
        params = parameters(procedure_id, facts.today)
        deduction = medical_deduction(paid, as_int(answers.get("reimbursed")) or 0, income, params)
        return [t._("Medical-cost deduction: {amount} (costs above {threshold}).",
                    amount=format_yen(deduction, t), threshold=format_yen(threshold(income, params), t))]  # fmt: skip
    return []

