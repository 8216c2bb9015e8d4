"""CSV export of stored feedback, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from typing import Any, TextIO

from .store import COLUMNS, FeedbackStore, Store, is_postgres_url, open_store

# A cell starting with one of these runs as a formula in Excel, LibreOffice and Sheets (OWASP
# "CSV injection"), also after leading whitespace, and the full-width forms too (some
# spreadsheets fold them to ASCII): a leading apostrophe makes the cell text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "＝", "＋", "－", "＠")
# A tab or carriage return first is OWASP's list too: keep the cell's start visible.
_QUOTED_STARTS = ("\t", "\r")
# Control characters (but tab, line feed and carriage return, which comments hold) can hide
# text, confuse terminals (ESC) or truncate cells (NUL). Bidi overrides and isolates reorder
# what a reader sees ("Trojan source"). Each is shown instead of acting: C0 and DEL as its
# Unicode control picture (␛), C1 and bidi controls as [U+202E].
_HIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"[U+{code:04X}]"


def safe_cell(value: Any) -> Any:
    """`value` as a spreadsheet shows it as text, never as a formula or hidden characters."""
    if not isinstance(value, str):
        return value
    value = _HIDDEN.sub(_shown, value)
    if value.startswith(_QUOTED_STARTS) or value.lstrip().startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(store: Store, out: TextIO) -> int:
    """Write every submission to `out` as CSV with a header row; return the number of rows."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for row in store.rows():
        row = {**row, "reasons": "; ".join(row["reasons"])}
        writer.writerow([safe_cell(row[column]) for column in COLUMNS])
        count += 1
    return count


def open_for_export(db: str | os.PathLike[str] | Store) -> Store:
    """The store to export: a SQLite file opened read-only (a reader needs no write access,
    and nothing is created or migrated), a postgresql:// URL, or a store as it is."""
    if isinstance(db, Store) or is_postgres_url(db):
        return open_store(db)
    return FeedbackStore(db, read_only=True)


def export_csv(db: str | os.PathLike[str] | Store, out: str | os.PathLike[str]) -> int:
    """Export the database `db` to the CSV file `out` (UTF-8 with a BOM, for Excel)."""
    store = open_for_export(db)
    try:
        with Path(out).open("w", encoding="utf-8-sig", newline="") as handle:
            return write_csv(store, handle)
    finally:
        if store is not db:  # ours to close; a store passed in is the caller's
            store.close()
