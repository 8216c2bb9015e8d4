"""The button in Chromium with USWDS's JS: an aria-disabled button (or link) stays in the tab
order and is announced as disabled; a link button is a link. Each check also fails on a
deliberately broken copy, so it can fail."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

BUTTON = "document.querySelector('.usa-button')"


# A last tab stop, added for the check: Tab stops there at the latest, so it never leaves the page
# for the browser's own controls (the page, unfocused, would show the next test no focus ring).
_ADD_END = """
const end = document.createElement("a");
end.href = "#"; end.id = "tab-end"; end.textContent = "end";
document.body.append(end);
return document.querySelectorAll("*").length;
"""


def reached_by_tab(browser) -> bool:
    """Whether pressing Tab from the top of the page focuses the example's .usa-button before
    it reaches the end of the page."""
    target = browser.find_element(By.CSS_SELECTOR, ".usa-button")
    browser.execute_script("document.activeElement && document.activeElement.blur()")
    presses = browser.execute_script(_ADD_END)
    end = browser.find_element(By.ID, "tab-end")
    pressed = browser.find_element(By.TAG_NAME, "body")
    try:
        for _ in range(presses):
            pressed.send_keys(Keys.TAB)
            pressed = browser.switch_to.active_element
            if pressed in (target, end):
                return pressed == target
        raise AssertionError("Tab never reached the end of the page")
    finally:
        browser.execute_script("document.getElementById('tab-end').remove()")


def announced(browser):
    tree = component_ax_tree(browser, BUTTON)
    return tree.role, tree.name, bool(tree.states.get("disabled"))


@pytest.mark.parametrize(
    ("example", "role", "name"),
    [("disabled", "button", "Continue"), ("disabled-link", "link", "Download the form")],
)
def test_a_disabled_button_is_focusable_and_announced_disabled(
    browser, base_url, example, role, name
):
    open_page(browser, f"{base_url}/button/{example}.html")
    assert reached_by_tab(browser)
    assert announced(browser) == (role, name, True)


def test_a_disabled_link_goes_nowhere(browser, base_url):
    url = f"{base_url}/button/disabled-link.html"
    open_page(browser, url)
    assert reached_by_tab(browser)
    press(browser, Keys.ENTER)
    browser.find_element(By.CSS_SELECTOR, ".usa-button").click()
    assert browser.current_url == url


def test_the_disabled_attribute_instead_is_caught(browser, open_broken):
    # `disabled` takes the button out of the tab order: keyboard users never find it.
    example = get_spec("button").example("disabled")
    open_broken(example, ' aria-disabled="true"', " disabled", "disabled-attribute")
    assert not reached_by_tab(browser)


def test_aria_disabled_left_out_is_caught(browser, open_broken):
    example = get_spec("button").example("disabled")
    open_broken(example, ' aria-disabled="true"', "", "not-disabled")
    assert reached_by_tab(browser)
    assert announced(browser) == ("button", "Continue", False)


@pytest.mark.parametrize("example", ["link", "link-outline"])
def test_a_link_button_is_a_link_and_follows_its_href(browser, base_url, example):
    open_page(browser, f"{base_url}/button/{example}.html")
    params = get_spec("button").example(example).params
    assert announced(browser) == ("link", params["text"], False)
    href = params["href"]
    assert browser.find_element(By.CSS_SELECTOR, ".usa-button").get_attribute("href").endswith(href)
    assert reached_by_tab(browser)


def test_a_link_button_without_its_href_is_caught(browser, open_broken):
    # An <a> with no href is no link: not announced as one, not in the tab order.
    example = get_spec("button").example("link")
    open_broken(example, ' href="/apply"', "", "no-href")
    assert announced(browser)[0] != "link"
    assert not reached_by_tab(browser)
