"""The header in Chromium with USWDS's CSS/JS: the mobile menu at a phone width (and that the
spec's mobile-menu-open state reaches it), and why `run_axe` may set the current link's
underline bar aside when it checks contrast."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from browser_helpers import (
    click_all,
    console_errors,
    eventually,
    open_page,
    open_without_scripts,
    press,
)
from selenium.common.exceptions import ElementNotInteractableException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from visits import PROBES, initial_cases, visit

from uswds_components import get_spec, render
from uswds_components.testing import run_axe, wait_until

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


def menu_opens(browser, seconds: float = 3) -> bool:
    """Click Menu; True if the nav is then shown, with focus inside it, within `seconds`."""
    browser.find_element(By.CSS_SELECTOR, ".usa-menu-btn").click()
    nav = browser.find_element(By.CSS_SELECTOR, "header nav")
    return eventually(
        browser,
        lambda: nav.is_displayed() and browser.execute_script(_SETTLED_WITH_FOCUS_INSIDE, nav),
        seconds,
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
    press(browser, Keys.ESCAPE)
    nav = browser.find_element(By.CSS_SELECTOR, "header nav")
    assert eventually(browser, lambda: not nav.is_displayed())


def test_a_nav_without_its_class_does_not_open(phone_width, open_broken):
    # The broken case: without `usa-nav`, USWDS's JS has nothing to show; menu_opens says so.
    browser = phone_width
    example = get_spec("header").example("default")
    open_broken(example, 'class="usa-nav"', 'class="site-nav"', "nav-without-class")
    # The slide takes 0.3 s; a second is ample without waiting the full timeout.
    assert not menu_opens(browser, seconds=1)


def test_desktop_width_shows_the_nav_without_a_menu_button(browser, base_url):
    open_page(browser, f"{base_url}/header/default.html")
    assert browser.get_window_size()["width"] == DESKTOP[0]
    assert not browser.find_element(By.CSS_SELECTOR, ".usa-menu-btn").is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, "header nav").is_displayed()


# axe leaves the current link's contrast incomplete with the reason pseudoContent: USWDS draws its
# underline bar as a ::after pseudo-element, and axe cannot rule out that it sits behind the text.
# run_axe rechecks such nodes with ignorePseudo; that is sound because the bar lies below the
# text, never behind it, as shown here.
# The examples with submenus opt out of the shared run's color-contrast (see their axe_disable);
# test_color_contrast_in_every_state below checks them.
EXAMPLES = [case for case in initial_cases("header") if not case.values[0].axe_disable]

BAR_OVERLAPS_TEXT = PROBES["current_bar_overlaps_text"]


def has_current_link(example) -> bool:
    return any(item.get("current") for item in example.params.get("items", []))


def test_some_examples_have_a_current_link():
    assert any(has_current_link(e.values[0]) for e in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES)
def test_full_axe_passes_and_only_a_current_link_is_rechecked(browser, base_url, example):
    assert example.axe_disable == {}  # so the visit's axe run is the full one
    page = visit(browser, base_url, example, "initial")
    result = page.get("axe")
    assert result.failures == [], result.report()
    if has_current_link(example):
        assert result.pseudo_rechecked == [".usa-current > span"], result.report()
        assert page.get("current_bar_overlaps_text") is False
    else:
        assert result.pseudo_rechecked == [], result.report()


def add_style(browser, css: str) -> None:
    browser.execute_script(
        "const s = document.createElement('style'); s.textContent = arguments[0];"
        "document.head.append(s);",
        css,
    )


def test_a_bar_behind_the_text_is_caught_by_the_geometry(browser, base_url):
    # The broken case for the evidence behind the recheck: the bar moved up behind the text.
    open_page(browser, f"{base_url}/header/default.html")
    add_style(
        browser,
        ".usa-header--basic .usa-nav__primary-item > .usa-current::after"
        "{bottom: 0 !important; height: 100% !important}",
    )
    assert browser.execute_script(BAR_OVERLAPS_TEXT) is True
    # axe cannot see this: its recheck ignores the bar. The geometry check above is what does.
    result = run_axe(browser)
    assert result.pseudo_rechecked and result.failures == [], result.report()


def test_a_faint_current_link_is_still_reported(browser, base_url):
    open_page(browser, f"{base_url}/header/default.html")
    add_style(browser, ".usa-header .usa-current{color: #c0c0c0 !important}")
    result = run_axe(browser)
    assert [r["id"] for r in result.pseudo_recheck_failures] == ["color-contrast"]
    assert "color-contrast" in result.rule_ids(), result.report()


# The logo's box against the first line of the title's text (a long title may wrap), in CSS px.
_LOGO_BESIDE_TITLE = """
const link = document.querySelector(".usa-logo__text a");
const logo = link.querySelector(".usa-logo__img").getBoundingClientRect();
const range = document.createRange();
range.selectNodeContents([...link.childNodes].findLast(node => node.nodeType === Node.TEXT_NODE));
const text = [...range.getClientRects()].find(rect => rect.width > 0);
return {logo: [logo.left, logo.top, logo.right, logo.bottom],
        text: [text.left, text.top, text.right, text.bottom]};
