"""The media block: an image with a deliberate alt beside one body, with an optional heading."""

from __future__ import annotations

import pytest
from conftest import root_element
from markupsafe import Markup

from uswds_components import ComponentError, render

IMAGE = {"src": "/img/icon.png", "alt": ""}


def test_an_image_beside_a_heading_and_text():
    block = root_element(render("media_block", image=IMAGE, heading="Clear", text="Short."))
    assert block["class"] == ["usa-media-block"]
    img = block.find("img")
    assert (img["class"], img["alt"]) == (["usa-media-block__img"], "")
    body = block.find("div", class_="usa-media-block__body")
    assert [child.name for child in body.find_all(True)] == ["h2", "p"]


def test_html_body_and_heading_level():
    block = root_element(
        render(
            "media_block",
            image=IMAGE,
            heading="H",
            heading_level=4,
            html=Markup("<ul><li>a</li></ul>"),
        )
    )
    assert block.find("h4") is not None and block.find("ul") is not None


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"image": {"src": "/a.png"}, "text": "t"}, r"image.alt"),
        ({"text": "t"}, "image"),
        ({"image": {"src": " ", "alt": ""}, "text": "t"}, r"image.src"),
        ({"image": {"src": "javascript:x", "alt": ""}, "text": "t"}, r"image.src"),
        ({"image": IMAGE}, "text"),
        ({"image": IMAGE, "text": "t", "html": Markup("h")}, "html"),
        ({"image": IMAGE, "text": "t", "heading": " "}, "heading"),
        ({"image": IMAGE, "text": "t", "heading_level": 1}, "heading_level"),
    ],
)
def test_bad_input_is_refused(params, path):
    with pytest.raises(ComponentError, match=rf"media_block: param '{path}'"):
        render("media_block", **params)
