"""The contract between the demo backend and the adapter: pydantic v2 models shared by both.

Machine codes (enum values, error codes) are ASCII and stable; the front end translates them.
Text that an agency sends (titles, bodies, labels) is kept in Japanese, as the agency sends it.
"""

from __future__ import annotations

import datetime as dt
import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import PydanticCustomError

# --------------------------------------------------------------------------------------------- common


class Model(BaseModel):
    """Base for every contract model: unknown fields are rejected so typos surface as 422."""

    model_config = ConfigDict(extra="forbid")


class ErrorBody(Model):
    """The one error shape every non-2xx response has."""

    code: str = Field(description="Machine code, e.g. not_found, pin_incorrect; never prose.")
    message: str = Field(default="", description="Developer-facing explanation (English).")
    field_errors: dict[str, str] = Field(default_factory=dict, description="Form field name → machine code.")
    tries_left: int | None = Field(default=None, description="Only with pin_incorrect.")
    retry_after_s: int | None = Field(default=None, description="Only with too_many_attempts (also Retry-After).")


class Health(Model):
    """Liveness answer."""

    status: Literal["ok"] = "ok"
    version: str


# --------------------------------------------------------------------------------------------- sign-in


PinStr = Annotated[str, Field(pattern=r"^[0-9]{4}$", description="4-digit 利用者証明用 PIN")]
IdStr = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]


class DemoCard(Model):
    """A simulated マイナンバーカード offered on the sign-in page."""

    card_id: str
    resident_id: str
    display_name: str = Field(description="Name as printed on the card")
    display_name_latin: str | None = None
    locked: bool = False


class SignInRequest(Model):
    """Card sign-in: card id and the 4-digit PIN."""

    card_id: IdStr
    pin: PinStr


class ProxyScope(StrEnum):
    """What a 代理人 may do for the person."""

    view_info = "view_info"
    notices = "notices"
    applications = "applications"
    settings = "settings"


class ActingFor(Model):
    """Present on a session when a proxy acts for someone."""

    proxy_resident_id: str
    proxy_name: str
    principal_resident_id: str
    principal_name: str
    scope: list[ProxyScope]


class SignInMethod(StrEnum):
    """How the session was opened."""

    card = "card"
    smartphone = "smartphone"


class Session(Model):
    """An open session. `resident_id` is who signed in; `subject_resident_id` whose data is served."""

    token: str = Field(description="Opaque bearer token")
    resident_id: str
    display_name: str
    subject_resident_id: str
    acting_for: ActingFor | None = None
    method: SignInMethod
    expires_at: datetime


class SmartphoneStartRequest(Model):
    """Start a smartphone (スマホ用電子証明書) sign-in for a card holder."""

    card_id: IdStr


class ChallengeStatus(StrEnum):
    """State of a smartphone challenge."""

    pending = "pending"
    approved = "approved"
    denied = "denied"


class SmartphoneChallenge(Model):
    """A challenge the phone must approve (simulated biometric approval)."""

    challenge_id: str
    card_id: str
    status: ChallengeStatus
    expires_at: datetime


class SmartphoneCompleteRequest(Model):
    """The phone's answer. Approving needs the resident's secret: on a real phone the biometric check unlocks
    the smartphone certificate; the demo's simulated phone asks for the sign-in PIN, which the backend checks."""

    approved: bool = True
    pin: PinStr | None = None


# --------------------------------------------------------------------------------------------- profile


class PersonName(Model):
    """A name as registered: kanji (if any), katakana reading, latin (for foreign residents)."""

    kanji: str | None = None
    kana: str = Field(description="Full-width katakana")
    latin: str | None = None


class Address(Model):
    """Registered address (住民票の住所)."""

    postal_code: str = Field(pattern=r"^[0-9]{3}-[0-9]{4}$")
    prefecture_code: str = Field(pattern=r"^[0-9]{2}$", description="JIS X 0401")
    prefecture: str
    municipality: str
    street: str
    building: str | None = None


class Relation(StrEnum):
    """Relation to the household head (続柄), as a code."""

    head = "head"
    spouse = "spouse"
    child = "child"
    parent = "parent"
    other = "other"


