"""Posting a form in Chromium and waiting for the page that answers: shared by the WTForms,
Django and example-service journeys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from browser_helpers import eventually
from selenium.webdriver.common.by import By

from uswds_components.testing import wait_until

SUMMARY = "[data-uswds-components-error-summary]"


def uswds_ran(browser: Any) -> bool:
    return browser.execute_script("return window.uswdsPresent === true")


def summary_is_focused(browser: Any) -> bool:
    return (
        browser.switch_to.active_element.get_attribute("data-uswds-components-error-summary")
        is not None
    )


def submit_and_wait(
    browser: Any, condition: Callable[[Any], Any], description: str, *, scripts: bool = True
) -> None:
    """Submit the form in <main> and wait for the next page, loaded (and, with `scripts`,
    USWDS's JS started on it) and meeting `condition`. Fails if the page ran its scripts when
    they were meant to be off, or did not when on."""
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, "main button[type=submit]").click()
    wait_until(
        browser,
        lambda d: (
            old.id != d.find_element(By.TAG_NAME, "html").id
            and d.execute_script("return document.readyState === 'complete'")
            and (not scripts or uswds_ran(d))
            and condition(d)
        ),
        description=description,
    )
    assert uswds_ran(browser) is scripts, "the page's scripts ran" if not scripts else "no JS"


def links_not_focusing(browser: Any, targets: list[str]) -> list[str]:
    """Click each of the error summary's links in turn, on the one page: the ids in `targets`
    (one per link, in order) whose link did not move focus to that element."""
    links = browser.find_elements(By.CSS_SELECTOR, f"{SUMMARY} a")
    assert len(links) == len(targets), [link.get_attribute("hash") for link in links]
    missed = []
    for link, target in zip(links, targets, strict=True):
        link.click()
        if not eventually(
            browser, lambda t=target: browser.switch_to.active_element.get_attribute("id") == t
        ):
            missed.append(target)
    return missed
