"""SQLite storage for page feedback: WAL mode, one short transaction per submission."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DB_ENV = "USWDS_FEEDBACK_DB"
DEFAULT_DB = "page-feedback.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS page_feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    page_url TEXT NOT NULL,
    helpful TEXT NOT NULL CHECK (helpful IN ('yes', 'no')),
    reasons TEXT NOT NULL DEFAULT '[]',
    comment TEXT NOT NULL DEFAULT '',
    lang TEXT NOT NULL
)
"""
COLUMNS = ("id", "created_at", "page_url", "helpful", "reasons", "comment", "lang")


@dataclass(frozen=True)
class Submission:
    """One validated piece of feedback."""

    page_url: str
    helpful: str
    reasons: Sequence[str] = ()
    comment: str = ""
    lang: str = "en"


def default_db_path() -> Path:
    """$USWDS_FEEDBACK_DB, or page-feedback.sqlite3 in the working directory."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


class FeedbackStore:
    """The feedback table in one SQLite file; safe to share between threads and processes.

    Each call opens its own connection: SQLite connections are cheap, and this keeps threads
    from sharing one. WAL lets readers (an export) run while submissions are written.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float = 30.0):
        self.path = Path(path) if path is not None else default_db_path()
        self.timeout = timeout
        with self._connection() as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(_SCHEMA)

    @contextlib.contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        # isolation_level=None: we say BEGIN/COMMIT ourselves, so a transaction is exactly one
        # submission, and BEGIN IMMEDIATE takes the write lock up front (no deadlock upgrading).
        connection = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            yield connection
        finally:
            connection.close()

    def add(self, submission: Submission) -> int:
        """Store one submission in its own transaction; return its row id."""
        created_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._connection() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                cursor = connection.execute(
                    "INSERT INTO page_feedback (created_at, page_url, helpful, reasons, comment,"
                    " lang) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        created_at,
                        submission.page_url,
                        submission.helpful,
                        json.dumps(list(submission.reasons)),
                        submission.comment,
                        submission.lang,
                    ),
                )
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            return int(cursor.lastrowid or 0)

    def count(self) -> int:
        with self._connection() as connection:
            return int(connection.execute("SELECT count(*) FROM page_feedback").fetchone()[0])

    def rows(self) -> list[dict[str, Any]]:
        """Every submission, oldest first; `reasons` as a list."""
        with self._connection() as connection:
            query = f"SELECT {', '.join(COLUMNS)} FROM page_feedback ORDER BY id"
            fetched = connection.execute(query).fetchall()
        rows = [dict(zip(COLUMNS, values, strict=True)) for values in fetched]
        for row in rows:
            row["reasons"] = json.loads(row["reasons"])
        return rows
