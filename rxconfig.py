"""Reflex configuration for Minna Portal.

Ports are passed on the command line (see the Makefile): a port in this file breaks `--backend-only`.
"""

import os

import reflex as rx

from rxapp.build_plugin import LeanBundlePlugin

config = rx.Config(
    app_name="rxapp",
    show_built_with_reflex=False,
    telemetry_enabled=False,
    # Plain rx.el elements and one stylesheet: no Radix Themes, no Tailwind (see README, "Page weight").
    # LeanBundlePlugin: small stand-ins for @emotion/react, universal-cookie, mergician and socket.io-client
    # (rxapp/build_plugin.py; about 20 KB less on every first load).
    plugins=[rx.plugins.SitemapPlugin(), LeanBundlePlugin()],
    disable_plugins=[rx.plugins.TailwindV4Plugin, rx.plugins.TailwindV3Plugin],
    redis_url=os.environ.get("REFLEX_REDIS_URL") or None,
    # Brotli first: about 20 % smaller than gzip for the framework bundles (see README, "Page weight").
    frontend_compression_formats=["brotli", "gzip"],
)
