"""The textarea in Chromium: described by hint then error; its value kept exactly."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec, render
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser


def description(browser) -> str:
    tree = component_ax_tree(browser, "document.querySelector('.usa-form-group')")
    (node,) = tree.find_all("textbox")
    return node.description


def test_hint_then_error_describe_the_textarea(browser, base_url):
    open_page(browser, f"{base_url}/textarea/error.html")
    assert description(browser) == (
        "Include the date and the place, if you know them. "
        "Error: Tell us what happened, in at least 10 words"
    )


def test_the_check_catches_hint_and_error_swapped(browser, open_broken):
    example = get_spec("textarea").example("error")
    open_broken(example, '"incident-hint incident-error"', '"incident-error incident-hint"', "swap")
    assert description(browser).startswith("Error:")


def test_a_value_starting_with_a_newline_is_kept(browser, write_page):
    example = get_spec("textarea").example("default")
    html = str(render("textarea", label="Notes", id="notes", value="\nSecond line"))
    open_page(browser, write_page("leading-newline", example, html))
    assert browser.find_element(By.ID, "notes").get_attribute("value") == "\nSecond line"


def test_tab_reaches_it_and_enter_makes_a_new_line(browser, base_url):
    open_page(browser, f"{base_url}/textarea/default.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "problem"
    press(browser, "One", Keys.ENTER, "Two")
    assert browser.find_element(By.ID, "problem").get_attribute("value") == "One\nTwo"


def test_it_works_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "textarea/error")
    field = browser.find_element(By.ID, "incident")
    assert field.get_attribute("value") == "A flood."
    assert browser.find_element(By.ID, "incident-error").is_displayed()
