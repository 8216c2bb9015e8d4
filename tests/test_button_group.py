"""The button group: each item rendered and checked by the button component (one code path)."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, render


def test_button_group_items_are_checked_by_the_button_and_named_by_index():
    with pytest.raises(
        ComponentError, match=r"button_group: param 'items\[1\]\.type': is required for a <button>"
    ):
        render("button_group", items=[{"text": "Back", "href": "/"}, {"text": "Go"}])


def test_button_group_renders_each_item_with_the_button():
    items = [
        {"text": "Back", "href": "/back", "variant": "outline"},
        {"text": "Next", "type": "submit"},
    ]
    group = root_element(render("button_group", items=items, segmented=True))
    assert group["class"] == ["usa-button-group", "usa-button-group--segmented"]
    rendered = [str(li.find(True)) for li in group.find_all("li", class_="usa-button-group__item")]
    assert rendered == [str(root_element(render("button", **item))) for item in items]


def test_button_group_items_must_be_mappings():
    with pytest.raises(ComponentError, match=r"param 'items\[0\]': expected a button's params"):
        render("button_group", items=["<button>", {"text": "Go", "type": "button"}])
