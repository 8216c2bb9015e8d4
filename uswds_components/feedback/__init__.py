"""The receiver for the page_feedback form: a small WSGI app storing feedback in SQLite.

    from uswds_components.feedback import FeedbackApp
    application = FeedbackApp("/var/lib/site/feedback.sqlite3")  # any WSGI server can run it

Standard library only. Export: `python -m uswds_components.feedback export DB OUT.csv`.
"""

from __future__ import annotations

from .app import (
    DEFAULT_COMMENT_LIMIT,
    DEFAULT_MAX_BODY_BYTES,
    FeedbackApp,
    double_submit_cookie,
    new_csrf_token,
)
from .export import export_csv, safe_cell, write_csv
from .server import make_threaded_server
from .store import DB_ENV, FeedbackStore, Submission, default_db_path

__all__ = [
    "DB_ENV",
    "DEFAULT_COMMENT_LIMIT",
    "DEFAULT_MAX_BODY_BYTES",
    "FeedbackApp",
    "FeedbackStore",
    "Submission",
    "default_db_path",
    "double_submit_cookie",
    "export_csv",
    "make_threaded_server",
    "new_csrf_token",
    "safe_cell",
    "write_csv",
]
