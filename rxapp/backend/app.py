"""The embedded demo backend: a FastAPI app whose routes all live under /api/v1.

It must not import reflex: it also runs standalone (python -m rxapp.backend serve). When the
Reflex app mounts it as `api_transformer`, Reflex mounts itself at "" inside this app, so this
app owns only /api/v1 paths and has no catch-all route.
"""

import asyncio
import json
import os
import re
import secrets
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Header, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException as StarletteHTTPException

from rxapp.api.models import (
    AccessRecord,
    ActingFor,
    ActivityEntry,
    Application,
    ApplicationStatus,
    ChainKind,
    ChainPage,
    ChainPublicKey,
    ChallengeStatus,
    CorrectionRequest,
    CorrectionRequestCreate,
    CorrectionStatus,
    DemoCard,
    DisclosureChange,
    DisclosureRule,
    DisclosureSettings,
    DisclosureUpdate,
    DraftCreate,
    DraftUpdate,
    ErrorBody,
    ExternalService,
    FieldType,
    Health,
    InfoCategory,
    InfoItem,
    Notice,
    Procedure,
    Proxy,
    ProxyCreate,
    ProxyList,
    ProxyScope,
    PublicFundAccount,
    PublicFundAccountIn,
    PublicFundAccountState,
    ResidentProfile,
    Session,
    SignedCheckpoint,
    SignInMethod,
    SignInRequest,
    SmartphoneChallenge,
    SmartphoneCompleteRequest,
    SmartphoneStartRequest,
    StatusChange,
)
from rxapp.backend import hashchain
from rxapp.backend.signing import CheckpointSigner
from rxapp.backend.storage import Store

API_PREFIX = "/api/v1"
VERSION = "1.0.0"
MAX_PIN_TRIES = 3
# Anti-automation (OWASP ASVS V2.2.1): per client, across all cards, within a sliding window. The card's own
# 3-try lock models the chip, which in real life needs the card in hand; these limits are what keeps a remote
# caller from guessing PINs or locking many residents' cards. See README, "Sign-in security".
SIGN_IN_WINDOW_S = 15 * 60
SIGN_IN_FAILURES_PER_WINDOW = int(os.environ.get("PORTAL_SIGN_IN_FAILURES", "10"))
SIGN_IN_STARTS_PER_WINDOW = int(os.environ.get("PORTAL_SIGN_IN_STARTS", "30"))
# The portal forwards the resident's address in this header, proven by the shared key in the next one; from
# anyone else the header is ignored and the caller's own address counts.
CLIENT_ADDRESS_HEADER = "x-client-address"
BACKEND_KEY_HEADER = "x-portal-key"
KATAKANA_RE = re.compile(r"^[ァ-ヴー]+(?:[ 　][ァ-ヴー]+)*$")
POSTAL_RE = re.compile(r"^[0-9]{3}-?[0-9]{4}$")
IDEMPOTENCY_KEY_RE = re.compile(r"^[A-Za-z0-9_.:-]{8,128}$")

# Pydantic error types → the machine codes the front end translates.
ERROR_CODE_MAP = {
    "missing": "required",
    "string_pattern_mismatch": "pattern",
    "string_too_short": "too_short",
    "string_too_long": "too_long",
    "too_short": "too_short",
    "too_long": "too_long",
    "greater_than": "too_small",
    "greater_than_equal": "too_small",
    "less_than": "too_large",
    "less_than_equal": "too_large",
    "enum": "invalid_choice",
    "literal_error": "invalid_choice",
    "extra_forbidden": "unknown_field",
    "json_invalid": "json_invalid",
    "int_parsing": "not_integer",
    "int_type": "not_integer",
    "bool_parsing": "not_boolean",
    "bool_type": "not_boolean",
    "date_parsing": "invalid_date",
    "date_from_datetime_parsing": "invalid_date",
    "datetime_parsing": "invalid_date",
    "datetime_from_date_parsing": "invalid_date",
    "string_type": "not_text",
}


class ApiError(Exception):
    """Raised by handlers; rendered as ErrorBody."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str = "",
        *,
        field_errors: dict[str, str] | None = None,
        tries_left: int | None = None,
        retry_after_s: int | None = None,
    ) -> None:
        super().__init__(message or code)
        self.status = status
        self.body = ErrorBody(code=code, message=message, field_errors=field_errors or {}, tries_left=tries_left,
                              retry_after_s=retry_after_s)  # fmt: skip


def _now() -> datetime:
    return datetime.now(UTC)


def _session_ttl() -> timedelta:
    """Session lifetime; the portal's is 30 minutes, extendable."""
    return timedelta(minutes=float(os.environ.get("PORTAL_SESSION_MINUTES", "30")))


def _device(request: Request) -> str:
    """A short device label for 操作履歴, from the User-Agent."""
    # The portal forwards its resident's browser (X-Client-User-Agent); a direct API client is itself the device.
    ua = request.headers.get("x-client-user-agent") or request.headers.get("user-agent", "")
    os_name = next((n for k, n in [("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"),
                                   ("Windows", "Windows"), ("Mac OS", "macOS"), ("Linux", "Linux")] if k in ua),
                   "Unknown")  # fmt: skip
    browser = next((n for k, n in [("Edg/", "Edge"), ("SamsungBrowser", "Samsung Internet"), ("Chrome", "Chrome"),
                                   ("Safari", "Safari"), ("Firefox", "Firefox"), ("python-httpx", "httpx")] if k in ua),
                   "Other")  # fmt: skip
    return f"{os_name} / {browser}"


def _client_address(request: Request) -> str:
    """Who is trying to sign in, for the per-client limits: the resident's address when the portal vouches
    for it with the shared key, else the caller itself."""
    peer = request.client.host if request.client else "unknown"
    key = os.environ.get("PORTAL_BACKEND_KEY", "")
    forwarded = request.headers.get(CLIENT_ADDRESS_HEADER, "").strip()[:64]
    if key and forwarded and secrets.compare_digest(request.headers.get(BACKEND_KEY_HEADER, ""), key):
        return forwarded
    return peer


def _throttle(conn: sqlite3.Connection, client: str, kind: str, limit: int) -> None:
    """Refuse (429) when `client` already made `limit` attempts of `kind` in the window."""
    now = time.time()
    row = conn.execute(
        "SELECT COUNT(*) AS n, MIN(at) AS first FROM credential_attempts WHERE client = ? AND kind = ? AND at > ?",
        (client, kind, now - SIGN_IN_WINDOW_S),
    ).fetchone()
    if int(row["n"]) >= limit:
        retry_after = max(1, int(float(row["first"]) + SIGN_IN_WINDOW_S - now) + 1)
        raise ApiError(429, "too_many_attempts", "too many sign-in attempts from this client",
                       retry_after_s=retry_after)  # fmt: skip


def _record_attempt(conn: sqlite3.Connection, client: str, kind: str) -> None:
    now = time.time()
    conn.execute("DELETE FROM credential_attempts WHERE at <= ?", (now - SIGN_IN_WINDOW_S,))
    conn.execute("INSERT INTO credential_attempts (client, kind, at) VALUES (?, ?, ?)", (client, kind, now))