"""
_DROP_LOGO_RULE = """
for (const sheet of document.styleSheets) {
  const rules = [...sheet.cssRules];
  for (let i = rules.length - 1; i >= 0; i--) {
    if (rules[i].selectorText === ".usa-logo__img") sheet.deleteRule(i);
  }
}
"""


def logo_fits_the_title(browser) -> tuple[bool, dict]:
    """True if the logo is about the title's height, on its line and before it."""
    boxes = browser.execute_script(_LOGO_BESIDE_TITLE)
    _, logo_top, logo_right, logo_bottom = boxes["logo"]
    text_left, text_top, _, text_bottom = boxes["text"]
    logo_height, text_height = logo_bottom - logo_top, text_bottom - text_top
    centres_apart = abs((logo_top + logo_bottom) / 2 - (text_top + text_bottom) / 2)
    fits = (
        0.6 * text_height <= logo_height <= 2 * text_height
        and centres_apart <= text_height / 2
        and logo_right <= text_left
    )
    return fits, boxes


def test_a_large_logo_sits_inline_at_the_titles_height(browser, write_page):
    """Our CSS sizes any logo to the title: a 2048 x 820 px image included, not only the
    example's 20 px icon. Without the rule the same page fails the same measurement."""
    example = get_spec("header").example("logo")
    params = {**example.params, "logo": "/assets/uswds/img/hero.jpg"}
    open_page(browser, write_page("large-logo", example, str(render("header", **params))))
    wait_until(
        browser,
        lambda d: d.execute_script("return document.querySelector('.usa-logo__img').complete"),
    )
    fits, boxes = logo_fits_the_title(browser)
    assert fits, boxes
    browser.execute_script(_DROP_LOGO_RULE)
    fits, boxes = logo_fits_the_title(browser)
    assert not fits, f"without .usa-logo__img's rule the logo still fits: {boxes}"


# Submenus, megamenus and the mobile menu's keyboard behaviour, with USWDS's JS.


def submenu_buttons(browser) -> list:
    return browser.find_elements(By.CSS_SELECTOR, "button.usa-nav__link")


def language_buttons(browser) -> list:
    return browser.find_elements(By.CSS_SELECTOR, "button.usa-language__link")


def open_flags(browser) -> list[bool]:
    """Which submenus are open; fails if a button's aria-expanded and its submenu disagree."""
    flags = []
    for button in submenu_buttons(browser):
        submenu = browser.find_element(By.ID, button.get_attribute("aria-controls"))
        expanded = button.get_attribute("aria-expanded") == "true"
        assert expanded == submenu.is_displayed(), button.text
        assert expanded == (submenu.get_attribute("hidden") is None), button.text
        flags.append(expanded)
    return flags


def focus(browser, element) -> None:
    browser.execute_script("arguments[0].focus()", element)
    assert browser.switch_to.active_element == element


