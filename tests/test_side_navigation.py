"""The side navigation: nested lists, one current page with its ancestors marked, the label in
English and Spanish, and the rules that refuse a second current page or a fourth level."""

from __future__ import annotations

import pytest
from conftest import parse, root_element

from uswds_components import ComponentError, get_spec, render

SPEC = get_spec("side_navigation")


def links(html: str) -> list[tuple[str, list[str], str | None]]:
    """(text, classes, aria-current) of every link, in document order."""
    return [
        (a.get_text(), a.get("class", []), a.get("aria-current")) for a in parse(html).find_all("a")
    ]


def test_one_level_marks_the_current_page():
    html = render("side_navigation", **SPEC.example("default").params)
    root = root_element(html)
    assert root.name == "nav"
    assert root["aria-label"] == "Secondary navigation"
    assert not root.has_attr("class")
    top = root.find("ul", recursive=False)
    assert top["class"] == ["usa-sidenav"]
    assert [li["class"] for li in top.find_all("li", recursive=False)] == [
        ["usa-sidenav__item"]
    ] * 3
    assert links(html) == [
        ("Apply for benefits", ["usa-current"], "page"),
        ("Check your status", [], None),
        ("Contact us", [], None),
    ]


def test_three_levels_nest_sublists_and_mark_every_ancestor():
    html = render("side_navigation", **SPEC.example("three-levels").params)
    page = parse(html)
    sublists = page.find_all("ul", class_="usa-sidenav__sublist")
    assert len(sublists) == 2
    assert sublists[1].find_parent("ul") is sublists[0]
    assert links(html) == [
        ("About us", [], None),
        ("News", ["usa-current"], None),
        ("Press releases", [], None),
        ("Archive", ["usa-current"], None),
        ("2013", [], None),
        ("2012", ["usa-current"], "page"),
        ("2011", [], None),
        ("Speeches", [], None),
        ("Contact us", [], None),
    ]
    assert page.find_all(attrs={"aria-current": True}) == [page.find("a", string="2012")]


def test_no_current_page_marks_nothing():
    html = render("side_navigation", **SPEC.example("no-current").params)
    assert "usa-current" not in html
    assert "aria-current" not in html


def test_the_labels_in_english_and_spanish():
    en = root_element(render("side_navigation", items=[{"text": "A", "href": "/a"}]))
    assert en["aria-label"] == "Secondary navigation"
    assert not en.has_attr("lang")
    es = root_element(render("side_navigation", lang="es", items=[{"text": "A", "href": "/a"}]))
    assert es["aria-label"] == "Navegación secundaria"
    assert es["lang"] == "es"
    assert SPEC.strings["en"] == {"aria_label": "Secondary navigation"}
    assert SPEC.strings["es"] == {"aria_label": "Navegación secundaria"}


def test_a_custom_label_wins_in_either_language():
    for lang in ("en", "es"):
        root = root_element(
            render(
                "side_navigation",
                lang=lang,
                label="En esta sección",
                items=[{"text": "A", "href": "/a"}],
            )
        )
        assert root["aria-label"] == "En esta sección"


def test_classes_and_attributes_go_on_the_nav():
    root = root_element(render("side_navigation", **SPEC.example("classes-attributes").params))
    assert root["class"] == ["site-sidenav", "print:display-none"]
    assert root["data-module"] == "sidenav"


def level(depth: int, current_at: int | None = None) -> list[dict]:
    """A chain of `depth` levels, one item each, the item at `current_at` current."""
    item: dict | None = None
    for n in range(depth, 0, -1):
        new = {"text": f"Level {n}", "href": f"/{n}", "current": n == current_at}
        if item is not None:
            new["items"] = [item]
        item = new
    return [item]


def test_three_levels_are_accepted_and_a_fourth_is_refused():
    render("side_navigation", items=level(3, current_at=3))
    with pytest.raises(ComponentError, match="fourth level") as caught:
        render("side_navigation", items=level(4))
    assert "items[0].items[0].items[0].items" in str(caught.value)


@pytest.mark.parametrize(
    ("items", "where", "message"),
    [
        (
            [
                {"text": "A", "href": "/a", "current": True},
                {"text": "B", "href": "/b", "current": True},
            ],
            "items[1].current",
            "a second current page",
        ),
        (
            [
                {
                    "text": "A",
                    "href": "/a",
                    "current": True,
                    "items": [{"text": "B", "href": "/b", "current": True}],
                }
            ],
            "items[0].items[0].current",
            "a second current page",
        ),
        ([{"text": " ", "href": "/a"}], "items[0].text", "is empty"),
        ([{"text": "A", "href": " "}], "items[0].href", "is empty"),
        ([{"text": "A", "href": "/a", "items": []}], "items[0].items", "is empty"),
        ([{"text": "A", "href": "javascript:void(0);"}], "items[0].href", "unsafe URL"),
        ([{"text": "A"}], "items[0].href", "required"),
    ],
)
def test_bad_items_are_refused_naming_the_param(items, where, message):
    with pytest.raises(ComponentError, match=message) as caught:
        render("side_navigation", items=items)
    assert f"side_navigation: param '{where}'" in str(caught.value)


def test_a_blank_label_is_refused():
    with pytest.raises(ComponentError, match="param 'label': is empty"):
        render("side_navigation", label=" ", items=[{"text": "A", "href": "/a"}])


def test_text_is_escaped():
    html = render(
        "side_navigation", label='"><b>', items=[{"text": "<script>x</script>", "href": "/a"}]
    )
    assert "<script>" not in html
    assert "<b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html