def _verify_pin(
    conn: sqlite3.Connection, card: sqlite3.Row, pin: str, request: Request, method: SignInMethod
) -> ApiError | None:
    """Check a sign-in PIN against the card, counting wrong tries (3 lock it). Returns the error to raise
    after the transaction commits (raising inside would roll the count back), or None when it is right."""
    if card["locked"]:
        return ApiError(423, "card_locked", "card locked; reset at the municipal office")
    if secrets.compare_digest(str(card["pin"]), pin):
        conn.execute("UPDATE cards SET failed_tries = 0 WHERE card_id = ?", (card["card_id"],))
        return None
    failed = int(card["failed_tries"]) + 1
    locked = failed >= MAX_PIN_TRIES
    conn.execute("UPDATE cards SET failed_tries = ?, locked = ? WHERE card_id = ?",
                 (failed, int(locked), card["card_id"]))  # fmt: skip
    _record_attempt(conn, _client_address(request), "failure")
    resident = str(card["resident_id"])
    hashchain.log_activity(conn, resident_id=resident, actor_id=resident, action="sign_in_failed", device=_device(request),
                  method=method.value)  # fmt: skip
    if locked:
        hashchain.log_activity(conn, resident_id=resident, actor_id=resident, action="card_locked", device=_device(request),
                      method=method.value)  # fmt: skip
        return ApiError(423, "card_locked", "card locked after 3 wrong PINs")
    return ApiError(401, "pin_incorrect", "wrong PIN", tries_left=MAX_PIN_TRIES - failed)


@dataclass(frozen=True)
class Ctx:
    """Who is calling (actor) and whose data they are working on (subject)."""

    token: str
    actor_id: str
    subject_id: str
    method: str
    scope: tuple[ProxyScope, ...] | None  # None: acting for oneself, everything allowed
    device: str


@dataclass(frozen=True)
class Access:
    """What a route lets a proxy do, declared once per route (see `create_api`'s `acting`).

    `scopes`: a proxy needs one of them; `principal_only`: no proxy at all; `own`: the route works on the
    caller's own session or relations, never on the principal's data, so acting for someone changes nothing.
    """

    scopes: tuple[ProxyScope, ...] = ()
    principal_only: bool = False
    own: bool = False

    def check(self, c: Ctx) -> None:
        if self.own or c.scope is None:
            return
        if self.principal_only:
            raise ApiError(403, "proxy_cannot_appoint", "only the person themself may do this; switch back first")
        if not set(self.scopes) & set(c.scope):
            wanted = " or ".join(s.value for s in self.scopes)
            raise ApiError(403, "proxy_scope", f"proxy scope does not include {wanted}")


ACCESS_ATTR = "portal_access"


def _active_proxy(conn: sqlite3.Connection, principal_id: str, proxy_id: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT * FROM proxies WHERE principal_id = ? AND proxy_resident_id = ? AND revoked_at IS NULL",
        (principal_id, proxy_id),
    ).fetchone()


def _name_of(conn: sqlite3.Connection, resident_id: str) -> str:
    row = conn.execute("SELECT data FROM residents WHERE resident_id = ?", (resident_id,)).fetchone()
    if row is None:
        return resident_id
    profile = ResidentProfile.model_validate_json(row["data"])
    return profile.name.kanji or profile.name.latin or profile.name.kana


def _session_model(conn: sqlite3.Connection, row: sqlite3.Row) -> Session:
    actor, subject = str(row["resident_id"]), str(row["subject_id"])
    acting: ActingFor | None = None
    if actor != subject:
        proxy = _active_proxy(conn, subject, actor)
        scope = [ProxyScope(s) for s in json.loads(proxy["scope"])] if proxy is not None else []
        acting = ActingFor(proxy_resident_id=actor, proxy_name=_name_of(conn, actor), principal_resident_id=subject,
                           principal_name=_name_of(conn, subject), scope=scope)  # fmt: skip
    return Session(
        token=str(row["token"]), resident_id=actor, display_name=_name_of(conn, actor), subject_resident_id=subject,
        acting_for=acting, method=SignInMethod(row["method"]), expires_at=datetime.fromisoformat(row["expires_at"]),
    )  # fmt: skip


def _open_session(conn: sqlite3.Connection, resident_id: str, method: SignInMethod, device: str) -> Session:
    token = secrets.token_urlsafe(32)
    now = _now()
    conn.execute(
        "INSERT INTO sessions (token, resident_id, subject_id, method, expires_at, created_at, device)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (token, resident_id, resident_id, method.value, (now + _session_ttl()).isoformat(), now.isoformat(), device),
    )
    hashchain.log_activity(conn, resident_id=resident_id, actor_id=resident_id, action="sign_in", device=device,
                   method=method.value)  # fmt: skip
    row = conn.execute("SELECT * FROM sessions WHERE token = ?", (token,)).fetchone()
    return _session_model(conn, row)


