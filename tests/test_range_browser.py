"""The range slider in Chromium with USWDS's JS: the arrow keys move it, the value callout
follows, and aria-valuetext says the value with its unit in English or Spanish; without JS a
plain native slider."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"


def slider(browser):
    (node,) = component_ax_tree(browser, ROOT).find_all("slider")
    return node


def callout(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, ".usa-range__value").text


def test_arrow_keys_move_it_and_the_value_is_said_with_its_unit(browser, base_url):
    open_page(browser, f"{base_url}/range/unit.html")
    field = browser.find_element(By.ID, "rent-share")
    assert field.get_attribute("aria-valuetext") == "60 percent of 100"
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "rent-share"
    press(browser, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
    assert field.get_attribute("value") == "70"
    assert field.get_attribute("aria-valuetext") == "70 percent of 100"
    assert callout(browser) == "70"
    node = slider(browser)
    assert node.name == "Share of your income spent on rent"
    press(browser, Keys.END)
    assert field.get_attribute("aria-valuetext") == "100 percent of 100"
    assert console_errors(browser) == []


def test_spanish_says_de(browser, base_url):
    open_page(browser, f"{base_url}/range/spanish.html")
    field = browser.find_element(By.ID, "parte-alquiler")
    assert field.get_attribute("aria-valuetext") == "0 por ciento de 100"
    field.send_keys(Keys.ARROW_RIGHT)
    assert field.get_attribute("aria-valuetext") == "5 por ciento de 100"


def test_the_check_catches_an_english_preposition(browser, open_broken):
    example = get_spec("range").example("spanish")
    open_broken(example, 'data-text-preposition="de"', 'data-text-preposition="of"', "english")
    field = browser.find_element(By.ID, "parte-alquiler")
    assert field.get_attribute("aria-valuetext") == "0 por ciento of 100"


def test_hint_then_error_describe_the_slider(browser, base_url):
    open_page(browser, f"{base_url}/range/error.html")
    node = slider(browser)
    assert node.description == (
        "Move the slider to the nearest 5 percent "
        "Error: Move the slider to the share you spend on rent; it cannot be 0"
    )
    assert node.states.get("invalid") not in (None, False, "false")


def test_without_javascript_a_plain_slider_with_no_stale_valuetext(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "range/unit")
    field = browser.find_element(By.ID, "rent-share")
    field.send_keys(Keys.ARROW_LEFT)
    assert field.get_attribute("value") == "55"
    assert field.get_attribute("aria-valuetext") is None
    assert browser.find_elements(By.CSS_SELECTOR, ".usa-range__value") == []
