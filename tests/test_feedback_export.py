"""The CSV export's guards against spreadsheet formula injection and hidden characters, through
safe_cell and through a real export of a real SQLite file."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from uswds_components.feedback import FeedbackStore, Submission, export_csv, safe_cell

FORMULAS = ["=1+1", "+1", "-2", "@SUM(A1)", "＝1+1", "＋1", "－2", "＠SUM(A1)"]
LEADING = ["", " ", "  ", "\n", "\t", "\r\n", " \t\n", "\u3000", "\u00a0"]


@pytest.mark.parametrize("formula", FORMULAS)
@pytest.mark.parametrize("lead", LEADING, ids=repr)
def test_a_formula_after_any_leading_whitespace_is_made_text(formula, lead):
    value = lead + formula
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    "control", [chr(code) for code in range(0x20) if chr(code) not in "\t\n\r"] + ["\x7f"]
)
def test_c0_controls_are_shown_not_kept(control):
    cell = safe_cell(f"a{control}b")
    assert control not in cell
    assert cell == "a" + (chr(0x2400 + ord(control)) if control != "\x7f" else "\u2421") + "b"


def test_esc_and_nul_in_particular():
    assert safe_cell("\x1b[31mred\x1b[0m") == "␛[31mred␛[0m"
    assert safe_cell("cut\x00here") == "cut␀here"
    # A control hiding a formula: shown, and the cell no longer starts with a trigger.
    assert safe_cell("\x00=1+1") == "␀=1+1"


@pytest.mark.parametrize("code", [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x85, 0x9B])
def test_bidi_overrides_isolates_and_c1_controls_are_shown_not_kept(code):
    cell = safe_cell(f"user{chr(code)}gpj.exe")
    assert chr(code) not in cell
    assert cell == f"user[U+{code:04X}]gpj.exe"


@pytest.mark.parametrize(
    "plain",
    [
        "The fee table is from 2019.",
        "Line one\nline two\twith a tab\r\nand CRLF",
        "a-b, a+b = c, mail@example.gov",
        "ينقصه جدول الرسوم",  # right-to-left text keeps its own direction: no override added
        "Pregunta: ¿dónde está?",
        "",
    ],
)
def test_ordinary_text_is_unchanged(plain):
    assert safe_cell(plain) == plain


def test_tab_or_carriage_return_first_is_quoted_and_non_strings_pass():
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("\rx") == "'\rx"
    assert safe_cell(7) == 7
    assert safe_cell(None) is None


def test_an_export_guards_every_column(tmp_path):
    db = tmp_path / "feedback.sqlite3"
    store = FeedbackStore(db)
    comments = [' =HYPERLINK("http://x")', "\n+1", "＝cmd", "a\x1bb", "x\u202eexe.pdf", "ok"]
    for comment in comments:
        store.add(Submission("/about/", "no", ("outdated",), comment))
    store.add(Submission("\t@page", "yes"))
    out = tmp_path / "out.csv"
    assert export_csv(db, out) == 7
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["comment"] for row in rows[:6]] == [
        '\' =HYPERLINK("http://x")',
        "'\n+1",
        "'＝cmd",
        "a␛b",
        "x[U+202E]exe.pdf",
        "ok",
    ]
    assert rows[6]["page_url"] == "'\t@page"
    assert "submission_id" not in rows[0]  # an internal key, not for readers


def test_an_export_opens_read_only_and_changes_nothing(tmp_path):
    db = tmp_path / "old.sqlite3"
    with sqlite3.connect(db) as connection:  # a database from before submission_id
        connection.execute(
            "CREATE TABLE page_feedback (id INTEGER PRIMARY KEY, created_at TEXT, page_url TEXT,"
            " helpful TEXT, reasons TEXT, comment TEXT, lang TEXT)"
        )
        connection.execute(
            "INSERT INTO page_feedback VALUES (1, '2020-01-01', '/', 'yes', '[]', '-1', 'en')"
        )
    connection.close()
    before = db.read_bytes()
    assert export_csv(db, tmp_path / "out.csv") == 1
    assert db.read_bytes() == before  # not migrated, not switched to WAL
    assert sorted(path.name for path in tmp_path.iterdir()) == ["old.sqlite3", "out.csv"]
    assert "'-1" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
