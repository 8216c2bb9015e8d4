"""The process list in Chromium: USWDS's CSS numbers each step once, and headings stay in order."""

from __future__ import annotations

import pytest
from browser_helpers import open_page
from selenium.webdriver.common.by import By

from uswds_components import get_spec

pytestmark = pytest.mark.browser

_NUMBERS = """
const list = document.querySelector(".usa-process-list");
return {
  listStyle: getComputedStyle(list).listStyleType,
  counters: [...list.children].map((item) => getComputedStyle(item, "::before").content),
};
"""


def numbering(browser) -> dict:
    return browser.execute_script(_NUMBERS)


@pytest.mark.parametrize("example", ["default", "custom-sizing", "no-text", "lang-es"])
def test_each_step_is_numbered_once_by_a_css_counter(browser, base_url, example):
    open_page(browser, f"{base_url}/process_list/{example}.html")
    state = numbering(browser)
    assert state["listStyle"] == "none", "the list's own numbers would repeat the counters"
    assert len(state["counters"]) == 3
    assert all(content.startswith("counter(") for content in state["counters"]), state


def test_headings_follow_the_heading_level(browser, base_url):
    open_page(browser, f"{base_url}/process_list/default.html")
    headings = browser.find_elements(By.CSS_SELECTOR, ".usa-process-list__heading")
    assert [h.tag_name for h in headings] == ["h2", "h2", "h2"]
    assert [h.text for h in headings] == [
        "Check your eligibility",
        "Gather your documents",
        "Apply online",
    ]


def test_the_check_catches_an_unnumbered_step(browser, open_broken):
    example = get_spec("process_list").example("default")
    open_broken(
        example,
        '<li class="usa-process-list__item">',
        '<li class="usa-process-list-item">',
        "unnumbered-step",
    )
    assert not any(content.startswith("counter(") for content in numbering(browser)["counters"])
