"""The hero in Chromium: a region named "Introduction", its button reachable, its text on an
opaque box whatever the background image."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec

pytestmark = pytest.mark.browser

CALLOUT_BACKGROUND = """
const style = getComputedStyle(document.querySelector(arguments[0]));
return style.backgroundColor;
"""


@pytest.mark.parametrize(
    ("example", "name"), [("default", "Introduction"), ("lang-es", "Introducción")]
)
def test_the_region_is_named(browser, base_url, example, name):
    open_page(browser, f"{base_url}/hero/{example}.html")
    hero = browser.find_element(By.CSS_SELECTOR, ".usa-hero")
    assert (hero.aria_role, hero.accessible_name) == ("region", name)


def test_tab_reaches_the_button(browser, base_url):
    open_page(browser, f"{base_url}/hero/default.html")
    button = browser.find_element(By.CSS_SELECTOR, ".usa-hero a.usa-button")
    browser.execute_script("document.activeElement && document.activeElement.blur()")
    press(browser, Keys.TAB)
    while browser.switch_to.active_element != button:
        active = browser.switch_to.active_element
        assert active.tag_name != "body", "Tab left the page before reaching the button"
        active.send_keys(Keys.TAB)
    assert button.is_displayed()


def opaque_callout(browser) -> bool:
    colour = browser.execute_script(CALLOUT_BACKGROUND, ".usa-hero h1, .usa-hero h2")
    heading_box = browser.execute_script(
        "return getComputedStyle(document.querySelector('.usa-hero h1, .usa-hero h2')"
        ".closest('div')).backgroundColor"
    )
    return colour in ("rgba(0, 0, 0, 0)",) and heading_box.startswith("rgb(")


@pytest.mark.parametrize("example", ["default", "image"])
def test_the_text_sits_on_an_opaque_box_over_the_image(browser, base_url, example):
    open_page(browser, f"{base_url}/hero/{example}.html")
    assert opaque_callout(browser)


def test_the_image_example_shows_its_image(browser, base_url):
    open_page(browser, f"{base_url}/hero/image.html")
    image = browser.execute_script(
        "return getComputedStyle(document.querySelector('.usa-hero')).backgroundImage"
    )
    assert "hero.webp" in image


def test_the_check_catches_text_without_its_callout_box(browser, open_broken):
    example = get_spec("hero").example("image")
    open_broken(example, 'class="usa-hero__callout"', 'class="site-callout"', "no-callout-box")
    assert not opaque_callout(browser)