def create_api(store: Store | None = None) -> FastAPI:
    """Build the demo backend. `store` defaults to the SQLite file under $PORTAL_DATA_DIR."""
    db = store or Store()
    bearer = HTTPBearer(auto_error=False, description="Session token from POST /api/v1/sessions")
    app = FastAPI(
        title="Minna Portal demo backend",
        version=VERSION,
        description="Simulated マイナポータル services for the Minna Portal front end. All data is fictional.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.store = db
    signer = CheckpointSigner(db.path.parent)
    router = APIRouter(prefix=API_PREFIX, responses={
        400: {"model": ErrorBody}, 401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody},
        409: {"model": ErrorBody}, 422: {"model": ErrorBody}, 423: {"model": ErrorBody}, 429: {"model": ErrorBody},
    })  # fmt: skip

    # ------------------------------------------------------------------------------- errors

    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        retry = exc.body.retry_after_s
        return JSONResponse(status_code=exc.status, content=exc.body.model_dump(mode="json"),
                            headers={"Retry-After": str(retry)} if retry else None)  # fmt: skip

    @app.exception_handler(RequestValidationError)
    async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        # Map each error to the form field name (body.bank_code → bank_code) so the UI can link to it.
        field_errors: dict[str, str] = {}
        for err in exc.errors():
            loc = [str(p) for p in err.get("loc", ())]
            if loc and loc[0] in {"body", "query", "path", "header", "cookie"}:
                loc = loc[1:]
            if err.get("type") == "json_invalid":
                loc = []
            name = ".".join(loc) or "_body"
            etype = str(err.get("type", "invalid"))
            field_errors.setdefault(name, ERROR_CODE_MAP.get(etype, etype))
        body = ErrorBody(code="validation", message="request validation failed", field_errors=field_errors)
        return JSONResponse(status_code=422, content=body.model_dump(mode="json"))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        codes = {400: "bad_request", 401: "unauthorised", 403: "forbidden", 404: "not_found",
                 405: "method_not_allowed", 409: "conflict"}  # fmt: skip
        body = ErrorBody(code=codes.get(exc.status_code, "http_error"), message=str(exc.detail))
        return JSONResponse(
            status_code=exc.status_code, content=body.model_dump(mode="json"), headers=exc.headers
        )

    # ------------------------------------------------------------------------------- auth

    def ctx(
        request: Request,
        response: Response,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Ctx:
        """Resolve the bearer token; say in headers who acts for whom."""
        if credentials is None or not credentials.credentials:
            raise ApiError(401, "unauthorised", "missing bearer token")
        with db.read() as conn:
            row = conn.execute(
                "SELECT * FROM sessions WHERE token = ?", (credentials.credentials,)
            ).fetchone()
            if row is None:
                raise ApiError(401, "unauthorised", "unknown or signed-out session")
            if datetime.fromisoformat(row["expires_at"]) <= _now():
                raise ApiError(401, "session_expired", "session expired")
            actor, subject = str(row["resident_id"]), str(row["subject_id"])
            scope: tuple[ProxyScope, ...] | None = None
            if actor != subject:
                proxy = _active_proxy(conn, subject, actor)
                if proxy is None:  # revoked while acting: the session may no longer act for them
                    raise ApiError(403, "not_a_proxy", "proxy relation revoked")
                scope = tuple(ProxyScope(s) for s in json.loads(proxy["scope"]))
        response.headers["X-Portal-Actor"] = actor
        response.headers["X-Portal-Subject"] = subject
        # The session remembers the browser it was opened from, so every action of it names that browser in
        # 操作履歴 whichever worker or client makes the call; a forwarded User-Agent still wins.
        device = _device(request) if request.headers.get("x-client-user-agent") else (row["device"] or _device(request))
        return Ctx(token=credentials.credentials, actor_id=actor, subject_id=subject, method=str(row["method"]),
                   scope=scope, device=device)  # fmt: skip

    def acting(*scopes: ProxyScope, principal_only: bool = False, own: bool = False) -> Any:
        """The session of a route together with what it lets a proxy do: the one place scopes are checked.

        Every route that resolves a session does so through this (a test walks the routes to make sure), so
        a new endpoint cannot forget the check the way a call inside the handler can be forgotten."""
        access = Access(scopes=scopes, principal_only=principal_only, own=own)
        if not (scopes or principal_only or own):
            raise ValueError("declare the scopes, principal_only or own")

        def checked(c: Annotated[Ctx, Depends(ctx)]) -> Ctx:
            access.check(c)
            return c

        setattr(checked, ACCESS_ATTR, access)
        return Annotated[Ctx, Depends(checked)]

    # Declarations, and why:
    Own = acting(own=True)  # the caller's own session and relations
    PrincipalOnly = acting(principal_only=True)  # appointing or revoking proxies is the person's own decision
    ViewInfo = acting(ProxyScope.view_info)  # わたしの情報, やりとり履歴, 操作履歴, the chain: what is held and done
    # The profile (name, address, birth date) is information, and an application is pre-filled from it.
    Profile = acting(ProxyScope.view_info, ProxyScope.applications)
    Notices = acting(ProxyScope.notices)
    Applications = acting(ProxyScope.applications)  # drafts, submissions and correction requests
    Settings = acting(ProxyScope.settings)  # disclosure, external services, the public-fund account

    # ------------------------------------------------------------------------------- health, cards, sessions

    @router.get("/health", response_model=Health, tags=["meta"])
    def health() -> Health:
        """Liveness; also makes sure the database is ready."""
        db.ensure_ready()
        return Health(version=VERSION)

    @router.get("/demo-cards", response_model=list[DemoCard], tags=["sign-in"])
    def demo_cards() -> list[DemoCard]:
        """Simulated マイナンバーカード for the sign-in page (all PINs are in seed.DEMO_PIN)."""
        with db.read() as conn:
            rows = conn.execute("SELECT * FROM cards ORDER BY position").fetchall()
        return [DemoCard(card_id=r["card_id"], resident_id=r["resident_id"], display_name=r["display_name"],
                         display_name_latin=r["display_name_latin"], locked=bool(r["locked"])) for r in rows]  # fmt: skip

    @router.post("/sessions", response_model=Session, status_code=201, tags=["sign-in"])
    def sign_in(body: SignInRequest, request: Request) -> Session:
        """Card + PIN sign-in. Three wrong PINs in a row lock the card until reset-demo; too many failures from
        one client within 15 minutes are refused (429, Retry-After) before the PIN is even looked at."""
        with db.write() as conn:
            _throttle(conn, _client_address(request), "failure", SIGN_IN_FAILURES_PER_WINDOW)
            card = conn.execute("SELECT * FROM cards WHERE card_id = ?", (body.card_id,)).fetchone()
            if card is None:
                raise ApiError(404, "not_found", "unknown card")
            error = _verify_pin(conn, card, body.pin, request, SignInMethod.card)
            if error is None:
                return _open_session(conn, str(card["resident_id"]), SignInMethod.card, _device(request))
        raise error

    @router.post(
        "/sessions/smartphone", response_model=SmartphoneChallenge, status_code=201, tags=["sign-in"]
    )
    def smartphone_start(body: SmartphoneStartRequest, request: Request) -> SmartphoneChallenge:
        """Start a smartphone sign-in; the phone approves it with the resident's secret (see complete)."""
        with db.write() as conn:
            client = _client_address(request)
            _throttle(conn, client, "start", SIGN_IN_STARTS_PER_WINDOW)
            _throttle(conn, client, "failure", SIGN_IN_FAILURES_PER_WINDOW)
            card = conn.execute("SELECT * FROM cards WHERE card_id = ?", (body.card_id,)).fetchone()
            if card is None:
                raise ApiError(404, "not_found", "unknown card")
            if card["locked"]:
                raise ApiError(423, "card_locked", "card locked; reset at the municipal office")
            _record_attempt(conn, client, "start")
            challenge = SmartphoneChallenge(challenge_id=secrets.token_urlsafe(16), card_id=body.card_id,
                                            status=ChallengeStatus.pending, expires_at=_now() + timedelta(minutes=5))  # fmt: skip
            conn.execute("INSERT INTO challenges (challenge_id, card_id, status, expires_at) VALUES (?, ?, ?, ?)",
                         (challenge.challenge_id, body.card_id, challenge.status.value,
                          challenge.expires_at.isoformat()))  # fmt: skip
        return challenge

    @router.post("/sessions/smartphone/{challenge_id}/complete", response_model=Session, tags=["sign-in"])
    def smartphone_complete(challenge_id: str, body: SmartphoneCompleteRequest, request: Request) -> Session:
        """Complete the challenge. Approval needs the sign-in PIN, checked here against the card's counter and
        lock (the phone's certificate stands in for the card's); a wrong PIN keeps the challenge open for the
        tries left. Denied → smartphone_denied."""
        with db.write() as conn:
            row = conn.execute("SELECT * FROM challenges WHERE challenge_id = ?", (challenge_id,)).fetchone()
            if row is None or row["status"] != ChallengeStatus.pending.value:
                raise ApiError(404, "not_found", "no pending challenge")
            if datetime.fromisoformat(row["expires_at"]) <= _now():
                raise ApiError(401, "challenge_expired", "challenge expired")
            if not body.approved:
                conn.execute("UPDATE challenges SET status = ? WHERE challenge_id = ?",
                             (ChallengeStatus.denied.value, challenge_id))  # fmt: skip
                error = ApiError(401, "smartphone_denied", "the phone did not approve")
            elif body.pin is None:
                raise ApiError(422, "validation", "approval needs the PIN", field_errors={"pin": "required"})
            else:
                _throttle(conn, _client_address(request), "failure", SIGN_IN_FAILURES_PER_WINDOW)
                card = conn.execute("SELECT * FROM cards WHERE card_id = ?", (row["card_id"],)).fetchone()
                error = _verify_pin(conn, card, body.pin, request, SignInMethod.smartphone)
                if error is None:
                    conn.execute("UPDATE challenges SET status = ? WHERE challenge_id = ?",
                                 (ChallengeStatus.approved.value, challenge_id))  # fmt: skip
                    return _open_session(
                        conn, str(card["resident_id"]), SignInMethod.smartphone, _device(request)
                    )
                if error.body.code == "card_locked":
                    conn.execute("UPDATE challenges SET status = ? WHERE challenge_id = ?",
                                 (ChallengeStatus.denied.value, challenge_id))  # fmt: skip
        raise error

    @router.get("/sessions/current", response_model=Session, tags=["sign-in"])
    def current_session(c: Own) -> Session:
        """The caller's session, with who acts for whom."""
        with db.read() as conn:
            return _session_model(
                conn, conn.execute("SELECT * FROM sessions WHERE token = ?", (c.token,)).fetchone()
            )

    @router.post("/sessions/current/extend", response_model=Session, tags=["sign-in"])
    def extend_session(c: Own) -> Session:
        """Extend by the full lifetime (WCAG 2.2.1: one simple action, unlimited times)."""
        with db.write() as conn:
            conn.execute("UPDATE sessions SET expires_at = ? WHERE token = ?",
                         ((_now() + _session_ttl()).isoformat(), c.token))  # fmt: skip
            return _session_model(
                conn, conn.execute("SELECT * FROM sessions WHERE token = ?", (c.token,)).fetchone()
            )

    @router.delete("/sessions/current", status_code=204, tags=["sign-in"])
    def sign_out(c: Own) -> Response:
        """Sign out: the token stops working at once."""
        with db.write() as conn:
            conn.execute("DELETE FROM sessions WHERE token = ?", (c.token,))
            hashchain.log_activity(
                conn, resident_id=c.actor_id, actor_id=c.actor_id, action="sign_out", device=c.device
            )
        return Response(status_code=204)

    @router.post("/sessions/current/act-as/{resident_id}", response_model=Session, tags=["sign-in"])
    def act_as(resident_id: str, c: Own) -> Session:
        """Act for a principal (needs an active proxy relation); own id returns to oneself."""
        with db.write() as conn:
            if resident_id != c.actor_id and _active_proxy(conn, resident_id, c.actor_id) is None:
                raise ApiError(403, "not_a_proxy", "no proxy relation with that resident")
            conn.execute("UPDATE sessions SET subject_id = ? WHERE token = ?", (resident_id, c.token))
            hashchain.log_activity(conn, resident_id=resident_id, actor_id=c.actor_id, action="act_as", device=c.device,
                          detail=None if resident_id == c.actor_id else "proxy")  # fmt: skip
            return _session_model(
                conn, conn.execute("SELECT * FROM sessions WHERE token = ?", (c.token,)).fetchone()
            )

    # ------------------------------------------------------------------------------- profile, info, notices

    @router.get("/profile", response_model=ResidentProfile, tags=["resident"])
    def profile(c: Profile) -> ResidentProfile:
        """The subject's basic record."""
        with db.read() as conn:
            row = conn.execute("SELECT data FROM residents WHERE resident_id = ?", (c.subject_id,)).fetchone()
        if row is None:
            raise ApiError(404, "not_found", "no such resident")
        return ResidentProfile.model_validate_json(row["data"])

    @router.get("/info", response_model=list[InfoItem], tags=["resident"])
    def list_info(c: ViewInfo, category: InfoCategory | None = None) -> list[InfoItem]:
        """わたしの情報, optionally one category; the look is recorded in the subject's 操作履歴."""
        with db.write() as conn:
            hashchain.log_activity(conn, resident_id=c.subject_id, actor_id=c.actor_id, action="view_info", device=c.device,
                          detail=category.value if category else None)  # fmt: skip
            if category is None:
                rows = conn.execute("SELECT data FROM info_items WHERE resident_id = ? ORDER BY category, position",
                                    (c.subject_id,)).fetchall()  # fmt: skip
            else:
                rows = conn.execute(
                    "SELECT data FROM info_items WHERE resident_id = ? AND category = ? ORDER BY position",
                    (c.subject_id, category.value),
                ).fetchall()
        return [InfoItem.model_validate_json(r["data"]) for r in rows]

    @router.get("/info/{item_id}", response_model=InfoItem, tags=["resident"])
    def get_info(item_id: str, c: ViewInfo) -> InfoItem:
        """One item of わたしの情報; the look is recorded in the subject's 操作履歴."""
        with db.write() as conn:
            row = conn.execute("SELECT data FROM info_items WHERE item_id = ? AND resident_id = ?",
                               (item_id, c.subject_id)).fetchone()  # fmt: skip
            if row is not None:
                hashchain.log_activity(conn, resident_id=c.subject_id, actor_id=c.actor_id, action="view_info",
                              device=c.device, detail=item_id)  # fmt: skip
        if row is None:
            raise ApiError(404, "not_found", "no such item")
        return InfoItem.model_validate_json(row["data"])

    def _notice(row: sqlite3.Row) -> Notice:
        notice = Notice.model_validate_json(row["data"])
        read_at = datetime.fromisoformat(row["read_at"]) if row["read_at"] else None
        return notice.model_copy(update={"read": read_at is not None, "read_at": read_at})

    @router.get("/notices", response_model=list[Notice], tags=["resident"])
    def list_notices(c: Notices) -> list[Notice]:
        """お知らせ, newest first; the look is recorded in the subject's 操作履歴."""
        with db.write() as conn:
            hashchain.log_activity(conn, resident_id=c.subject_id, actor_id=c.actor_id, action="view_notices",
                          device=c.device)  # fmt: skip
            rows = conn.execute("SELECT * FROM notices WHERE resident_id = ? ORDER BY sent_at DESC, notice_id",
                                (c.subject_id,)).fetchall()  # fmt: skip
        return [_notice(r) for r in rows]

    @router.put("/notices/{notice_id}/read", response_model=Notice, tags=["resident"])
    def mark_notice_read(notice_id: str, c: Notices) -> Notice:
        """Mark as read (idempotent: the first read time is kept)."""
        with db.write() as conn:
            conn.execute("UPDATE notices SET read_at = COALESCE(read_at, ?) WHERE notice_id = ? AND resident_id = ?",
                         (_now().isoformat(), notice_id, c.subject_id))  # fmt: skip
            row = conn.execute("SELECT * FROM notices WHERE notice_id = ? AND resident_id = ?",
                               (notice_id, c.subject_id)).fetchone()  # fmt: skip
        if row is None:
            raise ApiError(404, "not_found", "no such notice")
        return _notice(row)

    # ------------------------------------------------------------------------------- access records, chain

    @router.get("/access-records", response_model=list[AccessRecord], tags=["records"])
    def access_records(
        c: ViewInfo, agency: str | None = None, since: datetime | None = None, until: datetime | None = None
    ) -> list[AccessRecord]:
        """やりとり履歴, newest first; each record is an entry of the hash chain (served as stored)."""
        with db.read() as conn:
            entries = hashchain.list_entries(conn, resident_id=c.subject_id, limit=100_000)
        out: list[AccessRecord] = []
        for entry in entries:
            if entry.kind != ChainKind.access_record.value:
                continue
            data = {k: v for k, v in entry.payload.items() if k not in ("resident_id", hashchain.SALT_KEY)}
            try:
                record = AccessRecord.model_validate(
                    {**data, "chain_seq": entry.seq, "chain_hash": entry.hash}
                )
            except ValueError:
                continue  # a tampered payload that no longer parses: the chain check reports it
            at = record.accessed_at if record.accessed_at.tzinfo else record.accessed_at.replace(tzinfo=UTC)
            if agency and agency not in record.agency:
                continue
            if since and at < (since if since.tzinfo else since.replace(tzinfo=UTC)):
                continue
            if until and at > (until if until.tzinfo else until.replace(tzinfo=UTC)):
                continue
            out.append(record)
        out.sort(key=lambda r: r.chain_seq, reverse=True)
        return out

    @router.get("/chain", response_model=ChainPage, tags=["records"])
    def chain(
        c: ViewInfo,
        since_seq: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=100_000)] = 100_000,
    ) -> ChainPage:
        """The chain as the subject may see it: their entries whole, everyone else's as seq, prev_hash, hash and
        a digest of the body only, so the links can be checked up to the signed head without reading them."""
        with db.read() as conn:
            conn.execute("BEGIN")  # one snapshot: the entries and the head signed must agree
            entries = hashchain.resident_view(conn, c.subject_id, since_seq=since_seq, limit=limit)
            head_seq, head_hash = hashchain.head(conn)
            conn.execute("COMMIT")
        return ChainPage(entries=entries, head_seq=head_seq, head_hash=head_hash,
                         checkpoint=signer.sign(head_seq, head_hash))  # fmt: skip

    @router.get("/chain/mine", response_model=ChainPage, tags=["records"])
    def chain_mine(c: ViewInfo) -> ChainPage:
        """The subject's own entries (not contiguous: verify each hash, and links between neighbours)."""
        with db.read() as conn:
            entries = hashchain.list_entries(conn, resident_id=c.subject_id, limit=100_000)
            head_seq, head_hash = hashchain.head(conn)
        return ChainPage(entries=entries, head_seq=head_seq, head_hash=head_hash)

    @router.get("/chain/head", response_model=SignedCheckpoint, tags=["records"])
    def chain_head() -> SignedCheckpoint:
        """The signed head, for anyone: a count and a hash, nothing about anybody."""
        with db.read() as conn:
            head_seq, head_hash = hashchain.head(conn)
        return signer.sign(head_seq, head_hash)

    @router.get("/chain/public-key", response_model=ChainPublicKey, tags=["records"])
    def chain_public_key() -> ChainPublicKey:
        """The Ed25519 key that signs checkpoints (raw, hex)."""
        return ChainPublicKey(public_key=signer.public_key_hex())

    # ------------------------------------------------------------------------------- disclosure

    def _disclosure(conn: sqlite3.Connection, rid: str) -> DisclosureSettings:
        rules = conn.execute("SELECT * FROM disclosure WHERE resident_id = ? ORDER BY category, recipient",
                             (rid,)).fetchall()  # fmt: skip
        log = conn.execute("SELECT * FROM disclosure_log WHERE resident_id = ? ORDER BY id DESC LIMIT 200",
                           (rid,)).fetchall()  # fmt: skip
        return DisclosureSettings(
            rules=[DisclosureRule(category=r["category"], recipient=r["recipient"], allowed=bool(r["allowed"]))
                   for r in rules],
            changes=[DisclosureChange(changed_at=datetime.fromisoformat(r["changed_at"]), category=r["category"],
                                      recipient=r["recipient"], allowed=bool(r["allowed"]),
                                      changed_by_resident_id=r["changed_by"]) for r in log],
        )  # fmt: skip

    @router.get("/disclosure", response_model=DisclosureSettings, tags=["settings"])
    def get_disclosure(c: Settings) -> DisclosureSettings:
        """Disclosure matrix and change log."""
        with db.read() as conn:
            return _disclosure(conn, c.subject_id)

    @router.put("/disclosure", response_model=DisclosureSettings, tags=["settings"])
    def set_disclosure(body: DisclosureUpdate, c: Settings) -> DisclosureSettings:
        """Change some rules; each real change is logged."""
        now = _now().isoformat()
        with db.write() as conn:
            for rule in body.rules:
                current = conn.execute(
                    "SELECT allowed FROM disclosure WHERE resident_id = ? AND category = ? AND recipient = ?",
                    (c.subject_id, rule.category.value, rule.recipient.value),
                ).fetchone()
                if current is not None and bool(current["allowed"]) == rule.allowed:
                    continue
                conn.execute(
                    "INSERT OR REPLACE INTO disclosure (resident_id, category, recipient, allowed) VALUES (?, ?, ?, ?)",
                    (c.subject_id, rule.category.value, rule.recipient.value, int(rule.allowed)),
                )
                conn.execute(
                    "INSERT INTO disclosure_log (resident_id, changed_at, category, recipient, allowed, changed_by)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        c.subject_id,
                        now,
                        rule.category.value,
                        rule.recipient.value,
                        int(rule.allowed),
                        c.actor_id,
                    ),
                )
            hashchain.log_activity(conn, resident_id=c.subject_id, actor_id=c.actor_id, action="update_disclosure",
                          device=c.device)  # fmt: skip
            return _disclosure(conn, c.subject_id)

    # ------------------------------------------------------------------------------- proxies

    def _proxy(conn: sqlite3.Connection, row: sqlite3.Row) -> Proxy:
        return Proxy(
            proxy_id=row["proxy_id"], principal_resident_id=row["principal_id"],
            principal_name=_name_of(conn, row["principal_id"]), proxy_resident_id=row["proxy_resident_id"],
            proxy_name=_name_of(conn, row["proxy_resident_id"]), scope=json.loads(row["scope"]),
            created_at=datetime.fromisoformat(row["created_at"]),
            revoked_at=datetime.fromisoformat(row["revoked_at"]) if row["revoked_at"] else None,
            active=row["revoked_at"] is None,
        )  # fmt: skip

    @router.get("/proxies", response_model=ProxyList, tags=["settings"])
    def list_proxies(c: Own) -> ProxyList:
        """Proxies the signed-in person appointed, and people they may act for."""
        with db.read() as conn:
            mine = conn.execute("SELECT * FROM proxies WHERE principal_id = ? ORDER BY created_at",
                                (c.actor_id,)).fetchall()  # fmt: skip
            for_others = conn.execute(
                "SELECT * FROM proxies WHERE proxy_resident_id = ? AND revoked_at IS NULL ORDER BY created_at",
                (c.actor_id,),
            ).fetchall()
            return ProxyList(as_principal=[_proxy(conn, r) for r in mine],
                             as_proxy=[_proxy(conn, r) for r in for_others])  # fmt: skip

    @router.post("/proxies", response_model=Proxy, status_code=201, tags=["settings"])
    def add_proxy(body: ProxyCreate, c: PrincipalOnly) -> Proxy:
        """Appoint a proxy; only the person themself may (not a proxy acting for them)."""
        if body.proxy_resident_id == c.actor_id:
            raise ApiError(
                422, "validation", "cannot appoint oneself", field_errors={"proxy_resident_id": "self"}
            )
        with db.write() as conn:
            if (
                conn.execute(
                    "SELECT 1 FROM residents WHERE resident_id = ?", (body.proxy_resident_id,)
                ).fetchone()
                is None
            ):
                raise ApiError(
                    422, "validation", "unknown resident", field_errors={"proxy_resident_id": "not_found"}
                )
            if _active_proxy(conn, c.actor_id, body.proxy_resident_id) is not None:
                raise ApiError(409, "proxy_exists", "already a proxy")
            proxy_id = "prx-" + secrets.token_hex(6)
            conn.execute(
                "INSERT INTO proxies (proxy_id, principal_id, proxy_resident_id, scope, created_at) VALUES (?, ?, ?, ?, ?)",
                (proxy_id, c.actor_id, body.proxy_resident_id, json.dumps(sorted({s.value for s in body.scope})),
                 _now().isoformat()),
            )  # fmt: skip
            hashchain.log_activity(
                conn, resident_id=c.actor_id, actor_id=c.actor_id, action="add_proxy", device=c.device
            )
            return _proxy(
                conn, conn.execute("SELECT * FROM proxies WHERE proxy_id = ?", (proxy_id,)).fetchone()
            )

    @router.delete("/proxies/{proxy_id}", response_model=Proxy, tags=["settings"])
    def revoke_proxy(proxy_id: str, c: PrincipalOnly) -> Proxy:
        """Revoke (idempotent). The principal or the proxy themself may end the relation."""
        with db.write() as conn:
            row = conn.execute("SELECT * FROM proxies WHERE proxy_id = ?", (proxy_id,)).fetchone()
            if row is None or c.actor_id not in (row["principal_id"], row["proxy_resident_id"]):
                raise ApiError(404, "not_found", "no such proxy")
            conn.execute("UPDATE proxies SET revoked_at = COALESCE(revoked_at, ?) WHERE proxy_id = ?",
                         (_now().isoformat(), proxy_id))  # fmt: skip
            hashchain.log_activity(
                conn, resident_id=c.actor_id, actor_id=c.actor_id, action="revoke_proxy", device=c.device
            )
            return _proxy(
                conn, conn.execute("SELECT * FROM proxies WHERE proxy_id = ?", (proxy_id,)).fetchone()
            )

    # ------------------------------------------------------------------------------- external services

    def _services(conn: sqlite3.Connection, rid: str) -> list[ExternalService]:
        links = {r["service_id"]: r["linked_at"] for r in
                 conn.execute("SELECT * FROM service_links WHERE resident_id = ?", (rid,)).fetchall()}  # fmt: skip
        out = []
        for r in conn.execute("SELECT data FROM services ORDER BY position").fetchall():
            service = ExternalService.model_validate_json(r["data"])
            linked_at = links.get(service.service_id)
            out.append(service.model_copy(update={
                "linked": linked_at is not None,
                "linked_at": datetime.fromisoformat(linked_at) if linked_at else None}))  # fmt: skip
        return out

    def _service(conn: sqlite3.Connection, rid: str, service_id: str) -> ExternalService:
        for service in _services(conn, rid):
            if service.service_id == service_id:
                return service
        raise ApiError(404, "not_found", "no such service")

    @router.get("/external-services", response_model=list[ExternalService], tags=["settings"])
    def list_services(c: Settings) -> list[ExternalService]:
        """外部サイト連携 and what each receives."""
        with db.read() as conn:
            return _services(conn, c.subject_id)

    @router.put("/external-services/{service_id}/link", response_model=ExternalService, tags=["settings"])
    def link_service(service_id: str, c: Settings) -> ExternalService:
        """Link (idempotent)."""
        with db.write() as conn:
            _service(conn, c.subject_id, service_id)
            conn.execute("INSERT OR IGNORE INTO service_links (resident_id, service_id, linked_at) VALUES (?, ?, ?)",
                         (c.subject_id, service_id, _now().isoformat()))  # fmt: skip
            hashchain.log_activity(conn, resident_id=c.subject_id, actor_id=c.actor_id, action="link_service",
                          device=c.device, detail=service_id)  # fmt: skip
            return _service(conn, c.subject_id, service_id)

    @router.delete("/external-services/{service_id}/link", response_model=ExternalService, tags=["settings"])
    def unlink_service(service_id: str, c: Settings) -> ExternalService:
        """Unlink (idempotent)."""
        with db.write() as conn:
            _service(conn, c.subject_id, service_id)
            conn.execute("DELETE FROM service_links WHERE resident_id = ? AND service_id = ?",
                         (c.subject_id, service_id))  # fmt: skip
            hashchain.log_activity(conn, resident_id=c.subject_id, actor_id=c.actor_id, action="unlink_service",
                          device=c.device, detail=service_id)  # fmt: skip
            return _service(conn, c.subject_id, service_id)

    # ------------------------------------------------------------------------------- public-fund account

    @router.get("/public-fund-account", response_model=PublicFundAccountState, tags=["settings"])
    def get_account(c: Settings) -> PublicFundAccountState:
        """公金受取口座, if registered."""
        with db.read() as conn:
            row = conn.execute("SELECT data FROM accounts WHERE resident_id = ?", (c.subject_id,)).fetchone()
        if row is None:
            return PublicFundAccountState(registered=False)
        return PublicFundAccountState(
            registered=True, account=PublicFundAccount.model_validate_json(row["data"])
        )

    @router.put("/public-fund-account", response_model=PublicFundAccount, tags=["settings"])
    def set_account(body: PublicFundAccountIn, c: Settings) -> PublicFundAccount:
        """Register or change; the holder must be the resident (no accounts in a relative's name)."""
        with db.write() as conn:
            row = conn.execute("SELECT data FROM residents WHERE resident_id = ?", (c.subject_id,)).fetchone()
            if row is None:
                raise ApiError(404, "not_found", "no such resident")
            kana = ResidentProfile.model_validate_json(row["data"]).name.kana

            def squash(s: str) -> str:
                return re.sub(r"[ 　]", "", s)

            if squash(kana) != squash(body.holder_kana):
                # The 2023 linking errors put benefit accounts in relatives' names: refuse that.
                raise ApiError(422, "validation", "holder does not match the resident",
                               field_errors={"holder_kana": "holder_mismatch"})  # fmt: skip
            old = conn.execute("SELECT data FROM accounts WHERE resident_id = ?", (c.subject_id,)).fetchone()
            now = _now()
            registered_at = PublicFundAccount.model_validate_json(old["data"]).registered_at if old else now
            account = PublicFundAccount(**body.model_dump(), registered_at=registered_at, updated_at=now)
            conn.execute("INSERT OR REPLACE INTO accounts (resident_id, data) VALUES (?, ?)",
                         (c.subject_id, account.model_dump_json()))  # fmt: skip
            hashchain.log_activity(conn, resident_id=c.subject_id, actor_id=c.actor_id, action="set_public_fund_account",
                          device=c.device)  # fmt: skip
        return account

    # ------------------------------------------------------------------------------- activity

    @router.get("/activity", response_model=list[ActivityEntry], tags=["records"])
    def activity(c: ViewInfo, limit: Annotated[int, Query(ge=1, le=1000)] = 200) -> list[ActivityEntry]:
        """操作履歴, newest first."""
        with db.read() as conn:
            rows = conn.execute("SELECT * FROM activity WHERE resident_id = ? ORDER BY at DESC, id DESC LIMIT ?",
                                (c.subject_id, limit)).fetchall()  # fmt: skip
        return [ActivityEntry(at=datetime.fromisoformat(r["at"]), action=r["action"], method=r["method"],
                              device=r["device"], actor_resident_id=r["actor_id"], detail=r["detail"],
                              chain_seq=r["chain_seq"])
                for r in rows]  # fmt: skip

    # ------------------------------------------------------------------------------- procedures, applications

    def _procedures(conn: sqlite3.Connection) -> list[Procedure]:
        rows = conn.execute("SELECT data FROM procedures ORDER BY position").fetchall()
        return [Procedure.model_validate_json(r["data"]) for r in rows]

    def _procedure(conn: sqlite3.Connection, procedure_id: str) -> Procedure:
        row = conn.execute("SELECT data FROM procedures WHERE procedure_id = ?", (procedure_id,)).fetchone()
        if row is None:
            raise ApiError(404, "not_found", "no such procedure")
        return Procedure.model_validate_json(row["data"])

    @router.get("/procedures", response_model=list[Procedure], tags=["procedures"])
    def list_procedures(
        query: Annotated[str | None, Query(max_length=100)] = None,
        life_event: Annotated[str | None, Query(max_length=50)] = None,
    ) -> list[Procedure]:
        """Procedures (public: no sign-in needed to browse)."""
        with db.read() as conn:
            items = _procedures(conn)
        if life_event:
            items = [p for p in items if life_event in p.life_events]
        if query:
            q = query.casefold()
            items = [p for p in items if q in p.title_ja.casefold() or q in p.summary_ja.casefold()
                     or q in p.procedure_id.casefold()]  # fmt: skip
        return items

    @router.get("/procedures/{procedure_id}", response_model=Procedure, tags=["procedures"])
    def get_procedure(procedure_id: str) -> Procedure:
        """One procedure with its form schema."""
        with db.read() as conn:
            return _procedure(conn, procedure_id)

    def _application(conn: sqlite3.Connection, rid: str, application_id: str) -> Application:
        row = conn.execute("SELECT data FROM applications WHERE application_id = ? AND resident_id = ?",
                           (application_id, rid)).fetchone()  # fmt: skip
        if row is None:
            raise ApiError(404, "not_found", "no such application")
        return Application.model_validate_json(row["data"])

    def _save(conn: sqlite3.Connection, app_: Application) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO applications (application_id, resident_id, created_at, data) VALUES (?, ?, ?, ?)",
            (app_.application_id, app_.resident_id, app_.created_at.isoformat(), app_.model_dump_json()),
        )

    @router.get("/applications", response_model=list[Application], tags=["applications"])
    def list_applications(c: Applications) -> list[Application]:
        """The subject's drafts and applications, newest first."""
        with db.read() as conn:
            rows = conn.execute("SELECT data FROM applications WHERE resident_id = ? ORDER BY created_at DESC",
                                (c.subject_id,)).fetchall()  # fmt: skip
        return [Application.model_validate_json(r["data"]) for r in rows]

    @router.post("/applications", response_model=Application, status_code=201, tags=["applications"])
    def create_draft(body: DraftCreate, c: Applications) -> Application:
        """Start a draft; answers are saved as given."""
        now = _now()
        with db.write() as conn:
            _procedure(conn, body.procedure_id)
            app_ = Application(
                application_id="app-" + secrets.token_hex(8), procedure_id=body.procedure_id,
                resident_id=c.subject_id, created_by_resident_id=c.actor_id, status=ApplicationStatus.draft,
                answers=body.answers, created_at=now, updated_at=now,
                status_history=[StatusChange(status=ApplicationStatus.draft, at=now, by_resident_id=c.actor_id)],
            )  # fmt: skip
            _save(conn, app_)
        return app_

    @router.get("/applications/{application_id}", response_model=Application, tags=["applications"])
    def get_application(application_id: str, c: Applications) -> Application:
        """One application."""
        with db.read() as conn:
            return _application(conn, c.subject_id, application_id)

    @router.put("/applications/{application_id}", response_model=Application, tags=["applications"])
    def update_draft(application_id: str, body: DraftUpdate, c: Applications) -> Application:
        """Replace a draft's answers (idempotent)."""
        with db.write() as conn:
            app_ = _application(conn, c.subject_id, application_id)
            if app_.status is not ApplicationStatus.draft:
                raise ApiError(409, "not_draft", "application already submitted")
            app_ = app_.model_copy(update={"answers": body.answers, "updated_at": _now()})
            _save(conn, app_)
        return app_

    @router.post("/applications/{application_id}/submit", response_model=Application, tags=["applications"])
    def submit(
        application_id: str,
        c: Applications,
        idempotency_key: Annotated[
            str, Header(alias="Idempotency-Key", min_length=8, max_length=128, pattern=r"^[A-Za-z0-9_.:-]+$")
        ],
    ) -> Application:
        """Submit once: the same Idempotency-Key again returns the same application and receipt."""
        with db.write() as conn:
            seen = conn.execute("SELECT application_id FROM idempotency WHERE resident_id = ? AND key = ?",
                                (c.subject_id, idempotency_key)).fetchone()  # fmt: skip
            if seen is not None:
                if seen["application_id"] != application_id:
                    raise ApiError(409, "idempotency_key_reused", "key already used for another application")
                return _application(conn, c.subject_id, application_id)
            app_ = _application(conn, c.subject_id, application_id)
            if app_.status is not ApplicationStatus.draft:
                raise ApiError(409, "already_submitted", "application already submitted with another key")
            procedure = _procedure(conn, app_.procedure_id)
            field_errors = _check_answers(procedure, app_.answers)
            if field_errors:
                raise ApiError(
                    422, "validation", "answers do not satisfy the form", field_errors=field_errors
                )
            now = _now()
            count = conn.execute("SELECT COUNT(*) AS n FROM idempotency").fetchone()["n"]
            receipt = f"MP-{now:%Y%m%d}-{count + 1:06d}-{secrets.token_hex(2).upper()}"
            payload = {"application_id": application_id, "procedure_id": app_.procedure_id,
                       "resident_id": app_.resident_id, "submitted_by": c.actor_id, "receipt_number": receipt,
                       "submitted_at": now.isoformat(), "answers": app_.answers}  # fmt: skip
            entry = hashchain.append(conn, ChainKind.application_submitted, app_.resident_id, payload)
            app_ = app_.model_copy(update={
                "status": ApplicationStatus.submitted, "submitted_at": now, "updated_at": now,
                "receipt_number": receipt, "chain_seq": entry.seq, "chain_hash": entry.hash,
                "status_history": [*app_.status_history,
                                   StatusChange(status=ApplicationStatus.submitted, at=now, by_resident_id=c.actor_id)],
            })  # fmt: skip
            _save(conn, app_)
            conn.execute("INSERT INTO idempotency (resident_id, key, application_id) VALUES (?, ?, ?)",
                         (c.subject_id, idempotency_key, application_id))  # fmt: skip
            hashchain.log_activity(conn, resident_id=c.subject_id, actor_id=c.actor_id, action="submit_application",
                          device=c.device, detail=receipt)  # fmt: skip
        return app_

    # ------------------------------------------------------------------------------- correction requests

    @router.get("/correction-requests", response_model=list[CorrectionRequest], tags=["applications"])
    def list_corrections(c: Applications) -> list[CorrectionRequest]:
        """Data-correction requests, newest first."""
        with db.read() as conn:
            rows = conn.execute("SELECT data FROM corrections WHERE resident_id = ? ORDER BY created_at DESC",
                                (c.subject_id,)).fetchall()  # fmt: skip
        return [CorrectionRequest.model_validate_json(r["data"]) for r in rows]

    @router.post(
        "/correction-requests", response_model=CorrectionRequest, status_code=201, tags=["applications"]
    )
    def create_correction(body: CorrectionRequestCreate, c: Applications) -> CorrectionRequest:
        """Report an error in an item of わたしの情報."""
        with db.write() as conn:
            row = conn.execute("SELECT data FROM info_items WHERE item_id = ? AND resident_id = ?",
                               (body.item_id, c.subject_id)).fetchone()  # fmt: skip
            if row is None:
                raise ApiError(422, "validation", "unknown item", field_errors={"item_id": "not_found"})
            item = InfoItem.model_validate_json(row["data"])
            now = _now()
            request = CorrectionRequest(
                request_id="cor-" + secrets.token_hex(6), item_id=item.item_id, item_title=item.title,
                category=item.category, reason=body.reason, proposed_value=body.proposed_value,
                status=CorrectionStatus.received, created_at=now, updated_at=now,
            )  # fmt: skip
            conn.execute("INSERT INTO corrections (request_id, resident_id, created_at, data) VALUES (?, ?, ?, ?)",
                         (request.request_id, c.subject_id, now.isoformat(), request.model_dump_json()))  # fmt: skip
            hashchain.log_activity(conn, resident_id=c.subject_id, actor_id=c.actor_id, action="request_correction",
                          device=c.device, detail=item.item_id)  # fmt: skip
        return request

    # ------------------------------------------------------------------------------- test hooks

    if os.environ.get("PORTAL_DEMO_TEST_HOOKS") == "1":
        # Only for tests: never in the OpenAPI document, never without the env var.
        @router.get("/_test/sleep", include_in_schema=False)
        def _sleep(seconds: float = 1.0) -> dict[str, float]:
            time.sleep(min(seconds, 30.0))
            return {"slept": seconds}

        @router.post("/_test/reset", include_in_schema=False)
        def _reset() -> dict[str, bool]:
            db.reset()
            return {"reset": True}

        @router.post("/_test/expire-session", include_in_schema=False)
        def _expire(c: Own) -> dict[str, bool]:
            with db.write() as conn:
                conn.execute("UPDATE sessions SET expires_at = ? WHERE token = ?",
                             ((_now() - timedelta(seconds=1)).isoformat(), c.token))  # fmt: skip
            return {"expired": True}

        @router.get("/_test/fail", include_in_schema=False)
        def _fail(status: int = 503) -> Response:
            return JSONResponse(
                status_code=status, content={"code": "test_failure", "message": "", "field_errors": {}}
            )

        def _edited_payload(conn: sqlite3.Connection, seq: int, field: str, value: str) -> dict[str, Any]:
            """A stored chain entry's payload with one field changed (the entry itself is not touched here)."""
            row = conn.execute("SELECT payload FROM chain WHERE seq = ?", (seq,)).fetchone()
            if row is None:
                raise ApiError(404, "not_found", "no such chain entry")
            payload = json.loads(row["payload"])
            payload[field] = value
            return payload

        @router.post("/_test/tamper", include_in_schema=False)
        def _tamper(seq: int, field: str = "purpose", value: str = "改ざんされた目的") -> dict[str, int]:
            """Edit a stored chain entry in place without re-hashing it, as someone with database access would."""
            with db.write() as conn:
                conn.execute("UPDATE chain SET payload = ? WHERE seq = ?",
                             (json.dumps(_edited_payload(conn, seq, field, value), ensure_ascii=False), seq))  # fmt: skip
            return {"tampered": seq}

        # What an operator with the database (and the signing key) could do, to show what the checks catch.
        @router.post("/_test/rechain", include_in_schema=False)
        def _rechain(seq: int, field: str = "purpose", value: str = "改ざんされた目的") -> dict[str, int]:
            """Edit an entry and re-hash it and every later entry: the chain is consistent again."""
            with db.write() as conn:
                conn.execute("UPDATE chain SET payload = ? WHERE seq = ?",
                             (hashchain.canonical_json(_edited_payload(conn, seq, field, value)), seq))  # fmt: skip
                hashchain.rehash_from(conn, seq)
            return {"rechained": seq}

        @router.post("/_test/truncate", include_in_schema=False)
        def _truncate(count: int = 1) -> dict[str, int]:
            """Delete the newest `count` chain entries."""
            with db.write() as conn:
                head_seq, _ = hashchain.head(conn)
                conn.execute("DELETE FROM chain WHERE seq > ?", (head_seq - max(count, 0),))
            return {"deleted": count}

        @router.post("/_test/edit-application", include_in_schema=False)
        def _edit_application(application_id: str, field: str, value: str) -> dict[str, str]:
            """Change one answer of a stored application, leaving the chain alone."""
            with db.write() as conn:
                row = conn.execute("SELECT data FROM applications WHERE application_id = ?",
                                   (application_id,)).fetchone()  # fmt: skip
                if row is None:
                    raise ApiError(404, "not_found", "no such application")
                app_ = Application.model_validate_json(row["data"])
                app_ = app_.model_copy(update={"answers": {**app_.answers, field: value}})
                conn.execute("UPDATE applications SET data = ? WHERE application_id = ?",
                             (app_.model_dump_json(), application_id))  # fmt: skip
            return {"edited": application_id}

        @router.post("/_test/delete-activity", include_in_schema=False)
        def _delete_activity(resident_id: str, count: int = 1) -> dict[str, int]:
            """Delete a resident's newest `count` activity rows."""
            with db.write() as conn:
                conn.execute("DELETE FROM activity WHERE id IN (SELECT id FROM activity WHERE resident_id = ?"
                             " ORDER BY id DESC LIMIT ?)", (resident_id, max(count, 0)))  # fmt: skip
            return {"deleted": count}

        # A whole-API outage for N seconds (the backend runs inside the portal's process, so tests cannot stop
        # it): "503" answers Service Unavailable, "hang" holds each request until the outage ends.
        outage: dict[str, Any] = {"until": 0.0, "mode": "503"}

        @router.post("/_test/outage", include_in_schema=False)
        def _outage(seconds: float = 10.0, mode: str = "503") -> dict[str, float]:
            outage["until"] = time.monotonic() + min(max(seconds, 0.0), 300.0)
            outage["mode"] = "hang" if mode == "hang" else "503"
            return {"seconds": seconds}

        @app.middleware("http")
        async def _outage_gate(request: Request, call_next: Any) -> Response:
            path = request.url.path
            if time.monotonic() < outage["until"] and path.startswith(API_PREFIX) and "/_test/" not in path:
                if outage["mode"] == "hang":
                    await asyncio.sleep(max(0.0, outage["until"] - time.monotonic()))
                else:
                    return JSONResponse(status_code=503, content={"code": "test_outage", "message": "", "field_errors": {}})
            return await call_next(request)

    app.include_router(router)
    return app


