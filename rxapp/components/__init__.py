"""Accessible components, one per module, each with named examples."""