@pytest.mark.parametrize("key", [Keys.ENTER, Keys.SPACE], ids=["enter", "space"])
@pytest.mark.parametrize("example", ["submenus", "megamenu", "extended", "extended-megamenu"])
def test_enter_and_space_open_a_submenu_and_escape_returns_to_its_button(
    browser, base_url, example, key
):
    open_page(browser, f"{base_url}/header/{example}.html")
    assert not any(open_flags(browser))  # USWDS's JS hid them when it started
    first = submenu_buttons(browser)[0]
    focus(browser, first)
    press(browser, key)
    assert open_flags(browser)[0]
    press(browser, Keys.TAB)
    link = browser.switch_to.active_element
    assert link.tag_name == "a" and link.is_displayed()
    assert link.find_element(By.XPATH, "ancestor::li[contains(@class,'usa-nav__primary-item')]")
    press(browser, Keys.ESCAPE)
    assert not any(open_flags(browser))
    assert browser.switch_to.active_element == first
    assert console_errors(browser) == []


def test_opening_one_submenu_closes_the_other(browser, base_url):
    open_page(browser, f"{base_url}/header/submenus.html")
    first, second = submenu_buttons(browser)
    focus(browser, first)
    press(browser, Keys.ENTER)
    assert open_flags(browser) == [True, False]
    focus(browser, second)
    press(browser, Keys.SPACE)
    assert open_flags(browser) == [False, True]
    press(browser, Keys.ENTER)
    assert open_flags(browser) == [False, False]


def test_focus_leaving_the_nav_closes_the_submenu(browser, base_url):
    open_page(browser, f"{base_url}/header/submenus.html")
    first, _ = submenu_buttons(browser)
    focus(browser, first)
    press(browser, Keys.ENTER)
    assert open_flags(browser) == [True, False]
    press(browser, Keys.SHIFT, Keys.TAB)  # back to the site title, outside the nav
    assert browser.switch_to.active_element.get_attribute("title") == "Federal Benefits Office"
    assert open_flags(browser) == [False, False]


def focusables_in_nav(browser) -> list:
    return [
        element
        for element in browser.find_elements(
            By.CSS_SELECTOR, "header nav a, header nav button, header nav input"
        )
        if element.is_displayed()
    ]


@pytest.mark.parametrize("width", [320, 480])
@pytest.mark.parametrize("example", ["submenus", "extended-megamenu"])
def test_the_mobile_menu_traps_focus_and_escape_returns_to_menu(browser, base_url, example, width):
    browser.set_window_size(width, PHONE[1])
    try:
        open_page(browser, f"{base_url}/header/{example}.html")
        menu = browser.find_element(By.CSS_SELECTOR, ".usa-menu-btn")
        assert menu_opens(browser)
        close = browser.find_element(By.CSS_SELECTOR, ".usa-nav__close")
        assert browser.switch_to.active_element == close
        press(browser, Keys.SHIFT, Keys.TAB)  # wraps to the nav's last control
        last = focusables_in_nav(browser)[-1]
        assert browser.switch_to.active_element == last
        press(browser, Keys.TAB)  # and forward again to the close button
        assert browser.switch_to.active_element == close
        # A submenu opens in place inside the panel.
        first = submenu_buttons(browser)[0]
        focus(browser, first)
        press(browser, Keys.ENTER)
        assert open_flags(browser)[0]
        focus(browser, close)
        press(browser, Keys.ESCAPE)
        nav = browser.find_element(By.CSS_SELECTOR, "header nav")
        assert eventually(browser, lambda: not nav.is_displayed())
        assert browser.switch_to.active_element == menu
        assert console_errors(browser) == []
    finally:
        browser.set_window_size(*DESKTOP)


def test_the_close_button_returns_focus_to_menu(phone_width, base_url):
    browser = phone_width
    open_page(browser, f"{base_url}/header/extended.html")
    assert menu_opens(browser)
    browser.find_element(By.CSS_SELECTOR, ".usa-nav__close").click()
    nav = browser.find_element(By.CSS_SELECTOR, "header nav")
    assert eventually(browser, lambda: not nav.is_displayed())
    assert browser.switch_to.active_element == browser.find_element(
        By.CSS_SELECTOR, ".usa-menu-btn"
    )


