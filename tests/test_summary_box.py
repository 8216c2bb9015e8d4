"""The summary box's own rules: one body, the region named by its heading, links in items."""

from __future__ import annotations

import pytest
from conftest import parse
from markupsafe import Markup

from uswds_components import ComponentError, render


def test_the_region_is_named_by_its_heading_whose_id_derives_from_id():
    page = parse(render("summary_box", id="faq", heading="Key information", text="x"))
    root = page.div
    assert root["role"] == "region"
    assert root["aria-labelledby"] == "faq-heading"
    assert page.find(id="faq-heading").get_text(strip=True) == "Key information"


@pytest.mark.parametrize("level", [2, 3, 6])
def test_heading_level(level):
    page = parse(render("summary_box", heading="H", heading_level=level, text="x"))
    assert page.find(f"h{level}", class_="usa-summary-box__heading")


def test_items_link_their_text_or_keep_their_html():
    page = parse(
        render(
            "summary_box",
            heading="H",
            items=[
                {"text": "<b>apply</b>", "href": "/apply"},
                {"text": "plain"},
                {"html": Markup('Read <a class="usa-summary-box__link" href="/a">this</a>.')},
            ],
        )
    )
    first, second, third = page.find("ul", class_="usa-list").find_all("li")
    assert first.a["href"] == "/apply" and first.a["class"] == ["usa-summary-box__link"]
    assert first.a.get_text() == "<b>apply</b>" and first.b is None
    assert second.a is None and second.get_text() == "plain"
    assert third.a["href"] == "/a"


def test_text_is_one_paragraph_and_html_is_kept():
    text = parse(render("summary_box", heading="H", text="<i>x</i>"))
    assert text.find(class_="usa-summary-box__text").p.get_text() == "<i>x</i>"
    html = parse(render("summary_box", heading="H", html=Markup("<p>a</p><p>b</p>")))
    assert len(html.find(class_="usa-summary-box__text").find_all("p")) == 2


@pytest.mark.parametrize(
    ("params", "path", "message"),
    [
        ({"heading": "H"}, "items", "one of items, text or html"),
        ({"heading": "H", "text": "a", "html": Markup("b")}, "html", "not"),
        ({"heading": "H", "text": "a", "items": [{"text": "b"}]}, "text", "not"),
        ({"heading": " ", "text": "a"}, "heading", "empty"),
        ({"heading": "H", "text": " "}, "text", "empty"),
        ({"heading": "H", "items": [{}]}, "items[0].text", "one of text or html"),
        ({"heading": "H", "items": [{"html": Markup("a"), "href": "/x"}]}, "items[0].href", "text"),
        (
            {"heading": "H", "items": [{"text": "a", "href": "javascript:alert(1)"}]},
            "items[0].href",
            "unsafe",
        ),
        ({"heading": "H", "html": "<p>a</p>"}, "html", "Markup"),
        (
            {"heading": "H", "text": "a", "attributes": {"aria-label": "x"}},
            "attributes",
            "own param",
        ),
        ({"heading": "H", "text": "a", "heading_level": 1}, "heading_level", "at least 2"),
    ],
)
def test_bad_input_is_refused_naming_the_param(params, path, message):
    with pytest.raises(ComponentError, match=message) as caught:
        render("summary_box", **params)
    assert "summary_box" in str(caught.value) and path in str(caught.value)
