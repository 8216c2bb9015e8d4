"""The modal in Chromium with USWDS's JS: a named dialog that traps focus, closes on Escape (unless
forced action), on its close and footer buttons, and gives focus back to its opener; and, without
JS, a link to content that is already on the page."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, eventually, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec

pytestmark = pytest.mark.browser

WRAPPER = "body > .usa-modal-wrapper"
_FOCUS_INSIDE = (
    "const w = document.querySelector('body > .usa-modal-wrapper');"
    " return !!w && w.contains(document.activeElement);"
)


def is_open(browser) -> bool:
    wrapper = browser.find_element(By.CSS_SELECTOR, WRAPPER)
    return "is-visible" in wrapper.get_attribute("class") and wrapper.is_displayed()


def opens(browser) -> bool:
    browser.find_element(By.CSS_SELECTOR, "[data-open-modal]").click()
    return eventually(browser, lambda: is_open(browser))


def closes(browser) -> bool:
    return eventually(browser, lambda: not is_open(browser), seconds=1.5)


def focus_inside(browser) -> bool:
    return browser.execute_script(_FOCUS_INSIDE)


def opener(browser):
    return browser.find_element(By.CSS_SELECTOR, "[data-open-modal]")


def focus_is_on_opener(browser) -> bool:
    return eventually(browser, lambda: browser.switch_to.active_element == opener(browser))


def escape_is_ignored(browser) -> bool:
    """Press Escape in the open dialog: True if it stays open (forced action's rule)."""
    press(browser, Keys.ESCAPE)
    return not closes(browser)


def first_footer_button_closes(browser) -> bool:
    browser.find_element(By.CSS_SELECTOR, f"{WRAPPER} .usa-modal__footer button").click()
    return closes(browser)


def test_without_js_the_opener_links_to_content_already_on_the_page(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "modal/default")
    link = opener(browser)
    assert link.get_attribute("href").endswith("#unsaved-changes")
    assert link.aria_role == "link"
    heading = browser.find_element(By.CSS_SELECTOR, "#unsaved-changes .usa-modal__heading")
    assert heading.is_displayed()
    assert heading.text == "Are you sure you want to leave?"
    region = browser.find_element(By.ID, "unsaved-changes")
    assert region.aria_role == "region"
    assert region.accessible_name == "Are you sure you want to leave?"
    link.click()
    assert browser.execute_script("return location.hash") == "#unsaved-changes"


@pytest.mark.parametrize(
    ("example", "name", "close"),
    [
        ("default", "Are you sure you want to leave?", "Close this window"),
        ("large", "Terms of use", "Close this window"),
        ("lang-es", "¿Seguro que quiere salir?", "Cerrar esta ventana"),
    ],
)
def test_the_opener_opens_a_named_modal_dialog_with_focus_inside(
    browser, base_url, example, name, close
):
    open_page(browser, f"{base_url}/modal/{example}.html")
    assert opener(browser).aria_role == "button"
    assert opens(browser)
    dialog = browser.find_element(By.CSS_SELECTOR, WRAPPER)
    assert dialog.aria_role == "dialog"
    assert dialog.get_attribute("aria-modal") == "true"
    assert dialog.accessible_name == name
    first = dialog.find_element(By.CSS_SELECTOR, ".usa-modal__footer button")
    assert eventually(browser, lambda: browser.switch_to.active_element == first)
    assert dialog.find_element(By.CSS_SELECTOR, ".usa-modal__close").accessible_name == close
    assert browser.find_element(By.TAG_NAME, "main").get_attribute("aria-hidden") == "true"
    assert console_errors(browser) == []


@pytest.mark.parametrize("example", ["default", "forced-action", "one-button"])
def test_tab_and_shift_tab_stay_in_the_dialog(browser, base_url, example):
    open_page(browser, f"{base_url}/modal/{example}.html")
    assert opens(browser)
    assert eventually(browser, lambda: focus_inside(browser))
    seen = set()
    for _ in range(6):
        press(browser, Keys.TAB)
        assert focus_inside(browser), "Tab left the dialog"
        seen.add(browser.switch_to.active_element.id)
    for _ in range(6):
        press(browser, Keys.SHIFT, Keys.TAB)
        assert focus_inside(browser), "Shift+Tab left the dialog"
    focusable = browser.find_elements(By.CSS_SELECTOR, f"{WRAPPER} button, {WRAPPER} a[href]")
    assert len(seen) == len(focusable), "Tab did not cycle through every control"


def test_escape_closes_the_dialog_and_focus_returns_to_the_opener(browser, base_url):
    open_page(browser, f"{base_url}/modal/default.html")
    assert opens(browser)
    press(browser, Keys.ESCAPE)
    assert closes(browser)
    assert focus_is_on_opener(browser)
    assert browser.find_element(By.TAG_NAME, "main").get_attribute("aria-hidden") is None


@pytest.mark.parametrize(
    "closer", [".usa-modal__close", ".usa-modal__footer li:first-child button"]
)
def test_the_close_and_footer_buttons_close_it_and_return_focus(browser, base_url, closer):
    open_page(browser, f"{base_url}/modal/default.html")
    assert opens(browser)
    browser.find_element(By.CSS_SELECTOR, f"{WRAPPER} {closer}").click()
    assert closes(browser)
    assert focus_is_on_opener(browser)


def test_forced_action_ignores_escape_and_has_no_close_button(browser, base_url):
    open_page(browser, f"{base_url}/modal/forced-action.html")
    assert opens(browser)
    assert browser.find_elements(By.CSS_SELECTOR, f"{WRAPPER} .usa-modal__close") == []
    assert escape_is_ignored(browser), "Escape closed a forced-action modal"
    assert focus_inside(browser)
    assert first_footer_button_closes(browser)
    assert focus_is_on_opener(browser)


def test_the_check_catches_a_forced_action_modal_without_data_force_action(browser, open_broken):
    example = get_spec("modal").example("forced-action")
    open_broken(example, " data-force-action", "", "not-forced")
    assert opens(browser)
    assert not escape_is_ignored(browser)


def test_the_check_catches_a_footer_button_that_does_not_close(browser, open_broken):
    example = get_spec("modal").example("one-button")
    open_broken(
        example, 'type="button" data-close-modal>Continue', 'type="button">Continue', "stuck"
    )
    assert opens(browser)
    assert not first_footer_button_closes(browser)
