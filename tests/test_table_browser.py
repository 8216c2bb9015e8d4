"""The table in Chromium with USWDS's JS: a click and Enter on a sort button reorder the rows, move
`aria-sort` and fill the live announcement (a table without its region is caught); the scroll
container is a named tab stop, and the reflow check tells scrolling from spilling."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, open_page
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from visits import COMPONENT, VIEWPORTS

from uswds_components import get_spec, render
from uswds_components.testing import wait_until
from uswds_components.testing.display import reflow

pytestmark = pytest.mark.browser


def first_column(browser) -> list[str]:
    return [th.text for th in browser.find_elements(By.CSS_SELECTOR, "table.usa-table tbody th")]


def announcement(browser) -> str:
    return browser.execute_script(
        "return document.querySelector('.usa-table__announcement-region').textContent.trim();"
    )


def sort_button(browser, column: int):
    header = browser.find_elements(By.CSS_SELECTOR, "th[data-sortable]")[column]
    return header, header.find_element(By.CSS_SELECTOR, ".usa-table__header__button")


def test_the_initial_sort_is_applied_on_load_reversed_as_uswds_does(browser, base_url):
    # The markup says descending (Hawaii, 50th, first); USWDS 3.14's init sorts that column the
    # other way (see the spec's accessibility notes). If this fails after an upgrade, USWDS has
    # fixed it: update the notes.
    open_page(browser, f"{base_url}/table/sortable.html")
    header, _ = sort_button(browser, 1)
    assert header.get_attribute("aria-sort") == "ascending"
    assert first_column(browser) == [
        "Utah",
        "Oklahoma",
        "New Mexico",
        "Arizona",
        "Alaska",
        "Hawaii",
    ]
    assert console_errors(browser) == []


def test_click_sorts_the_rows_and_announces_it(browser, base_url):
    open_page(browser, f"{base_url}/table/sortable.html")
    header, button = sort_button(browser, 0)
    button.click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert first_column(browser) == sorted(first_column(browser))
    assert sort_button(browser, 1)[0].get_attribute("aria-sort") is None
    assert announcement(browser) == (
        'The table named "Recently admitted US states (sortable table example)" is now sorted '
        "by Name in ascending order."
    )
    button.click()
    assert header.get_attribute("aria-sort") == "descending"
    assert first_column(browser) == sorted(first_column(browser), reverse=True)
    assert announcement(browser).endswith("by Name in descending order.")


def test_enter_on_a_focused_sort_button_sorts_by_sort_value(browser, base_url):
    open_page(browser, f"{base_url}/table/sortable-striped.html")
    header, button = sort_button(browser, 1)
    browser.execute_script("arguments[0].focus();", button)
    assert browser.switch_to.active_element == button
    button.send_keys(Keys.ENTER)
    wait_until(browser, lambda _: header.get_attribute("aria-sort") == "ascending", 3)
    # By month number (data-sort-value), not the month's name.
    assert first_column(browser) == [
        "New Year’s Day",
        "Juneteenth",
        "Independence Day",
        "Veterans Day",
    ]
    assert announcement(browser).endswith("sorted by Month in ascending order.")


def test_the_scroll_region_is_a_named_tab_stop(browser, base_url):
    open_page(browser, f"{base_url}/table/scrollable.html")
    region = browser.find_element(By.CSS_SELECTOR, ".usa-table-container--scrollable")
    browser.execute_script("arguments[0].focus();", region)
    assert browser.switch_to.active_element == region
    assert (
        browser.execute_script(
            "const id = arguments[0].getAttribute('aria-labelledby');"
            "return document.getElementById(id).textContent;",
            region,
        )
        == "Scrollable table"
    )


def test_a_table_without_its_announcement_region_is_caught(browser, open_broken):
    example = get_spec("table").example("sortable-striped")
    open_broken(
        example,
        '<div class="usa-sr-only usa-table__announcement-region" aria-live="polite"></div>',
        "",
        "no-live-region",
    )
    _, button = sort_button(browser, 0)
    button.click()
    # USWDS's script sorts, then throws: nothing is announced, and the error is logged.
    assert browser.find_elements(By.CSS_SELECTOR, ".usa-table__announcement-region") == []
    assert any("aria-live region" in error for error in console_errors(browser))


def test_reflow_lets_a_scroll_container_scroll_but_catches_one_that_does_not(browser, write_page):
    # The reflow check counts what a scroll container holds as scrolled, not past the page's
    # edge; the same wide table in a container that cannot scroll pushes the page sideways.
    example = get_spec("table").example("scrollable")
    html = str(render("table", **example.params))
    open_page(browser, write_page("reflow-scrolls", example, html))
    narrow = reflow(browser, COMPONENT, VIEWPORTS)[0]
    assert not narrow.scrolls_sideways and not narrow.clipped
    style = "<style>.usa-table-container--scrollable { overflow: visible !important; }</style>"
    open_page(browser, write_page("reflow-no-scroll", example, html + style))
    narrow = reflow(browser, COMPONENT, VIEWPORTS)[0]
    assert narrow.scrolls_sideways
