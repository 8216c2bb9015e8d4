"""The accordion's own rules: panel ids, which panels start open, and what each panel holds."""

from __future__ import annotations

import pytest
from conftest import parse
from markupsafe import Markup

from uswds_components import ComponentError, render


def items(*expanded: bool) -> list[dict]:
    return [
        {"heading": f"Section {n}", "text": f"Panel {n}.", "expanded": flag}
        for n, flag in enumerate(expanded, 1)
    ]


def test_panel_ids_derive_from_the_id_param_and_buttons_name_them():
    page = parse(render("accordion", id="faq", items=items(True, False)))
    buttons = page.find_all("button")
    assert [b["aria-controls"] for b in buttons] == ["faq-1", "faq-2"]
    assert [b["aria-expanded"] for b in buttons] == ["true", "false"]
    assert [d["id"] for d in page.find_all(class_="usa-accordion__content")] == ["faq-1", "faq-2"]


def test_no_panel_is_hidden_in_the_markup():
    html = render("accordion", items=items(False, False, False))
    assert "hidden" not in html


def test_an_items_own_id_wins():
    given = [{"heading": "A", "text": "a", "id": "eligibility"}, {"heading": "B", "text": "b"}]
    page = parse(render("accordion", items=given))
    assert [b["aria-controls"] for b in page.find_all("button")] == ["eligibility", "accordion-2"]


@pytest.mark.parametrize("level", [2, 3, 6])
def test_heading_level(level):
    page = parse(render("accordion", heading_level=level, items=items(False)))
    assert page.find(f"h{level}", class_="usa-accordion__heading")


def test_modifiers_and_multiselectable():
    root = parse(
        render(
            "accordion",
            bordered=True,
            icon_position="start",
            multiselectable=True,
            items=items(True, True),
        )
    ).div
    assert root["class"] == [
        "usa-accordion",
        "usa-accordion--bordered",
        "usa-accordion--icon-start",
    ]
    assert root.has_attr("data-allow-multiple")


def test_text_is_one_escaped_paragraph_and_html_is_kept():
    page = parse(
        render(
            "accordion",
            items=[
                {"heading": "A", "text": "<b>bold</b>"},
                {"heading": "B", "html": Markup("<ul><li>one</li></ul>")},
            ],
        )
    )
    panels = page.find_all(class_="usa-accordion__content")
    assert panels[0].p.get_text() == "<b>bold</b>" and panels[0].b is None
    assert panels[1].ul.li.get_text() == "one"


@pytest.mark.parametrize(
    ("params", "path", "message"),
    [
        ({"items": items(True, True)}, "items[1].expanded", "only one panel can start open"),
        ({"items": []}, "items", "at least 1"),
        ({"items": [{"heading": "A"}]}, "items[0].text", "one of text or html"),
        (
            {"items": [{"heading": "A", "text": "a", "html": Markup("<p>a</p>")}]},
            "items[0].html",
            "not both",
        ),
        ({"items": [{"heading": " ", "text": "a"}]}, "items[0].heading", "empty"),
        ({"items": [{"heading": "A", "text": "  "}]}, "items[0].text", "empty"),
        ({"items": [{"heading": "A", "html": "<p>a</p>"}]}, "items[0].html", "Markup"),
        (
            {
                "items": [
                    {"heading": "A", "text": "a", "id": "x"},
                    {"heading": "B", "text": "b", "id": "x"},
                ]
            },
            "items[1].id",
            r"already the id of items\[0\]",
        ),
        (
            {
                "id": "s",
                "items": [
                    {"heading": "A", "text": "a", "id": "s-2"},
                    {"heading": "B", "text": "b"},
                ],
            },
            "items[1].id",
            "already the id",
        ),
        ({"heading_level": 1, "items": items(False)}, "heading_level", "at least 2"),
        ({"icon_position": "left", "items": items(False)}, "icon_position", "must be one of"),
        (
            {"items": items(False), "attributes": {"data-allow-multiple": True}},
            "attributes",
            "own param",
        ),
    ],
)
def test_bad_input_is_refused_naming_the_param(params, path, message):
    with pytest.raises(ComponentError, match=message) as caught:
        render("accordion", **params)
    assert "accordion" in str(caught.value)
    assert path in str(caught.value)


def test_several_open_panels_are_fine_when_multiselectable():
    page = parse(render("accordion", multiselectable=True, items=items(True, True, False)))
    assert [b["aria-expanded"] for b in page.find_all("button")] == ["true", "true", "false"]
