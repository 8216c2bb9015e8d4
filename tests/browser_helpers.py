"""Loading a preview page in Chromium and waiting until USWDS's JS has started."""

from __future__ import annotations

from typing import Any

from selenium.webdriver.common.by import By

from uswds_components.testing import open_uswds_page


def open_page(driver: Any, url: str) -> None:
    driver.get_log("browser")  # drop messages from earlier pages
    open_uswds_page(driver, url)


def click_all(driver: Any, selectors: tuple[str, ...]) -> None:
    for selector in selectors:
        driver.find_element(By.CSS_SELECTOR, selector).click()


def console_errors(driver: Any) -> list[str]:
    """Errors the page logged: USWDS's JS reports broken markup here, not to axe."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
