"""Adapter settings, from the environment (prefix PORTAL_)."""

from __future__ import annotations

import os

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

API_PREFIX = "/api/v1"


def embedded_api_url() -> str:
    """Root URL of the embedded backend, which the Reflex backend itself serves.

    `PORTAL_EMBEDDED_API_URL` wins; otherwise the Reflex backend's port on loopback.
    """
    explicit = os.environ.get("PORTAL_EMBEDDED_API_URL")
    if explicit:
        return explicit.rstrip("/")
    port = os.environ.get("REFLEX_BACKEND_PORT") or os.environ.get("BACKEND_PORT") or "8000"
    return f"http://127.0.0.1:{port}"


class ApiSettings(BaseSettings):
    """Where the backend is and how patient to be with it."""

    model_config = SettingsConfigDict(env_prefix="PORTAL_", extra="ignore")

    api_url: str | None = Field(
        default=None,
        description="Root URL of the backend (with or without /api/v1); None = the embedded backend.",
    )
    connect_timeout: float = Field(default=2.0, gt=0, description="Seconds to open a connection")
    read_timeout: float = Field(default=10.0, gt=0, description="Seconds to wait for a response")
    retries: int = Field(default=2, ge=0, le=10, description="Extra attempts for idempotent requests")
    backoff_base: float = Field(default=0.1, ge=0, description="First backoff in seconds; doubles each retry")
    max_connections: int = Field(default=50, ge=1)
    backend_key: str = Field(
        default="",
        description="Shared secret with which the portal vouches for the resident's address it forwards "
        "(PORTAL_BACKEND_KEY); without it the backend counts sign-in attempts per caller.",
    )
    chain_public_key: str | None = Field(
        default=None,
        description="Hex Ed25519 key that must sign the chain's checkpoints (the operator publishes it out of band);"
        " None = pin the key each resident first saw",
    )

    def base_url(self) -> str:
        """Absolute URL of the API root, always ending in /api/v1."""
        root = (self.api_url or embedded_api_url()).rstrip("/")
        if root.endswith(API_PREFIX):
            return root
        return root + API_PREFIX
