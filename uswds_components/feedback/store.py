"""Storage for page feedback: the store contract, and its SQLite implementation.

`open_store(target)` gives a store for a path (SQLite), a `postgresql://` URL (PostgreSQL, in
postgres.py) or None ($USWDS_FEEDBACK_DB). Every store has the same methods: `add`, `count`,
`rows`, `hit` (rate limiting), `check`, `purge`, `delete`, `close`; failures are `StoreError`s.

SQLite: WAL mode (readers never wait for the writer), one `BEGIN IMMEDIATE` transaction per
submission, one connection per thread kept open, `synchronous=FULL` (see `FeedbackStore`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeGuard, runtime_checkable

DB_ENV = "USWDS_FEEDBACK_DB"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
DEFAULT_BUSY_TIMEOUT = 5.0
HELPFUL = ("yes", "no")
MAX_SUBMISSION_ID = 200

# The CSV export's columns (export.py). `rows()` also gives `submission_id`, an internal
# de-duplication key that readers of the export have no use for.
COLUMNS = ("id", "created_at", "page_url", "helpful", "reasons", "comment", "lang")
ROW_COLUMNS = (*COLUMNS, "submission_id")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS page_feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    page_url TEXT NOT NULL,
    helpful TEXT NOT NULL CHECK (helpful IN ('yes', 'no')),
    reasons TEXT NOT NULL DEFAULT '[]',
    comment TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL,
    submission_id TEXT
);
CREATE INDEX IF NOT EXISTS page_feedback_created_at ON page_feedback (created_at);
CREATE TABLE IF NOT EXISTS page_feedback_hits (
    key TEXT NOT NULL,
    at REAL NOT NULL,
    expires REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS page_feedback_hits_key_at ON page_feedback_hits (key, at);
CREATE INDEX IF NOT EXISTS page_feedback_hits_expires ON page_feedback_hits (expires);
"""
# Created after the migration: a database from before submission_id lacks the column until then.
_SUBMISSION_ID_INDEX = (
    "CREATE UNIQUE INDEX IF NOT EXISTS page_feedback_submission_id ON page_feedback (submission_id)"
)

# SQLite's primary result codes for "someone else holds the lock".
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


class StoreError(RuntimeError):
    """The store failed: the base of the errors below."""


class StoreBusy(StoreError):
    """Another writer held the lock past the busy timeout: try again shortly (503)."""


class StoreUnavailable(StoreError):
    """The store cannot be opened or written (missing, read-only, misconfigured, closed)."""


@dataclass(frozen=True)
class Submission:
    """One validated piece of feedback. `submission_id`: the client's key for this submission;
    a second `add` with the same key stores nothing (a retried post is one row)."""

    page_url: str
    helpful: str
    reasons: Sequence[str] = ()
    comment: str = ""
    lang: str = "en"
    submission_id: str | None = None


def check_submission(submission: Submission) -> None:
    """Raise ValueError unless `submission` can be stored (every store calls this first)."""
    if not isinstance(submission.page_url, str) or not submission.page_url:
        raise ValueError(f"page_url must be a non-empty string, got {submission.page_url!r}")
    if submission.helpful not in HELPFUL:
        raise ValueError(f"helpful must be 'yes' or 'no', got {submission.helpful!r}")
    reasons = submission.reasons
    if isinstance(reasons, str) or not all(isinstance(reason, str) for reason in reasons):
        raise ValueError(f"reasons must be a sequence of strings, got {reasons!r}")
    if not isinstance(submission.comment, str) or not isinstance(submission.lang, str):
        raise ValueError("comment and lang must be strings")
    key = submission.submission_id
    if key is not None and not (isinstance(key, str) and 0 < len(key) <= MAX_SUBMISSION_ID):
        raise ValueError(f"submission_id must be 1 to {MAX_SUBMISSION_ID} characters or None")


@runtime_checkable
class Store(Protocol):
    """What the receiver, the export and the CLI need of a store (SQLite or PostgreSQL)."""

    def add(self, submission: Submission) -> int | None: ...
    def count(self) -> int: ...
    def rows(self) -> list[dict[str, Any]]: ...
    def hit(self, key: str, *, window: float, limit: int) -> float | None: ...
    def check(self) -> None: ...
    def purge(self, older_than: dt.timedelta) -> int: ...
    def delete(self, row_id: int) -> bool: ...
    def close(self) -> None: ...


def configured_target() -> str:
    """$USWDS_FEEDBACK_DB; StoreUnavailable when it is unset or empty.

    No default file: a receiver that silently wrote page-feedback.sqlite3 into whatever the
    working directory was would lose feedback where nobody looks for it.
    """
    target = os.environ.get(DB_ENV, "").strip()
    if not target:
        raise StoreUnavailable(
            f"no feedback database: pass a path or postgresql:// URL, or set ${DB_ENV}"
        )
    return target


