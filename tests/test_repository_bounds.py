"""Nothing in the repository reaches outside it.

A fresh clone in an empty folder has nothing beside it: a test that read the team's shared/
folder passed only where one happened to sit next to the clone. These tests scan every tracked
file for the ways a file can name a place above the repository root: a relative path that climbs
out of it from the file's own folder, `__file__`'s parents beyond the root, a search that walks
up every parent folder, and the team's folder by name.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# A relative path with at least one "..": quoted, after whitespace, "=", "(" or ":" (Makefile
# prerequisites, Markdown links).
_CLIMBING_PATH = re.compile(r"""(?:^|[\s"'`(=:,\[])((?:\.\./|\.\.\\)+[^\s"'`)\],;]*)""")
# The team's folder that sits beside a developer's checkout, never beside CI's clone.
_TEAM_FOLDER = re.compile(r"\bshared[/\\](?:reference|notes|hooks)\b")
# `Path(__file__).resolve().parents[2]` or `.parent.parent.parent`: how far up from the file.
_FILE_PARENTS_INDEX = re.compile(r"__file__\)(?:\.resolve\(\))?\.parents\[(\d+)\]")
_FILE_PARENT_CHAIN = re.compile(r"__file__\)(?:\.resolve\(\))?((?:\.parent\b)+)")
# `for folder in start.parents` or `(start, *start.parents)`: a search with no upper bound.
_PARENT_WALK = re.compile(r"\bin\s+[\w.()]*\.parents\b(?!\[)|\*\s*[\w.()]+\.parents\b")


def tracked_files() -> list[Path]:
    """The files git tracks (a fresh clone's contents), or every file outside build folders."""
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout.decode()
        return [ROOT / name for name in listing.split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        skipped = {".git", ".venv", "node_modules", "build", "__pycache__", ".pytest_cache"}
        return [
            path
            for path in ROOT.rglob("*")
            if path.is_file() and not skipped.intersection(path.relative_to(ROOT).parts)
        ]


def outside_references(path: Path, text: str) -> list[str]:
    """Each place in `text` (the file at `path`) that names something outside the repository."""
    depth = len(path.relative_to(ROOT).parts) - 1  # folders between the root and the file
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{path.relative_to(ROOT)}:{number}"
        for match in _CLIMBING_PATH.finditer(line):
            relative = match.group(1).replace("\\", "/")
            if not (path.parent / relative).resolve().is_relative_to(ROOT):
                found.append(f"{where}: {relative}")
        ups = [int(match.group(1)) for match in _FILE_PARENTS_INDEX.finditer(line)]
        ups += [match.group(1).count(".parent") - 1 for match in _FILE_PARENT_CHAIN.finditer(line)]
        if any(up > depth for up in ups):
            found.append(f"{where}: __file__'s parents above the repository")
        if _PARENT_WALK.search(line):
            found.append(f"{where}: searches every parent folder, above the repository too")
        if _TEAM_FOLDER.search(line):
            found.append(f"{where}: names the team's shared/ folder")
    return found


def test_no_file_names_a_path_above_the_repository() -> None:
    files = tracked_files()
    assert len(files) > 100, "the scan must see the repository, not an empty listing"
    problems = []
    for path in files:
        if path == Path(__file__).resolve():
            continue  # this file quotes the shapes it looks for, as test cases
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, FileNotFoundError):
            continue  # binary files (screenshots) hold no paths
        problems += outside_references(path, text)
    assert problems == [], "\n".join(problems)


# The team folder's name, spliced into the cases below: they are lines the scan must flag, and
# written out whole they would read as this file reaching for the folder itself.
TEAM = "sha" + "red"


@pytest.mark.parametrize(
    "line",
    [
        f'REFERENCE = Path("../../{TEAM}/reference/dhs-archived-news-page.txt")',
        "\tcp ../../elsewhere/file.txt build/",
        f'relative = Path("{TEAM}") / "reference" / "x.txt"  # {TEAM}/reference beside the clone',
        "see [the notes](../../notes.md)",
        f'FOLDER = Path(__file__).resolve().parents[2] / "{TEAM}"',
        "TEAM = Path(__file__).parent.parent.parent",
        "    for folder in Path(__file__).resolve().parents:",
        "candidates += [folder / 'node_modules' for folder in (start, *start.parents)]",
    ],
)
def test_the_scan_catches_a_path_outside(line: str) -> None:
    """The shapes of reaching out, the old seed-page test's among them, written in tests/."""
    assert outside_references(ROOT / "tests" / "example.py", line)


@pytest.mark.parametrize(
    "line",
    [
        "see [getting started](../getting-started.md)",
        "![info](../screenshots/alert/info.png)",
        'HERE = Path(__file__).resolve().parent / "reference.txt"',
        'SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "render-twig.cjs"',
        "depth = len(list(tag.parents))",
        "if a > b and c..d:",
    ],
)
def test_the_scan_accepts_paths_inside(line: str) -> None:
    assert outside_references(ROOT / "docs" / "components" / "example.md", line) == []
