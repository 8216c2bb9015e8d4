"""The character count in Chromium with USWDS's JS and character-count.js: it counts as the user
types, in English or Spanish, lets the text run over the limit and says so; without JS the
limit is a plain maxlength."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, eventually, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-character-count')"


def status(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, ".usa-character-count__status").text


def spoken(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, ".usa-character-count__sr-status").get_attribute(
        "textContent"
    )


def validation_message(browser, field_id: str) -> str:
    return browser.execute_script(f"return document.getElementById('{field_id}').validationMessage")


def test_the_limit_moves_to_the_wrapper_and_the_count_goes_down(browser, base_url):
    open_page(browser, f"{base_url}/character_count/default.html")
    field = browser.find_element(By.ID, "organization")
    assert field.get_attribute("maxlength") is None
    wrapper = browser.find_element(By.CSS_SELECTOR, ".usa-character-count")
    assert wrapper.get_attribute("data-maxlength") == "25"
    assert status(browser) == "25 characters allowed"
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "organization"
    press(browser, "Parks")
    assert status(browser) == "20 characters left"
    assert eventually(browser, lambda: spoken(browser) == "20 characters left")
    assert console_errors(browser) == []


def test_typing_past_the_limit_is_allowed_and_said(browser, base_url):
    open_page(browser, f"{base_url}/character_count/default.html")
    field = browser.find_element(By.ID, "organization")
    field.send_keys("x" * 27)
    assert field.get_attribute("value") == "x" * 27
    assert status(browser) == "2 characters over limit"
    assert eventually(
        browser, lambda: spoken(browser) == "Character limit exceeded. 2 characters over limit"
    )
    assert validation_message(browser, "organization") == "The content is too long."
    field.send_keys(Keys.BACKSPACE, Keys.BACKSPACE, Keys.BACKSPACE)
    assert status(browser) == "1 character left"
    assert eventually(browser, lambda: validation_message(browser, "organization") == "")


def test_an_answer_that_came_back_over_the_limit_is_counted_at_load(browser, base_url):
    open_page(browser, f"{base_url}/character_count/error.html")
    assert status(browser) == "28 characters over limit"
    assert spoken(browser) == "Character limit exceeded. 28 characters over limit"


def test_hint_limit_then_error_describe_the_field(browser, base_url):
    open_page(browser, f"{base_url}/character_count/error.html")
    (node,) = component_ax_tree(browser, ROOT).find_all("textbox")
    assert node.name == "Describe the problem"
    assert node.description == (
        "A short summary; you can add details later. You can enter up to 50 characters "
        "Error: Your description must be 50 characters or fewer"
    )
    assert node.states.get("invalid") not in (None, False, "false")


def test_the_count_speaks_spanish(browser, base_url):
    open_page(browser, f"{base_url}/character_count/spanish.html")
    assert status(browser) == "13 caracteres por encima del límite"
    field = browser.find_element(By.ID, "problema")
    field.send_keys("!")
    assert status(browser) == "14 caracteres por encima del límite"
    assert eventually(
        browser,
        lambda: (
            spoken(browser)
            == "Se superó el límite de caracteres. 14 caracteres por encima del límite"
        ),
    )
    assert validation_message(browser, "problema") == "El texto es demasiado largo."
    field.send_keys(Keys.BACKSPACE * 50)
    assert status(browser) == "Quedan 36 caracteres"
    assert eventually(browser, lambda: validation_message(browser, "problema") == "")
    assert eventually(browser, lambda: spoken(browser) == "Quedan 36 caracteres")
    field.send_keys("x" * 35)
    assert status(browser) == "Queda 1 carácter"
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    assert status(browser) == "50 caracteres permitidos"


def test_the_check_catches_a_count_left_in_english(browser, open_broken):
    example = get_spec("character_count").example("spanish")
    open_broken(example, "/character-count.js", "/missing-character-count.js", "no-script")
    assert status(browser) == "50 characters allowed"


def test_without_javascript_maxlength_is_the_limit_and_the_message_shows(
    browser, base_url, gallery_dir
):
    open_without_scripts(browser, base_url, gallery_dir, "character_count/default")
    field = browser.find_element(By.ID, "organization")
    assert field.get_attribute("maxlength") == "25"
    field.send_keys("x" * 30)
    assert field.get_attribute("value") == "x" * 25
    message = browser.find_element(By.ID, "organization-info")
    assert message.is_displayed()
    assert message.text == "You can enter up to 25 characters"
