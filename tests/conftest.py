"""Shared fixtures: the gallery built once, served on 127.0.0.1, and one Chromium per session."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import open_page
from bs4 import BeautifulSoup, Tag
from hypothesis import settings
from markupsafe import Markup

from uswds_components import render
from uswds_components.gallery import build, preview_page
from uswds_components.spec import Example
from uswds_components.testing import serve_directory

# Property tests. Locally, `default`: few examples, random, with hypothesis's database so a
# failure found once is tried first on every later run. With CI=true, `ci`: more examples, the
# same ones on every run (derandomised), and a failure printed with its reproduction blob.
# `--hypothesis-profile=thorough` for a longer hunt, `fast` (what `make test-fast` uses) for the
# inner loop. Rendering time varies with the machine's load, so no per-example deadline.
# test_escaping.py covers every text slot deterministically, whatever the profile.
settings.register_profile("default", max_examples=50, deadline=None)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.register_profile("ci", max_examples=100, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "default")


pytest_plugins = ("pytester", "component_option", "postgres_fixture")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-ax-snapshots",
        action="store_true",
        help="rewrite the stored accessibility-tree snapshots instead of comparing them",
    )


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def root_element(html: str) -> Tag:
    """The component's outermost element; fails if the output is not exactly one element."""
    elements = [node for node in parse(html).contents if isinstance(node, Tag)]
    assert len(elements) == 1, f"expected one root element, got {len(elements)}"
    return elements[0]


@pytest.fixture(scope="session")
def gallery_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The gallery, hidden test-only examples included: the browser tests load these pages.

    xdist's workers share one build in the run's temporary folder (the first to get the lock
    builds it): it copies USWDS's 2,600 asset files. The batch pages (tests/batches.py) are
    written with it. Tests add pages under names of their own.
    """
    from batches import write_batches

    run_folder = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_folder = run_folder.parent
    out = run_folder / "gallery"
    with open(run_folder / "gallery.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (run_folder / "gallery.built").exists():
            build(out, include_hidden=True)
            write_batches(out)
            (run_folder / "gallery.built").touch()
    return out


@pytest.fixture(scope="session")
def base_url(gallery_dir: Path) -> Iterator[str]:
    with serve_directory(gallery_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser(uswds_browser: object) -> object:
    """The pytest plugin's session Chromium (uswds_components.testing.plugin): start_chromium,
    a 30 s script timeout and axe-core preloaded. One browser serves our tests and axe_check."""
    return uswds_browser


@pytest.fixture
def write_page(gallery_dir: Path, base_url: str):
    """Write a test-only page (e.g. a deliberately broken example) and return its URL."""

    def write(name: str, example: Example, component_html: str) -> str:
        page = gallery_dir / example.component / f"_test-{name}.html"
        page.write_text(preview_page(example, Markup(component_html)), encoding="utf-8")
        return f"{base_url}/{example.component}/{page.name}"

    return write


@pytest.fixture
def open_broken(browser, write_page):
    """Open, in the session browser, a deliberately broken copy of an example: its markup with
    `old` replaced by `new`, which must change it."""

    def open_broken_example(example: Example, old: str, new: str, name: str) -> None:
        html = str(render(example.component, **example.params))
        broken = html.replace(old, new)
        assert broken != html, f"{old!r} is not in {example.id}'s markup"
        open_page(browser, write_page(name, example, broken))

    return open_broken_example


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Under pytest-xdist, send every test of one visit page (visits.py: a batch page of several
    examples, or a page of one) to one worker, which then loads that page once; other tests go
    by module, so module fixtures are built once. Modules are handed out first: a slow one left
    to the end would hold the run while the other worker idles, and the many small visit pages
    even out the finish.

    xdist's own `--dist loadgroup` does this with marks, but pytest 9.2 drops the node-id
    suffix it relies on (pytest-dev/pytest-xdist#1386), silently.
    """
    from visits import modules_before_visits, scope_of
    from xdist.scheduler import LoadScopeScheduling

    class VisitScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return scope_of(nodeid) or super()._split_scope(nodeid)

        def _assign_work_unit(self, node: object) -> None:
            if not getattr(self, "_ordered", False):
                self.workqueue = modules_before_visits(self.workqueue)
                self._ordered = True
            super()._assign_work_unit(node)

    return VisitScheduling(config, log)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """With USWDS_VISIT_SECONDS set to a folder, each process writes there where its visits'
    time went, part by part (bench/suite.py sums them): the cost of each check, not a test."""
    folder = os.environ.get("USWDS_VISIT_SECONDS")
    if not folder:
        return
    import json

    from visits import visits_so_far

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    records = [
        {"example": key[1], "state": key[2], "url": visit.url, "seconds": visit.seconds}
        for key, visit in visits_so_far().items()
    ]
    (Path(folder) / f"{worker}.json").write_text(json.dumps(records), encoding="utf-8")
