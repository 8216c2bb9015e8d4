"""A wsgiref server for the receiver with a bounded thread pool: for development, tests and
small sites.

A slow or stalled client cannot hold a worker for long: each socket read or write times out
after `request_timeout` seconds, and a request still running `request_deadline` seconds after
it started has its connection shut. More connections than the pool and its queue hold are
answered 503 at once instead of piling up threads.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import sys
import threading
import time
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

DEFAULT_WORKERS = 8
DEFAULT_QUEUE = 64
DEFAULT_REQUEST_TIMEOUT = 10.0
DEFAULT_REQUEST_DEADLINE = 30.0
_BUSY_REPLY = (
    b"HTTP/1.0 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Type: text/plain\r\n"
    b"Content-Length: 21\r\nConnection: close\r\n\r\nServer busy, retry.\r\n"
)


class BoundedThreadPoolMixIn:
    """socketserver mix-in: `workers` threads serve requests from a queue of `queue_size`;
    a request beyond both is refused with 503; `request_deadline` bounds each request."""

    workers = DEFAULT_WORKERS
    queue_size = DEFAULT_QUEUE
    request_deadline = DEFAULT_REQUEST_DEADLINE

    def _start_pool(self) -> None:
        # Admission counts requests being served and waiting alike, so the bound holds however
        # fast the workers pick up what is queued.
        self._slots = threading.BoundedSemaphore(self.workers + self.queue_size)
        self._requests: queue.SimpleQueue[tuple[socket.socket, Any] | None] = queue.SimpleQueue()
        self._active: dict[socket.socket, float] = {}  # request -> its deadline
        self._active_lock = threading.Lock()
        self._stopping = threading.Event()
        self._threads = [
            threading.Thread(target=self._work, name=f"feedback-worker-{n}", daemon=True)
            for n in range(self.workers)
        ]
        self._threads.append(
            threading.Thread(target=self._reap, name="feedback-reaper", daemon=True)
        )
        for thread in self._threads:
            thread.start()

    def process_request(self, request: Any, client_address: Any) -> None:
        if self._slots.acquire(blocking=False):
            self._requests.put((request, client_address))
        else:
            with contextlib.suppress(OSError):
                request.settimeout(1.0)
                request.sendall(_BUSY_REPLY)
            self.shutdown_request(request)  # type: ignore[attr-defined]

    def _work(self) -> None:
        while (item := self._requests.get()) is not None:
            request, client_address = item
            with self._active_lock:
                self._active[request] = time.monotonic() + self.request_deadline
            try:
                self.finish_request(request, client_address)  # type: ignore[attr-defined]
            except Exception:
                self.handle_error(request, client_address)  # type: ignore[attr-defined]
            finally:
                with self._active_lock:
                    self._active.pop(request, None)
                self.shutdown_request(request)  # type: ignore[attr-defined]
                self._slots.release()

    def _reap(self) -> None:
        # Shutting a socket down wakes its worker's blocked read or write with an error or EOF:
        # the one way to stop a thread stuck on a client trickling a byte at a time.
        while not self._stopping.wait(0.1):
            now = time.monotonic()
            with self._active_lock:
                overdue = [request for request, end in self._active.items() if end <= now]
                for request in overdue:
                    self._active[request] = float("inf")  # once is enough
            for request in overdue:
                with contextlib.suppress(OSError):
                    request.shutdown(socket.SHUT_RDWR)

    def server_close(self) -> None:
        super().server_close()  # type: ignore[misc]
        self._stopping.set()
        # Requests still queued are never served: close their connections.
        with contextlib.suppress(queue.Empty):
            while True:
                item = self._requests.get_nowait()
                if item is not None:
                    self.shutdown_request(item[0])  # type: ignore[attr-defined]
        for _ in range(self.workers):
            self._requests.put(None)


class ThreadingWSGIServer(BoundedThreadPoolMixIn, WSGIServer):
    """wsgiref's server with a bounded pool of worker threads."""

    request_queue_size = 128  # the listen backlog: wsgiref's 5 drops connections in a burst

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._start_pool()  # after binding: a port in use leaves no threads behind

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that timed out or went away is routine, not a traceback on stderr.
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def make_threaded_server(
    app: Any,
    host: str = "127.0.0.1",
    port: int = 0,
    *,
    quiet: bool = True,
    workers: int = DEFAULT_WORKERS,
    queue_size: int = DEFAULT_QUEUE,
    request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
    request_deadline: float = DEFAULT_REQUEST_DEADLINE,
) -> ThreadingWSGIServer:
    """A server for `app` on host:port (0: any free port); call serve_forever() on it.

    `workers` threads serve at most `workers` requests at once, `queue_size` more wait; each
    socket operation times out after `request_timeout` s, a request after `request_deadline` s.
    """
    base = QuietHandler if quiet else WSGIRequestHandler
    # StreamRequestHandler.setup() gives the connection this socket timeout.
    handler = type("FeedbackRequestHandler", (base,), {"timeout": request_timeout})
    server_class = type(
        "FeedbackServer",
        (ThreadingWSGIServer,),
        {"workers": workers, "queue_size": queue_size, "request_deadline": request_deadline},
    )
    return make_server(host, port, app, server_class=server_class, handler_class=handler)
