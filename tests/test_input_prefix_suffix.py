"""The input prefix or suffix: a text input in USWDS's input group, its prefix and suffix hidden
decoration, the shared field wiring."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, render


def test_a_suffix_after_the_input_hidden_from_screen_readers():
    root = root_element(
        str(render("input_prefix_suffix", label="Weight, in pounds", id="w", suffix="lbs."))
    )
    assert root["class"] == ["usa-form-group"]
    group = root.find(class_="usa-input-group")
    assert group["class"] == ["usa-input-group"]
    field, suffix = group.find_all(recursive=False)
    assert field.name == "input"
    assert field["type"] == "text"
    assert field["class"] == ["usa-input"]
    assert field["name"] == "w"
    assert suffix["class"] == ["usa-input-suffix"]
    assert suffix["aria-hidden"] == "true"
    assert suffix.get_text() == "lbs."
    assert root.find("label")["for"] == "w"


def test_a_prefix_icon_before_the_input():
    root = root_element(
        str(render("input_prefix_suffix", label="Card", id="c", prefix_icon="credit_card"))
    )
    prefix, field = root.find(class_="usa-input-group").find_all(recursive=False)
    assert prefix["class"] == ["usa-input-prefix"]
    assert prefix["aria-hidden"] == "true"
    assert prefix.find("svg")["aria-hidden"] == "true"
    assert prefix.find("use")["href"].endswith("/sprite.svg#credit_card")
    assert field.name == "input"


def test_both_sides_and_a_width():
    root = root_element(
        str(render("input_prefix_suffix", label="L", id="l", prefix="$", suffix="/lb", width="sm"))
    )
    group = root.find(class_="usa-input-group")
    assert group["class"] == ["usa-input-group", "usa-input-group--sm"]
    assert [child["class"][0] for child in group.find_all(recursive=False)] == [
        "usa-input-prefix",
        "usa-input",
        "usa-input-suffix",
    ]


def test_the_error_goes_through_the_shared_wiring():
    root = root_element(
        str(render("input_prefix_suffix", label="L", id="l", prefix="$", hint="H", error="E"))
    )
    assert root["class"] == ["usa-form-group", "usa-form-group--error"]
    assert root.find(class_="usa-input-group")["class"] == [
        "usa-input-group",
        "usa-input-group--error",
    ]
    field = root.find("input")
    assert field["aria-describedby"] == "l-hint l-error"
    assert field["aria-invalid"] == "true"
    assert root.find(id="l-error").get_text() == "Error: E"


def test_spanish():
    root = root_element(
        str(render("input_prefix_suffix", label="L", id="l", prefix="$", lang="es", required=True))
    )
    assert root["lang"] == "es"
    assert root.find("abbr")["title"] == "obligatorio"


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({}, "prefix"),
        ({"prefix": "$", "prefix_icon": "credit_card"}, "prefix_icon"),
        ({"suffix": "x", "suffix_icon": "check"}, "suffix_icon"),
        ({"prefix_icon": "no_such_icon"}, "prefix_icon"),
        ({"suffix": " "}, "suffix"),
        ({"prefix": "$", "width": "huge"}, "width"),
    ],
)
def test_bad_params_are_refused(params, path):
    with pytest.raises(ComponentError, match=f"input_prefix_suffix: param '{path}'"):
        render("input_prefix_suffix", **{"label": "L", "id": "l", **params})


def test_text_is_escaped():
    html = str(render("input_prefix_suffix", label="L", id="l", suffix="<b>lbs</b>"))
    assert "<b>" not in html
    assert "&lt;b&gt;lbs&lt;/b&gt;" in html
