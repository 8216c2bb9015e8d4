"""The select: options, the blank first option in both languages, hint and error."""

from __future__ import annotations

import pytest
from conftest import parse

from uswds_components import ComponentError, render

OPTIONS = [{"value": "a", "text": "Alpha"}, {"value": "b", "text": "Beta", "selected": True}]


def options(**params):
    soup = parse(str(render("select", **{"label": "L", "id": "s", "options": OPTIONS, **params})))
    return [
        (o["value"], o.get_text(), o.has_attr("selected"), o.has_attr("disabled"))
        for o in soup.find_all("option")
    ]


def test_the_blank_option_comes_first_in_both_languages():
    assert options() == [
        ("", "- Select -", False, False),
        ("a", "Alpha", False, False),
        ("b", "Beta", True, False),
    ]
    assert options(lang="es")[0] == ("", "- Seleccionar -", False, False)
    assert options(blank_text="- Choose -")[0] == ("", "- Choose -", False, False)
    assert options(blank=False)[0] == ("a", "Alpha", False, False)


def test_a_disabled_option():
    listed = options(options=[{"value": "x", "text": "X", "disabled": True}])
    assert listed[1] == ("x", "X", False, True)


def test_label_hint_and_error():
    soup = parse(
        str(render("select", label="State", id="state", hint="H", error="E", options=OPTIONS))
    )
    control = soup.find("select")
    assert soup.find("label")["for"] == control["id"] == "state"
    assert control["class"] == ["usa-select", "usa-input--error"]
    assert control["aria-describedby"] == "state-hint state-error"
    assert control["aria-invalid"] == "true"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"options": [{**OPTIONS[1]}, {**OPTIONS[1]}]}, "options\\[1\\].selected'"),
        ({"options": [{"value": "a", "text": " "}]}, "options\\[0\\].text': is empty"),
        ({"options": []}, "needs at least 1"),
        ({"blank": False, "blank_text": "x"}, "blank_text': needs blank=True"),
        ({"control_attributes": {"multiple": True}}, "set by the component itself"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("select", **{"label": "L", "id": "s", "options": OPTIONS, **params})
