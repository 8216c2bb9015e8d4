"""The header's mobile menu with USWDS's JS, at a phone width: the menu button opens the nav."""

from __future__ import annotations

import pytest
from axe_selenium_python import Axe
from browser_helpers import console_errors, open_page
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from uswds_components import get_spec, render
from uswds_components.assets import axe_script

pytestmark = pytest.mark.browser

PHONE = (400, 800)
DESKTOP = (1280, 900)  # conftest's start_chromium size: the browser is shared, restore it


@pytest.fixture
def phone_width(browser):
    browser.set_window_size(*PHONE)
    try:
        yield browser
    finally:
        browser.set_window_size(*DESKTOP)


# The nav has focus inside it and has finished sliding in (clicks during the slide miss).
_SETTLED_WITH_FOCUS_INSIDE = (
    "return arguments[0].contains(document.activeElement) && "
    "arguments[0].getAnimations().length === 0;"
)


def eventually(browser, condition, seconds: float = 3) -> bool:
    """True once `condition()` holds (the nav slides in over 0.3 s), False after `seconds`."""
    try:
        WebDriverWait(browser, seconds).until(lambda _: condition())
    except TimeoutException:
        return False
    return True


def menu_opens(browser) -> bool:
    """Click Menu; True if the nav is then shown, with focus inside it."""
    browser.find_element(By.CSS_SELECTOR, ".usa-menu-btn").click()
    nav = browser.find_element(By.CSS_SELECTOR, "header nav")
    return eventually(
        browser,
        lambda: nav.is_displayed() and browser.execute_script(_SETTLED_WITH_FOCUS_INSIDE, nav),
    )


@pytest.mark.parametrize("example", ["default", "lang-es"])
def test_menu_button_opens_the_nav_and_close_closes_it(phone_width, base_url, example):
    browser = phone_width
    open_page(browser, f"{base_url}/header/{example}.html")
    nav = browser.find_element(By.CSS_SELECTOR, "header nav.usa-nav")
    assert browser.find_element(By.CSS_SELECTOR, ".usa-menu-btn").is_displayed()
    assert not nav.is_displayed()
    assert menu_opens(browser)
    assert "is-visible" in nav.get_attribute("class")
    assert "usa-js-mobile-nav--active" in browser.find_element(By.TAG_NAME, "body").get_attribute(
        "class"
    )
    current = nav.find_element(By.CSS_SELECTOR, "a.usa-current")
    assert current.get_attribute("aria-current") == "page"
    assert eventually(browser, current.is_displayed)
    browser.find_element(By.CSS_SELECTOR, ".usa-nav__close").click()
    assert eventually(browser, lambda: not nav.is_displayed())
    assert console_errors(browser) == []


def test_escape_closes_the_menu(phone_width, base_url):
    browser = phone_width
    open_page(browser, f"{base_url}/header/default.html")
    assert menu_opens(browser)
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    nav = browser.find_element(By.CSS_SELECTOR, "header nav")
    assert eventually(browser, lambda: not nav.is_displayed())


def test_a_nav_without_its_class_does_not_open(phone_width, write_page):
    # The broken case: without `usa-nav`, USWDS's JS has nothing to show; menu_opens says so.
    browser = phone_width
    example = get_spec("header").example("default")
    html = str(render("header", **example.params))
    broken = html.replace('class="usa-nav"', 'class="site-nav"')
    assert broken != html
    open_page(browser, write_page("nav-without-class", example, broken))
    assert not menu_opens(browser)


def test_desktop_width_shows_the_nav_without_a_menu_button(browser, base_url):
    open_page(browser, f"{base_url}/header/default.html")
    assert browser.get_window_size()["width"] == DESKTOP[0]
    assert not browser.find_element(By.CSS_SELECTOR, ".usa-menu-btn").is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, "header nav").is_displayed()


# axe files the current link as color-contrast "incomplete": USWDS draws its underline bar as a
# ::after pseudo-element, and axe cannot rule out that it sits behind the text. The examples with
# a current link opt out of that rule in test_a11y.py; here contrast is checked with
# ignorePseudo, and the bar is shown to lie below the text, never behind it.
CURRENT_LINK_EXAMPLES = [
    e.name for e in get_spec("header").examples if "color-contrast" in e.axe_disable
]

_CONTRAST_IGNORING_PSEUDO = """
const done = arguments[arguments.length - 1];
// A check's options given to axe.run replace its defaults whole: start from the defaults.
const options = {...axe._audit.checks["color-contrast"].options, ignorePseudo: true};
axe.run("header", {runOnly: {type: "rule", values: ["color-contrast"]},
                   checks: {"color-contrast": {options}},
                   resultTypes: ["violations", "incomplete"]})
  .then(r => done({failures: r.violations.length + r.incomplete.length,
                   passes: r.passes.length}),
        e => done({error: String(e)}));
"""

# Where the current link's ::after bar is, against the link's text: true if they overlap.
_BAR_OVERLAPS_TEXT = """
const link = document.querySelector("header .usa-current");
const bar = getComputedStyle(link, "::after");
if (bar.content === "none" || bar.display === "none") return null;
const box = link.getBoundingClientRect();
const bottom = box.bottom - parseFloat(bar.bottom), top = bottom - parseFloat(bar.height);
const text = link.querySelector("span").getBoundingClientRect();
return text.bottom > top && text.top < bottom;
"""


def contrast_ignoring_pseudo(browser) -> dict:
    Axe(browser, script_url=str(axe_script())).inject()
    outcome = browser.execute_async_script(_CONTRAST_IGNORING_PSEUDO)
    assert "error" not in outcome, outcome
    return outcome


def test_the_opt_outs_are_the_examples_with_a_current_link():
    for example in get_spec("header").examples:
        has_current = any(item.get("current") for item in example.params.get("items", []))
        assert ("color-contrast" in example.axe_disable) == has_current, example.name
    assert CURRENT_LINK_EXAMPLES


@pytest.mark.parametrize("example", CURRENT_LINK_EXAMPLES)
def test_current_link_contrast_passes_and_its_bar_is_below_the_text(browser, base_url, example):
    open_page(browser, f"{base_url}/header/{example}.html")
    assert browser.execute_script(_BAR_OVERLAPS_TEXT) is False
    outcome = contrast_ignoring_pseudo(browser)
    assert outcome["failures"] == 0 and outcome["passes"] > 0


def test_a_bar_behind_the_text_and_low_contrast_are_caught(browser, base_url):
    # The broken cases: move the bar up behind the text, and fade the link's colour.
    open_page(browser, f"{base_url}/header/default.html")
    browser.execute_script(
        "const s = document.createElement('style');"
        "s.textContent = '.usa-header--basic .usa-nav__primary-item > .usa-current::after"
        "{bottom: 0 !important; height: 100% !important}"
        ".usa-header .usa-current{color: #c0c0c0 !important}';"
        "document.head.append(s);"
    )
    assert browser.execute_script(_BAR_OVERLAPS_TEXT) is True
    assert contrast_ignoring_pseudo(browser)["failures"] > 0
