"""Loading a preview page in Chromium and waiting until USWDS's JS has started."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

# uswds-init.min.js puts usa-js-loading on <html> and uswds.min.js takes it off once it runs.
_USWDS_READY = (
    "return document.readyState === 'complete' && window.uswdsPresent === true && "
    "!document.documentElement.classList.contains('usa-js-loading');"
)


def open_page(driver: Any, url: str) -> None:
    driver.get_log("browser")  # drop messages from earlier pages
    driver.get(url)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(_USWDS_READY))


def click_all(driver: Any, selectors: tuple[str, ...]) -> None:
    for selector in selectors:
        driver.find_element(By.CSS_SELECTOR, selector).click()


def console_errors(driver: Any) -> list[str]:
    """Errors the page logged: USWDS's JS reports broken markup here, not to axe."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
