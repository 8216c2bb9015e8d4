"""The graphic list: rows of media blocks (media_block's markup and rules), one heading level."""

from __future__ import annotations

import pytest
from conftest import root_element
from markupsafe import Markup

from uswds_components import ComponentError, render


def item(n: int) -> dict:
    return {"image": {"src": "/i.png", "alt": ""}, "heading": f"H{n}", "text": f"T{n}"}


def test_items_in_rows_of_two_by_default():
    section = root_element(render("graphic_list", items=[item(n) for n in range(3)]))
    assert section["class"] == ["usa-graphic-list", "usa-section", "usa-section--dark"]
    rows = section.find_all("div", class_="usa-graphic-list__row")
    assert [len(row.find_all("div", class_="usa-media-block")) for row in rows] == [2, 1]
    assert [h.get_text() for h in section.find_all("h2")] == ["H0", "H1", "H2"]


def test_each_block_is_the_media_blocks_markup():
    params = item(1)
    alone = str(render("media_block", **params, classes="tablet:grid-col"))
    assert alone in str(render("graphic_list", items=[params]))


def test_per_row_heading_level_and_light():
    section = root_element(
        render(
            "graphic_list",
            items=[item(n) for n in range(3)],
            per_row=1,
            heading_level=3,
            dark=False,
        )
    )
    assert "usa-section--dark" not in section["class"]
    assert len(section.find_all("div", class_="usa-graphic-list__row")) == 3
    assert len(section.find_all("h3")) == 3


@pytest.mark.parametrize(
    ("items", "path"),
    [
        ([], "items"),
        ([item(0), {**item(1), "heading": None}], r"items\[1\].heading"),
        ([{**item(0), "image": {"src": "/i.png"}}], r"items\[0\].image.alt"),
        ([{**item(0), "html": Markup("<p>x</p>")}], r"items\[0\].html"),
        ([{**item(0), "text": " "}], r"items\[0\].text"),
    ],
)
def test_bad_items_are_refused(items, path):
    items = [{k: v for k, v in i.items() if v is not None} for i in items]
    with pytest.raises(ComponentError, match=rf"graphic_list: param '{path}'"):
        render("graphic_list", items=items)


def test_three_per_row_is_refused():
    with pytest.raises(ComponentError, match=r"graphic_list: param 'per_row'"):
        render("graphic_list", items=[item(0)], per_row=3)
