"""The date picker in Chromium: with USWDS's JS, the input keeps its name, hint, error and id
and the calendar opens, moves with the arrow keys, picks with Enter and closes with Escape;
without JS, a plain text input whose hint gives the format."""

from __future__ import annotations

import re

import pytest
from browser_helpers import (
    click_all,
    console_errors,
    eventually,
    open_page,
    open_without_scripts,
    press,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.testing import run_axe
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"
CALENDAR = ".usa-date-picker__calendar"
BUTTON = ".usa-date-picker__button"


def textbox(browser):
    (node,) = component_ax_tree(browser, ROOT).find_all("textbox")
    return node


def calendar_open(browser) -> bool:
    return browser.find_element(By.CSS_SELECTOR, CALENDAR).is_displayed()


def test_with_js_the_input_keeps_its_name_hint_error_and_id(browser, base_url):
    open_page(browser, f"{base_url}/date_picker/error.html")
    assert browser.find_elements(By.CSS_SELECTOR, ".usa-date-picker--initialized")
    node = textbox(browser)
    assert node.name.startswith("Appointment date")
    assert node.description == (
        "mm/dd/yyyy Error: Choose a weekday: our offices are closed on December 25"
    )
    assert node.states.get("invalid") not in (None, False, "false")
    assert node.states.get("required") is True
    visible = browser.find_element(By.ID, "appointment-date-4")
    assert visible.get_attribute("value") == "12/25/2024"
    assert console_errors(browser) == []


def test_the_check_catches_an_error_left_out_of_describedby(browser, open_broken):
    example = get_spec("date_picker").example("error")
    open_broken(
        example,
        'aria-describedby="appointment-date-4-hint appointment-date-4-error"',
        'aria-describedby="appointment-date-4-hint"',
        "undescribed",
    )
    assert "Error:" not in textbox(browser).description


def test_spanish_hint_is_the_description(browser, base_url):
    open_page(browser, f"{base_url}/date_picker/spanish.html")
    node = textbox(browser)
    assert node.name.startswith("Fecha de la cita")
    assert node.description == "mm/dd/aaaa Error: Elija una fecha a partir del 21 de enero"


def test_the_keyboard_opens_the_calendar_moves_picks_and_escapes(browser, base_url):
    open_page(browser, f"{base_url}/date_picker/value.html")
    field = browser.find_element(By.ID, "appointment-date-2")
    assert field.get_attribute("value") == "01/20/2025"
    field.click()
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("class") == BUTTON[1:]
    press(browser, Keys.ENTER)
    assert eventually(browser, lambda: calendar_open(browser))
    focused = browser.switch_to.active_element
    assert focused.get_attribute("data-value") == "2025-01-20"
    assert focused.get_attribute("aria-selected") == "true"
    press(browser, Keys.ARROW_RIGHT)
    assert browser.switch_to.active_element.get_attribute("data-value") == "2025-01-21"
    press(browser, Keys.ARROW_DOWN)
    assert browser.switch_to.active_element.get_attribute("data-value") == "2025-01-28"
    press(browser, Keys.ENTER)
    assert eventually(browser, lambda: not calendar_open(browser))
    assert browser.switch_to.active_element.get_attribute("id") == "appointment-date-2"
    assert field.get_attribute("value") == "01/28/2025"
    # Escape closes the calendar without choosing, and gives focus back to the input.
    press(browser, Keys.TAB, Keys.ENTER)
    assert eventually(browser, lambda: calendar_open(browser))
    press(browser, Keys.ARROW_LEFT, Keys.ESCAPE)
    assert eventually(browser, lambda: not calendar_open(browser))
    assert browser.switch_to.active_element.get_attribute("id") == "appointment-date-2"
    assert field.get_attribute("value") == "01/28/2025"


def test_the_restricted_calendar_refuses_dates_outside_its_range(browser, base_url):
    open_page(browser, f"{base_url}/date_picker/restricted.html")
    browser.find_element(By.CSS_SELECTOR, BUTTON).click()
    assert eventually(browser, lambda: calendar_open(browser))
    outside = browser.find_element(By.CSS_SELECTOR, f"{CALENDAR} [data-value='2025-02-01']")
    assert not outside.is_enabled()


def test_typing_a_date_works_with_js(browser, base_url):
    open_page(browser, f"{base_url}/date_picker/default.html")
    field = browser.find_element(By.ID, "appointment-date")
    field.send_keys("07/04/2025")
    assert field.get_attribute("value") == "07/04/2025"
    assert field.get_attribute("name") == "appointment-date"


def test_without_js_a_plain_input_with_the_format_hint(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "date_picker/value")
    assert not browser.find_elements(By.CSS_SELECTOR, BUTTON)
    assert browser.find_element(By.ID, "appointment-date-2-hint").text == "mm/dd/yyyy"
    field = browser.find_element(By.ID, "appointment-date-2")
    assert field.get_attribute("value") == "01/20/2025"
    field.clear()
    field.send_keys("02/03/2025")
    assert field.get_attribute("value") == "02/03/2025"
    assert textbox(browser).description == "mm/dd/yyyy"


# The shared axe run sets aria-allowed-attr aside for the examples with an open calendar:
# USWDS's JS puts aria-selected on its day, month and year buttons. Here the rule runs on the
# open calendar, and only that attribute, on only those buttons, is allowed.
_IN_CALENDAR = (
    "return document.querySelector(arguments[0]).matches('.usa-date-picker__calendar button')"
)
_ONLY_ARIA_SELECTED = re.compile(r'ARIA attribute is not allowed: aria-selected="(true|false)"')


def aria_allowed_attr_problems(browser, context: str = ".usa-form-group") -> list[str]:
    result = run_axe(browser, context=context)
    problems = []
    for violation in result.violations:
        for node in violation["nodes"]:
            messages = [check["message"] for check in node["all"] + node["any"] + node["none"]]
            allowed = (
                violation["id"] == "aria-allowed-attr"
                and browser.execute_script(_IN_CALENDAR, node["target"][0])
                and len(messages) == 1
                and _ONLY_ARIA_SELECTED.fullmatch(messages[0])
            )
            if not allowed:
                problems.append(f"{violation['id']}: {node['html']} {messages}")
    return problems


OPEN_EXAMPLES = [
    pytest.param(example, id=example.name)
    for example in get_spec("date_picker").examples
    if "calendar-open" in example.states
]


@pytest.mark.parametrize("example", OPEN_EXAMPLES)
def test_the_open_calendar_breaks_aria_allowed_attr_only_with_uswds_aria_selected(
    browser, base_url, example
):
    assert set(example.axe_disable) == {"aria-allowed-attr"}
    open_page(browser, f"{base_url}/date_picker/{example.name}.html")
    click_all(browser, (BUTTON,))
    assert calendar_open(browser)
    assert aria_allowed_attr_problems(browser) == []


def test_the_aria_check_catches_another_attribute_on_a_day(browser, base_url):
    open_page(browser, f"{base_url}/date_picker/value.html")
    click_all(browser, (BUTTON,))
    browser.execute_script(
        "document.querySelector('.usa-date-picker__calendar__date')"
        ".setAttribute('aria-checked', 'true')"
    )
    problems = aria_allowed_attr_problems(browser)
    assert len(problems) == 1
    assert "aria-checked" in problems[0]
