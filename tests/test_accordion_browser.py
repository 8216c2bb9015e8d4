"""The accordion with USWDS's real JS: clicks, Enter and Space keep `aria-expanded` and the
panels' `hidden` in step; the panels are readable without JS."""

from __future__ import annotations

import pytest
from browser_helpers import (
    SET_ASIDE_ACCORDION_ICONS,
    click_all,
    console_errors,
    open_page,
    open_without_scripts,
    press,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec, render
from uswds_components.testing import run_axe

pytestmark = pytest.mark.browser


def sections(browser) -> list[tuple[object, object]]:
    """(button, panel) for each section, the panel found through the button's aria-controls."""
    buttons = browser.find_elements(By.CSS_SELECTOR, ".usa-accordion__button")
    return [(b, browser.find_element(By.ID, b.get_attribute("aria-controls"))) for b in buttons]


def open_states(browser) -> list[bool]:
    """Which sections are open; fails if a button's aria-expanded and its panel disagree."""
    states = []
    for button, panel in sections(browser):
        expanded = button.get_attribute("aria-expanded") == "true"
        assert expanded == panel.is_displayed(), f"{button.text}: aria-expanded vs panel"
        assert expanded == (panel.get_attribute("hidden") is None)
        states.append(expanded)
    return states


def test_the_markup_has_no_hidden_panels_but_the_js_hides_the_closed_ones(browser, base_url):
    html = str(render("accordion", **get_spec("accordion").example("default").params))
    assert "hidden" not in html
    open_page(browser, f"{base_url}/accordion/default.html")
    assert open_states(browser) == [True, False, False]
    assert console_errors(browser) == []


@pytest.mark.parametrize("example", ["default", "bordered", "icon-start"])
def test_a_click_opens_a_section_and_closes_the_other(browser, base_url, example):
    open_page(browser, f"{base_url}/accordion/{example}.html")
    _, (second, panel), *_ = sections(browser)
    second.click()
    assert open_states(browser)[:2] == [False, True]
    assert panel.text.strip()
    second.click()
    assert not any(open_states(browser))
    assert console_errors(browser) == []


@pytest.mark.parametrize("key", [Keys.ENTER, Keys.SPACE], ids=["enter", "space"])
def test_the_keyboard_reaches_each_button_and_toggles_it(browser, base_url, key):
    open_page(browser, f"{base_url}/accordion/all-closed.html")
    (first, _), (second, _) = sections(browser)
    browser.execute_script("arguments[0].focus()", first)
    assert browser.switch_to.active_element == first
    press(browser, key)
    assert open_states(browser) == [True, False]
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element == second
    press(browser, key)
    assert open_states(browser) == [False, True]
    press(browser, key)
    assert open_states(browser) == [False, False]


def all_open_after_clicks(browser) -> bool:
    for button, _ in sections(browser):
        if button.get_attribute("aria-expanded") == "false":
            button.click()
    return all(open_states(browser))


def test_multiselectable_panels_open_independently(browser, base_url):
    open_page(browser, f"{base_url}/accordion/multiselectable.html")
    assert open_states(browser) == [True, False, False]
    assert all_open_after_clicks(browser)


def test_multiselectable_panels_open_at_load_stay_open(browser, base_url):
    open_page(browser, f"{base_url}/accordion/multiselectable-open.html")
    assert open_states(browser) == [True, True, False]


def test_the_check_catches_an_accordion_without_data_allow_multiple(browser, open_broken):
    # Deliberately broken: the multiselectable example without USWDS's opt-in attribute.
    example = get_spec("accordion").example("multiselectable")
    open_broken(example, " data-allow-multiple", "", "no-allow-multiple")
    assert not all_open_after_clicks(browser)


def test_the_check_catches_a_button_controlling_a_missing_panel(browser, open_broken):
    example = get_spec("accordion").example("default")
    open_broken(example, 'aria-controls="faq-2"', 'aria-controls="faq-9"', "missing-panel")
    assert any("No toggle target found" in error for error in console_errors(browser))


def test_every_panel_is_readable_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "accordion/default")
    panels = browser.find_elements(By.CSS_SELECTOR, ".usa-accordion__content")
    assert len(panels) == 3
    assert all(panel.is_displayed() for panel in panels)


CONTRAST_CASES = [
    pytest.param(example, state, id=f"{example.name}:{state}")
    for example in get_spec("accordion").examples
    for state in ("initial", *example.states)
]


@pytest.mark.parametrize(("example", "state"), CONTRAST_CASES)
def test_color_contrast_with_the_transparent_gradient_set_aside(browser, base_url, example, state):
    assert set(example.axe_disable) == {"color-contrast"}
    open_page(browser, f"{base_url}/accordion/{example.name}.html")
    if state != "initial":
        click_all(browser, get_spec("accordion").states[state].click)
    assert browser.execute_script(SET_ASIDE_ACCORDION_ICONS) == []
    result = run_axe(browser, context=".usa-accordion")
    assert "color-contrast" not in result.rule_ids(), result.report()
    assert result.failures == [], result.report()


def test_the_contrast_check_catches_pale_button_text(browser, open_broken):
    example = get_spec("accordion").example("default")
    open_broken(
        example,
        'class="usa-accordion__button"',
        'class="usa-accordion__button" style="color: #c9c9c9"',
        "pale-button",
    )
    assert browser.execute_script(SET_ASIDE_ACCORDION_ICONS) == []
    assert "color-contrast" in run_axe(browser, context=".usa-accordion").rule_ids()
