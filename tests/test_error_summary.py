"""The error summary: heading in both languages, links to fields, focus hooks, its script."""

from __future__ import annotations

import pytest
from conftest import parse

from uswds_components import ComponentError, render

ERRORS = [
    {"text": "Enter your name", "target": "name"},
    {"text": "Select a contact method", "target": "contact"},
    {"text": "Your session was renewed."},
]


def summary(**params):
    return parse(str(render("error_summary", **{"errors": ERRORS, **params})))


def test_the_heading_and_links_to_fields():
    soup = summary()
    root = soup.find("div")
    assert root["class"] == ["usa-alert", "usa-alert--error", "uswds-components-error-summary"]
    assert root["tabindex"] == "-1"
    assert root.has_attr("data-uswds-components-error-summary")
    assert not root.has_attr("role")
    assert soup.find("h2").get_text() == "There is a problem"
    assert [(a["href"], a.get_text()) for a in soup.find_all("a")] == [
        ("#name", "Enter your name"),
        ("#contact", "Select a contact method"),
    ]
    assert soup.find_all("li")[2].get_text() == "Your session was renewed."


def test_spanish_heading():
    soup = summary(lang="es")
    assert soup.find("h2").get_text() == "Hay un problema"
    assert soup.find("div")["lang"] == "es"


def test_heading_and_level():
    assert summary(heading="Check", heading_level=3).find("h3").get_text() == "Check"


def test_the_script_its_nonce_and_leaving_it_to_the_layout():
    script = summary(nonce="abc123").find("script")
    assert script["src"] == "/assets/uswds-components/error-summary.js"
    assert script.has_attr("defer")
    assert script["nonce"] == "abc123"
    assert summary(script=False).find("script") is None


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"errors": []}, "needs at least 1"),
        ({"errors": [{"text": " ", "target": "a"}]}, "errors\\[0\\].text': is empty"),
        ({"errors": [ERRORS[0], ERRORS[0]]}, "errors\\[1\\].target'"),
        ({"errors": [{"text": "x", "target": "has space"}]}, "expected an id"),
        ({"nonce": "abc", "script": False}, "param 'nonce'"),
        ({"heading_level": 1}, "at least 2"),
        ({"attributes": {"tabindex": "0"}}, "set by the component itself"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("error_summary", **{"errors": ERRORS, **params})
