"""The language selector in Chromium with USWDS's JS: the dropdown starts closed, Enter and Space
open it, Escape closes it and gives focus back to its button, focus leaving closes it; without
JS every language link is on the page; deliberately broken pages prove the checks can fail."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, eventually, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec

pytestmark = pytest.mark.browser

SPEC = get_spec("language_selector")


def button(browser):
    return browser.find_element(By.CSS_SELECTOR, ".usa-language__link")


def submenu(browser):
    return browser.find_element(By.ID, button(browser).get_attribute("aria-controls"))


def is_open(browser) -> bool:
    """Whether the dropdown is open; fails if the button and the submenu disagree."""
    expanded = button(browser).get_attribute("aria-expanded") == "true"
    menu = submenu(browser)
    assert expanded == menu.is_displayed(), "aria-expanded vs the submenu's visibility"
    assert expanded == (menu.get_attribute("hidden") is None), "aria-expanded vs hidden"
    return expanded


def focus_button(browser) -> None:
    browser.execute_script("arguments[0].focus()", button(browser))
    assert browser.switch_to.active_element == button(browser)


@pytest.mark.parametrize("example", ["dropdown", "unstyled", "dropdown-es"])
def test_the_dropdown_starts_closed_once_uswds_js_runs(browser, base_url, example):
    open_page(browser, f"{base_url}/language_selector/{example}.html")
    assert eventually(browser, lambda: not is_open(browser))
    assert console_errors(browser) == []


@pytest.mark.parametrize("key", [Keys.ENTER, Keys.SPACE], ids=["enter", "space"])
def test_enter_and_space_open_and_close_it(browser, base_url, key):
    open_page(browser, f"{base_url}/language_selector/dropdown.html")
    focus_button(browser)
    press(browser, key)
    assert is_open(browser)
    press(browser, Keys.TAB)
    first = submenu(browser).find_element(By.CSS_SELECTOR, "a")
    assert browser.switch_to.active_element == first
    assert first.accessible_name == "العربية (Arabic)"
    browser.execute_script("arguments[0].focus()", button(browser))
    press(browser, key)
    assert not is_open(browser)


def test_escape_closes_it_and_returns_focus_to_the_button(browser, base_url):
    open_page(browser, f"{base_url}/language_selector/dropdown.html")
    focus_button(browser)
    press(browser, Keys.ENTER)
    press(browser, Keys.TAB, Keys.TAB)  # onto the second language's link
    assert browser.switch_to.active_element.get_attribute("hreflang") == "zh-Hans"
    press(browser, Keys.ESCAPE)
    assert not is_open(browser)
    assert browser.switch_to.active_element == button(browser)


def test_focus_leaving_the_dropdown_closes_it(browser, base_url):
    open_page(browser, f"{base_url}/language_selector/dropdown.html")
    focus_button(browser)
    press(browser, Keys.ENTER)
    links = submenu(browser).find_elements(By.CSS_SELECTOR, "a")
    for _ in links:
        press(browser, Keys.TAB)
        assert is_open(browser)
    assert browser.switch_to.active_element == links[-1]
    press(browser, Keys.TAB)  # out of the dropdown
    assert not browser.execute_script(
        "return arguments[0].contains(document.activeElement)",
        browser.find_element(By.CSS_SELECTOR, ".usa-language__primary"),
    )
    assert not is_open(browser)


def test_a_click_elsewhere_closes_it(browser, base_url):
    open_page(browser, f"{base_url}/language_selector/dropdown.html")
    button(browser).click()
    assert is_open(browser)
    browser.find_element(By.TAG_NAME, "body").click()
    assert not is_open(browser)


def test_each_option_is_read_in_its_own_language(browser, base_url):
    open_page(browser, f"{base_url}/language_selector/dropdown.html")
    button(browser).click()
    for link in submenu(browser).find_elements(By.CSS_SELECTOR, "a[hreflang]"):
        name = link.find_element(By.CSS_SELECTOR, "span")
        assert name.get_attribute("lang") == link.get_attribute("hreflang")
        assert name.is_displayed()


def test_the_two_language_link_goes_to_the_other_language(browser, base_url):
    open_page(browser, f"{base_url}/language_selector/two-languages.html")
    link = browser.find_element(By.CSS_SELECTOR, ".usa-language-container a")
    assert link.aria_role == "link"
    assert link.accessible_name == "Español"
    assert link.get_attribute("href") == f"{base_url}/es/"
    browser.execute_script("arguments[0].focus()", link)
    assert browser.switch_to.active_element == link


@pytest.mark.parametrize("example", ["dropdown", "unstyled", "dropdown-es"])
def test_every_language_link_is_on_the_page_without_javascript(
    browser, base_url, gallery_dir, example
):
    open_without_scripts(browser, base_url, gallery_dir, f"language_selector/{example}")
    links = browser.find_elements(By.CSS_SELECTOR, ".usa-language__submenu a")
    expected = SPEC.example(example).params
    assert len(links) == len(expected["items"]) + 1
    assert all(link.is_displayed() for link in links)


def test_the_check_catches_a_submenu_left_showing_without_our_script(browser, open_broken):
    # Deliberately broken: no language-selector.js, so USWDS's JS leaves the closed submenu
    # showing (it hides it only once opened and closed), and is_open's check must say so.
    example = SPEC.example("dropdown")
    open_broken(example, "language-selector.js", "missing.js", "no-script")
    with pytest.raises(AssertionError, match="aria-expanded vs"):
        is_open(browser)


def test_the_check_catches_a_button_controlling_a_missing_submenu(browser, open_broken):
    example = SPEC.example("dropdown")
    open_broken(
        example, 'aria-controls="language-options"', 'aria-controls="nowhere"', "missing-menu"
    )
    button(browser).click()
    assert any("No toggle target found" in error for error in console_errors(browser))
