"""The memorable date: three labelled parts under one legend, one error for the group."""

from __future__ import annotations

import pytest
from conftest import parse

from uswds_components import ComponentError, render

BASE = {"legend": "Date of birth", "id": "dob"}


def soup(**params):
    return parse(str(render("memorable_date", **{**BASE, **params})))


def test_the_month_has_the_id_an_error_summary_links_to():
    page = soup(autocomplete="bday")
    controls = page.select("select, input")
    assert [c["id"] for c in controls] == ["dob", "dob-day", "dob-year"]
    assert [c["name"] for c in controls] == ["dob-month", "dob-day", "dob-year"]
    assert [c["autocomplete"] for c in controls] == ["bday-month", "bday-day", "bday-year"]
    assert [c["aria-describedby"] for c in controls] == [
        "dob-month-hint",
        "dob-day-hint",
        "dob-year-hint",
    ]
    assert [label["for"] for label in page.find_all("label")] == ["dob", "dob-day", "dob-year"]
    assert controls[0].name == "select"
    assert [(i["inputmode"], i["pattern"]) for i in controls[1:]] == [("numeric", "[0-9]*")] * 2


def test_the_group_carries_hint_then_error_and_the_wrong_part_is_marked():
    page = soup(hint="For example: January 19 2000", error="Must be real", error_parts=["day"])
    assert page.find("div")["class"] == ["usa-form-group", "usa-form-group--error"]
    assert page.find("fieldset")["aria-describedby"] == "dob-hint dob-error"
    assert page.find(id="dob-hint").get_text() == "For example: January 19 2000"
    assert page.find(id="dob-error").get_text() == "Error: Must be real"
    invalid = [c["id"] for c in page.select("[aria-invalid=true]")]
    assert invalid == ["dob-day"]
    assert page.find(id="dob-day")["class"] == ["usa-input", "usa-input--error"]


def test_an_error_marks_every_part_by_default():
    page = soup(error="Enter your date of birth")
    assert [c["id"] for c in page.select("[aria-invalid=true]")] == ["dob", "dob-day", "dob-year"]


def test_the_answer_is_kept():
    page = soup(value={"month": "2", "day": "31", "year": "1990"})
    assert page.find("option", selected=True)["value"] == "2"
    assert page.find(id="dob-day")["value"] == "31"
    assert page.find(id="dob-year")["value"] == "1990"
    digits = soup(month_select=False, value={"month": "02"})
    assert digits.find(id="dob")["value"] == "02"
    assert not soup().find("input", attrs={"value": True})


def test_required_and_disabled():
    page = soup(required=True, disabled=True)
    controls = page.select("select, input")
    assert all(c.has_attr("required") and c.has_attr("disabled") for c in controls)
    legend = page.find("legend")
    assert legend.find("abbr")["aria-hidden"] == "true"
    assert legend.find(class_="usa-sr-only").get_text() == " (required)"


def test_english_words():
    page = soup()
    assert [label.get_text() for label in page.find_all("label")] == ["Month", "Day", "Year"]
    assert [h.get_text() for h in page.select(".usa-sr-only.usa-hint")] == [
        "Select a month from the dropdown.",
        "Enter 1 or 2 digits for the day.",
        "Enter 4 digits for the year.",
    ]
    assert [o.get_text() for o in page.find_all("option")] == [
        "- Select -",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
    assert soup(month_select=False).find(id="dob-month-hint").get_text() == (
        "Enter 1 or 2 digits for the month."
    )


def test_spanish_words():
    page = soup(lang="es", required=True, error="Escriba la fecha")
    assert page.find("div")["lang"] == "es"
    assert [label.get_text() for label in page.find_all("label")] == ["Mes", "Día", "Año"]
    assert [h.get_text() for h in page.select(".usa-sr-only.usa-hint")] == [
        "Seleccione un mes de la lista desplegable.",
        "Escriba 1 o 2 dígitos para el día.",
        "Escriba 4 dígitos para el año.",
    ]
    assert [o.get_text() for o in page.find_all("option")] == [
        "- Seleccionar -",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ]
    assert page.find("legend").find(class_="usa-sr-only").get_text() == " (obligatorio)"
    assert page.find(id="dob-error").get_text() == "Error: Escriba la fecha"
    assert soup(lang="es", month_select=False).find(id="dob-month-hint").get_text() == (
        "Escriba 1 o 2 dígitos para el mes."
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"error_parts": ["day"]}, "error_parts': needs an error"),
        ({"error": "E", "error_parts": ["week"]}, "error_parts\\[0\\]': must be one of"),
        ({"error": "E", "error_parts": []}, "error_parts': is empty"),
        ({"value": {"month": "Feb"}}, "value.month': must be '1' to '12'"),
        ({"legend": " "}, "legend': is empty"),
        ({"error": " "}, "error': is empty"),
        ({"autocomplete": "name"}, "autocomplete': must be one of 'bday'"),
        ({"id": None}, "id'"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("memorable_date", **{**BASE, **params})
