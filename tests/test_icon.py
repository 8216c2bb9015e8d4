"""The icon: USWDS's sprite markup, decorative unless titled, its name checked in the sprite."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, render
from uswds_components.components.icon.hooks import sprite_names


def test_a_decorative_icon_is_uswds_markup_hidden_from_screen_readers():
    svg = root_element(render("icon", name="check_circle"))
    assert svg.name == "svg"
    assert svg["class"] == ["usa-icon"]
    assert (svg["aria-hidden"], svg["focusable"], svg["role"]) == ("true", "false", "img")
    assert not svg.has_attr("aria-label")
    assert svg.find("use")["href"].endswith("/img/sprite.svg#check_circle")


def test_a_titled_icon_is_a_named_image():
    svg = root_element(render("icon", name="warning", title="Warning"))
    assert (svg["role"], svg["aria-label"], svg["focusable"]) == ("img", "Warning", "false")
    assert not svg.has_attr("aria-hidden")


@pytest.mark.parametrize("size", range(3, 10))
def test_sizes(size):
    svg = root_element(render("icon", name="add", size=size))
    assert svg["class"] == ["usa-icon", f"usa-icon--size-{size}"]


def test_the_sprite_is_read_whole():
    names = sprite_names()
    assert len(names) == 245
    assert {"check_circle", "accessibility_new", "zoom_out", "thumb_up_alt"} <= names


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({}, "name"),
        ({"name": "chek_circle"}, "name"),
        ({"name": "check_circle", "size": 2}, "size"),
        ({"name": "check_circle", "size": 10}, "size"),
        ({"name": "check_circle", "title": " "}, "title"),
        ({"name": "check_circle", "attributes": {"aria-hidden": "false"}}, "attributes"),
    ],
)
def test_bad_input_names_the_param(params, param):
    with pytest.raises(ComponentError, match=rf"icon: param '{param}"):
        render("icon", **params)
