"""The select in Chromium: named, described, reachable by Tab and chosen with the keyboard."""

from __future__ import annotations

import pytest
from browser_helpers import SET_ASIDE_SELECT_ARROWS, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from uswds_components import get_spec
from uswds_components.testing import run_axe
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser


def combobox(browser):
    tree = component_ax_tree(browser, "document.querySelector('.usa-form-group')")
    (node,) = tree.find_all("combobox")
    return node


def test_named_by_its_label_and_described_by_hint_then_error(browser, base_url):
    open_page(browser, f"{base_url}/select/error.html")
    node = combobox(browser)
    assert node.name.startswith("Preferred contact method")
    assert node.description == (
        "We will use this for updates about your case. Error: Select how we should contact you"
    )


def test_the_check_catches_a_select_its_label_does_not_name(browser, open_broken):
    example = get_spec("select").example("error")
    open_broken(example, 'for="contact-method-2"', 'for="elsewhere"', "label-for")
    assert combobox(browser).name == ""


def test_tab_reaches_it_and_the_keyboard_chooses(browser, base_url):
    open_page(browser, f"{base_url}/select/default.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "state"
    # Typing a name selects the option that starts with it (no popup needed).
    press(browser, "Alaska")
    assert Select(browser.find_element(By.ID, "state")).first_selected_option.text == "Alaska"


def test_it_works_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "select/hint")
    select = Select(browser.find_element(By.ID, "contact-method"))
    assert select.first_selected_option.text == "Email"
    select.select_by_value("phone")
    assert select.first_selected_option.text == "Phone"


CONTRAST_EXAMPLES = [
    pytest.param(example, id=example.name)
    for example in get_spec("select").examples
    if example.axe_disable
]


@pytest.mark.parametrize("example", CONTRAST_EXAMPLES)
def test_color_contrast_with_the_arrow_set_aside(browser, base_url, example):
    assert set(example.axe_disable) == {"color-contrast"}
    open_page(browser, f"{base_url}/select/{example.name}.html")
    assert browser.execute_script(SET_ASIDE_SELECT_ARROWS) == []
    result = run_axe(browser, context=".usa-form-group")
    assert result.failures == [], result.report()


def test_the_contrast_check_catches_pale_option_text(browser, open_broken):
    example = get_spec("select").example("default")
    open_broken(example, 'class="usa-select"', 'class="usa-select" style="color: #c9c9c9"', "pale")
    assert browser.execute_script(SET_ASIDE_SELECT_ARROWS) == []
    assert "color-contrast" in run_axe(browser, context=".usa-form-group").rule_ids()
