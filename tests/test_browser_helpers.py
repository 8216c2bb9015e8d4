"""The shared browser helpers act as chromedriver would, and refuse what it would refuse."""

from __future__ import annotations

import pytest
from browser_helpers import click_all, open_page, press
from selenium.common.exceptions import ElementNotInteractableException, NoSuchElementException
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec, render

pytestmark = pytest.mark.browser

COVER = (
    '<div style="position: fixed; inset: 0; background: rgb(255 255 255 / 0.5)" id="overlay"></div>'
)


def test_a_click_opens_what_a_user_click_opens(browser, write_page):
    example = get_spec("accordion").example("default")
    html = str(render("accordion", **example.params))
    open_page(browser, write_page("click-opens", example, html))
    click_all(browser, ('.usa-accordion__button[aria-expanded="false"]',))
    expanded = browser.execute_script(
        "return [...document.querySelectorAll('.usa-accordion__button')]"
        ".map(b => b.getAttribute('aria-expanded'))"
    )
    # The first item is open at load: the click opens the second, and USWDS closes the first.
    assert expanded == ["false", "true", "false"]
    assert browser.execute_script("return document.activeElement.className") == (
        "usa-accordion__button"
    )


def test_a_covered_or_missing_element_is_not_clicked(browser, write_page):
    example = get_spec("accordion").example("default")
    html = str(render("accordion", **example.params)) + COVER
    open_page(browser, write_page("click-covered", example, html))
    with pytest.raises(ElementNotInteractableException, match="covered by <div"):
        click_all(browser, ('.usa-accordion__button[aria-expanded="false"]',))
    with pytest.raises(NoSuchElementException, match="no element matches"):
        click_all(browser, (".no-such-thing",))


def test_press_types_text_and_holds_shift_as_selenium_does(browser, write_page):
    example = get_spec("text_input").example("default")
    html = (
        '<div><input id="first" aria-label="First"> <input id="second" aria-label="Second"></div>'
    )
    open_page(browser, write_page("press", example, html))
    browser.execute_script("document.getElementById('first').focus()")
    press(browser, "A-1.5 x", Keys.TAB)
    assert browser.execute_script("return document.activeElement.id") == "second"
    press(browser, Keys.SHIFT, Keys.TAB)  # Shift held: back to the first field
    assert browser.execute_script("return document.activeElement.id") == "first"
    assert browser.execute_script("return document.activeElement.value") == "A-1.5 x"
    # Tab selected the whole value: End, then two Backspaces take the last two characters.
    press(browser, Keys.END, Keys.BACKSPACE, Keys.BACKSPACE)
    assert browser.execute_script("return document.activeElement.value") == "A-1.5"
