"""The text input in Chromium: its hint and error are its accessible description, in order;
it is reachable and usable with the keyboard, with or without JS."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec, render
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"


def textbox(browser):
    (node,) = component_ax_tree(browser, ROOT).find_all("textbox")
    return node


def test_hint_then_error_are_the_description_and_the_input_is_invalid(browser, base_url):
    open_page(browser, f"{base_url}/text_input/error.html")
    node = textbox(browser)
    assert node.name == "Email address"
    assert node.description == (
        "We will only use this to send you a receipt. Error: Enter an email address in the "
        "correct format, like name@example.com"
    )
    assert node.states.get("invalid") not in (None, False, "false")
    assert console_errors(browser) == []


def test_the_check_catches_an_error_left_out_of_describedby(browser, open_broken):
    example = get_spec("text_input").example("error")
    open_broken(
        example,
        'aria-describedby="email-address-hint email-address-error"',
        'aria-describedby="email-address-hint"',
        "error-not-described",
    )
    assert "Error:" not in textbox(browser).description


def test_spanish_required_field_is_named_and_described(browser, base_url):
    open_page(browser, f"{base_url}/text_input/spanish.html")
    node = textbox(browser)
    assert node.name.startswith("Correo electrónico")
    assert node.description.endswith(
        "Error: Escriba una dirección de correo electrónico con el formato correcto, "
        "como nombre@ejemplo.com"
    )
    assert node.states.get("required") is True


def test_tab_reaches_each_input_in_order_and_typing_works(browser, write_page):
    example = get_spec("text_input").example("default")
    html = "".join(
        str(render("text_input", label=label, id=field_id))
        for label, field_id in (("First", "first"), ("Second", "second"), ("Third", "third"))
    )
    open_page(browser, write_page("three-inputs", example, html))
    browser.find_element(By.TAG_NAME, "h1").click()
    reached = []
    for _ in range(3):
        press(browser, Keys.TAB)
        reached.append(browser.switch_to.active_element.get_attribute("id"))
    assert reached == ["first", "second", "third"]
    press(browser, "Ada")
    assert browser.find_element(By.ID, "third").get_attribute("value") == "Ada"


def test_the_label_focuses_its_input(browser, base_url):
    open_page(browser, f"{base_url}/text_input/hint.html")
    browser.find_element(By.CSS_SELECTOR, "label[for=email]").click()
    assert browser.switch_to.active_element.get_attribute("id") == "email"


def test_the_error_and_the_input_work_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "text_input/error")
    assert browser.find_element(By.ID, "email-address-error").is_displayed()
    field = browser.find_element(By.ID, "email-address")
    field.clear()
    field.send_keys("name@example.com")
    assert field.get_attribute("value") == "name@example.com"
