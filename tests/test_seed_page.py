"""The seed page, an archived DHS.gov news release, rebuilt from our components: every passage of
the original in order. Its axe, Tab-order and reflow checks are in tests/test_example_pages.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import parse

from uswds_components import get_spec
from uswds_components.seed.build import HERE as SEED_DIR
from uswds_components.seed.build import build
from uswds_components.testing import serve_directory

# The reference text lives in the repository: no test reads anything beside the clone.
REFERENCE_FILE = SEED_DIR / "reference.txt"
# Lines of the reference that are not text on the page: image alt texts and a landmark label of
# DHS's old banner and breadcrumb, which screen readers get from our markup in other words.
NOT_VISIBLE_TEXT = {"U.S. flag", "Government Website", "Safely connect using HTTPS", "Breadcrumb"}


def normalise(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)  # text joined around a link: "link ."
    return re.sub(r"\(\s*\)", "()", text)  # the lock icon sits between the parentheses


def reference_lines() -> list[str]:
    lines = []
    for line in REFERENCE_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):  # the provenance note above the page text
            continue
        line = re.sub(r"^\s*\d+\.\s+", "", line).strip()  # the breadcrumb's list numbers
        if line and line not in NOT_VISIBLE_TEXT:
            lines.append(normalise(line))
    return lines


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    build(out)
    return out


@pytest.fixture(scope="module")
def seed_url(seed_dir: Path) -> Iterator[str]:
    with serve_directory(seed_dir) as url:
        yield url


def page_text(html: str) -> str:
    doc = parse(html)
    for svg in doc.find_all("svg"):  # the lock icon's title is not text on the page
        svg.decompose()
    return normalise(doc.get_text(" "))


def first_missing(text: str, lines: list[str]) -> str | None:
    """The first line not found in `text` after the previous one, or None if all are in order."""
    position = 0
    for line in lines:
        found = text.find(line, position)
        if found < 0:
            return line
        position = found + len(line)
    return None


def test_every_sentence_of_the_reference_appears_in_order(seed_dir):
    text = page_text((seed_dir / "index.html").read_text(encoding="utf-8"))
    assert len(reference_lines()) > 20
    assert first_missing(text, reference_lines()) is None


def test_the_order_check_catches_a_missing_or_moved_sentence(seed_dir):
    text = page_text((seed_dir / "index.html").read_text(encoding="utf-8"))
    lines = reference_lines()
    archived = next(line for line in lines if line.startswith("In an effort to keep DHS.gov"))
    assert first_missing(text.replace(archived, ""), lines) == archived
    assert first_missing(text, [lines[-1], lines[0]]) == lines[0]


@pytest.mark.browser
def test_spanish_page_is_spanish(seed_dir):
    doc = parse((seed_dir / "es" / "index.html").read_text(encoding="utf-8"))
    assert doc.find("html")["lang"] == "es"
    assert doc.find("article")["lang"] == "en"
    spanish_label = get_spec("breadcrumb").strings["es"]["aria_label"]
    assert doc.find(class_="usa-breadcrumb")["aria-label"] == spanish_label
    assert "Última actualización" in doc.get_text()