def default_db_path() -> Path:
    """$USWDS_FEEDBACK_DB as a path (StoreUnavailable when unset, empty or a URL)."""
    target = configured_target()
    if is_postgres_url(target):
        raise StoreUnavailable(f"${DB_ENV} is a PostgreSQL URL: use open_store() for it")
    return Path(target)


def is_postgres_url(target: object) -> TypeGuard[str]:
    return isinstance(target, str) and target.startswith(POSTGRES_SCHEMES)


def open_store(target: Store | str | os.PathLike[str] | None = None, **options: Any) -> Store:
    """The store for `target`: a store passes through; a `postgresql://` (or `postgres://`) URL
    opens PostgreSQL; any other string or path a SQLite file; None, $USWDS_FEEDBACK_DB.
    `options` go to the store's class (e.g. `busy_timeout=`, `read_only=` for SQLite)."""
    if isinstance(target, Store):
        return target
    if target is None:
        target = configured_target()
    if is_postgres_url(target):
        from .postgres import PostgresStore  # psycopg is optional: imported only when used

        return PostgresStore(target, **options)
    if isinstance(target, str | os.PathLike):
        return FeedbackStore(target, **options)
    raise TypeError(f"expected a store, a path or a postgresql:// URL, got {target!r}")


class _Rollback(Exception):
    """Raised inside a write transaction to end it without committing (check())."""


# Connections inherited through fork(): never used nor closed in the child (SQLite forbids
# carrying a connection across fork), only kept from being closed by garbage collection.
_INHERITED: list[sqlite3.Connection] = []


