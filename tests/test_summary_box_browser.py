"""The summary box in Chromium: a region landmark named by its heading, its links reachable."""

from __future__ import annotations

import pytest
from browser_helpers import open_page
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec

pytestmark = pytest.mark.browser


def region_name(browser) -> str:
    box = browser.find_element(By.CSS_SELECTOR, ".usa-summary-box")
    assert box.aria_role == "region"
    return box.accessible_name


@pytest.mark.parametrize(
    ("example", "name"),
    [
        ("default", "Key information"),
        ("text", "Apply by March 31"),
        ("lang-es", "Información clave"),
    ],
)
def test_the_region_is_named_by_its_heading(browser, base_url, example, name):
    open_page(browser, f"{base_url}/summary_box/{example}.html")
    assert region_name(browser) == name


def test_tab_reaches_every_link_in_order(browser, base_url):
    open_page(browser, f"{base_url}/summary_box/default.html")
    links = browser.find_elements(By.CSS_SELECTOR, ".usa-summary-box a")
    assert len(links) == 2
    browser.execute_script("document.activeElement && document.activeElement.blur()")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    for link in links:
        while browser.switch_to.active_element != link:
            active = browser.switch_to.active_element
            assert active.tag_name != "body", "Tab left the page before reaching the link"
            active.send_keys(Keys.TAB)
        assert link.is_displayed()


def test_the_check_catches_a_region_labelled_by_a_missing_id(browser, open_broken):
    example = get_spec("summary_box").example("default")
    open_broken(
        example,
        'aria-labelledby="summary-box-heading"',
        'aria-labelledby="no-such-heading"',
        "unnamed-region",
    )
    box = browser.find_element(By.CSS_SELECTOR, ".usa-summary-box")
    assert box.accessible_name != "Key information"
