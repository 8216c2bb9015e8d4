"""The memorable date in Chromium: a group named by its legend and described by its hint and
error, three labelled parts reached in order by Tab and filled with the keyboard, with or
without JS."""

from __future__ import annotations

import pytest
from browser_helpers import (
    SET_ASIDE_SELECT_ARROWS,
    console_errors,
    open_page,
    open_without_scripts,
    press,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from uswds_components import get_spec
from uswds_components.testing import run_axe
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"


def tree(browser):
    return component_ax_tree(browser, ROOT)


def test_the_group_is_named_and_described_and_the_wrong_part_is_invalid(browser, base_url):
    open_page(browser, f"{base_url}/memorable_date/error.html")
    (group,) = tree(browser).find_all("group")
    assert group.name.startswith("Date of birth")
    assert group.description == (
        "For example: January 19 2000 Error: Date of birth must be a real date"
    )
    (month,) = tree(browser).find_all("combobox")
    day, year = tree(browser).find_all("textbox")
    assert (month.name, day.name, year.name) == ("Month", "Day", "Year")
    assert day.description == "Enter 1 or 2 digits for the day."
    assert day.states.get("invalid") not in (None, False, "false")
    assert year.states.get("invalid") in (None, False, "false")
    assert console_errors(browser) == []


def test_the_check_catches_a_group_without_its_error_described(browser, open_broken):
    example = get_spec("memorable_date").example("error")
    open_broken(
        example,
        'aria-describedby="dob-hint dob-error"',
        'aria-describedby="dob-hint"',
        "undescribed",
    )
    (group,) = tree(browser).find_all("group")
    assert "Error:" not in group.description


def test_spanish_parts_are_named_in_spanish(browser, base_url):
    open_page(browser, f"{base_url}/memorable_date/spanish.html")
    (group,) = tree(browser).find_all("group")
    assert group.name.startswith("Fecha de nacimiento")
    assert group.description.endswith("Error: El año debe tener 4 dígitos")
    (month,) = tree(browser).find_all("combobox")
    assert month.name == "Mes"
    assert [node.name for node in tree(browser).find_all("textbox")] == ["Día", "Año"]


def test_tab_reaches_month_day_and_year_and_the_keyboard_fills_them(browser, base_url):
    open_page(browser, f"{base_url}/memorable_date/default.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    reached = []
    for text in ("April", "28", "1986"):
        press(browser, Keys.TAB)
        reached.append(browser.switch_to.active_element.get_attribute("id"))
        press(browser, text)
    assert reached == ["birth-date", "birth-date-day", "birth-date-year"]
    assert Select(browser.find_element(By.ID, "birth-date")).first_selected_option.text == "April"
    assert browser.find_element(By.ID, "birth-date-day").get_attribute("value") == "28"
    assert browser.find_element(By.ID, "birth-date-year").get_attribute("value") == "1986"


def test_the_year_takes_four_digits_at_most(browser, base_url):
    open_page(browser, f"{base_url}/memorable_date/month-input.html")
    year = browser.find_element(By.ID, "birth-date-digits-year")
    year.send_keys("198654")
    assert year.get_attribute("value") == "1986"


def test_it_works_without_javascript(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "memorable_date/error")
    assert browser.find_element(By.ID, "dob-error").is_displayed()
    assert Select(browser.find_element(By.ID, "dob")).first_selected_option.text == "February"
    day = browser.find_element(By.ID, "dob-day")
    day.clear()
    day.send_keys("28")
    assert day.get_attribute("value") == "28"


CONTRAST_EXAMPLES = [
    pytest.param(example, id=example.name)
    for example in get_spec("memorable_date").examples
    if example.axe_disable
]


@pytest.mark.parametrize("example", CONTRAST_EXAMPLES)
def test_color_contrast_with_the_select_arrow_set_aside(browser, base_url, example):
    assert set(example.axe_disable) == {"color-contrast"}
    open_page(browser, f"{base_url}/memorable_date/{example.name}.html")
    assert browser.execute_script(SET_ASIDE_SELECT_ARROWS) == []
    result = run_axe(browser, context=".usa-form-group")
    assert result.failures == [], result.report()


def test_the_contrast_check_catches_pale_label_text(browser, open_broken):
    example = get_spec("memorable_date").example("default")
    open_broken(
        example,
        '<label class="usa-label"',
        '<label style="color: #c9c9c9" class="usa-label"',
        "pale",
    )
    assert browser.execute_script(SET_ASIDE_SELECT_ARROWS) == []
    assert "color-contrast" in run_axe(browser, context=".usa-form-group").rule_ids()
