"""Reflex configuration for Minna Portal.

Ports are passed on the command line (see the Makefile): a port in this file breaks `--backend-only`.
"""

import os

import reflex as rx

from rxapp.build_plugin import LeanBundlePlugin
from rxapp.web_security import WEBSOCKET_MAX_MESSAGE_BYTES, allowed_origins

# Reflex reads it when the app builds its socket server; a huge message closes the socket before it is parsed.
os.environ.setdefault("REFLEX_SOCKET_MAX_HTTP_BUFFER_SIZE", str(WEBSOCKET_MAX_MESSAGE_BYTES))

config = rx.Config(
    app_name="rxapp",
    show_built_with_reflex=False,
    telemetry_enabled=False,
    # Plain rx.el elements and one stylesheet: no Radix Themes, no Tailwind (see README, "Page weight").
    # LeanBundlePlugin: small stand-ins for @emotion/react, universal-cookie, mergician and socket.io-client
    # (rxapp/build_plugin.py; about 20 KB less on every first load).
    plugins=[rx.plugins.SitemapPlugin(), LeanBundlePlugin()],
    disable_plugins=[rx.plugins.TailwindV4Plugin, rx.plugins.TailwindV3Plugin],
    # CORS (Reflex's three layers) only for the public URL, PORTAL_ALLOWED_ORIGINS and the dev frontend: never
    # "*", which with credentials reflects any Origin. Same-origin requests need no CORS header.
    cors_allowed_origins=allowed_origins(),
    redis_url=os.environ.get("REFLEX_REDIS_URL") or None,
    # Brotli first: about 20 % smaller than gzip for the framework bundles (see README, "Page weight").
    frontend_compression_formats=["brotli", "gzip"],
)
