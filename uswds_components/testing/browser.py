"""One headless Chromium, driven by selenium through Debian's chromedriver, fully offline."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

T = TypeVar("T")

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
_FLAGS = (
    "--headless=new",
    "--no-sandbox",  # root cannot use Chromium's sandbox; without this the browser exits at once
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",  # the machine reaches no network: no retries in the log
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # History, favicons and site data stay in memory: otherwise every page load writes to the
    # profile's databases, which the browser suite paid for in CPU on 2 cores.
    "--incognito",
    # Tests never go back: otherwise every page left is frozen and kept, then evicted.
    "--disable-back-forward-cache",
    # With no GPU, the GPU process only composites in software: doing that in the browser
    # process saves a process and a hop per frame (about 2 s of the browser suite on 2 cores).
    "--in-process-gpu",
)


class BrowserMissing(RuntimeError):
    """Chromium or chromedriver is not installed: the browser tests cannot run."""


def start_chromium(width: int = 1280, height: int = 900) -> webdriver.Chrome:
    """Start headless Chromium with a fresh incognito profile, its window in front; the caller
    quits it.

    Raises BrowserMissing, never skips: install Debian's `chromium` and `chromium-driver`.
    """
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        raise BrowserMissing(
            f"{', '.join(missing)} not found. Install Debian's chromium and chromium-driver "
            "(`make test` does: scripts/ensure-browser)."
        )
    # Selenium Manager would try the network to "fix" the driver; we give it the driver.
    os.environ["SE_OFFLINE"] = "true"
    profile = tempfile.mkdtemp(prefix="uswds-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in _FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    # An incognito window opens without focus: until a click, document.hasFocus() is false and
    # focus() draws no ring. Activate it as a user would by choosing the tab.
    driver.execute_cdp_cmd("Page.bringToFront", {})
    original_quit = driver.quit

    def quit_and_clean() -> None:
        try:
            original_quit()
        finally:
            shutil.rmtree(profile, ignore_errors=True)

    driver.quit = quit_and_clean  # type: ignore[method-assign]
    return driver


# uswds-init.min.js puts usa-js-loading on <html> and uswds.min.js takes it off once it runs.
_USWDS_READY = (
    "return document.readyState === 'complete' && window.uswdsPresent === true && "
    "!document.documentElement.classList.contains('usa-js-loading');"
)


# Selenium polls every 0.5 s by default: a condition false at the first look would cost that
# much, on every page. The browser answers a poll in about a millisecond.
POLL_SECONDS = 0.02


def wait_until(driver: Any, condition: Callable[[Any], T], timeout: float = 10) -> T:
    """`condition(driver)`'s first truthy value, polled every POLL_SECONDS; raises selenium's
    TimeoutException after `timeout` seconds."""
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=POLL_SECONDS).until(condition)


def open_uswds_page(driver: webdriver.Chrome, url: str, timeout: float = 10) -> None:
    """Load a page that uses USWDS's JS and wait until that JS has started on it."""
    driver.get(url)
    wait_until(driver, lambda d: d.execute_script(_USWDS_READY), timeout)
