"""CSV export of stored feedback, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Any, TextIO

from .store import COLUMNS, FeedbackStore

# A cell starting with one of these runs as a formula in Excel, LibreOffice and Sheets (OWASP
# "CSV injection"): a leading apostrophe makes it text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value` as a spreadsheet shows it as text, never as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(store: FeedbackStore, out: TextIO) -> int:
    """Write every submission to `out` as CSV with a header row; return the number of rows."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    count = 0
    for row in store.rows():
        row = {**row, "reasons": "; ".join(row["reasons"])}
        writer.writerow([safe_cell(row[column]) for column in COLUMNS])
        count += 1
    return count


def export_csv(db: str | os.PathLike[str] | FeedbackStore, out: str | os.PathLike[str]) -> int:
    """Export the database `db` to the CSV file `out` (UTF-8 with a BOM, for Excel)."""
    store = db if isinstance(db, FeedbackStore) else FeedbackStore(db)
    with Path(out).open("w", encoding="utf-8-sig", newline="") as handle:
        return write_csv(store, handle)
