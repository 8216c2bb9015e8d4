"""pytest plugin (entry point `pytest11`): axe-core in headless Chromium for a site's own pages.

Fixtures: `uswds_axe_script` (the axe-core file), `uswds_browser` (one headless Chromium per
session, axe pre-injected), `uswds_serve` (serve a folder on 127.0.0.1) and `axe_check`.
pytest loads this plugin wherever uswds-components is installed, so it imports selenium only
when a fixture is used: projects without the check extra are not affected.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

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
        help="axe.min.js for the uswds_browser and axe_check fixtures (default: the bundled "
        "axe-core 4.14.1)",
    )
    group.addoption(
        "--uswds-chromium",
        metavar="PATH",
        default=None,
        help="the Chromium for uswds_browser (default: $USWDS_COMPONENTS_CHROMIUM, else "
        "/usr/bin/chromium)",
    )
    group.addoption(
        "--uswds-chromedriver",
        metavar="PATH",
        default=None,
        help="the chromedriver matching it (default: $USWDS_COMPONENTS_CHROMEDRIVER, else "
        "/usr/bin/chromedriver)",
    )


def _fail(message: str) -> NoReturn:
    """Fail the test with `message` alone: no traceback, nor the exception being handled (for
    a browser that did not start, chromedriver's stack trace)."""
    raise pytest.fail.Exception(message, pytrace=False) from None


def _needs_check_extra(error: ImportError) -> NoReturn:
    _fail(
        "uswds-components' browser fixtures need the check extra "
        f"({(error.name or 'a browser package').split('.')[0]} is not installed): "
        "pip install 'uswds-components[check]'"
    )


@pytest.fixture(scope="session")
def uswds_axe_script(pytestconfig: pytest.Config) -> Path:
    """--uswds-axe-script, else the bundled axe-core 4.14.1."""
    given = pytestconfig.getoption("uswds_axe_script")
    if given:
        path = Path(given)
        if not path.is_file():
            _fail(f"--uswds-axe-script {given}: no such file")
        return path
    from ..assets import axe_script

    try:
        return axe_script()
    except RuntimeError as error:
        _fail(f"the bundled axe-core cannot be used: {error} Or pass --uswds-axe-script PATH.")


@pytest.fixture(scope="session")
def uswds_browser(pytestconfig: pytest.Config, uswds_axe_script: Path) -> Iterator[Any]:
    """Headless Chromium (selenium; --uswds-chromium, --uswds-chromedriver or the environment
    variables choose which), axe-core evaluated in every document it loads; one per session."""
    try:
        from selenium.common.exceptions import WebDriverException

        from .axe import preload_axe
        from .browser import BrowserMissing, start_chromium
    except ImportError as error:
        _needs_check_extra(error)
    try:
        driver = start_chromium(
            chromium=pytestconfig.getoption("uswds_chromium"),
            chromedriver=pytestconfig.getoption("uswds_chromedriver"),
        )
    except BrowserMissing as error:
        _fail(str(error))
    except WebDriverException as error:
        # Typically a chromedriver of another major version than the Chromium.
        _fail(f"Chromium did not start: {(error.msg or str(error)).strip().splitlines()[0]}")
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
def axe_check(uswds_browser: Any, uswds_axe_script: Path) -> Iterator[AxeCheck]:
    """`axe_check(url_or_html, states=..., tags=..., disable_rules=..., context=...,
    base_dir=..., uswds_assets=..., width=..., height=..., fail=True)`: see
    uswds_components.testing.axe_check. The window's size is put back after the test."""
    try:
        from .axe_check import AxeCheck
    except ImportError as error:
        _needs_check_extra(error)
    checker = AxeCheck(uswds_browser, script=uswds_axe_script)
    yield checker
    checker.restore_window()
