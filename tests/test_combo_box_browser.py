"""The combo box in Chromium: with USWDS's JS, typing filters, the arrow keys move, Enter
chooses and Escape closes, and combo-box.js keeps the hint and error on USWDS's input and says
USWDS's words in the page's language; without JS, a select that works as any other."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, eventually, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from uswds_components import get_spec, render
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"
LIST = ".usa-combo-box__list"


def combobox(browser):
    (node,) = component_ax_tree(browser, ROOT).find_all("combobox")
    return node


def list_open(browser) -> bool:
    return browser.find_element(By.CSS_SELECTOR, LIST).is_displayed()


def shown(browser) -> list[str]:
    return [
        li.text for li in browser.find_elements(By.CSS_SELECTOR, f"{LIST} li") if li.is_displayed()
    ]


def chosen(browser) -> str:
    return browser.execute_script("return document.querySelector('.usa-combo-box select').value")


def test_typing_filters_the_arrows_move_and_enter_chooses(browser, base_url):
    open_page(browser, f"{base_url}/combo_box/default.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    field = browser.switch_to.active_element
    assert field.get_attribute("id") == "fruit"
    assert field.get_attribute("role") == "combobox"
    press(browser, "bl")
    assert eventually(browser, lambda: list_open(browser))
    assert shown(browser) == ["Blackberry", "Blood orange", "Blueberry"]
    assert field.get_attribute("aria-expanded") == "true"
    press(browser, Keys.ARROW_DOWN)
    assert browser.switch_to.active_element.text == "Blackberry"
    press(browser, Keys.ARROW_DOWN)
    assert browser.switch_to.active_element.text == "Blood orange"
    press(browser, Keys.ENTER)
    assert eventually(browser, lambda: not list_open(browser))
    assert browser.switch_to.active_element.get_attribute("id") == "fruit"
    assert field.get_attribute("value") == "Blood orange"
    assert chosen(browser) == "blood orange"


def test_escape_closes_the_list_without_choosing(browser, base_url):
    open_page(browser, f"{base_url}/combo_box/selected.html")
    field = browser.find_element(By.ID, "fruit-2")
    assert field.get_attribute("value") == "Banana"
    assert chosen(browser) == "banana"
    field.send_keys(Keys.ARROW_DOWN)
    assert eventually(browser, lambda: list_open(browser))
    press(browser, Keys.ARROW_DOWN)
    assert browser.switch_to.active_element.text == "Cherry"
    press(browser, Keys.ESCAPE)
    assert eventually(browser, lambda: not list_open(browser))
    assert browser.switch_to.active_element.get_attribute("id") == "fruit-2"
    assert chosen(browser) == "banana"


def test_with_js_the_input_is_named_required_and_has_the_id(browser, base_url):
    open_page(browser, f"{base_url}/combo_box/error.html")
    node = combobox(browser)
    assert node.name.startswith("Select a fruit")
    assert node.states.get("required") is True
    assert browser.find_element(By.ID, "fruit-3").tag_name == "input"
    assert browser.find_element(By.ID, "fruit-3-error").is_displayed()
    assert console_errors(browser) == []


def test_with_js_the_focused_input_is_described_by_hint_then_error(browser, base_url):
    # uswds #6315: USWDS 3.14.0's JS does not copy aria-describedby or aria-invalid to the
    # input it adds; combo-box.js does.
    open_page(browser, f"{base_url}/combo_box/error.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    field = browser.switch_to.active_element
    assert (field.tag_name, field.get_attribute("id")) == ("input", "fruit-3")
    assert field.get_attribute("aria-describedby") == "fruit-3-hint fruit-3-error"
    assert field.get_attribute("aria-invalid") == "true"
    node = combobox(browser)
    assert node.description == "Choose the fruit you buy most. Error: Select a fruit from the list"
    assert node.states.get("invalid") not in (None, False, "false")
    # The hidden select keeps its own, for the page without JS.
    select = browser.find_element(By.CSS_SELECTOR, ".usa-combo-box select")
    assert select.get_attribute("aria-describedby") == "fruit-3-hint fruit-3-error"


def open_rendered(browser, write_page, name: str, html: str) -> None:
    open_page(browser, write_page(name, get_spec("combo_box").example("error"), html))


def test_without_our_script_uswds_js_drops_the_hint_and_error(browser, write_page):
    example = get_spec("combo_box").example("error")
    html = str(render("combo_box", **{**example.params, "script": False}))
    open_rendered(browser, write_page, "no-script", html)
    field = browser.find_element(By.ID, "fruit-3")
    assert field.tag_name == "input"
    assert field.get_attribute("aria-describedby") is None
    assert field.get_attribute("aria-invalid") is None
    assert combobox(browser).description in (None, "")


def test_the_script_twice_on_a_page_wires_each_combo_box(browser, write_page):
    # Two combo boxes, two script tags: the script binds once and wires both.
    params = get_spec("combo_box").example("error").params
    html = str(render("combo_box", **params)) + str(
        render("combo_box", **{**params, "id": "vegetable", "label": "Select a vegetable"})
    )
    assert html.count("/combo-box.js") == 2
    open_rendered(browser, write_page, "twice", html)
    for name in ("fruit-3", "vegetable"):
        field = browser.find_element(By.ID, name)
        assert field.get_attribute("aria-describedby") == f"{name}-hint {name}-error"
        assert field.get_attribute("aria-invalid") == "true"
    assert console_errors(browser) == []


def status(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, ".usa-combo-box__status").get_attribute(
        "textContent"
    )


def button_labels(browser) -> list[str]:
    buttons = browser.find_elements(By.CSS_SELECTOR, ".usa-combo-box button")
    return [button.get_attribute("aria-label") for button in buttons]


def test_uswds_words_in_english(browser, base_url):
    open_page(browser, f"{base_url}/combo_box/default.html")
    assert button_labels(browser) == ["Clear the select contents", "Toggle the dropdown list"]
    field = browser.find_element(By.ID, "fruit")
    field.send_keys("bl")
    assert eventually(browser, lambda: status(browser) == "3 results available.")
    field.send_keys("ackb")
    assert eventually(browser, lambda: status(browser) == "1 result available.")
    field.send_keys("z")
    assert eventually(browser, lambda: status(browser) == "No results.")
    assert shown(browser) == ["No results found"]


def test_uswds_words_in_spanish(browser, base_url):
    open_page(browser, f"{base_url}/combo_box/spanish.html")
    assert button_labels(browser) == ["Borrar la selección", "Mostrar u ocultar la lista"]
    field = browser.find_element(By.ID, "pais")
    assert field.get_attribute("aria-describedby") == "pais-error"
    field.send_keys("a")
    assert eventually(browser, lambda: status(browser) == "2 resultados disponibles.")
    assert shown(browser) == ["Canadá", "Estados Unidos"]
    field.send_keys(Keys.BACKSPACE, "x")
    assert eventually(browser, lambda: status(browser) == "1 resultado disponible.")
    field.send_keys("z")
    assert eventually(browser, lambda: status(browser) == "No hay resultados.")
    assert shown(browser) == ["No se encontraron resultados"]
    assert console_errors(browser) == []


def test_the_spanish_check_catches_uswds_english(browser, write_page):
    # Without the script, USWDS's English stays: the checks above would fail.
    params = get_spec("combo_box").example("spanish").params
    html = str(render("combo_box", **{**params, "script": False}))
    open_page(browser, write_page("no-script-es", get_spec("combo_box").example("spanish"), html))
    assert button_labels(browser) == ["Clear the select contents", "Toggle the dropdown list"]
    browser.find_element(By.ID, "pais").send_keys("zz")
    assert eventually(browser, lambda: status(browser) == "No results.")


def test_without_js_the_select_is_named_and_described_by_hint_then_error(
    browser, base_url, gallery_dir
):
    open_without_scripts(browser, base_url, gallery_dir, "combo_box/error")
    node = combobox(browser)
    assert node.name.startswith("Select a fruit")
    assert node.description == "Choose the fruit you buy most. Error: Select a fruit from the list"
    assert node.states.get("invalid") not in (None, False, "false")
    select = Select(browser.find_element(By.ID, "fruit-3"))
    select.select_by_visible_text("Cherry")
    assert select.first_selected_option.get_attribute("value") == "cherry"


def test_the_check_catches_an_error_left_out_of_describedby(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "combo_box/error")
    browser.execute_script(
        "document.getElementById('fruit-3').setAttribute('aria-describedby', 'fruit-3-hint')"
    )
    assert "Error:" not in combobox(browser).description


def test_the_keyboard_check_catches_a_combo_box_its_label_does_not_name(browser, open_broken):
    # USWDS's JS refuses a combo box without a label for its select: it logs the error, and
    # nothing is enhanced.
    example = get_spec("combo_box").example("default")
    open_broken(example, 'for="fruit"', 'for="elsewhere"', "unlabelled")
    assert any("missing a label" in message for message in console_errors(browser))
    assert not browser.find_elements(By.CSS_SELECTOR, ".usa-combo-box__input")


def test_spanish(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "combo_box/spanish")
    assert (
        Select(browser.find_element(By.ID, "pais")).first_selected_option.text == "- Seleccionar -"
    )
    assert combobox(browser).description == "Error: Seleccione un país de la lista"