class FeedbackStore:
    """The feedback in one SQLite file; safe to share between threads and processes.

    - Each thread keeps its own connection (threading.local) for the store's lifetime, and the
      store holds one more, idle, from construction: closing the last connection to a WAL
      database checkpoints it and deletes the WAL, several fsyncs per call when each call
      opened and closed its own.
    - `synchronous=FULL` (default): each commit fsyncs the WAL, so an acknowledged submission
      survives a process crash (kill -9) and a power loss. NORMAL also survives a process
      crash (the commit is in the OS's cache) but may lose the last commits on power loss;
      pass `synchronous="NORMAL"` to trade that for speed.
    - A writer waits at most `busy_timeout` seconds for the lock, then `StoreBusy`.
    - `read_only=True` opens with `mode=ro`: no schema, no WAL switch, nothing created; for an
      export by a user who cannot write the file or its folder.

    Opening checks the store can be written (StoreUnavailable naming the path, at start-up
    rather than at the first submission); the schema is created or migrated idempotently.
    """

    _anchor: sqlite3.Connection | None  # held from construction: see above

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        *,
        busy_timeout: float = DEFAULT_BUSY_TIMEOUT,
        synchronous: str = "FULL",
        read_only: bool = False,
    ) -> None:
        if path is None:
            path = default_db_path()
        if not os.fspath(path).strip():
            raise StoreUnavailable("the feedback database path is empty")
        if is_postgres_url(path):
            raise StoreUnavailable(f"{path!r} is a PostgreSQL URL: use open_store() for it")
        self.path = Path(path)
        if synchronous.upper() not in ("FULL", "NORMAL", "EXTRA"):
            raise ValueError(f"synchronous must be FULL, NORMAL or EXTRA, got {synchronous!r}")
        self.busy_timeout = busy_timeout
        self.synchronous = synchronous.upper()
        self.read_only = read_only
        self._uri = self.path.absolute().as_uri() + ("?mode=ro" if read_only else "?mode=rwc")
        self._lock = threading.Lock()
        self._closed = False
        self._reset()
        if read_only:
            self._open_read_only()
        else:
            self._anchor = self._open()
            self._create_schema()
            self.check()

    # --- connections ---------------------------------------------------------------------------

    def _reset(self) -> None:
        self._pid = os.getpid()
        self._local = threading.local()
        self._writer = threading.Lock()  # new after a fork: a parent's thread may hold it
        self._anchor = None
        # (the thread, its connection): close() closes them all; those of finished threads are
        # closed as new ones open (a thread-per-request server starts a thread per request).
        self._connections: list[tuple[weakref.ref[threading.Thread], sqlite3.Connection]] = []

    def _open(self) -> sqlite3.Connection:
        try:
            # isolation_level=None: we say BEGIN/COMMIT ourselves, so a transaction is exactly
            # one call, and BEGIN IMMEDIATE takes the write lock up front (no deadlock on
            # upgrading a read). check_same_thread=False only so close() can close them all.
            connection = sqlite3.connect(
                self._uri,
                uri=True,
                timeout=self.busy_timeout,
                isolation_level=None,
                check_same_thread=False,
            )
            if not self.read_only:  # a pragma reads the schema: the read-only probe comes later
                connection.execute(f"PRAGMA synchronous = {self.synchronous}")
        except sqlite3.Error as error:
            raise self._error(error) from error
        return connection

    def _open_read_only(self) -> None:
        if not self.path.is_file():
            raise StoreUnavailable(f"{self.path}: no such database file")
        self._anchor = self._open()
        try:
            self._anchor.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as error:
            # A WAL database whose -wal and -shm are gone (no connection open: no writer) in a
            # folder this user cannot write: SQLite cannot create them to read. `immutable=1`
            # reads the file as it is; safe only because no writer has it open.
            if Path(f"{self.path}-wal").exists():
                raise self._error(error) from error
            self._anchor.close()
            self._uri += "&immutable=1"
            self._anchor = self._open()
            try:
                self._anchor.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.Error as again:
                raise self._error(again) from again

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection, opened on first use."""
        if self._pid != os.getpid():
            self._after_fork()
        if self._closed:
            raise StoreUnavailable(f"{self.path}: the store is closed")
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._open()
            with self._lock:
                alive = []
                for thread, other in self._connections:
                    owner = thread()
                    if owner is not None and owner.is_alive():
                        alive.append((thread, other))
                    else:
                        other.close()
                alive.append((weakref.ref(threading.current_thread()), connection))
                self._connections = alive
            self._local.connection = connection
        return connection

    def _after_fork(self) -> None:
        # A pre-forking server (gunicorn --preload) made the store in its master process.
        with self._lock:
            _INHERITED.extend(connection for _, connection in self._connections)
            if self._anchor is not None:
                _INHERITED.append(self._anchor)
            self._reset()
            if not self._closed:
                self._anchor = self._open()

    def _drop_connection(self) -> None:
        """Forget this thread's connection after an error that may have broken it."""
        connection = getattr(self._local, "connection", None)
        self._local.connection = None
        with self._lock:
            self._connections = [(t, c) for t, c in self._connections if c is not connection]
        if connection is not None:
            with contextlib.suppress(sqlite3.Error):
                connection.close()

    def _error(self, error: sqlite3.Error) -> StoreError:
        code = getattr(error, "sqlite_errorcode", 0) & 0xFF
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in str(error):
            return StoreBusy(
                f"{self.path}: another writer held the database for over {self.busy_timeout} s"
            )
        return StoreUnavailable(f"{self.path}: {error}")

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on this thread's connection; StoreError on failure."""
        # This process's threads queue on a lock rather than in SQLite's busy handler, which
        # polls with sleeps of up to 100 ms; other processes still meet SQLite's own lock.
        if self._pid != os.getpid():
            self._after_fork()  # before taking the lock: it makes a new one
        writer = self._writer
        if not writer.acquire(timeout=self.busy_timeout):
            raise StoreBusy(
                f"{self.path}: another thread held the database for over {self.busy_timeout} s"
            )
        try:
            connection = self._connection()
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raised = self._error(error)
                if not isinstance(raised, StoreBusy):
                    self._drop_connection()
                raise raised from error
            try:
                yield connection
                connection.execute("COMMIT")
            except BaseException as error:
                if connection.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        connection.execute("ROLLBACK")
                if isinstance(error, sqlite3.Error):
                    raised = self._error(error)
                    if not isinstance(raised, StoreBusy):
                        self._drop_connection()
                    raise raised from error
                raise
        finally:
            writer.release()

    def _read(self, query: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self._connection().execute(query, parameters)
        except sqlite3.Error as error:
            raise self._error(error) from error

    def _create_schema(self) -> None:
        assert self._anchor is not None
        try:
            # Persistent in the file: every later connection is in WAL mode too.
            self._anchor.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error as error:
            raise self._error(error) from error
        with self._write() as connection:
            for statement in filter(str.strip, _SCHEMA.split(";")):
                connection.execute(statement)
            # A database from before submission_id: add the column (inside the transaction, so
            # two processes starting together migrate once).
            columns = {row[1] for row in connection.execute("PRAGMA table_info(page_feedback)")}
            if "submission_id" not in columns:
                connection.execute("ALTER TABLE page_feedback ADD COLUMN submission_id TEXT")
            connection.execute(_SUBMISSION_ID_INDEX)

    def close(self) -> None:
        """Close every connection; call it when no other thread uses the store any more."""
        with self._lock:
            self._closed = True
            if self._pid != os.getpid():
                return  # the connections belong to the parent process
            connections = [connection for _, connection in self._connections]
            if self._anchor is not None:
                connections.append(self._anchor)  # last: the final close checkpoints the WAL
            self._connections, self._anchor = [], None
        for connection in connections:
            with contextlib.suppress(sqlite3.Error):
                connection.close()

    def __enter__(self) -> FeedbackStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- the contract --------------------------------------------------------------------------

    def add(self, submission: Submission) -> int | None:
        """Store one submission in its own transaction; its row id, or None when a submission
        with the same `submission_id` is already stored (nothing is stored then)."""
        check_submission(submission)
        created_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._write() as connection:
            # ON CONFLICT names the column: INSERT OR IGNORE would also swallow CHECK failures.
            cursor = connection.execute(
                "INSERT INTO page_feedback (created_at, page_url, helpful, reasons, comment,"
                " lang, submission_id) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (submission_id) DO NOTHING",
                (
                    created_at,
                    submission.page_url,
                    submission.helpful,
                    json.dumps(list(submission.reasons)),
                    submission.comment,
                    submission.lang,
                    submission.submission_id,
                ),
            )
            if cursor.rowcount == 0:
                return None
            return int(cursor.lastrowid or 0)

    def count(self) -> int:
        return int(self._read("SELECT count(*) FROM page_feedback").fetchone()[0])

    def rows(self) -> list[dict[str, Any]]:
        """Every submission, oldest first; `reasons` as a list."""
        cursor = self._read("SELECT * FROM page_feedback ORDER BY id")
        names = [description[0] for description in cursor.description]
        rows = []
        for values in cursor.fetchall():
            found = dict(zip(names, values, strict=True))
            # A read-only store may read a database from before submission_id.
            row: dict[str, Any] = {column: found.get(column) for column in ROW_COLUMNS}
            row["reasons"] = json.loads(row["reasons"])
            rows.append(row)
        return rows

    def hit(self, key: str, *, window: float, limit: int) -> float | None:
        """Count one hit for `key` in a sliding window of `window` seconds: None while at most
        `limit` hits fall in the window, else the seconds until one leaves it.

        Shared by every thread and process using the database. A refused hit is not recorded,
        so a client retrying after the given delay gets in; expired hits (of any key) are
        deleted as it goes.
        """
        if window <= 0 or limit < 1:
            raise ValueError("window must be positive and limit at least 1")
        with self._write() as connection:
            # Wall-clock time: the only clock every process and server shares.
            now = time.time()
            connection.execute("DELETE FROM page_feedback_hits WHERE expires <= ?", (now,))
            since = now - window
            (count,) = connection.execute(
                "SELECT count(*) FROM page_feedback_hits WHERE key = ? AND at > ?", (key, since)
            ).fetchone()
            if count < limit:
                connection.execute(
                    "INSERT INTO page_feedback_hits (key, at, expires) VALUES (?, ?, ?)",
                    (key, now, now + window),
                )
                return None
            # The window holds `count` hits: a slot frees when the (count - limit + 1)th oldest
            # leaves it.
            (at,) = connection.execute(
                "SELECT at FROM page_feedback_hits WHERE key = ? AND at > ?"
                " ORDER BY at LIMIT 1 OFFSET ?",
                (key, since, count - limit),
            ).fetchone()
            return max(at + window - now, 0.001)

    def check(self) -> None:
        """StoreUnavailable unless the database can be written now (a rolled-back write)."""
        try:
            with self._write() as connection:
                connection.execute(
                    "INSERT INTO page_feedback_hits (key, at, expires) VALUES ('check', 0, 0)"
                )
                raise _Rollback
        except _Rollback:
            pass
        except StoreBusy as error:
            raise StoreUnavailable(str(error)) from error

    def purge(self, older_than: dt.timedelta) -> int:
        """Delete the submissions stored more than `older_than` ago; return how many."""
        # created_at is ISO 8601 in UTC to the second: its order is the strings' order.
        cutoff = (dt.datetime.now(dt.UTC) - older_than).isoformat(timespec="seconds")
        with self._write() as connection:
            return connection.execute(
                "DELETE FROM page_feedback WHERE created_at <= ?", (cutoff,)
            ).rowcount

    def delete(self, row_id: int) -> bool:
        """Delete the submission with id `row_id`; False when there is none."""
        with self._write() as connection:
            cursor = connection.execute("DELETE FROM page_feedback WHERE id = ?", (row_id,))
            return cursor.rowcount > 0


SQLiteStore = FeedbackStore
