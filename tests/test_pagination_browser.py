"""Pagination in Chromium: every page link is a tab stop in order, the ellipses are not, the same
without JS; and a deliberately broken link proves the check can fail."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec

pytestmark = pytest.mark.browser

DEFAULT_ORDER = [
    "Previous page",
    "Page 1",
    "Page 9",
    "Page 10",
    "Page 11",
    "Last page, page 24",
    "Next page",
]


def tab_stops(browser) -> list[str]:
    """The accessible names of the pagination's tab stops, reached with the Tab key from the
    element before it."""
    nav = browser.find_element(By.CSS_SELECTOR, "nav.usa-pagination")
    browser.execute_script(
        "const b = document.createElement('button'); b.id = 'before-pagination';"
        " b.textContent = 'before'; arguments[0].before(b); b.focus();",
        nav,
    )
    names = []
    while True:
        press(browser, Keys.TAB)
        active = browser.switch_to.active_element
        if not browser.execute_script("return arguments[0].contains(arguments[1])", nav, active):
            return names
        names.append(active.accessible_name)


def test_every_link_is_a_tab_stop_in_order_and_the_ellipses_are_not(browser, base_url):
    open_page(browser, f"{base_url}/pagination/default.html")
    assert tab_stops(browser) == DEFAULT_ORDER
    current = browser.find_element(By.CSS_SELECTOR, '[aria-current="page"]')
    assert current.accessible_name == "Page 10"
    assert console_errors(browser) == []


def test_spanish_names_in_the_browser(browser, base_url):
    open_page(browser, f"{base_url}/pagination/lang-es.html")
    assert tab_stops(browser) == [
        "Página anterior",
        "Página 1",
        "Página 9",
        "Página 10",
        "Página 11",
        "Última página, página 24",
        "Página siguiente",
    ]


def test_the_first_and_last_pages_have_no_dead_arrow(browser, base_url):
    open_page(browser, f"{base_url}/pagination/first-page.html")
    assert tab_stops(browser)[0] == "Page 1"
    open_page(browser, f"{base_url}/pagination/last-page.html")
    assert tab_stops(browser)[-1] == "Last page, page 24"


def test_following_a_page_link_goes_to_its_url(browser, base_url):
    open_page(browser, f"{base_url}/pagination/default.html")
    link = browser.find_element(By.CSS_SELECTOR, 'a[aria-label="Page 11"]')
    assert link.get_attribute("href") == f"{base_url}/news?page=11"


def test_every_link_is_reachable_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "pagination/default")
    links = browser.find_elements(By.CSS_SELECTOR, "nav.usa-pagination a")
    assert [link.accessible_name for link in links] == DEFAULT_ORDER
    assert all(link.is_displayed() for link in links)
    assert tab_stops(browser) == DEFAULT_ORDER


def test_the_check_catches_a_page_link_without_an_href(browser, open_broken):
    # Deliberately broken: page 9's link loses its href, so it is no longer a tab stop.
    example = get_spec("pagination").example("default")
    open_broken(
        example,
        'href="/news?page=9" class="usa-pagination__button"',
        'class="usa-pagination__button"',
        "no-href",
    )
    assert tab_stops(browser) != DEFAULT_ORDER
    assert "Page 9" not in tab_stops(browser)
