"""Radio buttons: a group in a fieldset, tiles; one checked; required on every radio."""

from __future__ import annotations

import pytest
from conftest import parse

from uswds_components import ComponentError, render

ITEMS = [
    {"label": "Email", "value": "email"},
    {"label": "Phone", "value": "phone", "description": "Weekdays only"},
]


def group(**params):
    given = {"name": "contact", "id": "contact", "legend": "How?", "items": ITEMS, **params}
    return parse(str(render("radio", **given)))


def test_a_group_with_one_name_and_item_ids():
    soup = group()
    inputs = soup.find_all("input")
    assert [(i["type"], i["id"], i["name"]) for i in inputs] == [
        ("radio", "contact", "contact"),
        ("radio", "contact-2", "contact"),
    ]
    assert soup.find("div", class_="usa-radio") is not None


def test_error_and_required_on_the_group():
    soup = group(hint="H", error="Select one", required=True)
    assert soup.find("fieldset")["aria-describedby"] == "contact-hint contact-error"
    assert not soup.find("input", attrs={"aria-invalid": True})
    # The legend says "(required)": a `required` radio would read as invalid before any answer.
    assert not soup.find("input", attrs={"required": True})
    assert soup.find("legend").find("abbr")["title"] == "required"
    assert soup.find("legend").find(class_="usa-sr-only").get_text() == " (required)"


def test_tile_descriptions_use_the_radios_own_class():
    soup = group(tile=True)
    assert soup.find("input")["class"] == ["usa-radio__input", "usa-radio__input--tile"]
    assert soup.find(class_="usa-radio__label-description").get_text() == "Weekdays only"


def test_spanish():
    soup = group(lang="es", required=True, error="Seleccione una opción")
    assert soup.find("abbr")["title"] == "obligatorio"
    assert soup.find(class_="usa-error-message").get_text() == "Error: Seleccione una opción"


def test_only_one_radio_can_be_checked():
    items = [{**ITEMS[0], "checked": True}, {**ITEMS[1], "checked": True}]
    with pytest.raises(ComponentError, match=r"items\[1\].checked': only one radio"):
        group(items=items)


def test_a_group_needs_a_legend():
    with pytest.raises(ComponentError, match="param 'legend': is required for 2 radio buttons"):
        group(legend=None)
