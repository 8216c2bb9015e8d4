"""The collection: a list of headed links, with thumbnails, calendar dates, meta and tags."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import parse, root_element

from uswds_components import ComponentError, render

ITEM = {"heading": "Awards", "href": "/awards"}


def test_items_are_list_items_with_a_linked_heading():
    ul = root_element(render("collection", items=[ITEM, {"heading": "No link"}]))
    assert (ul.name, ul["class"]) == ("ul", ["usa-collection"])
    first, second = ul.find_all("li", class_="usa-collection__item")
    heading = first.find(class_="usa-collection__heading")
    assert heading.name == "h3"
    assert (heading.a["href"], heading.a["class"], heading.a.string) == (
        "/awards",
        ["usa-link"],
        "Awards",
    )
    assert second.find("a") is None


@pytest.mark.parametrize("level", [2, 5])
def test_heading_level(level):
    html = render("collection", heading_level=level, items=[ITEM])
    assert parse(html).find(class_="usa-collection__heading").name == f"h{level}"


def test_thumbnail_with_alt():
    img = parse(render("collection", items=[{**ITEM, "image_src": "/a.png", "image_alt": "A"}])).img
    assert (img["class"], img["src"], img["alt"]) == (["usa-collection__img"], "/a.png", "A")


@pytest.mark.parametrize(("lang", "month"), [("en", "SEP"), ("es", "SEPT")])
def test_calendar_date(lang, month):
    html = render("collection", lang=lang, items=[{**ITEM, "calendar_date": dt.date(2020, 9, 3)}])
    box = parse(html).find(class_="usa-collection__calendar-date")
    assert box.time["datetime"] == "2020-09-03"
    assert box.find(class_="usa-collection__calendar-date-month").string == month
    assert box.find(class_="usa-collection__calendar-date-day").string == "3"


def test_meta_and_tags_are_labelled_lists_and_tags_are_the_tag_component():
    html = render(
        "collection",
        items=[
            {
                **ITEM,
                "meta": [{"text": "By Ann"}, {"text": "Sept. 30", "datetime": "2020-09-30"}],
                "tags": [{"text": "New", "classes": "usa-tag--new"}],
            }
        ],
    )
    meta, tags = parse(html).find_all("ul", class_="usa-collection__meta")
    assert meta["aria-label"] == "More information"
    assert meta.time["datetime"] == "2020-09-30"
    assert tags["aria-label"] == "Topics"
    tag = tags.li.span
    assert str(tag) == str(root_element(render("tag", text="New", classes="usa-tag--new")))


def test_a_meta_icon_is_the_icon_component():
    html = render("collection", items=[{**ITEM, "meta": [{"text": "18F", "icon": "public"}]}])
    svg = parse(html).find("svg")
    assert svg["aria-hidden"] == "true" and svg["focusable"] == "false"
    assert svg.use["href"].endswith("sprite.svg#public")


def test_condensed():
    html = render("collection", condensed=True, items=[ITEM])
    assert root_element(html)["class"] == ["usa-collection", "usa-collection--condensed"]


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({}, "items"),
        ({"items": []}, "items"),
        ({"items": [{**ITEM, "heading": " "}]}, r"items\[0\]\.heading"),
        ({"items": [{**ITEM, "image_src": "/a.png"}]}, r"items\[0\]\.image_alt"),
        ({"items": [{**ITEM, "image_alt": "A"}]}, r"items\[0\]\.image_alt"),
        ({"items": [{**ITEM, "href": "javascript:alert(1)"}]}, r"items\[0\]\.href"),
        ({"items": [{**ITEM, "calendar_date": "30/09/2020"}]}, r"items\[0\]\.calendar_date"),
        (
            {"items": [{**ITEM, "meta": [{"text": "x", "icon": "pubic"}]}]},
            r"items\[0\]\.meta\[0\]\.icon",
        ),
        ({"items": [{**ITEM, "tags": [{"text": ""}]}]}, r"items\[0\]\.tags\[0\]\.text"),
        ({"items": [ITEM], "heading_level": 7}, "heading_level"),
        ({"items": [ITEM], "lang": "fr"}, "lang"),
    ],
)
def test_bad_input_names_the_param(params, param):
    with pytest.raises(ComponentError, match=rf"collection: param '{param}"):
        render("collection", **params)
