"""The combo box: USWDS's select markup, the chosen option written for its JS, the wiring, and
the form group's wiring and words for combo-box.js."""

from __future__ import annotations

import pytest
from conftest import parse

from uswds_components import ComponentError, render

OPTIONS = [{"value": "apple", "text": "Apple"}, {"value": "banana", "text": "Banana"}]
BASE = {"label": "Fruit", "id": "fruit", "options": OPTIONS}


def soup(**params):
    return parse(str(render("combo_box", **{**BASE, **params})))


def test_a_select_inside_the_combo_box_with_a_blank_first_option():
    page = soup()
    select = page.find(class_="usa-combo-box").find("select")
    assert (select["id"], select["name"], select["class"]) == ("fruit", "fruit", ["usa-select"])
    assert page.find("label")["for"] == "fruit"
    assert [(o["value"], o.get_text()) for o in select.find_all("option")] == [
        ("", "- Select -"),
        ("apple", "Apple"),
        ("banana", "Banana"),
    ]
    assert not page.find(class_="usa-combo-box").has_attr("data-default-value")


def test_the_blank_option_in_spanish_and_in_the_callers_words():
    page = soup(lang="es", required=True)
    assert page.find("div")["lang"] == "es"
    assert page.find("option").get_text() == "- Seleccionar -"
    assert page.find("abbr")["title"] == "obligatorio"
    assert soup(blank_text="Select a fruit").find("option").get_text() == "Select a fruit"


def test_the_chosen_option_is_written_for_the_js_and_for_the_select():
    page = soup(options=[OPTIONS[0], {**OPTIONS[1], "selected": True}], placeholder="Type")
    box = page.find(class_="usa-combo-box")
    assert box["data-default-value"] == "banana"
    assert box["data-placeholder"] == "Type"
    assert page.find("option", selected=True)["value"] == "banana"
    assert (
        soup(disable_filtering=True).find(class_="usa-combo-box")["data-disable-filtering"]
        == "true"
    )


def test_hint_then_error_on_the_select():
    page = soup(hint="H", error="E", required=True)
    select = page.find("select")
    assert select["aria-describedby"] == "fruit-hint fruit-error"
    assert select["aria-invalid"] == "true"
    assert select.has_attr("required")
    assert select["class"] == ["usa-select", "usa-input--error"]
    assert page.find("div")["class"] == ["usa-form-group", "usa-form-group--error"]
    assert page.find(id="fruit-error").get_text() == "Error: E"


def test_the_form_group_carries_the_wiring_for_the_script():
    root = soup(hint="H", error="E").find("div")
    assert root.has_attr("data-uswds-components-combo-box")
    assert root["data-describedby"] == "fruit-hint fruit-error"
    assert root["data-invalid"] == "true"
    plain = soup().find("div")
    assert not plain.has_attr("data-describedby")
    assert not plain.has_attr("data-invalid")


def test_uswds_words_for_the_script_in_english_and_spanish():
    english = soup().find("div")
    assert english["data-clear-input"] == "Clear the select contents"
    assert english["data-toggle-list"] == "Toggle the dropdown list"
    assert english["data-no-results-found"] == "No results found"
    assert english["data-results-one"] == "{count} result available."
    assert english["data-results-many"] == "{count} results available."
    assert english["data-no-results"] == "No results."
    spanish = soup(lang="es").find("div")
    assert spanish["data-clear-input"] == "Borrar la selección"
    assert spanish["data-toggle-list"] == "Mostrar u ocultar la lista"
    assert spanish["data-no-results-found"] == "No se encontraron resultados"
    assert spanish["data-results-one"] == "{count} resultado disponible."
    assert spanish["data-results-many"] == "{count} resultados disponibles."
    assert spanish["data-no-results"] == "No hay resultados."


def test_the_script_tag_and_its_nonce():
    script = soup(nonce="abc=").find("div").find("script", recursive=False)
    assert script["src"].endswith("/combo-box.js")
    assert script.has_attr("defer")
    assert script["nonce"] == "abc="
    assert soup(script=False).find("script") is None


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"options": [{**OPTIONS[0], "selected": True}, {**OPTIONS[1], "selected": True}]},
            "options\\[1\\].selected'",
        ),
        (
            {"options": [OPTIONS[0], {"value": "apple", "text": "Green apple"}]},
            "options\\[1\\].value': 'apple' is already",
        ),
        ({"options": [{"value": "a", "text": " "}]}, "options\\[0\\].text': is empty"),
        ({"options": [{"value": "", "text": "None"}]}, "options\\[0\\].value': is empty"),
        ({"options": []}, "needs at least 1"),
        ({"placeholder": " "}, "placeholder': is empty"),
        ({"control_attributes": {"required": True}}, "set by the component itself"),
        ({"script": False, "nonce": "abc="}, "nonce': is for the script tag"),
        ({"attributes": {"data-describedby": "x"}}, "data-describedby.*is set by the component"),
        ({"attributes": {"data-toggle-list": "x"}}, "data-toggle-list.*is set by the component"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("combo_box", **{**BASE, **params})
