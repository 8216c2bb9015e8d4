"""The footer with USWDS's real JS: the big footer's sections collapse into toggles below 480px,
which clicks, Enter and Space open and close; every link shows at desktop widths and without JS;
and no footer scrolls sideways at any width from 320 to 1024px."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec, render
from uswds_components.testing.devtools import devtools

pytestmark = pytest.mark.browser

SPEC = get_spec("footer")
BIG_EXAMPLES = [e.name for e in SPEC.examples if e.params.get("variant") == "big"]


def set_viewport(browser, width: int) -> None:
    """Emulate a viewport `width` CSS px wide: set before a page loads, USWDS's JS sees it."""
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": False},
    )


@pytest.fixture
def viewport(browser):
    """Set the viewport with `viewport(width)`; it is reset after the test."""
    yield lambda width: set_viewport(browser, width)
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def toggles(browser) -> list[tuple[object, object]]:
    """(button, list) for each section toggle: the list of links in the button's section."""
    buttons = browser.find_elements(By.CSS_SELECTOR, ".usa-footer__primary-link--button")
    return [(b, b.find_element(By.XPATH, "../ul")) for b in buttons]


def open_sections(browser) -> list[bool]:
    """Which sections are open; fails if a toggle does not control its section's list, or if
    its aria-expanded and the list's visibility disagree."""
    found = []
    for button, links in toggles(browser):
        expanded = button.get_attribute("aria-expanded") == "true"
        assert button.tag_name == "button" and button.get_attribute("type") == "button"
        assert button.get_attribute("aria-controls") == links.get_attribute("id"), button.text
        assert expanded == links.is_displayed(), f"{button.text}: aria-expanded vs its list"
        found.append(expanded)
    return found


def shown_links(browser) -> tuple[int, int]:
    """(links shown, links in the footer's nav)."""
    links = browser.find_elements(By.CSS_SELECTOR, ".usa-footer__nav a")
    return sum(link.is_displayed() for link in links), len(links)


def test_the_markup_hides_nothing():
    for name in BIG_EXAMPLES:
        html = str(render("footer", **SPEC.example(name).params))
        assert "hidden" not in html and "aria-expanded" not in html


@pytest.mark.parametrize("example", BIG_EXAMPLES)
def test_at_mobile_width_each_heading_is_a_collapsed_toggle(browser, base_url, viewport, example):
    viewport(320)
    open_page(browser, f"{base_url}/footer/{example}.html")
    sections = len(SPEC.example(example).params["sections"])
    assert open_sections(browser) == [False] * sections
    assert browser.find_elements(By.CSS_SELECTOR, ".usa-footer__nav h2") == []
    assert shown_links(browser)[0] == 0
    assert console_errors(browser) == []


@pytest.mark.parametrize("example", BIG_EXAMPLES)
def test_a_click_opens_a_section_and_closes_the_other(browser, base_url, viewport, example):
    viewport(320)
    open_page(browser, f"{base_url}/footer/{example}.html")
    (first, first_links), (second, _), *_ = toggles(browser)
    first.click()
    assert open_sections(browser)[:2] == [True, False]
    assert first_links.find_element(By.TAG_NAME, "a").is_displayed()
    second.click()
    assert open_sections(browser)[:2] == [False, True]
    second.click()
    assert not any(open_sections(browser))
    assert console_errors(browser) == []


@pytest.mark.parametrize("key", [Keys.ENTER, Keys.SPACE], ids=["enter", "space"])
def test_the_keyboard_reaches_each_toggle_and_opens_and_closes_it(browser, base_url, viewport, key):
    viewport(320)
    open_page(browser, f"{base_url}/footer/big.html")
    (first, first_links), (second, _), *_ = toggles(browser)
    browser.execute_script("arguments[0].focus()", first)
    assert browser.switch_to.active_element == first
    first.send_keys(key)
    assert open_sections(browser) == [True, False, False, False]
    press(browser, Keys.TAB)  # into the open section's first link
    assert browser.switch_to.active_element == first_links.find_element(By.TAG_NAME, "a")
    browser.execute_script("arguments[0].focus()", first)
    first.send_keys(key)
    assert open_sections(browser) == [False, False, False, False]
    press(browser, Keys.TAB)  # a closed section's links are skipped
    assert browser.switch_to.active_element == second
    second.send_keys(key)
    assert open_sections(browser) == [False, True, False, False]
    second.send_keys(key)
    assert not any(open_sections(browser))


@pytest.mark.parametrize("example", BIG_EXAMPLES)
def test_at_desktop_width_every_heading_stays_and_every_link_shows(
    browser, base_url, viewport, example
):
    viewport(1024)
    open_page(browser, f"{base_url}/footer/{example}.html")
    assert toggles(browser) == []
    headings = browser.find_elements(
        By.CSS_SELECTOR, ".usa-footer__nav h2.usa-footer__primary-link"
    )
    assert len(headings) == len(SPEC.example(example).params["sections"])
    shown, total = shown_links(browser)
    assert shown == total > 0


