"""The feedback receiver under a real gunicorn, and a load client for it, on 127.0.0.1 only.

gunicorn serves `feedback_wsgi:create_app()`, a FeedbackApp on the store named by
$USWDS_FEEDBACK_DB (a SQLite path or a postgresql:// URL). Used by tests/test_feedback_crash.py
and bench/feedback.py.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from pathlib import Path

from uswds_components.feedback.app import DEFAULT_ACTION, DEFAULT_HEALTH_PATH, FeedbackApp
from uswds_components.feedback.store import DB_ENV

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def create_app() -> FeedbackApp:
    """gunicorn's app factory: one receiver per worker, each with its own store."""
    # The load comes from one address far faster than any person: the rate limit would answer
    # 429 to most of it, and the point is to measure and crash the store, not the limit.
    return FeedbackApp(os.environ[DB_ENV], rate_limit=None)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def children_of(pid: int) -> list[int]:
    """The PIDs whose parent is `pid` (gunicorn's workers), from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            # The command name, in parentheses, may hold spaces: the fields after it are fixed.
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == pid:
                found.append(int(stat.parent.name))
    return found


class Gunicorn:
    """`workers` sync workers serving the receiver on a free port of 127.0.0.1."""

    def __init__(self, target: str, *, workers: int, log: Path) -> None:
        self.target = target
        self.workers = workers
        self.log = log
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 60.0) -> None:
        """Start it and wait until every worker answers (or fail, quoting its log)."""
        self.port = free_port()
        command = [
            sys.executable, "-m", "gunicorn",
            "--workers", str(self.workers),
            "--bind", f"127.0.0.1:{self.port}",
            # Otherwise gunicorn 27 leaves a socket under ~/.gunicorn.
            "--no-control-socket",
            "--pythonpath", str(HERE),
            "--error-logfile", str(self.log),
            "--timeout", "60",
            "feedback_wsgi:create_app()",
        ]  # fmt: skip
        env = {**os.environ, DB_ENV: self.target}
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.process.returncode}):\n{self.tail()}")
            # Ready once all workers are up (a store that cannot open kills its worker, so a
            # first answer alone would not prove the others work) and the store is writable.
            if len(children_of(self.process.pid)) >= self.workers and self._healthy():
                return
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"gunicorn did not answer within {timeout} s:\n{self.tail()}")

    def _healthy(self) -> bool:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            connection.request("GET", DEFAULT_HEALTH_PATH)
            response = connection.getresponse()
            response.read()
        except OSError:
            return False
        finally:
            connection.close()
        return response.status == 200

    def kill(self) -> None:
        """kill -9 the master and its workers, by PID: a crash, not a shutdown."""
        if self.process is None:
            return
        pids = [self.process.pid, *children_of(self.process.pid)]
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.process.wait(timeout=30)
        self.process = None
        # The orphaned workers are init's to reap; wait until they are gone (or zombies).
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_running(pid) for pid in pids[1:]):
            time.sleep(0.02)

    def stop(self) -> None:
        """A graceful stop (SIGTERM), and kill -9 should it not end in 30 s."""
        if self.process is None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
            self.process = None
        except subprocess.TimeoutExpired:
            self.kill()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def post_feedback(port: int, submission_id: str, timeout: float = 10.0) -> int:
    """POST one form-encoded submission, as the component's script does without an Origin
    header (a non-browser client); its HTTP status."""
    body = urllib.parse.urlencode(
        {"helpful": "yes", "page_url": "/x", "lang": "en", "submission_id": submission_id}
    ).encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            "POST",
            DEFAULT_ACTION,
            body,
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
        )
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


class Load:
    """`threads` clients posting as fast as they can to 127.0.0.1:`port` (changeable while it
    runs: a restarted server has a new port). Keeps each 200's submission_id and latency."""

    def __init__(self, port: int, threads: int) -> None:
        self.port = port
        self.acknowledged: list[str] = []
        self.latencies: list[float] = []
        self.statuses: Counter[int | str] = Counter()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._client, daemon=True) for _ in range(threads)]

    def _client(self) -> None:
        while not self._stop.is_set():
            submission_id = str(uuid.uuid4())
            start = time.perf_counter()
            try:
                status: int | str = post_feedback(self.port, submission_id)
            except (OSError, http.client.HTTPException) as error:
                # Refused, reset or cut off mid-reply: the server is down or was killed
                # mid-request. Not acknowledged, so never counted as a row that must exist.
                status = type(error).__name__
                time.sleep(0.01)  # not a busy loop while the server is down
            elapsed = time.perf_counter() - start
            with self._lock:
                self.statuses[status] += 1
                if status == 200:
                    self.acknowledged.append(submission_id)
                    self.latencies.append(elapsed)

    def __enter__(self) -> Load:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def snapshot(self) -> tuple[int, int]:
        """(acknowledged so far, requests so far)."""
        with self._lock:
            return len(self.acknowledged), sum(self.statuses.values())
