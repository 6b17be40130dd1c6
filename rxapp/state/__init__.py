"""Reflex states: small, serialisable, holding machine codes rather than words (pages translate)."""
