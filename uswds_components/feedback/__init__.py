"""The receiver for the page_feedback form: a small WSGI app storing feedback in SQLite or
PostgreSQL.

    from uswds_components.feedback import FeedbackApp
    application = FeedbackApp("/var/lib/site/feedback.sqlite3")  # any WSGI server can run it

Standard library only for SQLite (PostgreSQL needs psycopg). Export:
`python -m uswds_components.feedback export DB OUT.csv`; retention: `... purge DB --older-than
365d` and `... delete DB --id N`.
"""

from __future__ import annotations

from .app import (
    CSRF_COOKIE,
    DEFAULT_COMMENT_LIMIT,
    DEFAULT_MAX_BODY_BYTES,
    DoubleSubmitCookie,
    FeedbackApp,
    double_submit_cookie,
    new_csrf_token,
    parse_cookies,
)
from .export import export_csv, safe_cell, write_csv
from .server import make_threaded_server
from .store import (
    DB_ENV,
    FeedbackStore,
    SQLiteStore,
    Store,
    StoreBusy,
    StoreError,
    StoreUnavailable,
    Submission,
    check_submission,
    default_db_path,
    open_store,
)

__all__ = [
    "CSRF_COOKIE",
    "DB_ENV",
    "DEFAULT_COMMENT_LIMIT",
    "DEFAULT_MAX_BODY_BYTES",
    "DoubleSubmitCookie",
    "FeedbackApp",
    "FeedbackStore",
    "SQLiteStore",
    "Store",
    "StoreBusy",
    "StoreError",
    "StoreUnavailable",
    "Submission",
    "check_submission",
    "default_db_path",
    "double_submit_cookie",
    "export_csv",
    "make_threaded_server",
    "new_csrf_token",
    "open_store",
    "parse_cookies",
    "safe_cell",
    "write_csv",
]
