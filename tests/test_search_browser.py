"""The search form in Chromium with USWDS's CSS: it submits the query with GET, its button is
named at every width, and it works without JS."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, open_without_scripts
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.testing import run_axe, wait_until

pytestmark = pytest.mark.browser

DESKTOP = (1280, 900)  # conftest's start_chromium size: the browser is shared, restore it


def submit_with_enter(browser, query: str) -> str:
    field = browser.find_element(By.CSS_SELECTOR, "form.usa-search input")
    field.clear()
    field.send_keys(query, Keys.ENTER)
    wait_until(browser, lambda d: "?" in d.current_url, 5, "the form to submit")
    return browser.current_url


def test_enter_submits_the_query_with_get(browser, base_url):
    open_page(browser, f"{base_url}/search/default.html")
    # The preview server answers /search with its /search/ folder: the query is what counts.
    url = submit_with_enter(browser, "tax forms")
    assert url.split("?")[1] == "search=tax+forms" and "/search" in url


def test_the_query_goes_out_under_the_given_name_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "search/results-page")
    field = browser.find_element(By.CSS_SELECTOR, "form.usa-search input")
    assert field.is_displayed() and field.get_attribute("value") == "passport renewal"
    assert browser.find_element(By.CSS_SELECTOR, "form.usa-search button").is_displayed()
    assert "query=passport" in submit_with_enter(browser, "passport")


ACCESSIBLE_NAME = "return arguments[0].computedName ?? null;"


@pytest.mark.parametrize("width", [320, 1024])
@pytest.mark.parametrize("example", ["default", "big", "small", "lang-es"])
def test_the_button_shows_a_text_or_an_icon_at_every_width(browser, base_url, example, width):
    browser.set_window_size(width, DESKTOP[1])
    try:
        open_page(browser, f"{base_url}/search/{example}.html")
        button = browser.find_element(By.CSS_SELECTOR, "form.usa-search button")
        shown = [
            element
            for element in button.find_elements(By.CSS_SELECTOR, "span, img")
            if element.is_displayed()
        ]
        assert len(shown) == 1, [element.tag_name for element in shown]
        assert run_axe(browser).failures == []
    finally:
        browser.set_window_size(*DESKTOP)


def test_a_label_pointing_nowhere_is_caught(browser, open_broken):
    # The broken case: the hidden label no longer names the field, and axe says so.
    example = get_spec("search").example("default")
    open_broken(example, 'for="search-field"', 'for="elsewhere"', "label-nowhere")
    assert "label" in run_axe(browser).rule_ids()
