"""The fieldset: legend, large legend, the group's hint and error, content as Markup only."""

from __future__ import annotations

import pytest
from conftest import parse
from markupsafe import Markup

from uswds_components import ComponentError, render

INSIDE = Markup('<label class="usa-label">City <input class="usa-input" name="city"></label>')


def test_legend_and_content():
    soup = parse(str(render("fieldset", legend="Mailing address", html=INSIDE)))
    fieldset = soup.find("fieldset")
    assert fieldset["class"] == ["usa-fieldset"]
    assert soup.find("legend").get_text() == "Mailing address"
    assert fieldset.find("input")["name"] == "city"
    assert not fieldset.has_attr("aria-describedby")


def test_hint_and_error_on_the_fieldset():
    html = render("fieldset", legend="D", id="dob", hint="H", error="E", html=INSIDE)
    soup = parse(str(html))
    assert soup.find("div")["class"] == ["usa-form-group", "usa-form-group--error"]
    assert soup.find("fieldset")["aria-describedby"] == "dob-hint dob-error"
    assert not soup.find("fieldset").has_attr("aria-invalid")


def test_large_legend_required_and_spanish():
    soup = parse(
        str(
            render("fieldset", legend="D", legend_large=True, required=True, lang="es", html=INSIDE)
        )
    )
    assert soup.find("legend")["class"] == ["usa-legend", "usa-legend--large"]
    assert soup.find("abbr")["title"] == "obligatorio"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"error": "E"}, "param 'id': is required with a error"),
        ({"hint": "H"}, "param 'id': is required with a hint"),
        ({"html": "<p>plain str</p>"}, "expected markupsafe.Markup"),
        ({"legend": " "}, "param 'legend': is empty"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("fieldset", **{"legend": "L", "html": INSIDE, **params})
