"""The in-page navigation in Chromium with USWDS's JS: the list it builds from the headings and
the list rendered on the server from `headings` give the same links; the JS leaves the server's
list alone; the server's list works without scripts and by keyboard."""

from __future__ import annotations

import re

import pytest
from browser_helpers import console_errors, eventually, open_page, open_without_scripts
from markupsafe import Markup
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec, render

pytestmark = pytest.mark.browser

SPEC = get_spec("in_page_navigation")
SHORT = (1280, 600)  # shorter than the examples' pages, so following a link scrolls
DESKTOP = (1280, 900)  # conftest's start_chromium size: the browser is shared, restore it
NAV = ".usa-in-page-nav .usa-in-page-nav__nav"
LINK = ".usa-in-page-nav__link"


def listed(browser) -> list[tuple[str, str]]:
    """(href fragment, text) of each link in the in-page navigation, in order."""
    return [
        ("#" + a.get_attribute("href").split("#", 1)[1], a.get_attribute("textContent"))
        for a in browser.find_elements(By.CSS_SELECTOR, LINK)
    ]


_SCROLLED_TO = """
const top = document.getElementById(arguments[0]).getBoundingClientRect().top;
const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 1;
return window.scrollY > 0 && (Math.abs(top) < 50 || atBottom);
"""


def scrolled_to(browser, target: str) -> bool:
    """The page has scrolled to `target`'s heading (or as far as it can towards it)."""
    return eventually(browser, lambda: browser.execute_script(_SCROLLED_TO, target))


@pytest.fixture
def short_window(browser):
    browser.set_window_size(*SHORT)
    try:
        yield browser
    finally:
        browser.set_window_size(*DESKTOP)


def without_ids(html: str) -> str:
    return re.sub(r' id="[^"]*"', "", html)


def test_the_examples_hold_the_same_content():
    built = SPEC.example("default").params["html"]
    rendered = SPEC.example("server-rendered").params["html"]
    assert str(built) == without_ids(str(rendered))


def test_the_js_built_and_the_server_rendered_lists_give_the_same_links(browser, base_url):
    open_page(browser, f"{base_url}/in_page_navigation/default.html")
    assert eventually(browser, lambda: len(listed(browser)) == 6)
    built = listed(browser)
    assert len(browser.find_elements(By.CSS_SELECTOR, NAV)) == 1
    assert console_errors(browser) == []
    open_page(browser, f"{base_url}/in_page_navigation/server-rendered.html")
    assert listed(browser) == built
    assert built[0] == ("#who-can-apply", "Who can apply")
    assert len(browser.find_elements(By.CSS_SELECTOR, NAV)) == 1  # no second list from the JS
    assert console_errors(browser) == []


def test_the_server_rendered_markup_matches_what_uswds_js_builds(browser, base_url):
    shape = """
    const nav = document.querySelector(arguments[0]);
    return {label: nav.getAttribute('aria-label'), title: nav.firstElementChild.tagName + '.'
      + nav.firstElementChild.className + ':' + nav.firstElementChild.textContent,
      items: [...nav.querySelectorAll('li')].map(li => li.className)};
    """
    open_page(browser, f"{base_url}/in_page_navigation/default.html")
    assert eventually(browser, lambda: len(listed(browser)) == 6)
    built = browser.execute_script(shape, NAV)
    open_page(browser, f"{base_url}/in_page_navigation/server-rendered.html")
    assert browser.execute_script(shape, NAV) == built


def test_the_check_catches_a_server_list_without_data_enhanced(browser, open_broken):
    # Deliberately broken: without the flag, USWDS's JS builds a second list beside ours.
    example = SPEC.example("server-rendered")
    open_broken(example, ' data-enhanced="true"', "", "not-enhanced")
    assert len(browser.find_elements(By.CSS_SELECTOR, NAV)) == 2


def test_the_check_catches_a_server_list_that_differs(browser, open_broken):
    example = SPEC.example("server-rendered")
    open_broken(example, 'href="#how-to-apply"', 'href="#how"', "differs")
    assert ("#how", "How to apply") in listed(browser)
    assert ("#how-to-apply", "How to apply") not in listed(browser)


def test_the_server_list_works_without_javascript(short_window, base_url, gallery_dir):
    browser = short_window
    open_without_scripts(browser, base_url, gallery_dir, "in_page_navigation/server-rendered")
    links = browser.find_elements(By.CSS_SELECTOR, LINK)
    assert len(links) == 6
    assert all(link.is_displayed() for link in links)
    links[4].click()
    assert browser.current_url.endswith("#how-to-apply")
    assert scrolled_to(browser, "how-to-apply")


def test_without_javascript_uswds_alone_shows_no_list(browser, base_url, gallery_dir):
    # The reason for `headings`: USWDS's own markup is an empty aside until its JS runs.
    open_without_scripts(browser, base_url, gallery_dir, "in_page_navigation/default")
    assert browser.find_elements(By.CSS_SELECTOR, LINK) == []


