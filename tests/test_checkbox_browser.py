"""Checkboxes in Chromium: each a Tab stop, Space toggles; the group is described by its hint
and error; a lone checkbox is invalid itself."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"


def checked(browser) -> list[bool]:
    return [box.is_selected() for box in browser.find_elements(By.CSS_SELECTOR, "[type=checkbox]")]


def tab(browser) -> str:
    press(browser, Keys.TAB)
    return browser.switch_to.active_element.get_attribute("id")


def test_tab_reaches_each_enabled_checkbox_and_space_toggles(browser, base_url):
    open_page(browser, f"{base_url}/checkbox/default.html")
    assert checked(browser) == [True, False, False, False]
    browser.find_element(By.TAG_NAME, "h1").click()
    assert [tab(browser) for _ in range(3)] == ["historical", "historical-2", "historical-3"]
    press(browser, Keys.SPACE)
    assert checked(browser) == [True, False, True, False]
    press(browser, Keys.SPACE)
    assert checked(browser) == [True, False, False, False]


def test_the_group_is_named_by_its_legend_and_described_by_hint_then_error(browser, base_url):
    open_page(browser, f"{base_url}/checkbox/error.html")
    (group,) = component_ax_tree(browser, ROOT).find_all("group")
    assert group.name.startswith("Which benefits do you get now?")
    assert group.description == (
        "Select all that apply. Error: Select at least one benefit, or “No benefits”"
    )


def test_the_check_catches_a_group_without_its_error_described(browser, open_broken):
    example = get_spec("checkbox").example("error")
    open_broken(example, " current-benefits-error", "", "group-undescribed")
    (group,) = component_ax_tree(browser, ROOT).find_all("group")
    assert "Error:" not in group.description


def test_a_lone_checkbox_is_described_and_invalid(browser, base_url):
    open_page(browser, f"{base_url}/checkbox/single-error.html")
    (box,) = component_ax_tree(browser, ROOT).find_all("checkbox")
    assert box.description.endswith("Error: Agree to the terms of use to continue")
    assert box.states.get("invalid") not in (None, False, "false")


def test_the_label_toggles_and_the_check_catches_a_broken_label(browser, base_url, open_broken):
    open_page(browser, f"{base_url}/checkbox/single.html")
    browser.find_element(By.CSS_SELECTOR, "label[for=agree]").click()
    assert checked(browser) == [True]
    open_broken(get_spec("checkbox").example("single"), 'for="agree"', 'for="nowhere"', "label")
    browser.find_element(By.CSS_SELECTOR, "label.usa-checkbox__label").click()
    assert checked(browser) == [False]


def test_tiles_toggle_with_space(browser, base_url):
    open_page(browser, f"{base_url}/checkbox/tile.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    tab(browser)
    press(browser, Keys.SPACE)
    assert checked(browser)[0] is False


def test_checkboxes_work_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "checkbox/error")
    browser.find_element(By.TAG_NAME, "h1").click()
    tab(browser)
    press(browser, Keys.SPACE)
    assert checked(browser) == [True, False, False]
