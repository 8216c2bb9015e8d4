"""The validation checklist in Chromium with USWDS's JS and validation.js: typing ticks each
requirement and the live summary says which are met, in English or Spanish; the field keeps its
hint, checklist and error as its description; without JS the requirements are plain text."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, eventually, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec

pytestmark = pytest.mark.browser


def ticked(browser) -> list[str]:
    return [
        item.get_attribute("data-validator")
        for item in browser.find_elements(By.CSS_SELECTOR, ".usa-checklist__item--checked")
    ]


def summary(browser, field_id: str) -> str:
    return browser.find_element(By.ID, f"{field_id}-sr-summary").get_attribute("textContent")


def test_typing_ticks_the_requirements_and_the_summary_says_so(browser, base_url):
    open_page(browser, f"{base_url}/validation/default.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "code"
    press(browser, "A")
    assert ticked(browser) == ["rulea"]
    assert eventually(
        browser,
        lambda: (
            summary(browser, "code") == "Use at least one uppercase character status complete. "
            "Use at least one number status incomplete. "
        ),
    )
    press(browser, "1")
    assert ticked(browser) == ["rulea", "ruleb"]
    assert console_errors(browser) == []


def test_the_field_keeps_hint_checklist_and_error_then_the_summary(browser, base_url):
    open_page(browser, f"{base_url}/validation/error.html")
    field = browser.find_element(By.ID, "code-error")
    assert eventually(
        browser,
        lambda: (
            field.get_attribute("aria-describedby")
            == "code-error-hint code-error-checklist code-error-error code-error-sr-summary"
        ),
    )


def test_the_check_catches_uswds_dropping_the_description(browser, open_broken):
    example = get_spec("validation").example("error")
    open_broken(example, "/validation.js", "/missing-validation.js", "no-script")
    field = browser.find_element(By.ID, "code-error")
    assert eventually(
        browser, lambda: field.get_attribute("aria-describedby") == "code-error-sr-summary"
    )


def test_spanish_status_words(browser, base_url):
    open_page(browser, f"{base_url}/validation/spanish.html")
    browser.find_element(By.ID, "contrasena").send_keys("7")
    assert eventually(
        browser,
        lambda: (
            summary(browser, "contrasena") == "Use al menos 12 caracteres requisito pendiente. "
            "Use al menos un número requisito cumplido. "
        ),
    )


def test_without_javascript_the_requirements_describe_the_field(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "validation/password")
    field = browser.find_element(By.ID, "new-password")
    assert field.get_attribute("aria-describedby") == "new-password-hint new-password-checklist"
    assert browser.find_element(By.ID, "new-password-checklist").is_displayed()
    field.send_keys("abc")
    assert ticked(browser) == []
