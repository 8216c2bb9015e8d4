"""A threaded wsgiref server for the receiver: for development, tests and small sites."""

from __future__ import annotations

import socketserver
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """wsgiref's server, one thread per request."""

    daemon_threads = True
    request_queue_size = 128  # wsgiref's 5 drops connections under a burst of posts


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def make_threaded_server(
    app: Any, host: str = "127.0.0.1", port: int = 0, *, quiet: bool = True
) -> ThreadingWSGIServer:
    """A server for `app` on host:port (0: any free port); call serve_forever() on it."""
    handler = QuietHandler if quiet else WSGIRequestHandler
    return make_server(host, port, app, server_class=ThreadingWSGIServer, handler_class=handler)
