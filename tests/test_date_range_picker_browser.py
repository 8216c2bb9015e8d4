"""The date range picker in Chromium: with USWDS's JS, each end keeps its name, hint and error,
the keyboard picks a start in its calendar and the end's calendar then starts from it; without
JS, two text inputs whose hints give the format."""

from __future__ import annotations

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
from test_date_picker_browser import aria_allowed_attr_problems

from uswds_components import get_spec
from uswds_components.testing import run_axe
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-date-range-picker')"
START_BUTTON = ".usa-date-range-picker__range-start .usa-date-picker__button"
END_BUTTON = ".usa-date-range-picker__range-end .usa-date-picker__button"


def textboxes(browser):
    return component_ax_tree(browser, ROOT).find_all("textbox")


def open_calendars(browser) -> int:
    calendars = browser.find_elements(By.CSS_SELECTOR, ".usa-date-picker__calendar")
    return sum(calendar.is_displayed() for calendar in calendars)


def test_each_end_is_named_and_described_with_js(browser, base_url):
    open_page(browser, f"{base_url}/date_range_picker/error.html")
    assert len(browser.find_elements(By.CSS_SELECTOR, ".usa-date-picker--initialized")) == 2
    start, end = textboxes(browser)
    assert start.name.startswith("Event start date")
    assert start.description == "mm/dd/yyyy"
    assert end.name.startswith("Event end date")
    assert end.description == (
        "mm/dd/yyyy Error: Enter the end date as mm/dd/yyyy, on or after the start date"
    )
    assert end.states.get("invalid") not in (None, False, "false")
    assert console_errors(browser) == []


def test_the_check_catches_an_error_left_out_of_describedby(browser, open_broken):
    example = get_spec("date_range_picker").example("error")
    open_broken(
        example,
        'aria-describedby="event-3-end-hint event-3-end-error"',
        'aria-describedby="event-3-end-hint"',
        "undescribed",
    )
    assert "Error:" not in textboxes(browser)[1].description


def test_the_keyboard_picks_a_start_and_the_end_calendar_starts_from_it(browser, base_url):
    open_page(browser, f"{base_url}/date_range_picker/values.html")
    browser.find_element(By.ID, "event-2-start").click()
    press(browser, Keys.TAB, Keys.ENTER)
    assert eventually(browser, lambda: open_calendars(browser) == 1)
    assert browser.switch_to.active_element.get_attribute("data-value") == "2025-01-10"
    press(browser, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ENTER)
    assert eventually(browser, lambda: open_calendars(browser) == 0)
    assert browser.switch_to.active_element.get_attribute("id") == "event-2-start"
    assert browser.find_element(By.ID, "event-2-start").get_attribute("value") == "01/12/2025"
    # The end's calendar now refuses days before the start and shows the range.
    click_all(browser, (END_BUTTON,))
    assert open_calendars(browser) == 1
    day = ".usa-date-range-picker__range-end .usa-date-picker__calendar__date[data-value='{}']"
    assert not browser.find_element(By.CSS_SELECTOR, day.format("2025-01-11")).is_enabled()
    inside = browser.find_element(By.CSS_SELECTOR, day.format("2025-01-14"))
    assert "usa-date-picker__calendar__date--within-range" in inside.get_attribute("class")
    press(browser, Keys.ESCAPE)
    assert eventually(browser, lambda: open_calendars(browser) == 0)
    assert browser.switch_to.active_element.get_attribute("id") == "event-2-end"


@pytest.mark.parametrize(
    ("example", "button"),
    [
        ("values", START_BUTTON),
        ("values", END_BUTTON),
        ("error", END_BUTTON),
        ("spanish", END_BUTTON),
    ],
)
def test_the_open_calendars_break_aria_allowed_attr_only_with_uswds_aria_selected(
    browser, base_url, example, button
):
    assert "aria-allowed-attr" in get_spec("date_range_picker").example(example).axe_disable
    open_page(browser, f"{base_url}/date_range_picker/{example}.html")
    click_all(browser, (button,))
    assert open_calendars(browser) == 1
    assert aria_allowed_attr_problems(browser, ".usa-date-range-picker") == []


def test_without_js_two_text_inputs_with_the_format_hint(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "date_range_picker/spanish")
    assert not browser.find_elements(By.CSS_SELECTOR, ".usa-date-picker__button")
    start, end = textboxes(browser)
    assert start.description == "mm/dd/aaaa Error: Escriba la fecha de inicio como mm/dd/aaaa"
    assert end.description == "mm/dd/aaaa"
    field = browser.find_element(By.ID, "fecha-start")
    field.send_keys("01/10/2025")
    assert field.get_attribute("value") == "01/10/2025"
    assert browser.find_element(By.ID, "fecha-end").get_attribute("value") == "01/17/2025"


# The start's open calendar covers the end's input below it: axe cannot tell that hidden text's
# background, and the examples with a start calendar opt out of color-contrast in the shared
# run. Here it runs in each of their states, setting aside only inputs the calendar covers.
_COVERED_INPUTS = """
const covered = [];
const calendars = [...document.querySelectorAll(".usa-date-picker__calendar")]
  .filter(c => !c.hidden).map(c => c.getBoundingClientRect());
for (const input of document.querySelectorAll(".usa-date-range-picker input.usa-input")) {
  const box = input.getBoundingClientRect();
  if (!box.width) continue;
  if (calendars.some(c => c.left < box.right && box.left < c.right
      && c.top < box.bottom && box.top < c.bottom)) covered.push("#" + input.id);
}
return covered;
"""
CONTRAST_CASES = [
    pytest.param(example.name, state, id=f"{example.name}:{state}")
    for example in get_spec("date_range_picker").examples
    if "color-contrast" in example.axe_disable
    for state in ("initial", *example.states)
]
END_ID = {"values": "event-2-end", "restricted": "stay-end"}
STATE_BUTTONS = {
    "initial": (),
    "start-calendar-open": (START_BUTTON,),
    "end-calendar-open": (END_BUTTON,),
}


def contrast_failures(browser) -> tuple[list[str], list]:
    covered = browser.execute_script(_COVERED_INPUTS)
    context = {"include": [[".usa-date-range-picker"]], "exclude": [[c] for c in covered]}
    result = run_axe(browser, context=context)
    return covered, [v for v in result.failures if v["id"] == "color-contrast"]


@pytest.mark.parametrize(("example", "state"), CONTRAST_CASES)
def test_color_contrast_with_only_covered_inputs_set_aside(browser, base_url, example, state):
    open_page(browser, f"{base_url}/date_range_picker/{example}.html")
    click_all(browser, STATE_BUTTONS[state])
    covered, failures = contrast_failures(browser)
    assert covered == ([] if state != "start-calendar-open" else [f"#{END_ID[example]}"])
    assert failures == []


def test_the_contrast_check_catches_pale_text_in_the_open_calendar(browser, base_url):
    open_page(browser, f"{base_url}/date_range_picker/values.html")
    click_all(browser, (START_BUTTON,))
    browser.execute_script(
        "document.querySelector('.usa-date-picker__calendar__date').style.color = '#c9c9c9'"
    )
    assert contrast_failures(browser)[1] != []