class HouseholdMember(Model):
    """One member of the resident's household (世帯員)."""

    resident_id: str | None = None
    name: PersonName
    relation: Relation
    relation_ja: str = Field(description="続柄 as on the 住民票, e.g. 世帯主, 妻, 子")
    birth_date: date


class ResidenceStatus(Model):
    """在留資格 of a foreign resident."""

    code: str = Field(description="Stable code, e.g. technical_intern_training_1")
    name_ja: str = Field(description="e.g. 技能実習（第1号ロ）")
    expires_on: date | None = Field(description="在留期間の満了日; None for 永住者 or pending")


class ResidentProfile(Model):
    """The resident's basic record (基本4情報 and more)."""

    resident_id: str
    name: PersonName
    birth_date: date
    address: Address
    household: list[HouseholdMember]
    nationality: str = Field(pattern=r"^[A-Z]{2}$", description="ISO 3166-1 alpha-2")
    residence_status: ResidenceStatus | None = None
    card_expires_on: date
    certificate_expires_on: date = Field(description="利用者証明用電子証明書の有効期限")
    preferred_language: str = Field(description="BCP 47 tag, e.g. vi, pt-BR, ja")


# --------------------------------------------------------------------------------------------- わたしの情報


class InfoCategory(StrEnum):
    """Categories of わたしの情報."""

    tax_income = "tax_income"
    pension = "pension"
    health_insurance = "health_insurance"
    medicines = "medicines"
    medical_costs = "medical_costs"
    checkups = "checkups"
    vaccinations = "vaccinations"
    nursing_care = "nursing_care"
    childcare = "childcare"
    household = "household"


class AmountValue(Model):
    """A yen amount."""

    kind: Literal["amount"] = "amount"
    label: str
    amount_yen: int


class DateValue(Model):
    """A date."""

    kind: Literal["date"] = "date"
    label: str
    date: dt.date


class TextValue(Model):
    """Free text as the agency sends it."""

    kind: Literal["text"] = "text"
    label: str
    text: str


InfoValue = Annotated[AmountValue | DateValue | TextValue, Field(discriminator="kind")]


class InfoItem(Model):
    """One item of わたしの情報."""

    item_id: str
    category: InfoCategory
    title: str = Field(description="Japanese, as the agency sends it")
    values: list[InfoValue]
    source_agency: str
    as_of: date


# --------------------------------------------------------------------------------------------- notices


class Notice(Model):
    """お知らせ."""

    notice_id: str
    sent_at: datetime
    sender_agency: str
    title: str
    body: str
    content_lang: str = "ja"
    easy_ja_summary: str | None = Field(default=None, description="やさしい日本語 summary")
    related_procedure_id: str | None = None
    read: bool = False
    read_at: datetime | None = None


# --------------------------------------------------------------------------------------------- access records + chain


class LegalBasis(Model):
    """The statute that allowed the exchange."""

    law: str
    article: str


class AccessRecord(Model):
    """やりとり履歴: an agency read or provided an item of the resident's data."""

    record_id: str
    agency: str
    counterpart_agency: str | None = Field(default=None, description="Who provided / received the data")
    category: InfoCategory
    item_title: str
    accessed_at: datetime
    purpose: str
    legal_basis: LegalBasis
    chain_seq: int
    chain_hash: str


class ChainKind(StrEnum):
    """What an entry of the hash chain records."""

    access_record = "access_record"
    application_submitted = "application_submitted"
    activity = "activity"


class ChainEntry(Model):
    """One entry of the append-only chain: hash = SHA-256 of canonical {seq, prev_hash, body}, where body =
    SHA-256 of canonical {kind, payload}. Another resident's entry is served redacted: seq, prev_hash, hash
    and the body digest only (the payload carries a random salt, so the digest reveals nothing)."""

    seq: int
    kind: str = ""
    payload: dict[str, Any] = Field(default_factory=dict)
    prev_hash: str
    hash: str
    redacted: bool = False
    body_hash: str | None = None


