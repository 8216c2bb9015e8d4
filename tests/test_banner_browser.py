"""The banner with USWDS's real JS: mouse and keyboard open and close it."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

pytestmark = pytest.mark.browser


def banner_parts(browser):
    button = browser.find_element(By.CSS_SELECTOR, ".usa-banner__button")
    content = browser.find_element(By.ID, button.get_attribute("aria-controls"))
    return button, content


@pytest.mark.parametrize("example", ["default", "lang-es", "custom-id"])
def test_click_opens_and_a_second_click_closes(browser, base_url, example):
    open_page(browser, f"{base_url}/banner/{example}.html")
    button, content = banner_parts(browser)
    # USWDS's JS hides the content once it starts: it was not hidden in the HTML.
    assert button.get_attribute("aria-expanded") == "false"
    assert not content.is_displayed()
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert content.is_displayed()
    assert "Official websites use" in content.text or "Los sitios web" in content.text
    button.click()
    assert button.get_attribute("aria-expanded") == "false"
    assert not content.is_displayed()


def test_keyboard_tab_reaches_the_button_and_enter_toggles_it(browser, base_url):
    open_page(browser, f"{base_url}/banner/default.html")
    button, content = banner_parts(browser)
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element == button
    button_focused = browser.switch_to.active_element
    button_focused.send_keys(Keys.ENTER)
    assert button.get_attribute("aria-expanded") == "true"
    assert content.is_displayed()
    press(browser, Keys.ENTER)
    assert button.get_attribute("aria-expanded") == "false"


def test_content_is_visible_without_javascript(browser, base_url, gallery_dir):
    # The same page with USWDS's scripts removed: nothing may hide the notices.
    open_without_scripts(browser, base_url, gallery_dir, "banner/default")
    content = browser.find_element(By.CSS_SELECTOR, ".usa-banner__content")
    assert content.is_displayed()
