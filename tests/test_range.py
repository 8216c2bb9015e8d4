"""The range slider: a labelled native slider, a value it can hold, the preposition USWDS's JS
says in English and Spanish, the shared field wiring."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, render


def test_a_labelled_slider_with_its_bounds():
    root = root_element(
        str(render("range", label="L", id="r", min=1, max=10, step=1, value=3, unit="people"))
    )
    assert root["class"] == ["usa-form-group"]
    field = root.find("input")
    assert field["class"] == ["usa-range"]
    assert field["type"] == "range"
    assert (field["min"], field["max"], field["step"], field["value"]) == ("1", "10", "1", "3")
    assert field["data-text-unit"] == "people"
    assert field["name"] == "r"
    assert root.find("label")["for"] == "r"
    assert not field.has_attr("aria-valuetext")
    assert not field.has_attr("required")


def test_defaults_are_zero_to_a_hundred_and_no_value():
    field = root_element(str(render("range", label="L", id="r"))).find("input")
    assert (field["min"], field["max"], field["step"]) == ("0", "100", "1")
    assert not field.has_attr("value")
    assert not field.has_attr("data-text-unit")


def test_the_preposition_in_both_languages():
    english = root_element(str(render("range", label="L", id="r"))).find("input")
    assert english["data-text-preposition"] == "of"
    root = root_element(str(render("range", label="L", id="r", lang="es")))
    assert root["lang"] == "es"
    assert root.find("input")["data-text-preposition"] == "de"


def test_the_error_goes_through_the_shared_wiring():
    root = root_element(str(render("range", label="L", id="r", hint="H", error="E")))
    assert root["class"] == ["usa-form-group", "usa-form-group--error"]
    field = root.find("input")
    assert field["aria-describedby"] == "r-hint r-error"
    assert field["aria-invalid"] == "true"
    assert root.find(id="r-error").get_text() == "Error: E"


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"min": 5, "max": 5}, "max"),
        ({"min": 0, "max": 10, "step": 20}, "step"),
        ({"step": 0}, "step"),
        ({"value": 101}, "value"),
        ({"value": -1}, "value"),
        ({"step": 5, "value": 7}, "value"),
        ({"unit": " "}, "unit"),
        ({"required": True}, "required"),
    ],
)
def test_bad_params_are_refused(params, path):
    with pytest.raises(ComponentError, match=f"range: param '{path}'"):
        render("range", **{"label": "L", "id": "r", **params})