@pytest.mark.parametrize("example", ["default", "server-rendered"])
def test_tab_reaches_every_link_in_order(browser, base_url, example):
    open_page(browser, f"{base_url}/in_page_navigation/{example}.html")
    assert eventually(browser, lambda: len(listed(browser)) == 6)
    expected = [href for href, _ in listed(browser)]
    first = browser.find_element(By.CSS_SELECTOR, LINK)
    browser.execute_script("arguments[0].focus()", first)
    focused = [browser.switch_to.active_element.get_attribute("href")]
    for _ in expected[1:]:
        ActionChains(browser).send_keys(Keys.TAB).perform()
        focused.append(browser.switch_to.active_element.get_attribute("href"))
    assert ["#" + href.split("#", 1)[1] for href in focused] == expected


def test_a_click_on_a_server_link_scrolls_to_its_heading(short_window, base_url):
    browser = short_window
    open_page(browser, f"{base_url}/in_page_navigation/server-rendered.html")
    browser.find_elements(By.CSS_SELECTOR, LINK)[5].click()
    assert eventually(browser, lambda: browser.current_url.endswith("#after-you-apply"))
    assert scrolled_to(browser, "after-you-apply")
    assert console_errors(browser) == []


def test_the_settings_reach_uswds_js(browser, base_url):
    # heading_elements="h2" and the content selector: only the four h2 are listed.
    open_page(browser, f"{base_url}/in_page_navigation/settings.html")
    assert eventually(browser, lambda: len(listed(browser)) == 4)
    nav = browser.find_element(By.CSS_SELECTOR, NAV)
    assert nav.get_attribute("aria-label") == "Sections"
    assert [text for _, text in listed(browser)] == [
        "Who can apply",
        "What you need",
        "How to apply",
        "After you apply",
    ]
    assert console_errors(browser) == []


def test_spanish_title(browser, base_url):
    open_page(browser, f"{base_url}/in_page_navigation/lang-es.html")
    nav = browser.find_element(By.CSS_SELECTOR, NAV)
    assert nav.get_attribute("aria-label") == "En esta página"
    assert nav.find_element(By.CSS_SELECTOR, "h2").text == "En esta página"


_FOCUSED = "const e = document.activeElement; return e.tagName + '.' + e.className;"


@pytest.mark.parametrize(
    ("example", "focused"),
    [("default", "H2."), ("server-rendered", "DIV.usa-prose")],
    ids=["js-built", "server-rendered"],
)
def test_enter_on_a_link_scrolls_and_moves_focus(short_window, base_url, example, focused):
    # USWDS's JS focuses the parent of the link's target: its own anchor inside the heading for
    # the list it builds; for ours, the heading's parent (a difference the spec declares).
    browser = short_window
    open_page(browser, f"{base_url}/in_page_navigation/{example}.html")
    assert eventually(browser, lambda: len(listed(browser)) == 6)
    link = browser.find_elements(By.CSS_SELECTOR, LINK)[4]
    browser.execute_script("arguments[0].focus()", link)
    link.send_keys(Keys.ENTER)
    assert scrolled_to(browser, "how-to-apply")
    assert eventually(browser, lambda: browser.execute_script(_FOCUSED) == focused)


def test_an_anchor_inside_the_heading_gets_enter_to_focus_the_heading(short_window, write_page):
    # The spec's advice: with the id on an empty span at the heading's start (the anchor USWDS's
    # JS inserts), Enter focuses the heading, as with the list USWDS's JS builds.
    browser = short_window
    example = SPEC.example("server-rendered")
    content = re.sub(
        r'<h([23]) id="([^"]+)">',
        r'<h\1><span id="\2" class="usa-anchor"></span>',
        str(example.params["html"]),
    )
    html = str(render("in_page_navigation", **{**example.params, "html": Markup(content)}))
    open_page(browser, write_page("anchors", example, html))
    link = browser.find_elements(By.CSS_SELECTOR, LINK)[4]
    browser.execute_script("arguments[0].focus()", link)
    link.send_keys(Keys.ENTER)
    assert scrolled_to(browser, "how-to-apply")
    assert eventually(browser, lambda: browser.execute_script(_FOCUSED) == "H2.")


def test_the_check_catches_a_js_list_reading_other_headings_in_main(browser, write_page):
    # Deliberately broken: without its content selector, USWDS's JS lists every h2 and h3 in
    # `main`, here a second section's too; the example names its own content instead.
    example = SPEC.example("default")
    params = {k: v for k, v in example.params.items() if k != "main_content_selector"}
    other = "<section><h2>Other news</h2><p>Not this guide.</p></section>"
    html = str(render("in_page_navigation", **params)) + other
    open_page(browser, write_page("all-of-main", example, html))
    assert eventually(browser, lambda: len(listed(browser)) == 7)
    assert listed(browser)[-1] == ("#other-news", "Other news")
