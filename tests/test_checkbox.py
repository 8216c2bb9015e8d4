"""Checkboxes: a group in a fieldset, one alone, tiles; the group carries hint and error."""

from __future__ import annotations

import pytest
from conftest import parse

from uswds_components import ComponentError, render

ITEMS = [
    {"label": "Housing", "value": "housing", "checked": True},
    {"label": "Food", "value": "food", "description": "SNAP or WIC"},
    {"label": "Health", "value": "health", "id": "own-id", "disabled": True},
]


def group(**params):
    given = {"name": "benefits", "id": "benefits", "legend": "Which?", "items": ITEMS, **params}
    return parse(str(render("checkbox", **given)))


def test_a_group_is_a_fieldset_with_its_legend_and_item_ids():
    soup = group()
    assert soup.find("legend").get_text() == "Which?"
    inputs = soup.find_all("input")
    assert [i["id"] for i in inputs] == ["benefits", "benefits-2", "own-id"]
    assert [i["name"] for i in inputs] == ["benefits"] * 3
    assert [i.has_attr("checked") for i in inputs] == [True, False, False]
    assert [i.has_attr("disabled") for i in inputs] == [False, False, True]
    assert [label["for"] for label in soup.find_all("label")] == [
        "benefits",
        "benefits-2",
        "own-id",
    ]


def test_a_groups_error_is_on_the_fieldset_not_the_inputs():
    soup = group(hint="All that apply", error="Select one", required=True)
    fieldset = soup.find("fieldset")
    assert fieldset["aria-describedby"] == "benefits-hint benefits-error"
    assert not soup.find("input", attrs={"aria-invalid": True})
    assert not soup.find("input", attrs={"aria-describedby": True})
    # A required group: the asterisk, but no `required` (it would require every box).
    assert soup.find("legend").find("abbr")["title"] == "required"
    assert not soup.find("input", attrs={"required": True})
    # So the legend says it, in words: the asterisk is hidden, "(required)" is not.
    assert soup.find("legend").find("abbr")["aria-hidden"] == "true"
    assert soup.find("legend").find(class_="usa-sr-only").get_text() == " (required)"


def test_a_lone_checkbox_carries_its_own_error_and_says_required():
    soup = parse(
        str(
            render(
                "checkbox",
                name="agree",
                id="agree",
                required=True,
                error="Agree to continue",
                items=[{"label": "I agree", "value": "yes"}],
            )
        )
    )
    assert soup.find("fieldset") is None
    control = soup.find("input")
    assert control["aria-describedby"] == "agree-error"
    assert control["aria-invalid"] == "true"
    # Chromium reads a `required` checkbox as invalid before any answer: the label says it.
    assert not control.has_attr("required")
    assert soup.find("label").find(class_="usa-sr-only").get_text() == " (required)"


def test_tiles_and_descriptions():
    soup = group(tile=True, legend_large=True)
    assert soup.find("input")["class"] == ["usa-checkbox__input", "usa-checkbox__input--tile"]
    assert soup.find(class_="usa-checkbox__label-description").get_text() == "SNAP or WIC"
    assert soup.find("legend")["class"] == ["usa-legend", "usa-legend--large"]


def test_spanish():
    soup = group(lang="es", required=True, error="Mal")
    assert soup.find("abbr")["title"] == "obligatorio"
    assert soup.find("legend").find(class_="usa-sr-only").get_text() == " (obligatorio)"
    assert soup.find(class_="usa-error-message").get_text() == "Error: Mal"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"legend": None}, "param 'legend': is required for 3 checkboxes"),
        (
            {"legend": None, "items": ITEMS[:1], "legend_large": True},
            "legend_large': needs a legend",
        ),
        ({"items": [*ITEMS, {"label": "X", "value": "x", "id": "own-id"}]}, "items\\[3\\].id"),
        ({"items": [{"label": "X", "value": "x", "id": "benefits-hint"}]}, "already used"),
        ({"items": [{"label": " ", "value": "x"}]}, "items\\[0\\].label': is empty"),
        ({"items": []}, "needs at least 1"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        group(**params)
