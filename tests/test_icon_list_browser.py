"""The icon list in Chromium: a list of its items, named icons read before the words, and no
icon a Tab stop."""

from __future__ import annotations

import pytest
from browser_helpers import open_page
from selenium.webdriver.common.by import By

from uswds_components import get_spec

pytestmark = pytest.mark.browser


def the_list(browser):
    return browser.find_element(By.CSS_SELECTOR, ".usa-icon-list")


@pytest.mark.parametrize(("example", "count"), [("default", 3), ("simple-content", 4)])
def test_it_is_a_list_of_its_items(browser, base_url, example, count):
    open_page(browser, f"{base_url}/icon_list/{example}.html")
    assert the_list(browser).aria_role == "list"
    items = browser.find_elements(By.CSS_SELECTOR, ".usa-icon-list > li")
    assert [item.aria_role for item in items] == ["listitem"] * count


def test_named_icons_say_do_and_dont(browser, base_url):
    open_page(browser, f"{base_url}/icon_list/default.html")
    icons = browser.find_elements(By.CSS_SELECTOR, ".usa-icon-list svg")
    assert [(i.aria_role, i.accessible_name) for i in icons] == [
        ("image", "Do"),
        ("image", "Do"),
        ("image", "Don't"),
    ]


def test_icons_are_drawn_beside_the_words(browser, base_url):
    open_page(browser, f"{base_url}/icon_list/custom-size.html")
    for item in browser.find_elements(By.CSS_SELECTOR, ".usa-icon-list__item"):
        icon = item.find_element(By.CSS_SELECTOR, "svg").rect
        words = item.find_element(By.CSS_SELECTOR, ".usa-icon-list__content").rect
        assert icon["width"] > 0 and icon["x"] + icon["width"] <= words["x"]


def test_no_icon_is_focusable(browser, base_url):
    open_page(browser, f"{base_url}/icon_list/default.html")
    assert browser.execute_script(
        "return [...document.querySelectorAll('.usa-icon-list svg')].every(s => s.tabIndex < 0)"
    )


def test_the_check_catches_a_list_that_is_not_a_list(browser, open_broken):
    example = get_spec("icon_list").example("default")
    open_broken(
        example,
        '<ul class="usa-icon-list"',
        '<ul role="presentation" class="usa-icon-list"',
        "not-a-list",
    )
    assert the_list(browser).aria_role != "list"