def test_the_check_catches_a_button_controlling_a_missing_submenu(browser, open_broken):
    # The broken case for the keyboard: the button names no submenu, so Enter opens nothing.
    example = get_spec("header").example("submenus")
    open_broken(example, 'aria-controls="benefits-nav-1"', 'aria-controls="nowhere"', "no-submenu")
    button = submenu_buttons(browser)[0]
    focus(browser, button)
    press(browser, Keys.ENTER)
    assert not browser.find_element(By.ID, "benefits-nav-1").get_attribute("hidden")
    assert any("nowhere" in error or "toggle" in error.lower() for error in console_errors(browser))


# Without JS every link of every submenu and megamenu is shown and reachable.


def nav_links_shown(browser) -> tuple[int, int]:
    links = browser.find_elements(By.CSS_SELECTOR, "header nav a")
    return sum(link.is_displayed() for link in links), len(links)


@pytest.mark.parametrize("example", ["submenus", "megamenu", "extended", "extended-megamenu"])
def test_every_link_is_reachable_without_javascript(browser, base_url, gallery_dir, example):
    open_without_scripts(browser, base_url, gallery_dir, f"header/{example}")
    shown, total = nav_links_shown(browser)
    assert total > 4 and shown == total
    for submenu in browser.find_elements(By.CSS_SELECTOR, ".usa-nav__submenu"):
        assert submenu.get_attribute("hidden") is None and submenu.is_displayed()


def test_the_no_js_check_catches_a_submenu_hidden_in_the_markup(browser, write_page, gallery_dir):
    # The broken case for no-JS: `hidden` written into the markup hides the links for good.
    example = get_spec("header").example("submenus")
    html = str(render("header", **example.params))
    broken = html.replace('class="usa-nav__submenu"', 'class="usa-nav__submenu" hidden')
    assert broken != html
    url = write_page("hidden-submenu", example, broken)
    page = gallery_dir / "header" / "_test-hidden-submenu.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        "\n".join(line for line in text.splitlines() if "<script" not in line), encoding="utf-8"
    )
    browser.get(url)
    shown, total = nav_links_shown(browser)
    assert shown < total


# Colour contrast of the examples with submenus, which opt out of the shared run's: an open
# dropdown covers the preview's heading, and axe reports the extended header's search field
# overlapped (USWDS positions its secondary nav over the navbar); the same small search form is
# checked in full in the search component's own examples.
SUBMENU_EXAMPLES = [e for e in get_spec("header").examples if e.axe_disable]
CONTRAST_CASES = [
    pytest.param(example, state, id=f"{example.name}:{state}")
    for example in SUBMENU_EXAMPLES
    for state in ("initial", *example.states)
]
HEADER_WITHOUT_SEARCH_FIELD = {"include": [["header"]], "exclude": [["header input"]]}


def test_the_submenu_examples_opt_out_of_color_contrast_only():
    # So the shared visit runs every other rule on them, in every state.
    assert {tuple(e.axe_disable) for e in SUBMENU_EXAMPLES} == {("color-contrast",)}


# The submenu buttons' ::after is USWDS's caret icon, in the button's right padding: axe doubts
# the text's background only because of it. Text that ran into that padding would be over it.
_BUTTON_TEXT_CLEAR_OF_ICON = """
const problems = [];
for (const button of document.querySelectorAll("button.usa-nav__link")) {
  if (!button.getClientRects().length) continue;
  const box = button.getBoundingClientRect();
  const text = document.createRange();
  text.selectNodeContents(button.querySelector("span"));
  const textBox = text.getBoundingClientRect();
  const style = getComputedStyle(button);
  if (textBox.right > box.right - parseFloat(style.paddingRight) + 0.5) {
    problems.push(button.textContent.trim());
  }
}
return problems;
"""


def test_the_submenu_examples_opt_out_of_contrast_only():
    assert SUBMENU_EXAMPLES
    assert all(set(e.axe_disable) == {"color-contrast"} for e in SUBMENU_EXAMPLES)


@contextlib.contextmanager
def state_width(browser, state: str) -> Iterator[None]:
    """The window at the state's width, if it sets one (the mobile menu's), then restored."""
    width = get_spec("header").states[state].width if state != "initial" else None
    if width is not None:
        browser.set_window_size(width, PHONE[1])
    try:
        yield
    finally:
        if width is not None:
            browser.set_window_size(*DESKTOP)


