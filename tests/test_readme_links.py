"""README.md is the PyPI long description: its links must work there, away from the repository."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
# Markdown link and image targets: [text](target) and ![alt](target).
_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")


def link_targets(text: str) -> list[str]:
    return _TARGET.findall(text)


def repository_url() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["urls"]["Source"].rstrip("/")


def test_the_readme_is_the_long_description():
    with (ROOT / "pyproject.toml").open("rb") as handle:
        assert tomllib.load(handle)["project"]["readme"] == "README.md"


def test_the_readme_links_nothing_relative_which_would_break_on_pypi():
    targets = link_targets(README.read_text(encoding="utf-8"))
    assert targets, "the README links the docs"
    relative = [t for t in targets if not t.startswith(("https://", "http://", "mailto:", "#"))]
    assert relative == []


def test_the_readmes_links_into_the_repository_name_files_that_exist():
    blob = f"{repository_url()}/blob/main/"
    into_repository = [
        t for t in link_targets(README.read_text(encoding="utf-8")) if t.startswith(blob)
    ]
    assert f"{blob}docs/index.md" in into_repository
    missing = [
        t for t in into_repository if not (ROOT / t.removeprefix(blob).split("#")[0]).exists()
    ]
    assert missing == []


def test_the_check_catches_a_relative_link():
    assert link_targets("See [the docs](docs/index.md) and [this](./x.md).") == [
        "docs/index.md",
        "./x.md",
    ]
