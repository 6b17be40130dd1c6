"""The portal's stand-in for socket.io-client (rxapp/web_shims/socket-io-lite.js) against the real backend.

Every frame between the page and the backend passes through a Playwright WebSocket route, so the test sees the
protocol as the server does: the Engine.IO handshake, the namespace CONNECT carrying the hydrate event, events
both ways, the heartbeat, and what happens when the server ends the transport or the namespace.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, WebSocketRoute, expect

from tests.browser.apply_helpers import wait_hydrated

pytestmark = pytest.mark.browser


class Wire:
    """Every WebSocket the page opens, proxied to the backend, with the frames each way."""

    def __init__(self, page: Page) -> None:
        self.routes: list[WebSocketRoute] = []
        self.sent: list[str] = []  # page → backend
        self.received: list[str] = []  # backend → page
        page.route_web_socket(re.compile(r"/_event"), self._route)

    def _route(self, ws: WebSocketRoute) -> None:
        server = ws.connect_to_server()
        self.routes.append(ws)

        def up(message: str | bytes) -> None:
            self.sent.append(str(message))
            server.send(message)

        def down(message: str | bytes) -> None:
            self.received.append(str(message))
            ws.send(message)

        ws.on_message(up)
        server.on_message(down)


def wait_for(page: Page, condition: object, what: str, timeout_ms: int = 30_000) -> None:
    for _ in range(timeout_ms // 100):
        if condition():  # type: ignore[operator]
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"timed out waiting for {what}")


def search(page: Page, query: str, expected_count: str) -> None:
    field = page.locator("#procedure-query")
    field.fill(query)
    field.press("Enter")
    expect(page.locator("#result-count")).to_have_text(expected_count)


def test_the_page_speaks_socket_io_to_the_backend(page: Page, portal_url: str) -> None:
    wire = Wire(page)
    page.goto(f"{portal_url}/en/procedures")
    wait_hydrated(page)
    wait_for(page, lambda: any(f.startswith("40/_event,{\"sid\"") for f in wire.received), "the namespace to connect")
    assert len(wire.routes) == 1
    url = wire.routes[0].url
    assert "/_event/?" in url and "EIO=4" in url and "transport=websocket" in url and "token=" in url
    assert wire.received[0].startswith("0{") and json.loads(wire.received[0][1:])["maxPayload"] > 0  # handshake
    connect = wire.sent[0]
    assert connect.startswith("40/_event,{")  # CONNECT on Reflex's namespace, the hydrate event riding in it
    assert json.loads(connect[len("40/_event,"):])["event"]["name"].endswith(".hydrate_and_load")

    search(page, "pension", "2 procedures found")  # an event up, a state delta down
    event = next(f for f in wire.sent if f.startswith("42/_event,") and ".submit" in f)
    name, payload = json.loads(event[len("42/_event,"):])
    assert name == "event" and payload["payload"]["form_data"]

    wire.routes[0].send("2")  # the server's heartbeat ping
    wait_for(page, lambda: "3" in wire.sent, "the pong")


def test_a_closed_transport_reconnects_and_the_page_keeps_working(page: Page, portal_url: str) -> None:
    wire = Wire(page)
    page.goto(f"{portal_url}/en/procedures")
    wait_hydrated(page)
    wait_for(page, lambda: any(f.startswith("40/_event,{\"sid\"") for f in wire.received), "the namespace to connect")
    search(page, "pension", "2 procedures found")

    wire.routes[0].close()  # the backend or a proxy drops the WebSocket
    wait_for(page, lambda: len(wire.routes) == 2, "a new WebSocket")
    wait_for(page, lambda: sum(f.startswith("40/_event,{\"sid\"") for f in wire.received) == 2, "the namespace again")
    assert wire.routes[1].url != "" and "EIO=4" in wire.routes[1].url
    search(page, "care", "2 procedures found")  # events flow on the new connection
    expect(page.locator("#connection-notice")).to_be_hidden()


def test_a_server_side_namespace_disconnect_is_not_retried(page: Page, portal_url: str) -> None:
    # Reflex's state.js reconnects transient drops only: a DISCONNECT from the server is meant.
    wire = Wire(page)
    page.goto(f"{portal_url}/en/procedures")
    wait_hydrated(page)
    wait_for(page, lambda: any(f.startswith("40/_event,{\"sid\"") for f in wire.received), "the namespace to connect")
    wire.routes[0].send("41/_event,")
    page.wait_for_timeout(3000)
    assert len(wire.routes) == 1 and sum(f.startswith("40/_event,") for f in wire.sent) == 1
    assert page.evaluate("() => document.visibilityState") == "visible"
