"""A direct DevTools-protocol connection to the page a selenium Chromium drives.

Through chromedriver, a command costs Chromium and chromedriver about 5 ms of CPU (an
`execute_script` of `return 1`, measured on a 2-core machine); over the browser's own DevTools
socket, about 1 ms. The checks that send thousands of commands (focus screenshots, display
modes, the accessibility tree) use this; selenium keeps navigation, clicks and axe.

Both clients may talk to one page at once: Chromium keeps a session for each. Emulation that a
session sets ends with it, so nothing outlives the connection.
"""

from __future__ import annotations

import itertools
import json
import weakref
from typing import Any

import websocket

# Longer than any one command takes (a whole-page screenshot: under a second).
TIMEOUT_SECONDS = 60


class DevToolsError(RuntimeError):
    """The browser answered a command with an error, or a script threw."""


class DevTools:
    """One DevTools session on one page target: `send` a protocol command, `run` a script."""

    def __init__(self, websocket_url: str) -> None:
        # websocket-client checks each text frame's UTF-8 in pure Python, 8 ms for 50 kB (a
        # screenshot is several times that); json.loads rejects malformed text all the same.
        self._socket = websocket.create_connection(
            websocket_url,
            timeout=TIMEOUT_SECONDS,
            suppress_origin=True,
            skip_utf8_validation=True,
        )
        self._ids = itertools.count(1)

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a protocol command and return its result. Events (from domains a command
        enabled, such as DOM after DOM.getDocument) are read past and dropped."""
        command_id = next(self._ids)
        self._socket.send(json.dumps({"id": command_id, "method": method, "params": params or {}}))
        while True:
            message = json.loads(self._socket.recv())
            if message.get("id") != command_id:
                continue
            if "error" in message:
                raise DevToolsError(f"{method}: {message['error'].get('message', message)}")
            return message["result"]

    def run(self, body: str, *arguments: Any) -> Any:
        """Run `body`, a function body as for selenium's `execute_script` (`arguments` holds
        the JSON-able `arguments`), and return its JSON-able return value."""
        expression = f"(function () {{ {body} }}).apply(null, {json.dumps(arguments)})"
        found = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in found:
            details = found["exceptionDetails"]
            thrown = details.get("exception", {}).get("description") or details.get("text")
            raise DevToolsError(f"script failed: {thrown}")
        return found["result"].get("value")


_SESSIONS: weakref.WeakKeyDictionary[Any, DevTools] = weakref.WeakKeyDictionary()


def devtools(driver: Any) -> DevTools:
    """The DevTools session on the window that was `driver`'s current one at first use, kept
    for the driver's life (chromedriver names a window by its DevTools target id). Asking
    selenium for the current window costs a chromedriver round trip, so a switch to another
    window is not followed: the focus, display-mode and accessibility-tree checks act on that
    first window. run_axe() and open_uswds_page() go through selenium and follow switches."""
    session = _SESSIONS.get(driver)
    if session is None:
        address = driver.capabilities["goog:chromeOptions"]["debuggerAddress"]
        target = driver.current_window_handle
        session = _SESSIONS[driver] = DevTools(f"ws://{address}/devtools/page/{target}")
    return session
