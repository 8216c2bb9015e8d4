"""The input mask: a plain labelled input with its mask in `placeholder`, the format in the
required hint, the shared field wiring."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, render

PHONE = {
    "label": "Phone",
    "id": "phone",
    "type": "tel",
    "inputmode": "numeric",
    "placeholder": "___-___-____",
    "pattern": r"\d{3}-\d{3}-\d{4}",
    "hint": "For example, 123-456-7890",
}


def test_the_mask_is_the_placeholder_and_the_format_the_hint():
    root = root_element(str(render("input_mask", **PHONE)))
    field = root.find("input")
    assert field["class"] == ["usa-input", "usa-masked"]
    assert field["type"] == "tel"
    assert field["inputmode"] == "numeric"
    assert field["placeholder"] == "___-___-____"
    assert field["pattern"] == r"\d{3}-\d{3}-\d{4}"
    assert field["name"] == "phone"
    assert field["aria-describedby"] == "phone-hint"
    assert root.find(id="phone-hint").get_text() == "For example, 123-456-7890"
    assert not field.has_attr("data-charset")


def test_a_charset_for_letters():
    field = root_element(
        str(
            render(
                "input_mask",
                label="Postal code",
                id="pc",
                placeholder="___ ___",
                charset="A#A #A#",
                hint="For example, A1B 2C3",
            )
        )
    ).find("input")
    assert field["data-charset"] == "A#A #A#"
    assert field["type"] == "text"


def test_the_error_goes_through_the_shared_wiring():
    root = root_element(str(render("input_mask", **PHONE, error="Enter 10 digits", lang="es")))
    assert root["class"] == ["usa-form-group", "usa-form-group--error"]
    assert root["lang"] == "es"
    field = root.find("input")
    assert field["class"] == ["usa-input", "usa-masked", "usa-input--error"]
    assert field["aria-describedby"] == "phone-hint phone-error"
    assert field["aria-invalid"] == "true"
    assert root.find(id="phone-error").get_text() == "Error: Enter 10 digits"


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"hint": None}, "hint"),
        ({"placeholder": "---"}, "placeholder"),
        ({"placeholder": " "}, "placeholder"),
        ({"charset": "A#"}, "charset"),
        ({"type": "number"}, "type"),
        ({"control_attributes": {"maxlength": "3"}}, "control_attributes"),
    ],
)
def test_bad_params_are_refused(params, path):
    with pytest.raises(ComponentError, match=f"input_mask: param '{path}"):
        render("input_mask", **{**PHONE, **params})