class SignedCheckpoint(Model):
    """The chain head as the operator signed it (Ed25519 over canonical {seq, hash, signed_at}, hex)."""

    seq: int
    hash: str
    signed_at: datetime
    signature: str
    public_key: str = Field(description="Hex of the raw Ed25519 public key that signed it")


class ChainPage(Model):
    """Entries of the chain plus the current head, signed at the same read."""

    entries: list[ChainEntry]
    head_seq: int
    head_hash: str
    checkpoint: SignedCheckpoint | None = None


class ChainPublicKey(Model):
    """The key that signs checkpoints."""

    algorithm: Literal["Ed25519"] = "Ed25519"
    public_key: str


ChainProblem = Literal[
    "hash_mismatch", "prev_hash_mismatch", "seq_gap", "bad_genesis", "unparseable", "head_mismatch",
    "bad_signature", "key_changed", "shortened", "rewritten", "activity_missing",
]


class ChainVerification(Model):
    """Result of verifying entries: ok, or the first entry that does not match and why."""

    ok: bool
    checked: int
    first_bad_seq: int | None = None
    reason: ChainProblem | None = None
    # The signed head that was verified (remember it to catch a shorter or rewritten chain next time).
    checkpoint: SignedCheckpoint | None = None


# --------------------------------------------------------------------------------------------- disclosure


class Recipient(StrEnum):
    """Who may receive a category of data."""

    municipality = "municipality"
    national_tax_agency = "national_tax_agency"
    japan_pension_service = "japan_pension_service"
    health_insurers = "health_insurers"
    linked_services = "linked_services"


class DisclosureRule(Model):
    """category × recipient → allowed."""

    category: InfoCategory
    recipient: Recipient
    allowed: bool


class DisclosureChange(Model):
    """One entry of the disclosure change log."""

    changed_at: datetime
    category: InfoCategory
    recipient: Recipient
    allowed: bool
    changed_by_resident_id: str


class DisclosureSettings(Model):
    """The full matrix and its change log (newest first)."""

    rules: list[DisclosureRule]
    changes: list[DisclosureChange]


class DisclosureUpdate(Model):
    """Rules to change; others stay as they are."""

    rules: list[DisclosureRule] = Field(min_length=1, max_length=100)


# --------------------------------------------------------------------------------------------- proxies


class Proxy(Model):
    """A 代理人 relation."""

    proxy_id: str
    principal_resident_id: str
    principal_name: str
    proxy_resident_id: str
    proxy_name: str
    scope: list[ProxyScope]
    created_at: datetime
    revoked_at: datetime | None = None
    active: bool


class ProxyCreate(Model):
    """Appoint a proxy (the signed-in person is the principal)."""

    proxy_resident_id: IdStr
    scope: list[ProxyScope] = Field(min_length=1, max_length=4)


class ProxyList(Model):
    """Proxies I appointed, and people I may act for."""

    as_principal: list[Proxy]
    as_proxy: list[Proxy]


# --------------------------------------------------------------------------------------------- external services


class ExternalService(Model):
    """外部サイト連携: a service that can receive data from the portal."""

    service_id: str
    name: str
    name_ja: str
    operator_ja: str
    receives: list[InfoCategory]
    description_ja: str
    linked: bool = False
    linked_at: datetime | None = None


# --------------------------------------------------------------------------------------------- public-fund account

_KATAKANA_RE = re.compile(r"^[ァ-ヴー]+(?:[ 　][ァ-ヴー]+)*$")


class AccountType(StrEnum):
    """Deposit type: ordinary 普通, current 当座, savings 貯蓄."""

    ordinary = "ordinary"
    current = "current"
    savings = "savings"


class PublicFundAccountIn(Model):
    """公金受取口座 as entered by the resident."""

    bank_code: str = Field(pattern=r"^[0-9]{4}$")
    branch_code: str = Field(pattern=r"^[0-9]{3}$")
    account_type: AccountType
    account_number: str = Field(pattern=r"^[0-9]{7}$")
    holder_kana: str = Field(
        min_length=1, max_length=60, description="Full-width katakana, words split by a space"
    )

    @field_validator("holder_kana")
    @classmethod
    def _katakana_only(cls, value: str) -> str:
        """The banks match the holder in full-width katakana, so nothing else is accepted."""
        if not _KATAKANA_RE.match(value):
            raise PydanticCustomError("not_katakana", "holder name must be full-width katakana")
        return value


