"""The side navigation in Chromium with USWDS's CSS: Tab reaches every link in reading order,
with and without scripts, and the current page is styled and announced."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, open_without_scripts
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec

pytestmark = pytest.mark.browser

SPEC = get_spec("side_navigation")


def nav_links(browser) -> list[str]:
    return [
        a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "nav[aria-label] a")
    ]


def tab_walk(browser, count: int) -> list[str]:
    """The hrefs focused by `count` presses of Tab from the top of the page."""
    browser.execute_script("document.activeElement.blur(); window.getSelection().removeAllRanges()")
    focused = []
    for _ in range(count):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        focused.append(browser.switch_to.active_element.get_attribute("href"))
    return focused


@pytest.mark.parametrize("example", ["default", "two-levels", "three-levels", "lang-es"])
def test_tab_reaches_every_link_in_order(browser, base_url, example):
    open_page(browser, f"{base_url}/side_navigation/{example}.html")
    links = nav_links(browser)
    assert len(links) == sum(1 for _ in browser.find_elements(By.CSS_SELECTOR, ".usa-sidenav a"))
    assert tab_walk(browser, len(links)) == links


def test_every_link_is_shown_and_reached_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "side_navigation/three-levels")
    anchors = browser.find_elements(By.CSS_SELECTOR, ".usa-sidenav a")
    assert len(anchors) == 9
    assert all(a.is_displayed() for a in anchors)
    assert tab_walk(browser, 9) == nav_links(browser)


def test_the_current_page_is_styled_and_announced(browser, base_url):
    open_page(browser, f"{base_url}/side_navigation/three-levels.html")
    current = browser.find_element(By.CSS_SELECTOR, "[aria-current='page']")
    assert current.text == "2012"
    assert current.get_attribute("class") == "usa-current"
    ordinary = browser.find_element(By.LINK_TEXT, "2011")
    assert current.value_of_css_property("color") != ordinary.value_of_css_property("color")
    top = browser.find_element(By.LINK_TEXT, "News")
    # USWDS's bar beside the current section's top-level link.
    bar = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", top)
    assert bar not in ("none", "normal")


def test_the_check_catches_a_link_taken_out_of_the_tab_order(browser, open_broken):
    # Deliberately broken: one link with tabindex="-1" is skipped by Tab.
    example = SPEC.example("three-levels")
    open_broken(example, 'href="/news/archive"', 'href="/news/archive" tabindex="-1"', "no-tab")
    links = nav_links(browser)
    assert tab_walk(browser, len(links)) != links