@pytest.mark.parametrize(("example", "state"), CONTRAST_CASES)
def test_color_contrast_in_every_state(browser, base_url, example, state):
    with state_width(browser, state):
        open_page(browser, f"{base_url}/header/{example.name}.html")
        if state != "initial":
            click_all(browser, get_spec("header").states[state].click)
        assert browser.execute_script(_BUTTON_TEXT_CLEAR_OF_ICON) == []
        result = run_axe(browser, context=HEADER_WITHOUT_SEARCH_FIELD)
        assert result.failures == [], result.report()
        # Every other rule, on the whole page in the same state, is the shared visit's
        # (test_a11y): these examples opt out of color-contrast only.


# The spec's mobile-menu-open state, which the shared visits (axe, accessibility tree, focus,
# forced colours, reflow) inspect: its width and clicks must leave the menu open and settled,
# or those checks would be looking at the closed header.
MOBILE_MENU_EXAMPLES = [e for e in get_spec("header").examples if "mobile-menu-open" in e.states]


def test_the_basic_and_the_extended_header_have_a_mobile_menu_state():
    extended = {bool(e.params.get("extended")) for e in MOBILE_MENU_EXAMPLES}
    assert extended == {False, True}


def mobile_menu_open(browser) -> bool:
    """The nav is shown as USWDS's open mobile menu, with focus inside it."""
    nav = browser.find_element(By.CSS_SELECTOR, "header nav.usa-nav")
    body = browser.find_element(By.TAG_NAME, "body").get_attribute("class")
    return (
        nav.is_displayed()
        and "is-visible" in nav.get_attribute("class")
        and "usa-js-mobile-nav--active" in body
        and browser.execute_script(_SETTLED_WITH_FOCUS_INSIDE, nav)
    )


@pytest.mark.parametrize("example", [e.name for e in MOBILE_MENU_EXAMPLES])
def test_the_mobile_menu_state_opens_the_menu(browser, base_url, example):
    with state_width(browser, "mobile-menu-open"):
        assert browser.get_window_size()["width"] == 320
        open_page(browser, f"{base_url}/header/{example}.html")
        assert not mobile_menu_open(browser)
        click_all(browser, get_spec("header").states["mobile-menu-open"].click)
        assert mobile_menu_open(browser)
        assert console_errors(browser) == []


def test_the_mobile_menu_check_fails_at_desktop_width(browser, base_url):
    # The broken case: at desktop width the same click finds no Menu button to press.
    open_page(browser, f"{base_url}/header/default.html")
    with pytest.raises(ElementNotInteractableException):
        click_all(browser, get_spec("header").states["mobile-menu-open"].click)
    assert not mobile_menu_open(browser)


def test_the_contrast_check_catches_pale_submenu_links(browser, open_broken):
    example = get_spec("header").example("submenus")
    open_broken(
        example,
        '<a href="/benefits/food">',
        '<a href="/benefits/food" style="color: #3d5f99">',
        "pale-submenu-link",
    )
    click_all(browser, ("li:nth-child(2) > button.usa-nav__link",))
    result = run_axe(browser, context=HEADER_WITHOUT_SEARCH_FIELD)
    assert "color-contrast" in result.rule_ids(), result.report()


@pytest.mark.parametrize("width", [320, 480])
@pytest.mark.parametrize("example", [e.name for e in SUBMENU_EXAMPLES])
def test_full_axe_with_the_mobile_menu_open_and_a_submenu_open_in_it(
    browser, base_url, example, width
):
    browser.set_window_size(width, PHONE[1])
    try:
        open_page(browser, f"{base_url}/header/{example}.html")
        assert menu_opens(browser)
        result = run_axe(browser)
        assert result.failures == [], result.report()
        # A submenu, or the language list where the nav has no submenu.
        toggle = (submenu_buttons(browser) + language_buttons(browser))[0]
        toggle.click()
        assert eventually(browser, lambda: toggle.get_attribute("aria-expanded") == "true")
        controlled = browser.find_element(By.ID, toggle.get_attribute("aria-controls"))
        assert controlled.is_displayed()
        result = run_axe(browser)
        assert result.failures == [], result.report()
        assert console_errors(browser) == []
    finally:
        browser.set_window_size(*DESKTOP)
