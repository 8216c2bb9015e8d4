"""The input mask in Chromium with USWDS's JS: typing digits fills the mask and its separators;
the mask drawn beside the value is hidden from screen readers; the hint (the format) and the
error describe the input; without JS a plain input with its placeholder."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"


def textbox(browser):
    (node,) = component_ax_tree(browser, ROOT).find_all("textbox")
    return node


def test_typing_digits_fills_the_mask(browser, base_url):
    open_page(browser, f"{base_url}/input_mask/phone.html")
    field = browser.find_element(By.ID, "phone")
    assert field.get_dom_attribute("placeholder") is None
    assert field.get_attribute("maxlength") == "12"
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "phone"
    press(browser, "2025550100")
    assert field.get_attribute("value") == "202-555-0100"
    assert console_errors(browser) == []


def test_letters_and_digits_follow_the_charset(browser, base_url):
    open_page(browser, f"{base_url}/input_mask/alphanumeric.html")
    field = browser.find_element(By.ID, "postal-code")
    field.send_keys("K1A0B1")
    assert field.get_attribute("value") == "K1A 0B1"


def test_the_mask_is_hidden_and_the_format_describes_the_input(browser, base_url):
    open_page(browser, f"{base_url}/input_mask/error.html")
    node = textbox(browser)
    assert node.name == "Phone number"
    assert node.description == (
        "For example, 123-456-7890 Error: Enter a 10-digit phone number, like 123-456-7890"
    )
    assert node.states.get("invalid") not in (None, False, "false")
    assert "___" not in component_ax_tree(browser, ROOT).snapshot()


def test_the_check_catches_a_mask_left_readable(browser, base_url):
    open_page(browser, f"{base_url}/input_mask/phone.html")
    browser.execute_script("document.getElementById('phoneMask').removeAttribute('aria-hidden')")
    assert "___" in component_ax_tree(browser, ROOT).snapshot()


def test_the_check_catches_a_hint_left_out(browser, open_broken):
    example = get_spec("input_mask").example("phone")
    open_broken(example, ' aria-describedby="phone-hint"', "", "no-hint")
    assert textbox(browser).description == ""


def test_without_javascript_a_plain_input_with_its_placeholder(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "input_mask/ssn")
    field = browser.find_element(By.ID, "ssn")
    assert field.get_attribute("placeholder") == "___ __ ____"
    field.send_keys("123 45 6789")
    assert field.get_attribute("value") == "123 45 6789"
    assert textbox(browser).description == "For example, 123 45 6789"
