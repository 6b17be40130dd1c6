"""The embedded demo backend (FastAPI + SQLite). Never imports reflex: it also runs standalone."""

from rxapp.backend.app import create_api

__all__ = ["create_api"]
