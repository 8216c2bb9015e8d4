"""The icon list: a ul of items, each icon drawn by the icon macro, titles as headings."""

from __future__ import annotations

import pytest
from conftest import parse, root_element
from markupsafe import Markup

from uswds_components import ComponentError, render

ITEM = {"icon": "check_circle", "text": "Wash your hands"}


def test_items_are_list_items_with_a_decorative_icon():
    ul = root_element(render("icon_list", items=[ITEM, {**ITEM, "icon": "cancel"}]))
    assert (ul.name, ul["class"]) == ("ul", ["usa-icon-list"])
    items = ul.find_all("li", class_="usa-icon-list__item")
    assert len(items) == 2
    svg = items[1].find("svg")
    assert (svg["aria-hidden"], svg["focusable"]) == ("true", "false")
    assert svg.find("use")["href"].endswith("sprite.svg#cancel")
    assert items[0].find(class_="usa-icon-list__content").get_text(strip=True) == "Wash your hands"


def test_the_icon_markup_is_the_icon_components():
    ours = parse(render("icon_list", items=[ITEM])).find("svg")
    icon = root_element(render("icon", name="check_circle"))
    assert str(ours) == str(icon)


def test_an_icon_title_names_the_icon():
    svg = parse(render("icon_list", items=[{**ITEM, "icon_title": "Do"}])).find("svg")
    assert svg["aria-label"] == "Do" and not svg.has_attr("aria-hidden")


def test_colour_size_and_item_colour():
    ul = root_element(
        render("icon_list", color="primary", size="lg", items=[{**ITEM, "icon_color": "green"}])
    )
    assert ul["class"] == ["usa-icon-list", "usa-icon-list--primary", "usa-icon-list--size-lg"]
    assert ul.find(class_="usa-icon-list__icon")["class"] == ["usa-icon-list__icon", "text-green"]


@pytest.mark.parametrize("level", [2, 4])
def test_a_title_is_a_heading_at_the_level_given(level):
    html = render("icon_list", heading_level=level, items=[{**ITEM, "title": "Soap"}])
    heading = parse(html).find(class_="usa-icon-list__title")
    assert (heading.name, heading.string) == (f"h{level}", "Soap")
    assert heading.find_next_sibling("p").string == "Wash your hands"


def test_html_content():
    html = render("icon_list", items=[{"icon": "help", "html": Markup("<b>Timing.</b> Now?")}])
    assert parse(html).find(class_="usa-icon-list__content").find("b").string == "Timing."


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({}, "items"),
        ({"items": []}, "items"),
        ({"items": [{**ITEM, "icon": "check_circel"}]}, r"items\[0\]\.icon"),
        ({"items": [{**ITEM, "icon_color": "green bad"}]}, r"items\[0\]\.icon_color"),
        ({"items": [{"icon": "check"}]}, r"items\[0\]\.text"),
        ({"items": [{**ITEM, "html": Markup("<b>x</b>")}]}, r"items\[0\]\.html.: give text"),
        ({"items": [{**ITEM, "title": " "}]}, r"items\[0\]\.title"),
        ({"items": [ITEM], "color": "purple"}, "color"),
        ({"items": [ITEM], "size": "huge"}, "size"),
        ({"items": [ITEM], "heading_level": 1}, "heading_level"),
    ],
)
def test_bad_input_names_the_param(params, param):
    with pytest.raises(ComponentError, match=rf"icon_list: param '{param}"):
        render("icon_list", **params)
