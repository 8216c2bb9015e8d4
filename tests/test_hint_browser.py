"""The hint in Chromium: the description of a control that names it; without JS too."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, open_without_scripts
from selenium.webdriver.common.by import By

from uswds_components import get_spec, render
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser


def custom_control(hint_id: str) -> str:
    hint = str(render("hint", id="ssn-hint", text="For example, 123 45 6789"))
    return (
        f'<div><label class="usa-label" for="ssn">Social Security number</label>{hint}'
        f'<input class="usa-input" id="ssn" name="ssn" aria-describedby="{hint_id}"></div>'
    )


def description(browser) -> str:
    (node,) = component_ax_tree(browser, "document.getElementById('ssn')").find_all("textbox")
    return node.description


def test_a_control_naming_the_hint_is_described_by_it(browser, write_page):
    example = get_spec("hint").example("default")
    open_page(browser, write_page("described", example, custom_control("ssn-hint")))
    assert description(browser) == "For example, 123 45 6789"


def test_the_check_catches_a_control_naming_another_id(browser, write_page):
    example = get_spec("hint").example("default")
    open_page(browser, write_page("misnamed", example, custom_control("ssn-hnt")))
    assert description(browser) == ""


def test_the_required_line_is_shown_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "hint/required-instructions-es")
    hint = browser.find_element(By.CSS_SELECTOR, ".usa-hint")
    assert hint.is_displayed()
    assert hint.text == "* indica un campo obligatorio."


def test_the_asterisk_is_red(browser, base_url):
    open_page(browser, f"{base_url}/hint/required-instructions.html")
    colour = browser.find_element(By.CSS_SELECTOR, "abbr").value_of_css_property("color")
    assert colour != browser.find_element(By.CSS_SELECTOR, ".usa-hint").value_of_css_property(
        "color"
    )
