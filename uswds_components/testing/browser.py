"""One headless Chromium, driven by selenium through chromedriver, fully offline."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service

T = TypeVar("T")

# Debian's paths; the environment variables or start_chromium's arguments point elsewhere.
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_ENV = "USWDS_COMPONENTS_CHROMIUM"
CHROMEDRIVER_ENV = "USWDS_COMPONENTS_CHROMEDRIVER"
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
    # A checked page lives for a second or two: V8's optimising compiler (TurboFan) spends more
    # CPU on its background threads than its code saves there. Without it, the shared visits of
    # 8 batch pages took 5% less of Chromium's CPU and of the wall time (three runs each way).
    "--js-flags=--no-opt",
)
HOW_TO_INSTALL = (
    "Install Chromium and its chromedriver (on Debian or a Debian-based CI image: "
    "`apt-get install chromium chromium-driver`), or point at yours with "
    f"${CHROMIUM_ENV} and ${CHROMEDRIVER_ENV}, `uswds-components check --chromium PATH "
    "--chromedriver PATH`, or pytest's --uswds-chromium PATH --uswds-chromedriver PATH."
)


class BrowserMissing(RuntimeError):
    """Chromium or chromedriver is not where it was looked for: nothing can be checked."""


def _locate(given: str | Path | None, variable: str, default: Path, name: str) -> Path:
    """`given`, else $variable, else `default`; a bare command name is looked up on PATH.
    Raises BrowserMissing naming where it looked."""
    if given is not None:
        value, source = str(given), ""
    elif os.environ.get(variable):
        value, source = os.environ[variable], f" (from ${variable})"
    else:
        value, source = str(default), ""
    path = Path(value).expanduser()
    if not path.is_file() and os.sep not in value:
        found = shutil.which(value)
        if found:
            path = Path(found)
    if not path.is_file():
        raise BrowserMissing(f"{name} not found at {value}{source}.")
    return path


def browser_paths(
    chromium: str | Path | None = None, chromedriver: str | Path | None = None
) -> tuple[Path, Path]:
    """The Chromium and chromedriver start_chromium() would run: each argument, else its
    environment variable (USWDS_COMPONENTS_CHROMIUM, USWDS_COMPONENTS_CHROMEDRIVER), else
    Debian's /usr/bin path. Raises BrowserMissing saying what is missing and how to fix it."""
    problems, found = [], []
    for given, variable, default, name in (
        (chromium, CHROMIUM_ENV, CHROMIUM, "Chromium"),
        (chromedriver, CHROMEDRIVER_ENV, CHROMEDRIVER, "chromedriver"),
    ):
        try:
            found.append(_locate(given, variable, default, name))
        except BrowserMissing as error:
            problems.append(str(error))
    if problems:
        raise BrowserMissing(f"{' '.join(problems)} {HOW_TO_INSTALL}")
    return found[0], found[1]


def start_chromium(
    width: int = 1280,
    height: int = 900,
    *,
    chromium: str | Path | None = None,
    chromedriver: str | Path | None = None,
) -> webdriver.Chrome:
    """Start headless Chromium with a fresh incognito profile, its window in front; the caller
    quits it. `chromium` and `chromedriver` override the paths (see browser_paths()).

    Raises BrowserMissing, never skips.
    """
    binary, driver_path = browser_paths(chromium, chromedriver)
    # Selenium Manager would try the network to "fix" the driver; we give it the driver.
    os.environ["SE_OFFLINE"] = "true"
    profile = tempfile.mkdtemp(prefix="uswds-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(binary)
    for flag in _FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument(f"--user-data-dir={profile}")
    # The console log also carries "Failed to load resource" for each failed request: the
    # checks read it to fail a page whose CSS, scripts, fonts or images did not load.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(
            service=Service(executable_path=str(driver_path)), options=options
        )
    except BaseException:
        shutil.rmtree(profile, ignore_errors=True)
        raise
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
_USWDS_STATE = (
    "return {url: location.href, readyState: document.readyState, "
    "uswdsPresent: window.uswdsPresent === true, "
    "htmlClass: document.documentElement.className};"
)


# Selenium polls every 0.5 s by default: a condition false at the first look would cost that
# much, on every page. The browser answers a poll in about a millisecond.
POLL_SECONDS = 0.02


def wait_until(
    driver: Any,
    condition: Callable[[Any], T],
    timeout: float = 10,
    description: str | None = None,
    *,
    seen: Callable[[Any], object] | None = None,
) -> T:
    """`condition(driver)`'s first truthy value, polled every POLL_SECONDS.

    After `timeout` seconds, raises selenium's TimeoutException saying what was awaited
    (`description`) and what was seen: `seen(driver)` if given, else the condition's last value.
    """
    from selenium.webdriver.support.ui import WebDriverWait

    last: list[object] = []

    def watched(current: Any) -> T:
        value = condition(current)
        last[:] = [value]
        return value

    try:
        return WebDriverWait(driver, timeout, poll_frequency=POLL_SECONDS).until(watched)
    except TimeoutException:
        saw: object = last[0] if last else "no answer"
        if seen is not None:
            try:
                saw = seen(driver)
            except Exception as error:  # the page may be gone; the timeout is the news
                saw = f"nothing ({type(error).__name__} while looking)"
        what = description or "a condition"
        raise TimeoutException(f"waited {timeout:g} s for {what}; saw {saw!r}") from None


def open_uswds_page(driver: webdriver.Chrome, url: str, timeout: float = 10) -> None:
    """Load a page that uses USWDS's JS and wait until that JS has started on it."""
    driver.get(url)
    wait_until(
        driver,
        lambda d: d.execute_script(_USWDS_READY),
        timeout,
        f"USWDS's JS to start on {url} (readyState complete, window.uswdsPresent, "
        "no usa-js-loading class on <html>)",
        seen=lambda d: d.execute_script(_USWDS_STATE),
    )
