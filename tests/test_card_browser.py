"""Cards in Chromium with USWDS's CSS and JS and uswds-components.css: a card linked as a whole
is one tab stop that covers the card, and a footer button is reachable with the keyboard."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, open_page
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec

pytestmark = pytest.mark.browser

# For each card on the page, the elements Tab stops on inside it, in order.
_STOPS_BY_CARD = """
const stops = arguments[0];
return [...document.querySelectorAll(".usa-card")].map(
  (card) => stops.filter((el) => card.contains(el)).map((el) => el.textContent.trim()));
"""

# What a click at the centre of each card's body text would land on, from inside the card.
_CLICK_TARGETS = """
return [...document.querySelectorAll(".usa-card")].map((card) => {
  const rect = card.querySelector(".usa-card__body").getBoundingClientRect();
  const hit = document.elementFromPoint(rect.x + rect.width / 2, rect.y + rect.height / 2);
  const link = hit && hit.closest("a");
  return link && card.contains(link) ? link.getAttribute("href") : null;
});
"""


# The page's last element that Tab reaches: Tab past it would leave the page for the browser's
# own toolbar, and a page without focus draws no focus ring for the checks that run after.
_LAST_TABBABLE = """
const all = [...document.querySelectorAll(
  "a[href], button, input, select, textarea, [tabindex]:not([tabindex='-1'])")];
return all.filter((el) => el.getClientRects().length).pop() || null;
"""


def tab_stops(browser, limit: int = 40) -> list:
    """Every element Tab reaches from the top of the page, up to the page's last one."""
    browser.execute_script("document.activeElement && document.activeElement.blur();")
    last = browser.execute_script(_LAST_TABBABLE)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    stops = []
    for _ in range(limit):
        active = browser.switch_to.active_element
        if active == body or active in stops:
            break
        stops.append(active)
        if active == last:
            break
        active.send_keys(Keys.TAB)
    return stops


def stops_by_card(browser) -> list[list[str]]:
    return browser.execute_script(_STOPS_BY_CARD, tab_stops(browser))


def test_each_linked_card_is_one_tab_stop_named_by_its_heading(browser, base_url):
    open_page(browser, f"{base_url}/card_group/links.html")
    assert stops_by_card(browser) == [
        ["Find a federal job"],
        ["Get a passport"],
        ["File your taxes"],
    ]
    assert console_errors(browser) == []


def test_a_click_anywhere_on_a_linked_card_follows_its_link(browser, base_url):
    open_page(browser, f"{base_url}/card_group/links.html")
    assert browser.execute_script(_CLICK_TARGETS) == ["/jobs", "/passports", "/taxes"]


def test_a_single_linked_card_is_one_tab_stop(browser, base_url):
    open_page(browser, f"{base_url}/card/link.html")
    assert stops_by_card(browser) == [["Find a job with the government"]]
    assert browser.execute_script(_CLICK_TARGETS) == ["/jobs"]


@pytest.mark.parametrize(
    ("component", "example"), [("card", "footer-button"), ("card_group", "default")]
)
def test_footer_buttons_are_reached_with_tab_and_shown(browser, base_url, component, example):
    open_page(browser, f"{base_url}/{component}/{example}.html")
    spec_items = get_spec(component).example(example).params
    cards = spec_items.get("items", [spec_items])
    expected = [[card["button"]["text"]] for card in cards]
    assert stops_by_card(browser) == expected
    for button in browser.find_elements(By.CSS_SELECTOR, ".usa-card__footer .usa-button"):
        assert button.is_displayed() and button.rect["height"] >= 24


def test_a_link_nested_in_a_linked_card_is_caught(browser, open_broken):
    # The broken case: a second link inside a linked card (what the card refuses to render).
    example = get_spec("card_group").example("links")
    open_broken(
        example,
        "<p>Search jobs, and learn how to apply.</p>",
        '<p>Search <a href="/search">jobs</a>, and learn how to apply.</p>',
        "nested-link",
    )
    assert stops_by_card(browser)[0] == ["Find a federal job", "jobs"]


def test_a_linked_card_without_its_class_is_caught(browser, open_broken):
    # Without the class that stretches the link, the body is not part of the link.
    example = get_spec("card_group").example("links")
    open_broken(example, " uswds-components-card-link", "", "no-stretch")
    assert browser.execute_script(_CLICK_TARGETS) == [None, None, None]
