"""The collection in Chromium: a list of items reachable by heading and by Tab, with labelled
meta and tag lists."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec

pytestmark = pytest.mark.browser


def test_each_item_is_a_list_item_with_a_heading(browser, base_url):
    open_page(browser, f"{base_url}/collection/default.html")
    assert browser.find_element(By.CSS_SELECTOR, ".usa-collection").aria_role == "list"
    headings = browser.find_elements(By.CSS_SELECTOR, ".usa-collection__heading")
    assert [h.aria_role for h in headings] == ["heading", "heading"]


@pytest.mark.parametrize(
    ("example", "labels"),
    [("default", ["More information", "Topics"]), ("lang-es", ["Más información", "Temas"])],
)
def test_meta_lists_are_named(browser, base_url, example, labels):
    open_page(browser, f"{base_url}/collection/{example}.html")
    metas = browser.find_elements(By.CSS_SELECTOR, ".usa-collection__meta")
    assert [m.accessible_name for m in metas[:2]] == labels


def test_tab_reaches_every_heading_link_in_order(browser, base_url):
    open_page(browser, f"{base_url}/collection/default.html")
    links = browser.find_elements(By.CSS_SELECTOR, ".usa-collection a")
    assert len(links) == 2
    browser.execute_script("document.activeElement && document.activeElement.blur()")
    press(browser, Keys.TAB)
    for link in links:
        while browser.switch_to.active_element != link:
            active = browser.switch_to.active_element
            assert active.tag_name != "body", "Tab left the page before reaching the link"
            active.send_keys(Keys.TAB)


def test_a_thumbnail_is_named_by_its_alt(browser, base_url):
    open_page(browser, f"{base_url}/collection/media.html")
    first = browser.find_element(By.CSS_SELECTOR, ".usa-collection__img")
    assert first.accessible_name == "The flag of the United States"


def test_the_check_catches_an_unlabelled_meta_list(browser, open_broken):
    example = get_spec("collection").example("default")
    open_broken(example, 'aria-label="More information"', "", "unlabelled-meta")
    meta = browser.find_element(By.CSS_SELECTOR, ".usa-collection__meta")
    assert meta.accessible_name != "More information"
