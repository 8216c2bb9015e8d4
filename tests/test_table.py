"""The table: cells as text, numbers or Markup; the caption, scopes and the scroll region; the
sortable markup against USWDS's sortable twig; bad input refused."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import parse
from markupsafe import Markup
from test_conformance import render_with_twig_js

from uswds_components import ComponentError, get_spec, render
from uswds_components.testing.canonical import canonical_html

HEADERS = [{"text": "Office"}, {"text": "Wait"}]


def table(**params):
    given = {"caption": "Offices", "headers": HEADERS, "rows": [["Denver", 12]]}
    return parse(render("table", **{**given, **params}))


def test_cells_are_text_numbers_or_markup():
    soup = table(
        rows=[
            ["<b>Denver</b>", 12.5],
            [{"html": Markup('<a class="usa-link" href="/atlanta">Atlanta</a>')}, {"text": 9}],
            [Markup("<i>Boise</i>"), {"text": "7 days", "sort_value": 7, "classes": "text-right"}],
        ]
    )
    cells = soup.find_all("td")
    assert cells[0].get_text() == "<b>Denver</b>" and cells[1].get_text() == "12.5"
    assert cells[2].find("a", href="/atlanta").get_text() == "Atlanta"
    assert cells[4].get_text() == "<i>Boise</i>"  # a bare Markup cell is still text
    assert cells[5]["data-sort-value"] == "7" and cells[5]["class"] == ["text-right"]


def test_scope_on_header_cells_and_row_headers_when_asked():
    soup = table(row_header=True)
    assert [th["scope"] for th in soup.find_all("th")] == ["col", "col", "row"]
    assert [th.get("scope") for th in table().find_all("th")] == ["col", "col"]


def test_scrollable_container_is_a_focusable_region_named_by_the_caption():
    soup = table(scrollable=True, id="offices")
    region = soup.find("div", class_="usa-table-container--scrollable")
    assert region["tabindex"] == "0" and region["role"] == "region"
    assert soup.find(id=region["aria-labelledby"]).name == "caption"
    assert soup.find("table")["id"] == "offices"
    assert not table().find(tabindex=True)


def test_stacked_cells_carry_their_column_label_as_text():
    soup = table(
        stacked="stacked", headers=[{"html": Markup("Office <em>name</em>")}, {"text": "Wait"}]
    )
    assert [td["data-label"] for td in soup.find_all("td")] == ["Office name", "Wait"]
    assert not table().find(attrs={"data-label": True})


def test_sortable_table_is_followed_by_its_live_region():
    soup = table(
        headers=[{"text": "Office", "sortable": True, "sort": "ascending"}, {"text": "Wait"}]
    )
    th = soup.find("th", attrs={"data-sortable": True})
    assert th["aria-sort"] == "ascending"
    region = soup.find("table").find_next_sibling()
    assert region["class"] == ["usa-sr-only", "usa-table__announcement-region"]
    assert region["aria-live"] == "polite"


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"caption": None}, "caption"),
        ({"caption_html": Markup("x")}, "caption"),
        ({"rows": [["Denver"]]}, "rows[0]"),
        ({"rows": [["Denver", None]]}, "rows[0][1]"),
        ({"rows": [["Denver", True]]}, "rows[0][1]"),
        ({"rows": [["Denver", {"html": "<b>x</b>"}]]}, "rows[0][1].html"),
        ({"rows": [["Denver", {"text": "a", "html": Markup("b")}]]}, "rows[0][1]"),
        ({"rows": [["Denver", {"text": "a", "href": "/x"}]]}, "rows[0][1].href"),
        ({"rows": ["Denver"]}, "rows[0]"),
        ({"headers": [{"text": "A", "sort": "ascending"}, {"text": "B"}]}, "headers[0].sort"),
        (
            {
                "headers": [
                    {"text": "A", "sortable": True, "sort": "ascending"},
                    {"text": "B", "sortable": True, "sort": "descending"},
                ]
            },
            "headers[1].sort",
        ),
        ({"scrollable": True}, "id"),
    ],
)
def test_bad_input_names_the_param(params, path):
    with pytest.raises(ComponentError) as error:
        table(**params)
    assert f"'{path}'" in str(error.value)


def _first_sortable_reference() -> str:
    (html,) = render_with_twig_js(
        [{"twig": "usa-table/src/usa-table--sortable/usa-table--sortable.twig", "context": {}}]
    )
    soup = BeautifulSoup(html, "html.parser")
    first = soup.find("table")
    region = first.find_next_sibling("div")
    # Declared differences: the redundant roles (a <th> in <thead> is a columnheader, one with
    # scope="row" a rowheader), which we leave out; the wrapper <div> that keeps one root element.
    for th in first.find_all("th"):
        del th["role"]
    return f"<div>{first}{region}</div>"


def test_sortable_markup_matches_uswds_sortable_twig():
    # The twig's first table, columns and all, from our params (its header texts as written,
    # with their surrounding whitespace).
    reference = BeautifulSoup(_first_sortable_reference(), "html.parser")
    headers = [{"text": th.get_text(), "sortable": True} for th in reference.thead.find_all("th")]
    assert headers[1]["text"].strip() == "Order admitted to union"
    headers[1]["sort"] = "descending"
    rows = []
    for tr in reference.find("tbody").find_all("tr"):
        cells = tr.find_all(["th", "td"])
        row = [cells[0].get_text()]
        for td in cells[1:]:
            cell = {"text": td.get_text(), "sort_value": td.get("data-sort-value")}
            if td.get("class"):
                cell["classes"] = " ".join(td["class"])
            row.append(cell)
        rows.append(row)
    ours = render(
        "table",
        caption="Recently admitted US states (sortable table example)",
        headers=headers,
        rows=rows,
        row_header=True,
    )
    assert canonical_html(str(ours)) == canonical_html(str(reference))


def test_examples_cover_every_variant():
    params = [e.params for e in get_spec("table").examples]
    for key, value in [
        ("borderless", True),
        ("striped", True),
        ("compact", True),
        ("stacked", "stacked"),
        ("stacked", "stacked-header"),
        ("sticky_header", True),
        ("scrollable", True),
    ]:
        assert any(p.get(key) == value for p in params), key