# The focused element's href (or tag name), or null once focus is on <body> or back on an
# element it was on before.
_NEXT_STOP = """
const el = document.activeElement;
window.__uswdsTabStops = window.__uswdsTabStops || new Set();
if (!el || el === document.body || window.__uswdsTabStops.has(el)) return null;
window.__uswdsTabStops.add(el);
return el.getAttribute("href") !== null ? el.href : el.tagName.toLowerCase();
"""


def tab_stops(browser, limit: int = 80) -> list[str]:
    """The hrefs (or tag names) Tab reaches from the top of the page, in order, until focus
    leaves the page or comes round again, or after `limit` presses."""
    tools = devtools(browser)
    tools.run("document.activeElement?.blur(); window.__uswdsTabStops = new Set();")
    reached = []
    for _ in range(limit):
        press(browser, Keys.TAB)
        stop = tools.run(_NEXT_STOP)
        if stop is None:
            break
        reached.append(stop)
    return reached


@pytest.mark.parametrize("width", [320, 1024])
@pytest.mark.parametrize("example", BIG_EXAMPLES)
def test_without_javascript_tab_reaches_every_link(
    browser, base_url, gallery_dir, viewport, example, width
):
    viewport(width)
    open_without_scripts(browser, base_url, gallery_dir, f"footer/{example}")
    assert toggles(browser) == []
    shown, total = shown_links(browser)
    assert shown == total > 0
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "footer a")]
    reached = tab_stops(browser)
    assert [href for href in reached if href in hrefs] == hrefs


def test_the_check_catches_a_list_the_toggle_does_not_control(browser, open_broken, viewport):
    # Deliberately broken: an element between each heading and its list, so USWDS's JS names
    # that element in aria-controls and its CSS no longer hides the list of a closed toggle.
    viewport(320)
    open_broken(
        SPEC.example("big"),
        '<ul class="usa-list usa-list--unstyled">',
        '<span></span><ul class="usa-list usa-list--unstyled">',
        "footer-stray-element",
    )
    with pytest.raises(AssertionError):
        open_sections(browser)
    for button, links in toggles(browser):
        assert links.is_displayed() and button.get_attribute("aria-expanded") == "false"


def test_the_check_catches_links_hidden_in_the_markup(browser, open_broken, viewport):
    # Deliberately broken: `hidden` written into the markup hides every link at desktop widths,
    # and without JS.
    viewport(1024)
    open_broken(
        SPEC.example("big"),
        '<ul class="usa-list usa-list--unstyled">',
        '<ul class="usa-list usa-list--unstyled" hidden>',
        "footer-hidden-lists",
    )
    shown, total = shown_links(browser)
    assert shown == 0 < total


SOCIAL_NAMES = """
return [...document.querySelectorAll(".usa-social-link")].map(link => {
  const icon = link.querySelector("svg");
  return [link.textContent.trim(), icon.getAttribute("role"), icon.getAttribute("aria-label")];
});
"""


def test_each_social_link_is_named_by_its_icon(browser, base_url):
    open_page(browser, f"{base_url}/footer/medium.html")
    names = [a.accessible_name for a in browser.find_elements(By.CSS_SELECTOR, ".usa-social-link")]
    assert names == ["Facebook", "X", "YouTube", "Instagram", "RSS"]
    assert all(role == "img" and label for _, role, label in browser.execute_script(SOCIAL_NAMES))
    icons = browser.find_elements(By.CSS_SELECTOR, ".usa-social-link__icon")
    sizes = [(icon.size["width"], icon.size["height"]) for icon in icons]
    # Drawn, square, and inside the 44px link: not 0px, nor 150px tall over the contacts below.
    assert all(20 < width == height <= 44 for width, height in sizes), sizes


# Reflow (WCAG 1.4.10): the document's scrollWidth - clientWidth, in CSS px.
OVERFLOW = "return document.documentElement.scrollWidth - document.documentElement.clientWidth"


# What USWDS's own CSS does without our footer rule: contact links that do not wrap. (That every
# footer example reflows at every width is the shared reflow check's: tests/visits.py VIEWPORTS.)
_WITHOUT_OUR_RULE = """
<style>
.usa-footer .usa-footer__contact-info a { overflow-wrap: normal !important; }
</style>
"""


def test_the_reflow_check_catches_the_slim_footer_without_our_rule(browser, write_page, viewport):
    example = SPEC.example("default")
    html = _WITHOUT_OUR_RULE + str(render("footer", **example.params))
    viewport(480)
    open_page(browser, write_page("footer-without-reflow-rule", example, html))
    assert browser.execute_script(OVERFLOW) > 0
