"""The adapter: the ONLY code that knows HTTP. Methods return the shared pydantic models and raise
only `rxapp.api.errors` exceptions.

One pooled `httpx.AsyncClient` per process, created lazily in the running event loop (an httpx
client is bound to the loop it was created in, so a new loop gets a new client). Idempotent
requests (GET/PUT/DELETE) are retried with exponential backoff on connection errors and 5xx;
POSTs never are: a submission carries an Idempotency-Key instead, made by the caller per draft.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import datetime
from typing import Any, TypeVar

import httpx
from pydantic import TypeAdapter, ValidationError

from rxapp.api.chain import application_matches, missing_activity, verify_entries, verify_page
from rxapp.api.errors import (
    BackendError,
    BackendTimeout,
    BackendUnavailable,
    CardLocked,
    Conflict,
    Forbidden,
    NotFound,
    PinIncorrect,
    PortalError,
    TooManyAttempts,
    Unauthorised,
    ValidationFailed,
)
from rxapp.api.models import (
    AccessRecord,
    ActivityEntry,
    AnswerValue,
    Application,
    ChainPage,
    ChainPublicKey,
    ChainVerification,
    CorrectionRequest,
    DemoCard,
    DisclosureRule,
    DisclosureSettings,
    ErrorBody,
    ExternalService,
    Health,
    InfoCategory,
    InfoItem,
    Notice,
    Procedure,
    Proxy,
    ProxyList,
    ProxyScope,
    PublicFundAccount,
    PublicFundAccountIn,
    PublicFundAccountState,
    ResidentProfile,
    Session,
    SignedCheckpoint,
    SmartphoneChallenge,
)
from rxapp.api.settings import ApiSettings

T = TypeVar("T")

IDEMPOTENT_METHODS = frozenset({"GET", "PUT", "DELETE", "HEAD", "OPTIONS"})
RETRYABLE_STATUS = frozenset({500, 502, 503, 504})
USER_AGENT = "MinnaPortal-adapter/1.0 python-httpx"
ACTIVITY_CHECK_LIMIT = 1000  # the most the backend serves at once

_adapters: dict[Any, TypeAdapter[Any]] = {}


def _adapter(tp: Any) -> TypeAdapter[Any]:
    """TypeAdapters are costly to build, so keep one per response type."""
    found = _adapters.get(tp)
    if found is None:
        found = _adapters[tp] = TypeAdapter(tp)
    return found


def _error_from_response(response: httpx.Response) -> PortalError:
    """Turn a non-2xx response into a typed error, by machine code first, then by status."""
    status = response.status_code
    try:
        body = ErrorBody.model_validate(response.json())
    except (ValueError, ValidationError):
        body = ErrorBody(code="", message=response.text[:200])
    code, message = body.code, body.message
    if code == "pin_incorrect":
        return PinIncorrect(
            message, tries_left=body.tries_left if body.tries_left is not None else 0, status=status
        )
    if code == "card_locked":
        return CardLocked(message, status=status)
    if status == 429:
        retry = body.retry_after_s or int(response.headers.get("retry-after", "0") or 0) or 60
        return TooManyAttempts(message, retry_after_s=retry, status=status)
    if status == 422 or body.field_errors:
        return ValidationFailed(message, field_errors=body.field_errors, code=code or None, status=status)
    by_status: dict[int, type[PortalError]] = {
        401: Unauthorised, 403: Forbidden, 404: NotFound, 409: Conflict, 423: CardLocked,
        502: BackendUnavailable, 503: BackendUnavailable, 504: BackendUnavailable,
    }  # fmt: skip
    cls = by_status.get(status) or (BackendError if status >= 500 else PortalError)
    return cls(message, code=code or None, status=status)


class PortalClient:
    """Async client for the portal backend. Share one per process (see `get_client`)."""

    def __init__(self, settings: ApiSettings | None = None) -> None:
        self.settings = settings or ApiSettings()
        self.base_url = self.settings.base_url()
        self._client: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # ------------------------------------------------------------------------------- plumbing

    def _http(self) -> httpx.AsyncClient:
        """The pooled client of the running loop (created on first use in that loop)."""
        loop = asyncio.get_running_loop()
        if self._client is None or self._client.is_closed or self._loop is not loop:
            s = self.settings
            self._client = httpx.AsyncClient(
                base_url=self.base_url,
                timeout=httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout,
                                      pool=s.connect_timeout),
                limits=httpx.Limits(max_connections=s.max_connections,
                                    max_keepalive_connections=s.max_connections),
                headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
                trust_env=False,  # a proxy from the environment must not sit between us and our backend
            )  # fmt: skip
            self._loop = loop
        return self._client

    async def aclose(self) -> None:
        """Close the pooled connections (call on shutdown)."""
        client, self._client, self._loop = self._client, None, None
        if client is not None and not client.is_closed:
            # A client made in a loop that is gone cannot be closed cleanly: nothing is left to close.
            with contextlib.suppress(RuntimeError):
                await client.aclose()

    async def _send(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Send with retries for idempotent methods; map transport failures to typed errors."""
        all_headers = dict(headers or {})
        if token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        clean_params = {k: v for k, v in (params or {}).items() if v is not None}
        attempts = 1 + (self.settings.retries if method in IDEMPOTENT_METHODS else 0)
        for attempt in range(attempts):
            last = attempt + 1 >= attempts
            try:
                response = await self._http().request(
                    method, path, json=json, params=clean_params or None, headers=all_headers
                )
            except httpx.ConnectTimeout as exc:
                # Not retried: one connect timeout already spent the budget the caller configured.
                raise BackendUnavailable(f"connect timeout to {self.base_url}") from exc
            except httpx.TimeoutException as exc:
                raise BackendTimeout(f"{method} {path} timed out") from exc
            except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                if last:
                    raise BackendUnavailable(f"cannot reach {self.base_url}: {type(exc).__name__}") from exc
            except httpx.HTTPError as exc:
                raise BackendUnavailable(f"{method} {path}: {type(exc).__name__}") from exc
            else:
                if response.status_code not in RETRYABLE_STATUS or last:
                    return response
            await asyncio.sleep(self.settings.backoff_base * (2**attempt))
        raise BackendUnavailable("unreachable")  # pragma: no cover - the loop always returns or raises

    async def _call(
        self,
        method: str,
        path: str,
        response_type: Any = None,
        *,
        token: str | None = None,
        json: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        """One request: a parsed model of `response_type`, or a typed error."""
        response = await self._send(method, path, token=token, json=json, params=params, headers=headers)
        if response.status_code >= 400:
            raise _error_from_response(response)
        if response_type is None:
            return None
        try:
            return _adapter(response_type).validate_json(response.content)
        except ValidationError as exc:
            raise BackendError(f"{method} {path}: response is not the contract") from exc

    # ------------------------------------------------------------------------------- sign-in

    async def health(self) -> Health:
        """Liveness of the backend."""
        return await self._call("GET", "/health", Health)

    async def list_demo_cards(self) -> list[DemoCard]:
        """Simulated cards for the sign-in page."""
        return await self._call("GET", "/demo-cards", list[DemoCard])

    async def sign_in(self, card_id: str, pin: str, *, device: str = "", client_address: str = "") -> Session:
        """Card + PIN. Raises PinIncorrect(tries_left), CardLocked, TooManyAttempts, NotFound, ValidationFailed.

        `device` is the resident's browser's User-Agent: the backend records it in 操作履歴, where the
        portal's own HTTP client would say nothing useful. `client_address` is the resident's address, for
        the backend's per-client sign-in limits (vouched for with the shared backend key)."""
        session = await self._call("POST", "/sessions", Session, json={"card_id": card_id, "pin": pin},
                                   headers=self._resident_headers(device, client_address))  # fmt: skip
        return session

    async def sign_in_smartphone_start(self, card_id: str, *, client_address: str = "") -> SmartphoneChallenge:
        """Start a smartphone sign-in challenge."""
        return await self._call("POST", "/sessions/smartphone", SmartphoneChallenge, json={"card_id": card_id},
                                headers=self._resident_headers("", client_address))  # fmt: skip

    async def sign_in_smartphone_complete(
        self, challenge_id: str, *, approved: bool = True, pin: str | None = None, device: str = "",
        client_address: str = "",
    ) -> Session:
        """Complete it: approval carries the resident's PIN, which the backend checks like a card sign-in."""
        body: dict[str, Any] = {"approved": approved}
        if approved:
            body["pin"] = pin
        session = await self._call(
            "POST", f"/sessions/smartphone/{challenge_id}/complete", Session, json=body,
            headers=self._resident_headers(device, client_address),
        )  # fmt: skip
        return session

    def _resident_headers(self, device: str, client_address: str) -> dict[str, str]:
        """The resident's browser and address, forwarded for the activity log and the sign-in limits."""
        headers = _device_header(device)
        address = "".join(ch for ch in client_address if ch.isalnum() or ch in ".:")[:64]
        if address and self.settings.backend_key:
            headers[CLIENT_ADDRESS_HEADER] = address
            headers[BACKEND_KEY_HEADER] = self.settings.backend_key
        return headers

    async def get_session(self, token: str) -> Session:
        """The current session (who acts for whom, when it expires)."""
        return await self._call("GET", "/sessions/current", Session, token=token)

    async def extend_session(self, token: str) -> Session:
        """Extend the session by its full lifetime."""
        return await self._call("POST", "/sessions/current/extend", Session, token=token)

    async def sign_out(self, token: str) -> None:
        """End the session."""
        await self._call("DELETE", "/sessions/current", None, token=token)

    async def act_as(self, token: str, resident_id: str) -> Session:
        """Act for a principal (proxy), or pass one's own id to return to oneself."""
        return await self._call("POST", f"/sessions/current/act-as/{resident_id}", Session, token=token)

    # ------------------------------------------------------------------------------- resident data

    async def get_profile(self, token: str) -> ResidentProfile:
        """The subject's basic record."""
        return await self._call("GET", "/profile", ResidentProfile, token=token)

    async def list_info(self, token: str, category: InfoCategory | str | None = None) -> list[InfoItem]:
        """わたしの情報, all or one category."""
        cat = category.value if isinstance(category, InfoCategory) else category
        return await self._call("GET", "/info", list[InfoItem], token=token, params={"category": cat})

    async def get_info_item(self, token: str, item_id: str) -> InfoItem:
        """One item of わたしの情報."""
        return await self._call("GET", f"/info/{item_id}", InfoItem, token=token)

    async def list_notices(self, token: str) -> list[Notice]:
        """お知らせ, newest first."""
        return await self._call("GET", "/notices", list[Notice], token=token)

    async def mark_notice_read(self, token: str, notice_id: str) -> Notice:
        """Mark a notice as read."""
        return await self._call("PUT", f"/notices/{notice_id}/read", Notice, token=token)

    async def list_access_records(
        self,
        token: str,
        agency: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
    ) -> list[AccessRecord]:
        """やりとり履歴, newest first, optionally filtered."""
        params = {"agency": agency, "since": since.isoformat() if since else None,
                  "until": until.isoformat() if until else None}  # fmt: skip
        return await self._call("GET", "/access-records", list[AccessRecord], token=token, params=params)

    async def get_chain(self, token: str, *, mine: bool = False) -> ChainPage:
        """The chain as the subject may see it (others' entries redacted), or only the subject's entries."""
        return await self._call("GET", "/chain/mine" if mine else "/chain", ChainPage, token=token)

    async def get_chain_head(self) -> SignedCheckpoint:
        """The signed head (public)."""
        return await self._call("GET", "/chain/head", SignedCheckpoint)

    async def get_chain_public_key(self) -> str:
        """The key the backend says signs its checkpoints (hex)."""
        return (await self._call("GET", "/chain/public-key", ChainPublicKey)).public_key

    async def verify_chain(
        self, token: str, *, mine: bool = False, seen: SignedCheckpoint | None = None
    ) -> ChainVerification:
        """Fetch the chain and verify it here, not trusting the server's word.

        The whole view is checked up to its signed head; the key is the configured one, else the one the
        resident's remembered checkpoint was signed with, else the published one (trust on first use: an
        operator who swaps keys later is caught, one who lies from the start is not, unless the portal is
        configured with the key published out of band). `seen` is the resident's last verified checkpoint.
        The subject's activity log is checked against its chain entries too.
        """
        if mine:
            return verify_entries((await self.get_chain(token, mine=True)).entries, complete=False)
        # The chain first: the log read after it holds at least every row the chain recorded (an action in
        # between only adds rows), so a row missing from it was deleted, not merely not yet written.
        page = await self.get_chain(token)
        rows = await self.list_activity(token, limit=ACTIVITY_CHECK_LIMIT)
        key = self.settings.chain_public_key or (seen.public_key if seen else None)
        if key is None:
            key = await self.get_chain_public_key()
        result = verify_page(page, public_key=key, seen=seen)
        if result.ok:
            missing = missing_activity(page, rows, limit=ACTIVITY_CHECK_LIMIT)
            if missing is not None:
                return ChainVerification(ok=False, checked=result.checked, first_bad_seq=missing,
                                         reason="activity_missing")  # fmt: skip
        return result

    async def verify_application(self, token: str, app: Application) -> str | None:
        """The fingerprint (chain hash) of a sent application if the stored one still matches what the chain
        recorded when it was sent; None if it was changed since (or its record is gone)."""
        if not app.chain_seq:
            return None
        page = await self.get_chain(token, mine=True)
        entry = next((e for e in page.entries if e.seq == app.chain_seq), None)
        return app.chain_hash if application_matches(app, entry) else None

    # ------------------------------------------------------------------------------- settings

    async def get_disclosure(self, token: str) -> DisclosureSettings:
        """Disclosure matrix and change log."""
        return await self._call("GET", "/disclosure", DisclosureSettings, token=token)

    async def set_disclosure(self, token: str, rules: list[DisclosureRule]) -> DisclosureSettings:
        """Change some disclosure rules."""
        body = {"rules": [r.model_dump(mode="json") for r in rules]}
        return await self._call("PUT", "/disclosure", DisclosureSettings, token=token, json=body)

    async def list_proxies(self, token: str) -> ProxyList:
        """Proxies I appointed and people I may act for."""
        return await self._call("GET", "/proxies", ProxyList, token=token)

    async def add_proxy(self, token: str, proxy_resident_id: str, scope: list[ProxyScope]) -> Proxy:
        """Appoint a proxy."""
        body = {"proxy_resident_id": proxy_resident_id, "scope": [ProxyScope(s).value for s in scope]}
        return await self._call("POST", "/proxies", Proxy, token=token, json=body)

    async def revoke_proxy(self, token: str, proxy_id: str) -> Proxy:
        """Revoke a proxy relation."""
        return await self._call("DELETE", f"/proxies/{proxy_id}", Proxy, token=token)

    async def list_external_services(self, token: str) -> list[ExternalService]:
        """外部サイト連携 and what each receives."""
        return await self._call("GET", "/external-services", list[ExternalService], token=token)

    async def link_external_service(self, token: str, service_id: str) -> ExternalService:
        """Link a service."""
        return await self._call("PUT", f"/external-services/{service_id}/link", ExternalService, token=token)

    async def unlink_external_service(self, token: str, service_id: str) -> ExternalService:
        """Unlink a service."""
        return await self._call(
            "DELETE", f"/external-services/{service_id}/link", ExternalService, token=token
        )

    async def get_public_fund_account(self, token: str) -> PublicFundAccount | None:
        """公金受取口座, or None when none is registered."""
        state: PublicFundAccountState = await self._call(
            "GET", "/public-fund-account", PublicFundAccountState, token=token
        )
        return state.account

    async def set_public_fund_account(
        self, token: str, account: PublicFundAccountIn | dict[str, Any]
    ) -> PublicFundAccount:
        """Register or change it. A dict is sent as given so the server reports every field error."""
        body = account.model_dump(mode="json") if isinstance(account, PublicFundAccountIn) else account
        return await self._call("PUT", "/public-fund-account", PublicFundAccount, token=token, json=body)

    async def list_activity(self, token: str, limit: int = 200) -> list[ActivityEntry]:
        """操作履歴, newest first."""
        return await self._call("GET", "/activity", list[ActivityEntry], token=token, params={"limit": limit})

    # ------------------------------------------------------------------------------- procedures

    async def list_procedures(
        self, query: str | None = None, life_event: str | None = None
    ) -> list[Procedure]:
        """Procedures, optionally matching text or a life event (birth, moving, care, study, pension…)."""
        params = {"query": query, "life_event": life_event}
        return await self._call("GET", "/procedures", list[Procedure], params=params)

    async def get_procedure(self, procedure_id: str) -> Procedure:
        """One procedure with its form schema."""
        return await self._call("GET", f"/procedures/{procedure_id}", Procedure)

    async def create_draft(
        self, token: str, procedure_id: str, answers: dict[str, AnswerValue] | None = None
    ) -> Application:
        """Start a draft application."""
        body = {"procedure_id": procedure_id, "answers": answers or {}}
        return await self._call("POST", "/applications", Application, token=token, json=body)

    async def update_draft(
        self, token: str, application_id: str, answers: dict[str, AnswerValue]
    ) -> Application:
        """Replace the draft's answers (saved as given)."""
        return await self._call(
            "PUT", f"/applications/{application_id}", Application, token=token, json={"answers": answers}
        )

    async def get_application(self, token: str, application_id: str) -> Application:
        """One application."""
        return await self._call("GET", f"/applications/{application_id}", Application, token=token)

    async def list_applications(self, token: str) -> list[Application]:
        """Drafts and applications, newest first."""
        return await self._call("GET", "/applications", list[Application], token=token)

    async def submit_application(self, token: str, application_id: str, idempotency_key: str) -> Application:
        """Submit; the same key again returns the same application and receipt (safe to resend)."""
        return await self._call(
            "POST", f"/applications/{application_id}/submit", Application, token=token,
            headers={"Idempotency-Key": idempotency_key},
        )  # fmt: skip

    async def create_correction_request(
        self, token: str, item_id: str, reason: str, proposed_value: str | None = None
    ) -> CorrectionRequest:
        """Report an error in an item of わたしの情報."""
        body = {"item_id": item_id, "reason": reason, "proposed_value": proposed_value}
        return await self._call("POST", "/correction-requests", CorrectionRequest, token=token, json=body)

    async def list_correction_requests(self, token: str) -> list[CorrectionRequest]:
        """Data-correction requests."""
        return await self._call("GET", "/correction-requests", list[CorrectionRequest], token=token)


_shared: PortalClient | None = None


def get_client() -> PortalClient:
    """The process-wide adapter (settings read from the environment on first use)."""
    global _shared
    if _shared is None:
        _shared = PortalClient()
    return _shared


async def close_client() -> None:
    """Close the process-wide adapter's connections."""
    global _shared
    if _shared is not None:
        await _shared.aclose()
        _shared = None


DEVICE_HEADER = "X-Client-User-Agent"
CLIENT_ADDRESS_HEADER = "X-Client-Address"
BACKEND_KEY_HEADER = "X-Portal-Key"


def _device_header(device: str) -> dict[str, str]:
    """The resident's User-Agent, for the backend's activity log (printable ASCII, bounded)."""
    clean = "".join(ch for ch in device if 32 <= ord(ch) < 127)[:300]
    return {DEVICE_HEADER: clean} if clean else {}