def _check_answers(procedure: Procedure, answers: dict[str, Any]) -> dict[str, str]:
    """Validate answers against the form schema; field name → machine code."""
    errors: dict[str, str] = {}
    for field in procedure.fields:
        value = answers.get(field.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if field.required:
                errors[field.name] = "required"
            continue
        kind = field.type
        if kind in (FieldType.number, FieldType.amount_yen):
            if isinstance(value, bool) or not isinstance(value, int):
                errors[field.name] = "not_integer"
            elif field.min_value is not None and value < field.min_value:
                errors[field.name] = "too_small"
            elif field.max_value is not None and value > field.max_value:
                errors[field.name] = "too_large"
        elif kind is FieldType.boolean:
            if not isinstance(value, bool):
                errors[field.name] = "not_boolean"
        elif not isinstance(value, str):
            errors[field.name] = "not_text"
        elif kind is FieldType.date:
            try:
                date.fromisoformat(value)
            except ValueError:
                errors[field.name] = "invalid_date"
        elif kind is FieldType.katakana and not KATAKANA_RE.match(value):
            errors[field.name] = "not_katakana"
        elif kind is FieldType.postal_code and not POSTAL_RE.match(value):
            errors[field.name] = "pattern"
        elif kind is FieldType.select and value not in {o.value for o in field.options or []}:
            errors[field.name] = "invalid_choice"
        elif field.max_length is not None and len(value) > field.max_length:
            errors[field.name] = "too_long"
    return errors
