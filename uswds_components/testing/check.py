"""Load pages in one Chromium and run axe on each: the engine of `uswds-components check`."""

from __future__ import annotations

import contextlib
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from selenium.common.exceptions import TimeoutException, WebDriverException

from .axe import AXE_TAGS, AxeError, run_axe
from .browser import wait_until
from .loads import failed_requests, forget_console
from .report import PageResult
from .staging import serve_layers
from .targets import Page

# Loaded, and USWDS's JS started if the page uses it (uswds-init.min.js marks <html> with
# usa-js-loading until uswds.min.js runs, and gives up by itself after 8 s).
_SETTLED = (
    "return document.readyState === 'complete' && "
    "!document.documentElement.classList.contains('usa-js-loading');"
)
LOAD_TIMEOUT = 10.0

Progress = Callable[[int, int, PageResult], None]


def open_for_axe(driver: Any, url: str, timeout: float = LOAD_TIMEOUT) -> None:
    """Load `url` and wait until it has settled; a page that never settles is checked as is.

    The console log is emptied first, so failed_requests() afterwards sees this page's only.
    """
    forget_console(driver)
    driver.get(url)
    with contextlib.suppress(TimeoutException):
        wait_until(
            driver,
            lambda d: d.execute_script(_SETTLED),
            timeout,
            f"{url} to settle (load event fired, no usa-js-loading class on <html>)",
        )


def unreachable(url: str) -> str | None:
    """Why `url` cannot be checked (a refused connection, an HTTP error), or None.

    Chromium would show its own error page, which axe would then check and pass.
    """
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # local: no proxy
    try:
        with opener.open(url, timeout=LOAD_TIMEOUT):
            return None
    except urllib.error.HTTPError as error:
        return f"HTTP {error.code} {error.reason}"
    except (urllib.error.URLError, OSError) as error:
        return f"cannot reach it ({getattr(error, 'reason', error)})"


def axe_version(driver: Any) -> str | None:
    return driver.execute_script("return (window.axe && window.axe.version) || null;")


def check_pages(
    driver: Any,
    pages: Sequence[Page],
    *,
    tags: Iterable[str] = AXE_TAGS,
    disable_rules: Iterable[str] = (),
    script: Path | None = None,
    progress: Progress | None = None,
) -> list[PageResult]:
    """Check every page in `driver`, serving each folder once on 127.0.0.1 (never file://:
    USWDS's icons are blocked there). A page fails on axe's failures and on any stylesheet,
    script, font or image that did not load. A page that cannot be loaded or checked is an
    error result; the run goes on."""
    tags, disable_rules = list(tags), list(disable_rules)
    results: list[PageResult] = []
    with contextlib.ExitStack() as servers:
        base_urls: dict[Path, str] = {}
        for number, page in enumerate(pages, start=1):
            if page.url is not None:
                url = page.url
            else:
                assert page.folder is not None
                if page.folder not in base_urls:
                    base_urls[page.folder] = servers.enter_context(
                        serve_layers([("/", page.folder)])
                    )
                url = f"{base_urls[page.folder]}/{quote(page.path)}"
            item = PageResult(page=page, url=url)
            problem = unreachable(url) if page.url is not None else None
            if problem:
                item.error = problem
            else:
                try:
                    open_for_axe(driver, url)
                    item.result = run_axe(
                        driver, tags=tags, disable_rules=disable_rules, script=script
                    )
                    item.failed_requests = failed_requests(driver)
                except (AxeError, WebDriverException) as error:
                    item.error = (getattr(error, "msg", None) or str(error)).strip().splitlines()[0]
            results.append(item)
            if progress:
                progress(number, len(pages), item)
    return results
