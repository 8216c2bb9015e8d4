"""The fieldset in Chromium: a group named by its legend, described by its hint and error."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"


def group(browser):
    (node,) = component_ax_tree(browser, ROOT).find_all("group")
    return node


def test_named_by_the_legend_described_by_hint_then_error(browser, base_url):
    open_page(browser, f"{base_url}/fieldset/error.html")
    node = group(browser)
    assert node.name.startswith("Date of birth")
    assert node.description == "For example: April 28 1986 Error: Date of birth must include a year"


def test_the_check_catches_a_fieldset_without_its_legend(browser, open_broken):
    example = get_spec("fieldset").example("hint")
    open_broken(example, '<legend class="usa-legend usa-legend--large">', "<p>", "no-legend")
    assert group(browser).name == ""


def test_tab_moves_through_the_controls_inside(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "fieldset/hint")
    browser.find_element(By.TAG_NAME, "h1").click()
    reached = []
    for _ in range(2):
        press(browser, Keys.TAB)
        reached.append(browser.switch_to.active_element.get_attribute("id"))
    assert reached == ["dob-month", "dob-year"]
