"""The time picker in Chromium: with USWDS's JS, a combo box of times (typing filters, the
arrow keys move, Enter chooses, Escape closes) that keeps the id and name, and, through
combo-box.js, its format hint and error and USWDS's words in the page's language; without JS, a
text input described by its format hint and error."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, eventually, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec, render
from uswds_components.testing import run_axe
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"
LIST = ".usa-combo-box__list"


def list_open(browser) -> bool:
    return browser.find_element(By.CSS_SELECTOR, LIST).is_displayed()


def shown(browser) -> list[str]:
    items = browser.find_elements(By.CSS_SELECTOR, f"{LIST} li")
    return [li.text for li in items if li.is_displayed()]


def submitted(browser) -> str:
    return browser.execute_script("return document.querySelector('.usa-time-picker select').value")


def test_the_chosen_time_survives_the_js_and_the_keyboard_picks_another(browser, base_url):
    open_page(browser, f"{base_url}/time_picker/restricted.html")
    field = browser.find_element(By.ID, "appointment-time-2")
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("value") == "1:30pm"
    assert submitted(browser) == "13:30"
    assert browser.find_element(By.CSS_SELECTOR, ".usa-time-picker select").get_attribute(
        "name"
    ) == ("appointment-time-2")
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "appointment-time-2"
    press(browser, Keys.ARROW_DOWN)
    assert eventually(browser, lambda: list_open(browser))
    assert browser.switch_to.active_element.text == "1:30pm"
    press(browser, Keys.ARROW_DOWN)
    assert browser.switch_to.active_element.text == "1:45pm"
    press(browser, Keys.ENTER)
    assert eventually(browser, lambda: not list_open(browser))
    assert browser.switch_to.active_element.get_attribute("id") == "appointment-time-2"
    assert field.get_attribute("value") == "1:45pm"
    assert submitted(browser) == "13:45"
    assert console_errors(browser) == []


def test_typing_moves_to_the_time_and_escape_closes_without_choosing(browser, base_url):
    open_page(browser, f"{base_url}/time_picker/error.html")
    field = browser.find_element(By.ID, "appointment-time-4")
    field.send_keys("10:3")
    assert eventually(browser, lambda: list_open(browser))
    # The list keeps every time (USWDS turns filtering off) and moves to the first match.
    assert shown(browser)[0] == "9:00am"
    focused = browser.find_element(By.CSS_SELECTOR, f"{LIST} .usa-combo-box__list-option--focused")
    assert focused.text == "10:30am"
    press(browser, Keys.ESCAPE)
    assert eventually(browser, lambda: not list_open(browser))
    assert browser.switch_to.active_element.get_attribute("id") == "appointment-time-4"
    assert submitted(browser) == ""


def combobox(browser):
    (node,) = component_ax_tree(browser, ROOT).find_all("combobox")
    return node


def test_with_js_the_focused_input_is_described_by_format_hint_then_error(browser, base_url):
    # uswds #6315: USWDS 3.14.0's JS removes the input and does not carry aria-describedby or
    # aria-invalid to the combo box input it builds; combo-box.js does.
    open_page(browser, f"{base_url}/time_picker/error.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    field = browser.switch_to.active_element
    assert field.get_attribute("id") == "appointment-time-4"
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-describedby") == (
        "appointment-time-4-hint appointment-time-4-error"
    )
    assert field.get_attribute("aria-invalid") == "true"
    node = combobox(browser)
    assert node.description == (
        "hh:mm with am or pm, like 9:30am Error: Choose a time between 9:00am and 11:00am"
    )
    assert node.states.get("invalid") not in (None, False, "false")
    assert console_errors(browser) == []


def test_without_our_script_uswds_js_drops_the_hint_and_error(browser, write_page):
    example = get_spec("time_picker").example("error")
    html = str(render("time_picker", **{**example.params, "script": False}))
    open_page(browser, write_page("no-script", example, html))
    field = browser.find_element(By.ID, "appointment-time-4")
    assert field.get_attribute("role") == "combobox"
    assert field.get_attribute("aria-describedby") is None
    assert field.get_attribute("aria-invalid") is None
    assert combobox(browser).description in (None, "")


def status(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, ".usa-combo-box__status").get_attribute(
        "textContent"
    )


def test_uswds_words_in_spanish(browser, base_url):
    open_page(browser, f"{base_url}/time_picker/spanish.html")
    labels = [
        button.get_attribute("aria-label")
        for button in browser.find_elements(By.CSS_SELECTOR, ".usa-combo-box button")
    ]
    assert labels == ["Borrar la selección", "Mostrar u ocultar la lista"]
    field = browser.find_element(By.ID, "hora-cita")
    assert field.get_attribute("aria-describedby") == "hora-cita-hint hora-cita-error"
    field.send_keys("10")
    # USWDS turns filtering off for times: every time stays listed.
    assert eventually(browser, lambda: status(browser) == "5 resultados disponibles.")
    assert combobox(browser).description == (
        "hh:mm con am o pm, por ejemplo 9:30am Error: Elija una hora entre las 9:00am y las 11:00am"
    )
    assert console_errors(browser) == []


def test_the_spanish_check_catches_uswds_english(browser, write_page):
    example = get_spec("time_picker").example("spanish")
    html = str(render("time_picker", **{**example.params, "script": False}))
    open_page(browser, write_page("no-script-es", example, html))
    browser.find_element(By.ID, "hora-cita").send_keys("10")
    assert eventually(browser, lambda: status(browser) == "5 results available.")


def textbox(browser):
    (node,) = component_ax_tree(browser, ROOT).find_all("textbox")
    return node


def test_without_js_a_text_input_described_by_format_hint_then_error(
    browser, base_url, gallery_dir
):
    open_without_scripts(browser, base_url, gallery_dir, "time_picker/error")
    node = textbox(browser)
    assert node.name.startswith("Appointment time")
    assert node.description == (
        "hh:mm with am or pm, like 9:30am Error: Choose a time between 9:00am and 11:00am"
    )
    assert node.states.get("invalid") not in (None, False, "false")
    field = browser.find_element(By.ID, "appointment-time-4")
    field.send_keys("10:30am")
    assert field.get_attribute("value") == "10:30am"


def test_the_check_catches_an_error_left_out_of_describedby(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "time_picker/error")
    browser.execute_script(
        "document.getElementById('appointment-time-4')"
        ".setAttribute('aria-describedby', 'appointment-time-4-hint')"
    )
    assert "Error:" not in textbox(browser).description


def test_spanish_without_js(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "time_picker/spanish")
    assert textbox(browser).description == (
        "hh:mm con am o pm, por ejemplo 9:30am Error: Elija una hora entre las 9:00am y las 11:00am"
    )


# With a time chosen, USWDS shows the combo box's clear button, an icon drawn as a background
# image, over the time input's right padding: axe cannot see through it (bgOverlap), and the
# examples with a value opt out of color-contrast in the shared axe run. Here it runs with the
# button set aside, once the button is shown to sit in the padding, clear of the text.
_SET_ASIDE_CLEAR_BUTTON = """
const problems = [];
for (const input of document.querySelectorAll(".usa-combo-box__input")) {
  const button = input.parentElement.querySelector(".usa-combo-box__clear-input__wrapper");
  const box = input.getBoundingClientRect();
  const start = box.right - parseFloat(getComputedStyle(input).paddingRight);
  const text = document.createRange();
  const measure = document.createElement("span");
  measure.style.font = getComputedStyle(input).font;
  measure.textContent = input.value;
  document.body.appendChild(measure);
  text.selectNodeContents(measure);
  const textWidth = text.getBoundingClientRect().width;
  measure.remove();
  const textEnd = box.left + parseFloat(getComputedStyle(input).paddingLeft) + textWidth;
  const left = button.querySelector(".usa-combo-box__clear-input").getBoundingClientRect().left;
  if (left < start - 0.5) problems.push("button outside the padding");
  if (textEnd > start) problems.push("text runs into the padding");
  button.style.visibility = "hidden";
}
return problems;
"""


def test_color_contrast_with_the_clear_button_set_aside(browser, base_url):
    example = get_spec("time_picker").example("restricted")
    assert set(example.axe_disable) == {"color-contrast"}
    open_page(browser, f"{base_url}/time_picker/restricted.html")
    assert browser.execute_script(_SET_ASIDE_CLEAR_BUTTON) == []
    result = run_axe(browser, context=".usa-form-group")
    assert result.failures == [], result.report()


def test_the_contrast_check_catches_pale_time_text(browser, base_url):
    open_page(browser, f"{base_url}/time_picker/restricted.html")
    browser.execute_script(
        "document.querySelector('.usa-combo-box__input').style.color = '#c9c9c9'"
    )
    assert browser.execute_script(_SET_ASIDE_CLEAR_BUTTON) == []
    assert "color-contrast" in run_axe(browser, context=".usa-form-group").rule_ids()
