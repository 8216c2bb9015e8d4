"""The date picker: a text input with its format hint, the dates USWDS's JS reads, the wiring."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import parse

from uswds_components import ComponentError, render

BASE = {"label": "Appointment date", "id": "appt"}


def soup(**params):
    return parse(str(render("date_picker", **{**BASE, **params})))


def test_a_text_input_inside_the_date_picker_with_the_format_hint():
    page = soup()
    picker = page.find(class_="usa-date-picker")
    control = picker.find("input")
    assert (control["id"], control["name"], control["type"]) == ("appt", "appt", "text")
    assert page.find("label")["for"] == "appt"
    assert page.find(id="appt-hint").get_text() == "mm/dd/yyyy"
    assert control["aria-describedby"] == "appt-hint"
    assert not control.has_attr("value")
    assert not control.has_attr("aria-labelledby")


def test_the_spanish_format_hint():
    page = soup(lang="es", required=True)
    assert page.find("div")["lang"] == "es"
    assert page.find(id="appt-hint").get_text() == "mm/dd/aaaa"
    assert page.find("abbr")["title"] == "obligatorio"


def test_a_hint_of_the_callers_own_replaces_the_format():
    assert soup(hint="Any weekday").find(id="appt-hint").get_text() == "Any weekday"


def test_the_error_follows_the_hint_and_marks_the_input():
    page = soup(error="Enter a date")
    control = page.find("input")
    assert control["aria-describedby"] == "appt-hint appt-error"
    assert control["aria-invalid"] == "true"
    assert control["class"] == ["usa-input", "usa-input--error"]
    assert page.find(id="appt-error").get_text() == "Error: Enter a date"


def test_dates_are_written_for_the_js_and_for_a_visitor_without_it():
    page = soup(
        value=dt.date(2025, 1, 20),
        min_date="2025-01-01",
        max_date="2025-01-31",
        range_date="2025-01-05",
    )
    picker = page.find(class_="usa-date-picker")
    assert picker["data-default-value"] == "2025-01-20"
    assert (picker["data-min-date"], picker["data-max-date"]) == ("2025-01-01", "2025-01-31")
    assert picker["data-range-date"] == "2025-01-05"
    assert page.find("input")["value"] == "01/20/2025"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"min_date": "2025-02-01", "max_date": "2025-01-01"}, "min_date': is after max_date"),
        (
            {"value": "2024-12-31", "min_date": "2025-01-01"},
            "value': 2024-12-31 is before min_date",
        ),
        (
            {"range_date": "2025-03-01", "max_date": "2025-01-31"},
            "range_date': 2025-03-01 is after",
        ),
        ({"value": "01/20/2025"}, "value': expected an ISO date"),
        ({"hint": " "}, "hint': is empty"),
        ({"control_attributes": {"aria-describedby": "x"}}, "set by the component itself"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("date_picker", **{**BASE, **params})
