"""The input prefix or suffix in Chromium: the prefix and suffix are not read, the label says the
unit; hint then error describe the input; it is reachable and usable with the keyboard, with or
without JS."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.testing import run_axe
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"


def tree_text(browser) -> str:
    return component_ax_tree(browser, ROOT).snapshot()


def test_the_suffix_is_not_read_and_the_label_says_the_unit(browser, base_url):
    open_page(browser, f"{base_url}/input_prefix_suffix/suffix.html")
    tree = component_ax_tree(browser, ROOT)
    (node,) = tree.find_all("textbox")
    assert node.name == "Weight, in pounds"
    assert "lbs." not in tree.snapshot()


def test_the_check_catches_a_suffix_left_readable(browser, open_broken):
    example = get_spec("input_prefix_suffix").example("suffix")
    open_broken(
        example,
        '<div class="usa-input-suffix" aria-hidden="true">',
        '<div class="usa-input-suffix">',
        "suffix-read",
    )
    assert "lbs." in tree_text(browser)


def test_the_prefix_icon_is_not_read(browser, base_url):
    open_page(browser, f"{base_url}/input_prefix_suffix/prefix-icon.html")
    tree = component_ax_tree(browser, ROOT)
    assert [
        node.role for node in tree.walk() if node.role in ("img", "image", "graphics-symbol")
    ] == []


def test_hint_then_error_describe_the_input(browser, base_url):
    open_page(browser, f"{base_url}/input_prefix_suffix/error.html")
    (node,) = component_ax_tree(browser, ROOT).find_all("textbox")
    assert node.description == (
        "The 16 digits on the front of your card Error: Enter all 16 digits of your card number"
    )
    assert node.states.get("invalid") not in (None, False, "false")


def test_tab_reaches_the_input_and_typing_works(browser, base_url):
    open_page(browser, f"{base_url}/input_prefix_suffix/both.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "price-per-pound"
    press(browser, "3.50")
    assert browser.find_element(By.ID, "price-per-pound").get_attribute("value") == "3.50"


def test_it_works_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "input_prefix_suffix/prefix-text")
    field = browser.find_element(By.ID, "rent")
    field.send_keys("850")
    assert field.get_attribute("value") == "850"
    assert browser.find_element(By.CSS_SELECTOR, ".usa-input-prefix").is_displayed()


SUFFIXED = [
    example
    for example in get_spec("input_prefix_suffix").examples
    if example.params.get("suffix") is not None
]
RESTORE_LINE_HEIGHT = (
    "document.querySelectorAll('.usa-input-suffix')"
    ".forEach(suffix => { suffix.style.lineHeight = 'normal'; });"
)


@pytest.mark.parametrize("example", SUFFIXED, ids=lambda example: example.name)
def test_suffix_contrast_with_the_line_height_restored(browser, base_url, example):
    assert set(example.axe_disable) == {"color-contrast"}
    open_page(browser, f"{base_url}/input_prefix_suffix/{example.name}.html")
    browser.execute_script(RESTORE_LINE_HEIGHT)
    result = run_axe(browser, context=".usa-form-group")
    assert "color-contrast" not in result.rule_ids(), result.report()
    assert result.failures == [], result.report()


def test_the_contrast_check_catches_a_pale_suffix(browser, open_broken):
    example = get_spec("input_prefix_suffix").example("suffix")
    open_broken(
        example,
        '<div class="usa-input-suffix" aria-hidden="true">',
        '<div class="usa-input-suffix" aria-hidden="true" style="color: #dfe1e2">',
        "pale-suffix",
    )
    browser.execute_script(RESTORE_LINE_HEIGHT)
    assert "color-contrast" in run_axe(browser, context=".usa-form-group").rule_ids()
