"""The text input: label, types, widths, hint and error (the shared wiring), params refused."""

from __future__ import annotations

import pytest
from conftest import parse, root_element

from uswds_components import ComponentError, render


def field(**params):
    return parse(str(render("text_input", **{"label": "Full name", "id": "name", **params})))


def test_the_label_names_the_input_by_its_id():
    soup = field()
    label, control = soup.find("label"), soup.find("input")
    assert label["for"] == control["id"] == "name"
    assert label.get_text() == "Full name"
    assert control["name"] == "name"
    assert control["type"] == "text"
    assert control["class"] == ["usa-input"]
    assert not control.has_attr("aria-describedby")
    assert not control.has_attr("aria-invalid")


def test_the_root_is_a_form_group():
    assert root_element(str(render("text_input", label="L", id="l")))["class"] == ["usa-form-group"]


def test_hint_and_error_in_order_with_uswds_error_classes():
    soup = field(hint="As on your ID", error="Enter your full name", value="J")
    group, label, control = soup.find("div"), soup.find("label"), soup.find("input")
    assert group["class"] == ["usa-form-group", "usa-form-group--error"]
    assert label["class"] == ["usa-label", "usa-label--error"]
    assert control["class"] == ["usa-input", "usa-input--error"]
    assert control["aria-describedby"] == "name-hint name-error"
    assert control["aria-invalid"] == "true"
    assert control["value"] == "J"
    assert soup.find(id="name-hint").get_text() == "As on your ID"
    assert soup.find(id="name-error").get_text() == "Error: Enter your full name"
    # Label, hint, error, input: the order USWDS shows them in.
    order = [tag.get("id") or tag.name for tag in soup.find("div").find_all(recursive=False)]
    assert order == ["label", "name-hint", "name-error", "name"]


def test_required_marks_the_label_and_the_input_in_both_languages():
    soup = field(required=True)
    assert soup.find("input").has_attr("required")
    assert str(soup.find("abbr")) == (
        '<abbr aria-hidden="true" class="usa-hint usa-hint--required" title="required">*</abbr>'
    )
    spanish = field(required=True, lang="es")
    assert spanish.find("abbr")["title"] == "obligatorio"
    assert spanish.find("div")["lang"] == "es"


@pytest.mark.parametrize("width", ["2xs", "xs", "sm", "md", "lg", "xl", "2xl"])
def test_widths(width):
    assert field(width=width).find("input")["class"] == ["usa-input", f"usa-input--{width}"]


@pytest.mark.parametrize("kind", ["text", "email", "password", "search", "tel", "url"])
def test_uswds_types(kind):
    assert field(type=kind).find("input")["type"] == kind


def test_number_is_refused_with_the_way_out():
    with pytest.raises(ComponentError, match="inputmode='numeric'"):
        render("text_input", label="ZIP", id="zip", type="number")
    with pytest.raises(ComponentError, match="text_input: param 'type': must be one of"):
        render("text_input", label="Date", id="d", type="date")


def test_inputmode_autocomplete_name_disabled_and_control_attributes():
    control = field(
        inputmode="numeric",
        autocomplete="postal-code",
        name="zip",
        disabled=True,
        control_attributes={"pattern": "[0-9]{5}"},
    ).find("input")
    assert control["inputmode"] == "numeric"
    assert control["autocomplete"] == "postal-code"
    assert control["name"] == "zip"
    assert control.has_attr("disabled")
    assert control["pattern"] == "[0-9]{5}"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"label": " "}, "param 'label': is empty"),
        ({"control_attributes": {"aria-invalid": "false"}}, "set by the component itself"),
        ({"control_attributes": {"onfocus": "x()"}}, "event-handler attributes are refused"),
        ({"width": "huge"}, "param 'width': must be one of"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("text_input", **{"label": "L", "id": "l", **params})


def test_text_is_escaped():
    html = str(render("text_input", label="<b>", id="l", value='"><script>', error="<i>"))
    assert "<b>" not in html and "<script>" not in html and "<i>" not in html
    assert 'value="&#34;&gt;&lt;script&gt;"' in html
