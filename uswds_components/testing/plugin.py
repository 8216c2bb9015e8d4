"""pytest plugin (entry point `pytest11`): axe-core in headless Chromium for a site's own pages.

Fixtures: `uswds_axe_script` (the axe-core file), `uswds_browser` (one headless Chromium per
session, axe pre-injected), `uswds_serve` (serve a folder on 127.0.0.1) and `axe_check`.
pytest loads this plugin wherever uswds-components is installed, so it imports selenium only
when a fixture is used: projects without the test extra are not affected.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .axe_check import AxeCheck

SCRIPT_TIMEOUT = 30  # seconds for one axe run; a page with thousands of nodes needs a few


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("uswds-components", "accessibility checks with axe-core")
    group.addoption(
        "--uswds-axe-script",
        metavar="PATH",
        default=None,
        help="axe.min.js for the uswds_browser and axe_check fixtures (default: the pinned "
        "axe-core 4.14.1 from node_modules)",
    )


def _needs_test_extra(error: ImportError) -> None:
    pytest.fail(
        "uswds-components' browser fixtures need the test extra "
        f"({(error.name or 'a browser package').split('.')[0]} is not installed): "
        "pip install 'uswds-components[test]'",
        pytrace=False,
    )


@pytest.fixture(scope="session")
def uswds_axe_script(pytestconfig: pytest.Config) -> Path:
    """--uswds-axe-script, else node_modules/axe-core/axe.min.js (4.14.1, checked)."""
    given = pytestconfig.getoption("uswds_axe_script")
    if given:
        path = Path(given)
        if not path.is_file():
            pytest.fail(f"--uswds-axe-script {given}: no such file", pytrace=False)
        return path
    from ..assets import axe_script

    try:
        return axe_script()
    except RuntimeError as error:
        pytest.fail(
            f"axe-core not found: {error} Or pass --uswds-axe-script PATH, or set "
            "USWDS_COMPONENTS_NODE_MODULES to a node_modules holding axe-core 4.14.1.",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def uswds_browser(uswds_axe_script: Path) -> Iterator[Any]:
    """Headless Chromium (selenium, Debian's chromedriver), axe-core evaluated in every
    document it loads; one per test session."""
    try:
        from .axe import preload_axe
        from .browser import BrowserMissing, start_chromium
    except ImportError as error:
        _needs_test_extra(error)
    try:
        driver = start_chromium()
    except BrowserMissing as error:
        pytest.fail(str(error), pytrace=False)
    try:
        driver.set_script_timeout(SCRIPT_TIMEOUT)
        preload_axe(driver, uswds_axe_script)
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="session")
def uswds_serve() -> Iterator[Callable[[str | Path], str]]:
    """`uswds_serve(folder)` serves a folder on 127.0.0.1 for the rest of the session and
    returns its base URL (USWDS's icons are blocked under file://)."""
    from .staging import serve_layers

    with contextlib.ExitStack() as servers:
        base_urls: dict[Path, str] = {}

        def serve(folder: str | Path) -> str:
            root = Path(folder).resolve()
            if not root.is_dir():
                raise NotADirectoryError(f"uswds_serve: {folder} is not a folder")
            if root not in base_urls:
                base_urls[root] = servers.enter_context(serve_layers([("/", root)]))
            return base_urls[root]

        yield serve


@pytest.fixture
def axe_check(uswds_browser: Any, uswds_axe_script: Path) -> AxeCheck:
    """`axe_check(url_or_html, states=..., tags=..., disable_rules=..., context=...,
    base_dir=..., uswds_assets=..., fail=True)`: see uswds_components.testing.axe_check."""
    try:
        from .axe_check import AxeCheck
    except ImportError as error:
        _needs_test_extra(error)
    return AxeCheck(uswds_browser, script=uswds_axe_script)
