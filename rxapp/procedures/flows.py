"""Application flows: the questions of each procedure, grouped into pages.

In simplified mode every question is its own page (label or legend as the h1); otherwise a group of related
questions shares a page under the group's title. A group may depend on earlier answers or on the resident's
facts (`when`): the bank-account questions only when the allowance is not paid into the public-fund account,
the specified-disease question only for people aged 40 to 64.

Step ids: "g-<group>" for a group page, "q-<field>" for a question page, "check", "done".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from rxapp.i18n import T
from rxapp.rules.care_certification import CARE_DOCUMENT, insured_category
from rxapp.rules.deficiency import AnswerValue, Facts
from rxapp.rules.fields import FieldSpec, Kind
from rxapp.rules.pension import STUDENT_DOCUMENT, UNEMPLOYMENT_DOCUMENT
from rxapp.rules.tables import parameters

Msg = Callable[[T], str]
When = Callable[[Mapping[str, AnswerValue], Facts], bool]


@dataclass(frozen=True)
class Choice:
    value: str
    label: Msg
    hint: Msg | None = None


@dataclass(frozen=True)
class Question:
    """One question: the field it fills, the question as asked, and its short name for check-your-answers."""

    spec: FieldSpec
    label: Msg
    short: Msg
    hint: Msg | None = None
    choices: tuple[Choice, ...] = ()
    width: str = "full"  # text-input width class: full, 20, 10, 5, 4, 2
    autocomplete: str | None = None
    input_mode: str | None = None
    long_text: bool = False  # a textarea

    @property
    def name(self) -> str:
        return self.spec.name


@dataclass(frozen=True)
class Group:
    slug: str
    title: Msg
    questions: tuple[Question, ...]
    when: When | None = None


@dataclass(frozen=True)
class Flow:
    procedure_id: str
    groups: tuple[Group, ...]
    backend: bool = True  # drafts and submission through the backend's applications API

    @property
    def questions(self) -> list[Question]:
        return [q for g in self.groups for q in g.questions]

    def question(self, name: str) -> Question:
        return next(q for q in self.questions if q.name == name)

    def group_of(self, name: str) -> Group:
        return next(g for g in self.groups if any(q.name == name for q in g.questions))

    def visible_groups(self, answers: Mapping[str, AnswerValue], facts: Facts) -> list[Group]:
        return [g for g in self.groups if g.when is None or g.when(answers, facts)]

    def steps(self, answers: Mapping[str, AnswerValue], facts: Facts, *, simple: bool) -> list[str]:
        """The step ids in order for these answers and this mode, ending with the check page."""
        groups = self.visible_groups(answers, facts)
        if simple:
            return [f"q-{q.name}" for g in groups for q in g.questions] + ["check"]
        return [f"g-{g.slug}" for g in groups] + ["check"]

    def all_steps(self) -> list[str]:
        """Every step a page must be able to show (both modes, every conditional group)."""
        return [f"g-{g.slug}" for g in self.groups] + [f"q-{q.name}" for q in self.questions] + ["check", "done"]

    def fields_of(self, step: str) -> list[Question]:
        if step.startswith("g-"):
            return list(next(g for g in self.groups if g.slug == step[2:]).questions)
        if step.startswith("q-"):
            return [self.question(step[2:])]
        return []


def _yes_no() -> tuple[Choice, ...]:
    return (Choice("yes", lambda t: t._("Yes")), Choice("no", lambda t: t._("No")))


# ---------------------------------------------------------------------------------------------- shared questions

ACCOUNT_TYPES = (
    Choice("ordinary", lambda t: t._("Ordinary account (futsuu)")),
    Choice("current", lambda t: t._("Current account (touza)")),
    Choice("savings", lambda t: t._("Savings account (chochiku)")),
)


def _bank_questions() -> tuple[Question, ...]:
    return (
        Question(FieldSpec("bank_code", Kind.digits, digits=4), lambda t: t._("What is the bank code?"),
                 lambda t: t._("Bank code"), lambda t: t._("4 numbers, for example 0005. It is in your bank book or on the bank's website."),
                 width="4", input_mode="numeric"),
        Question(FieldSpec("branch_code", Kind.digits, digits=3), lambda t: t._("What is the branch code?"),
                 lambda t: t._("Branch code"), lambda t: t._("3 numbers, for example 251."), width="4", input_mode="numeric"),
        Question(FieldSpec("account_type", Kind.choice, choices=tuple(c.value for c in ACCOUNT_TYPES)),
                 lambda t: t._("What type of account is it?"), lambda t: t._("Type of account"), choices=ACCOUNT_TYPES),
        Question(FieldSpec("account_number", Kind.digits, digits=7), lambda t: t._("What is the account number?"),
                 lambda t: t._("Account number"), lambda t: t._("7 numbers, for example 1234567."), width="10",
                 input_mode="numeric"),
        Question(FieldSpec("holder_kana", Kind.katakana, max_length=60),
                 lambda t: t._("What is the account holder's name in katakana?"), lambda t: t._("Account holder (katakana)"),
                 lambda t: t._("As the bank writes it, with a space between family name and given name. You can type hiragana: we change it to katakana."),
                 autocomplete="off"),
    )


def _documents(code: str, label: Msg) -> Question:
    return Question(
        FieldSpec("documents", Kind.documents, required=False, choices=(code,)),
        lambda t: t._("Which of these documents do you have ready to send?"),
        lambda t: t._("Documents"),
        lambda t: t._("You send a photo or a copy after you apply. The office tells you how."),
        choices=(Choice(code, label),),
    )


def _period_choices(start_month: int) -> tuple[Choice, ...]:
    if start_month == 4:
        return (Choice("current", lambda t: t._("This school year (April to March)")),
                Choice("previous", lambda t: t._("Last school year (April to March)")))  # fmt: skip
    return (Choice("current", lambda t: t._("This year's period (July to June)")),
            Choice("previous", lambda t: t._("Last year's period (July to June)")))  # fmt: skip


def _uses_own_account(answers: Mapping[str, AnswerValue], facts: Facts) -> bool:
    return answers.get("use_public_fund_account") is False


def _second_insured(answers: Mapping[str, AnswerValue], facts: Facts) -> bool:
    return insured_category(facts, parameters("care_certification", facts.today)) == "second"


def _unemployed(answers: Mapping[str, AnswerValue], facts: Facts) -> bool:
    return answers.get("reason") == "unemployment"


# ---------------------------------------------------------------------------------------------- the flows

CHILD_ALLOWANCE = Flow("child_allowance", (
    Group("child", lambda t: t._("About the child"), (
        Question(FieldSpec("child_name_kana", Kind.katakana, max_length=60),
                 lambda t: t._("What is the child's name in katakana?"), lambda t: t._("Child's name (katakana)"),
                 lambda t: t._("As on the resident record, with a space between family name and given name. You can type hiragana."),
                 autocomplete="off"),
        Question(FieldSpec("child_birth_date", Kind.date), lambda t: t._("What is the child's date of birth?"),
                 lambda t: t._("Child's date of birth")),
    )),
    Group("family", lambda t: t._("Your family"), (
        Question(FieldSpec("children_supported", Kind.number, min_value=1, max_value=20),
                 lambda t: t._("How many children do you bring up, including this child?"),
                 lambda t: t._("Children you bring up"),
                 lambda t: t._("Count children until the end of March after they turn 22. Older children count too: from the third child the allowance is higher."),
                 width="2", input_mode="numeric"),
        Question(FieldSpec("payee_is_higher_earner", Kind.yesno), lambda t: t._("Do you earn more than the child's other parent?"),
                 lambda t: t._("You earn more than the other parent"),
                 lambda t: t._("The parent who earns more usually receives the allowance. If you bring up the child alone, choose yes."),
                 choices=_yes_no()),
    )),
    Group("payment", lambda t: t._("Payment"), (
        Question(FieldSpec("use_public_fund_account", Kind.yesno),
                 lambda t: t._("Should we pay it into your registered account for public payments?"),
                 lambda t: t._("Paid into your account for public payments"),
                 lambda t: t._("This is the bank account you registered for benefits and tax refunds."),
                 choices=_yes_no()),
    )),
    Group("bank", lambda t: t._("Your bank account"), _bank_questions(), when=_uses_own_account),
))

MOVING_OUT = Flow("moving_out", (
    Group("move", lambda t: t._("Your move"), (
        Question(FieldSpec("move_date", Kind.date), lambda t: t._("When do you move, or when did you move?"),
                 lambda t: t._("Date of the move"),
                 lambda t: t._("You can apply online from 30 days before the move until 10 days after it.")),
    )),
    Group("address", lambda t: t._("Your new address"), (
        Question(FieldSpec("new_postal_code", Kind.postal_code), lambda t: t._("What is the postcode of your new address?"),
                 lambda t: t._("New postcode"), lambda t: t._("7 numbers, for example 100-0001."), width="10",
                 autocomplete="postal-code", input_mode="numeric"),
        Question(FieldSpec("new_address", Kind.text, max_length=200), lambda t: t._("What is your new address?"),
                 lambda t: t._("New address"), lambda t: t._("Prefecture, city, street and building, as on your contract."),
                 autocomplete="street-address"),
    )),
    Group("people", lambda t: t._("Who moves"), (
        Question(FieldSpec("members_moving", Kind.number, min_value=1, max_value=20),
                 lambda t: t._("How many people move, including you?"), lambda t: t._("People who move"),
                 lambda t: t._("Only people in your household on the resident record."), width="2", input_mode="numeric"),
    )),
))

RELATIONS = (
    Choice("self", lambda t: t._("The person who needs care")),
    Choice("family", lambda t: t._("A family member (proxy)")),
    Choice("provider", lambda t: t._("A care-support provider")),
)

CARE_CERTIFICATION = Flow("care_certification", (
    Group("applicant", lambda t: t._("Who applies"), (
        Question(FieldSpec("applicant_relation", Kind.choice, choices=tuple(c.value for c in RELATIONS)),
                 lambda t: t._("Who is making this application?"), lambda t: t._("Applicant"), choices=RELATIONS),
        Question(FieldSpec("insured_number", Kind.digits, digits=10), lambda t: t._("What is the care insurance number?"),
                 lambda t: t._("Care insurance number"), lambda t: t._("10 numbers. It is on the care insurance card."),
                 width="10", input_mode="numeric"),
    )),
    Group("condition", lambda t: t._("Illness"), (
        Question(FieldSpec("specified_disease", Kind.yesno),
                 lambda t: t._("Is the care needed because of one of the 16 illnesses named by law?"),
                 lambda t: t._("One of the 16 named illnesses"),
                 lambda t: t._("For example cancer at a late stage, rheumatoid arthritis, ALS, early dementia, Parkinson's disease or a stroke."),
                 choices=_yes_no()),
    ), when=_second_insured),
    Group("doctor", lambda t: t._("Doctor"), (
        Question(FieldSpec("doctor_name", Kind.text, max_length=60), lambda t: t._("What is the name of the doctor?"),
                 lambda t: t._("Doctor"), lambda t: t._("The doctor who knows the person's health best. The city asks them for a report.")),
        Question(FieldSpec("clinic_name", Kind.text, max_length=100), lambda t: t._("What is the name of the clinic or hospital?"),
                 lambda t: t._("Clinic or hospital")),
        Question(FieldSpec("visit_notes", Kind.text, required=False, max_length=500),
                 lambda t: t._("Is there anything we should know for the home visit?"), lambda t: t._("For the home visit"),
                 lambda t: t._("For example good days and times, or if someone should be there."), long_text=True),
    )),
    Group("documents", lambda t: t._("Documents"), (
        _documents(CARE_DOCUMENT, lambda t: t._("The care insurance card (people aged 40 to 64: the health insurance card)")),
    )),
))

SCHOOL_TYPES = (
    Choice("university", lambda t: t._("University or graduate school")),
    Choice("junior_college", lambda t: t._("Junior college")),
    Choice("vocational", lambda t: t._("Vocational or other specialised school")),
    Choice("other", lambda t: t._("Other")),
)


def _income(name: str, label: Msg, short: Msg, hint: Msg) -> Question:
    return Question(FieldSpec(name, Kind.yen, min_value=0, max_value=100_000_000), label, short, hint,
                    width="10", input_mode="numeric")


def _dependants() -> Question:
    return Question(FieldSpec("dependants", Kind.number, min_value=0, max_value=20),
                    lambda t: t._("How many people do you support?"), lambda t: t._("People you support"),
                    lambda t: t._("Family members who live on your income. Enter 0 if none."), width="2", input_mode="numeric")


PENSION_STUDENT_DEFERRAL = Flow("pension_student_deferral", (
    Group("school", lambda t: t._("Your school"), (
        Question(FieldSpec("school_name", Kind.text, max_length=100), lambda t: t._("What is the name of your school?"),
                 lambda t: t._("School")),
        Question(FieldSpec("school_type", Kind.choice, choices=tuple(c.value for c in SCHOOL_TYPES)),
                 lambda t: t._("What kind of school is it?"), lambda t: t._("Kind of school"), choices=SCHOOL_TYPES),
        Question(FieldSpec("enrolled_since", Kind.date), lambda t: t._("When did you start at this school?"),
                 lambda t: t._("Start date")),
    )),
    Group("income", lambda t: t._("Your income"), (
        _income("previous_year_income", lambda t: t._("What was your income last year?"), lambda t: t._("Income last year"),
                lambda t: t._("Income after the deduction for employment income, in yen. Enter 0 if you had none.")),
        _dependants(),
    )),
    Group("period", lambda t: t._("Period"), (
        Question(FieldSpec("period", Kind.choice, choices=("current", "previous")),
                 lambda t: t._("For which school year do you apply?"), lambda t: t._("School year"),
                 choices=_period_choices(4)),
    )),
    Group("documents", lambda t: t._("Documents"), (
        _documents(STUDENT_DOCUMENT, lambda t: t._("A copy of my student card, or a certificate of enrolment")),
    )),
))

REASONS = (
    Choice("low_income", lambda t: t._("My income is low")),
    Choice("unemployment", lambda t: t._("I lost my job")),
    Choice("disaster", lambda t: t._("A disaster damaged my home or property")),
)

PENSION_EXEMPTION = Flow("pension_exemption", (
    Group("income", lambda t: t._("Income"), (
        _income("household_income", lambda t: t._("What was your household's income last year?"),
                lambda t: t._("Household income last year"),
                lambda t: t._("Income after deductions of everyone in your household, in yen.")),
        _dependants(),
    )),
    Group("reason", lambda t: t._("Reason"), (
        Question(FieldSpec("reason", Kind.choice, choices=tuple(c.value for c in REASONS)),
                 lambda t: t._("Why do you apply?"), lambda t: t._("Reason"), choices=REASONS),
        Question(FieldSpec("period", Kind.choice, choices=("current", "previous")),
                 lambda t: t._("For which period do you apply?"), lambda t: t._("Period"), choices=_period_choices(7)),
    )),
    Group("documents", lambda t: t._("Documents"), (
        _documents(UNEMPLOYMENT_DOCUMENT, lambda t: t._("The separation notice from my employer")),
    ), when=_unemployed),
))

PUBLIC_FUND_ACCOUNT = Flow("public_fund_account", (
    Group("bank", lambda t: t._("Bank"), _bank_questions()[:3]),
    Group("account", lambda t: t._("Account"), _bank_questions()[3:]),
), backend=False)

TAX_RETURN_MEDICAL = Flow("tax_return_medical", (
    Group("costs", lambda t: t._("Medical costs"), (
        _income("medical_paid", lambda t: t._("How much did you pay for medical care this year?"),
                lambda t: t._("Medical costs in your records"),
                lambda t: t._("What you paid at hospitals, clinics and pharmacies, in yen.")),
        Question(FieldSpec("other_medical_paid", Kind.yen, required=False, min_value=0, max_value=100_000_000),
                 lambda t: t._("Did you pay other medical costs that are not in the records?"),
                 lambda t: t._("Other medical costs"),
                 lambda t: t._("For example costs from October to December, or medicines you bought. Keep the receipts."),
                 width="10", input_mode="numeric"),
        Question(FieldSpec("reimbursed", Kind.yen, required=False, min_value=0, max_value=100_000_000),
                 lambda t: t._("How much was paid back to you?"), lambda t: t._("Paid back"),
                 lambda t: t._("For example by private insurance, or a childbirth lump-sum. Enter 0 if nothing."),
                 width="10", input_mode="numeric"),
    )),
    Group("income", lambda t: t._("Income"), (
        _income("income", lambda t: t._("What was your total income this year?"), lambda t: t._("Total income"),
                lambda t: t._("Income after deductions, in yen. Enter 0 if you had none.")),
    )),
), backend=False)

FLOWS: dict[str, Flow] = {f.procedure_id: f for f in (
    CHILD_ALLOWANCE, MOVING_OUT, CARE_CERTIFICATION, PENSION_STUDENT_DEFERRAL, PENSION_EXEMPTION,
    PUBLIC_FUND_ACCOUNT, TAX_RETURN_MEDICAL,
)}  # fmt: skip