class PublicFundAccount(PublicFundAccountIn):
    """A registered 公金受取口座."""

    bank_name_ja: str | None = None
    registered_at: datetime
    updated_at: datetime


class PublicFundAccountState(Model):
    """Whether an account is registered, and which."""

    registered: bool
    account: PublicFundAccount | None = None


# --------------------------------------------------------------------------------------------- activity


class ActivityEntry(Model):
    """操作履歴: one sign-in or action."""

    at: datetime
    action: str = Field(description="Machine code, e.g. sign_in, submit_application")
    method: SignInMethod | None = None
    device: str
    actor_resident_id: str
    detail: str | None = None
    chain_seq: int | None = Field(default=None, description="The chain entry that records it")


# --------------------------------------------------------------------------------------------- procedures


class FieldType(StrEnum):
    """Typed form fields of a procedure."""

    text = "text"
    katakana = "katakana"
    number = "number"
    amount_yen = "amount_yen"
    date = "date"
    select = "select"
    boolean = "boolean"
    postal_code = "postal_code"


class FieldOption(Model):
    """One choice of a select field."""

    value: str
    label_ja: str


class FormField(Model):
    """One field of a procedure's form."""

    name: str
    type: FieldType
    label_ja: str
    required: bool = True
    options: list[FieldOption] | None = None
    min_value: int | None = None
    max_value: int | None = None
    max_length: int | None = None
    help_ja: str | None = None
    prefill_from: str | None = Field(default=None, description="Profile path used to fill it, e.g. name.kana")


class Procedure(Model):
    """A procedure that can be applied for online (ぴったりサービス)."""

    procedure_id: str
    title_ja: str
    summary_ja: str
    agency_ja: str
    life_events: list[str]
    eligibility_ja: str
    required_documents: list[str]
    deadline_ja: str | None = None
    parameters: dict[str, int | str] = Field(
        default_factory=dict, description="Rule thresholds as data (they change by fiscal year)"
    )
    fields: list[FormField]


class ApplicationStatus(StrEnum):
    """Life cycle of an application."""

    draft = "draft"
    submitted = "submitted"
    received = "received"
    under_review = "under_review"
    approved = "approved"
    rejected = "rejected"


class StatusChange(Model):
    """One step of an application's status history."""

    status: ApplicationStatus
    at: datetime
    by_resident_id: str | None = None


AnswerValue = str | int | float | bool | None


class Application(Model):
    """A draft or submitted application; answers are kept exactly as given."""

    application_id: str
    procedure_id: str
    resident_id: str = Field(description="Whose application (the principal when a proxy acts)")
    created_by_resident_id: str
    status: ApplicationStatus
    answers: dict[str, AnswerValue]
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None = None
    receipt_number: str | None = None
    chain_seq: int | None = None
    chain_hash: str | None = Field(default=None, description="Hash of the chain entry that records the submission")
    status_history: list[StatusChange]


class DraftCreate(Model):
    """Start a draft application."""

    procedure_id: IdStr
    answers: dict[str, AnswerValue] = Field(default_factory=dict, max_length=100)


class DraftUpdate(Model):
    """Replace the draft's answers (saved as given, validated only on submit)."""

    answers: dict[str, AnswerValue] = Field(max_length=100)


# --------------------------------------------------------------------------------------------- corrections


class CorrectionStatus(StrEnum):
    """Life cycle of a data-correction request."""

    received = "received"
    investigating = "investigating"
    corrected = "corrected"
    rejected = "rejected"


class CorrectionRequestCreate(Model):
    """Report an error in an item of わたしの情報."""

    item_id: IdStr
    reason: str = Field(min_length=1, max_length=2000)
    proposed_value: str | None = Field(default=None, max_length=500)


class CorrectionRequest(Model):
    """A data-correction request and its status."""

    request_id: str
    item_id: str
    item_title: str
    category: InfoCategory
    reason: str
    proposed_value: str | None = None
    status: CorrectionStatus
    created_at: datetime
    updated_at: datetime
