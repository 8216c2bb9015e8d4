"""Radio buttons in Chromium: the group is one Tab stop, the arrow keys move and select; the
group is described by its hint and error."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"


def chosen(browser) -> list[bool]:
    return [radio.is_selected() for radio in browser.find_elements(By.CSS_SELECTOR, "[type=radio]")]


def active_id(browser) -> str:
    return browser.switch_to.active_element.get_attribute("id")


def test_arrows_move_between_radios_and_select_them(browser, base_url):
    open_page(browser, f"{base_url}/radio/hint.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    assert active_id(browser) == "contact"
    press(browser, Keys.SPACE)
    assert chosen(browser) == [True, False, False]
    press(browser, Keys.ARROW_DOWN)
    assert (active_id(browser), chosen(browser)) == ("contact-2", [False, True, False])
    press(browser, Keys.ARROW_RIGHT)
    assert (active_id(browser), chosen(browser)) == ("contact-3", [False, False, True])
    press(browser, Keys.ARROW_UP)
    assert (active_id(browser), chosen(browser)) == ("contact-2", [False, True, False])


def test_the_group_is_one_tab_stop_and_arrows_skip_the_disabled_radio(browser, base_url):
    open_page(browser, f"{base_url}/radio/default.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    assert active_id(browser) == "historical"  # the checked radio
    press(browser, Keys.ARROW_UP)
    assert active_id(browser) == "historical-3"  # wraps round, past the disabled one
    press(browser, Keys.TAB)
    assert not active_id(browser).startswith("historical")


def test_the_check_catches_radios_that_are_not_one_group(browser, open_broken):
    example = get_spec("radio").example("hint")
    open_broken(example, 'name="contact" value="phone"', 'name="other" value="phone"', "names")
    browser.find_element(By.CSS_SELECTOR, "label[for=contact]").click()
    assert active_id(browser) == "contact"
    press(browser, Keys.ARROW_DOWN)
    assert active_id(browser) != "contact-2"


def test_the_group_is_named_by_its_legend_and_described_by_hint_then_error(browser, base_url):
    open_page(browser, f"{base_url}/radio/error.html")
    (group,) = component_ax_tree(browser, ROOT).find_all("group")
    assert group.description == (
        "We will use this for updates about your case. Error: Select how we should contact you"
    )
    assert group.name == "How should we contact you? (required)"
    # Nothing marks an option invalid: the error belongs to the question.
    radios = component_ax_tree(browser, ROOT).find_all("radio")
    assert [r.states.get("invalid") for r in radios] == [None, None, None]


def test_radios_work_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "radio/tile")
    browser.find_element(By.CSS_SELECTOR, "label[for=historical-tile-2]").click()
    assert chosen(browser) == [False, True, False, False]
