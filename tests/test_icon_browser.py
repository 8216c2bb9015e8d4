"""The icon in Chromium: the sprite symbol is drawn, a titled icon is a named image, and no icon
is ever a Tab stop."""

from __future__ import annotations

import pytest
from browser_helpers import open_page
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec

pytestmark = pytest.mark.browser


def icon(browser):
    return browser.find_element(By.CSS_SELECTOR, "svg.usa-icon")


@pytest.mark.parametrize(("example", "size"), [("default", None), ("size-3", 24), ("size-9", 72)])
def test_the_symbol_is_drawn_at_its_size(browser, base_url, example, size):
    open_page(browser, f"{base_url}/icon/{example}.html")
    rect = icon(browser).rect
    assert rect["width"] > 0 and rect["height"] > 0
    if size:
        assert (round(rect["width"]), round(rect["height"])) == (size, size)
    # The <use> resolved: the referenced symbol's geometry has a size.
    box = browser.execute_script(
        "return document.querySelector('svg.usa-icon use').getBBox().width"
    )
    assert box > 0


@pytest.mark.parametrize(("example", "name"), [("title", "Warning"), ("lang-es", "Información")])
def test_a_titled_icon_is_a_named_image(browser, base_url, example, name):
    open_page(browser, f"{base_url}/icon/{example}.html")
    assert (icon(browser).aria_role, icon(browser).accessible_name) == ("image", name)


def test_tab_never_stops_on_an_icon(browser, base_url):
    open_page(browser, f"{base_url}/icon/title.html")
    target = icon(browser)
    browser.execute_script("document.activeElement && document.activeElement.blur()")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for _ in range(30):
        active = browser.switch_to.active_element
        assert active != target
        if active.tag_name == "body":
            break
        active.send_keys(Keys.TAB)


def test_the_check_catches_a_misspelt_symbol(browser, open_broken):
    example = get_spec("icon").example("size-9")
    open_broken(example, "#accessibility_new", "#accessibility_neww", "missing-symbol")
    box = browser.execute_script(
        "return document.querySelector('svg.usa-icon use').getBBox().width"
    )
    assert box == 0


def test_the_check_catches_a_titled_icon_without_its_name(browser, open_broken):
    example = get_spec("icon").example("title")
    open_broken(example, 'aria-label="Warning"', "", "unnamed-icon")
    assert icon(browser).accessible_name != "Warning"
