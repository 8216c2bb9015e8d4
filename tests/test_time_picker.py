"""The time picker: a text input with its format hint, the times USWDS's JS lists, the wiring,
and the form group's wiring and words for combo-box.js (USWDS's JS removes the input)."""

from __future__ import annotations

import pytest
from conftest import parse

from uswds_components import ComponentError, render

BASE = {"label": "Appointment time", "id": "appt"}


def soup(**params):
    return parse(str(render("time_picker", **{**BASE, **params})))


def test_a_text_input_inside_the_time_picker_with_the_format_hint():
    page = soup()
    control = page.find(class_="usa-time-picker").find("input")
    assert (control["id"], control["name"], control["type"]) == ("appt", "appt", "text")
    assert page.find("label")["for"] == "appt"
    assert not page.find("label").has_attr("id")
    assert page.find(id="appt-hint").get_text() == "hh:mm with am or pm, like 9:30am"
    assert control["aria-describedby"] == "appt-hint"


def test_the_spanish_format_hint():
    page = soup(lang="es")
    assert page.find("div")["lang"] == "es"
    assert page.find(id="appt-hint").get_text() == "hh:mm con am o pm, por ejemplo 9:30am"


def test_the_list_and_the_value_in_its_words():
    page = soup(min_time="09:00", max_time="17:00", step=15, value="13:30")
    picker = page.find(class_="usa-time-picker")
    assert (picker["data-min-time"], picker["data-max-time"], picker["data-step"]) == (
        "09:00",
        "17:00",
        "15",
    )
    assert page.find("input")["value"] == "1:30pm"
    assert soup(value="00:00").find("input")["value"] == "12:00am"
    assert soup(value="12:30").find("input")["value"] == "12:30pm"


def test_the_error_follows_the_hint_and_marks_the_input():
    page = soup(error="Choose a time", required=True)
    control = page.find("input")
    assert control["aria-describedby"] == "appt-hint appt-error"
    assert control["aria-invalid"] == "true"
    assert control.has_attr("required")
    assert page.find(id="appt-error").get_text() == "Error: Choose a time"


def test_the_form_group_carries_the_wiring_and_the_combo_box_words():
    root = soup(error="Choose a time").find("div")
    assert root.has_attr("data-uswds-components-combo-box")
    assert root["data-describedby"] == "appt-hint appt-error"
    assert root["data-invalid"] == "true"
    assert root["data-toggle-list"] == "Toggle the dropdown list"
    assert root["data-results-many"] == "{count} results available."
    assert not soup().find("div").has_attr("data-invalid")
    spanish = soup(lang="es").find("div")
    assert spanish["data-describedby"] == "appt-hint"
    assert spanish["data-clear-input"] == "Borrar la selección"
    assert spanish["data-toggle-list"] == "Mostrar u ocultar la lista"
    assert spanish["data-no-results-found"] == "No se encontraron resultados"
    assert spanish["data-results-one"] == "{count} resultado disponible."
    assert spanish["data-results-many"] == "{count} resultados disponibles."
    assert spanish["data-no-results"] == "No hay resultados."


def test_the_script_tag_and_its_nonce():
    script = soup(nonce="abc=").find("div").find("script", recursive=False)
    assert script["src"].endswith("/combo-box.js")
    assert script["nonce"] == "abc="
    assert soup(script=False).find("script") is None


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"value": "9:30am"}, "value': expected a 24-hour time HH:MM"),
        ({"min_time": "24:00"}, "min_time': expected a 24-hour time"),
        ({"min_time": "12:00", "max_time": "09:00"}, "min_time': is after max_time"),
        ({"value": "08:00", "min_time": "09:00"}, "value': is outside min_time to max_time"),
        ({"value": "09:10"}, "value': is not in the list: times go 30 minutes apart from 12:00am"),
        ({"step": 0}, "step': must be at least 1"),
        ({"hint": " "}, "hint': is empty"),
        ({"script": False, "nonce": "abc="}, "time_picker: param 'nonce': is for the script tag"),
        ({"attributes": {"data-invalid": "true"}}, "data-invalid.*is set by the component"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("time_picker", **{**BASE, **params})
