"""A throwaway PostgreSQL server for the feedback store's tests: a real server, no mocks.

Each pytest process (each xdist worker) starts its own server the first time a test asks for
`postgres_url`, and stops it at the end of its session, by its data folder. Sharing one server
between workers would need the last worker out to stop it, which a crashed worker never does;
a server of one's own costs about two seconds. A watchdog process stops the server should pytest
itself be killed before its finalisers run.

`PostgresServer` is importable without pytest's fixtures: bench/feedback.py uses it too.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ENSURE = "scripts/ensure-postgres"
# Run as the watchdog: wait until the parent closes our stdin (it finished, or was killed),
# then stop the server if it still runs and remove its folder.
_WATCHDOG = """
import shutil, subprocess, sys
sys.stdin.buffer.read()
command, folder = sys.argv[1:-1], sys.argv[-1]
subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
shutil.rmtree(folder, ignore_errors=True)
"""


class PostgresUnavailable(RuntimeError):
    """PostgreSQL's server binaries are missing, or the server would not start."""


def postgres_bin() -> Path:
    """The newest /usr/lib/postgresql/*/bin that has initdb (Debian's layout)."""
    found = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    if not found:
        raise PostgresUnavailable(
            "PostgreSQL's server binaries are not installed (no /usr/lib/postgresql/*/bin/initdb)."
            f" Run {ENSURE} (make test does), then run the tests again."
        )
    return found[-1].parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PostgresServer:
    """initdb into a temporary folder, start on 127.0.0.1, stop by data folder.

    As root, the folder belongs to the `postgres` user and the server runs as it (initdb and
    postgres refuse root). fsync stays on: the crash tests rely on it.
    """

    def __init__(self) -> None:
        self.bin = postgres_bin()
        self._as_user: list[str] = []
        if os.geteuid() == 0:
            runuser = shutil.which("runuser")
            if runuser is None:
                raise PostgresUnavailable("running PostgreSQL as root needs runuser (util-linux)")
            self._as_user = [runuser, "-u", "postgres", "--"]
        # Not under pytest's base temp folder: that is private to root, and the server (as
        # postgres) must reach its folder; a short path also keeps the Unix socket's path short.
        self.folder = Path(tempfile.mkdtemp(prefix="uswds-pg-"))
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        self.port = 0
        self._watchdog: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str | Path, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = [*self._as_user, *(str(arg) for arg in args)]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def start(self) -> str:
        """Initialise and start the server; its URL."""
        try:
            if self._as_user:
                shutil.chown(self.folder, user="postgres")
            self._run(
                self.bin / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres",
                "--no-sync", "-E", "UTF8", "--locale", "C",
            )  # fmt: skip
        except (subprocess.CalledProcessError, LookupError, OSError) as error:
            self.stop()
            detail = getattr(error, "stderr", "") or error
            raise PostgresUnavailable(f"initdb failed: {detail}") from error
        self._start_watchdog()
        # Another process may take the free port before the server binds it: try a few.
        for _ in range(3):
            self.port = free_port()
            options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder}"
            started = self._run(
                self.bin / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "-t", "60",
                "-o", options, "start", check=False,
            )  # fmt: skip
            if started.returncode == 0:
                return self.url
        log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
        self.stop()
        raise PostgresUnavailable(f"the PostgreSQL server did not start:\n{started.stderr}{log}")

    def _start_watchdog(self) -> None:
        stop = [*self._as_user, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast",
                "-w", "stop"]  # fmt: skip
        # Its own session: a Ctrl-C in the terminal must not kill it before pytest cleans up.
        self._watchdog = subprocess.Popen(
            [sys.executable, "-c", _WATCHDOG, *stop, str(self.folder)],
            stdin=subprocess.PIPE,
            start_new_session=True,
        )

    def stop(self) -> None:
        """Stop the server (if it runs) by its data folder, then remove the folder."""
        if (self.data / "postmaster.pid").exists():
            self._run(self.bin / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop", check=False)
        if self._watchdog is not None:
            # Our stdin closing is the watchdog's cue; the server is already stopped.
            with contextlib.suppress(OSError):
                self._watchdog.stdin.close()  # type: ignore[union-attr]
            self._watchdog.wait(timeout=60)
            self._watchdog = None
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def create_database(url: str, name: str) -> str:
    """CREATE DATABASE `name` on the server at `url`; the new database's URL."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + f"/{name}"


def drop_database(url: str, name: str) -> None:
    """DROP DATABASE `name`, ending any connection a test left open to it."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server of this pytest process's own: postgresql://postgres@127.0.0.1:PORT/
    postgres. Never skipped: without PostgreSQL the tests fail, naming scripts/ensure-postgres."""
    try:
        server = PostgresServer()
        url = server.start()
    except PostgresUnavailable as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield url
    finally:
        server.stop()


@pytest.fixture
def postgres_store_url(postgres_url: str) -> Iterator[str]:
    """A fresh, empty database on the session's server, dropped after the test."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    url = create_database(postgres_url, name)
    try:
        yield url
    finally:
        drop_database(postgres_url, name)
