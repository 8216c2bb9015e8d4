"""The in-page navigation: the empty aside USWDS's JS fills, the list rendered on the server from
`headings` (marked `data-enhanced` so the JS leaves it), USWDS's data attributes, the title in
English and Spanish, and the rules on headings, selectors and observer settings."""

from __future__ import annotations

import pytest
from conftest import parse, root_element
from markupsafe import Markup

from uswds_components import ComponentError, get_spec, render

SPEC = get_spec("in_page_navigation")
HEADINGS = [
    {"text": "Who can apply", "id": "who", "level": 2},
    {"text": "Proof of identity", "id": "id-proof", "level": 3},
    {"text": "How to apply", "id": "how", "level": 2},
]
CONTENT = Markup('<h2 id="who">Who can apply</h2><h3 id="id-proof">Proof</h3><h2 id="how">How</h2>')


def aside(html: str):
    return parse(html).find("aside")


def test_without_headings_the_aside_is_empty_for_uswds_js_with_its_defaults():
    html = str(render("in_page_navigation"))
    root = root_element(html)
    assert root.name == "aside"
    assert root["class"] == ["usa-in-page-nav"]
    assert root.contents == []  # USWDS's CSS hides it while :empty
    assert {k: v for k, v in root.attrs.items() if k != "class"} == {
        "data-title-text": "On this page",
        "data-title-heading-level": "h4",
        "data-scroll-offset": "0",
        "data-root-margin": "0px 0px 0px 0px",
        "data-threshold": "1",
    }


def test_server_rendered_headings_make_uswds_js_markup_marked_enhanced():
    root = root_element(render("in_page_navigation", headings=HEADINGS))
    assert root["data-enhanced"] == "true"
    nav = root.find("nav", recursive=False)
    assert nav["class"] == ["usa-in-page-nav__nav"]
    assert nav["aria-label"] == "On this page"
    title = nav.find("h4", recursive=False)
    assert title["class"] == ["usa-in-page-nav__heading"]
    assert title.get_text() == "On this page"
    assert not title.has_attr("tabindex")
    items = nav.find("ul", class_="usa-in-page-nav__list").find_all("li")
    assert [li["class"] for li in items] == [
        ["usa-in-page-nav__item", "usa-in-page-nav__item--primary"],
        ["usa-in-page-nav__item"],
        ["usa-in-page-nav__item", "usa-in-page-nav__item--primary"],
    ]
    assert [(li.a["href"], li.a["class"], li.a.get_text()) for li in items] == [
        ("#who", ["usa-in-page-nav__link"], "Who can apply"),
        ("#id-proof", ["usa-in-page-nav__link"], "Proof of identity"),
        ("#how", ["usa-in-page-nav__link"], "How to apply"),
    ]


def test_primary_items_are_those_at_the_first_headings_level():
    given = [{"text": "A", "id": "a", "level": 3}, {"text": "B", "id": "b", "level": 2}]
    items = parse(render("in_page_navigation", headings=given)).find_all("li")
    assert ["usa-in-page-nav__item--primary" in li["class"] for li in items] == [True, False]


def test_the_title_in_english_and_spanish_and_a_custom_one():
    assert SPEC.strings["en"] == {"title": "On this page"}
    assert SPEC.strings["es"] == {"title": "En esta página"}
    es = root_element(render("in_page_navigation", lang="es", headings=HEADINGS))
    assert es["lang"] == "es"
    assert es["data-title-text"] == "En esta página"
    assert es.nav["aria-label"] == "En esta página"
    assert es.find("h4").get_text() == "En esta página"
    own = root_element(render("in_page_navigation", lang="es", title="Secciones", heading_level=2))
    assert own["data-title-text"] == "Secciones"
    assert own["data-title-heading-level"] == "h2"


def test_every_uswds_data_attribute_is_settable():
    root = root_element(
        render(
            "in_page_navigation",
            main_content_selector="#content",
            heading_elements="H2  h3 h4",
            minimum_heading_count=3,
            scroll_offset=40,
            root_margin="0px 0px -50% 0px",
            threshold="0.5",
        )
    )
    assert root["data-main-content-selector"] == "#content"
    assert root["data-heading-elements"] == "h2 h3 h4"
    assert root["data-minimum-heading-count"] == "3"
    assert root["data-scroll-offset"] == "40"
    assert root["data-root-margin"] == "0px 0px -50% 0px"
    assert root["data-threshold"] == "0.5"


def test_html_sits_beside_the_aside_in_uswds_container():
    root = root_element(render("in_page_navigation", headings=HEADINGS, html=CONTENT, classes="x"))
    assert root.name == "div"
    assert root["class"] == ["usa-in-page-nav-container", "x"]
    aside_el, content = [c for c in root.children if getattr(c, "name", None)]
    assert aside_el["class"] == ["usa-in-page-nav"]
    assert content.name == "div"
    assert content["class"] == ["usa-prose"]
    assert content.find("h2", id="who")
    main = root_element(render("in_page_navigation", html=CONTENT, main=True)).find("main")
    assert main["id"] == "main-content"
    assert main["class"] == ["main-content", "usa-prose"]


@pytest.mark.parametrize(
    ("params", "where", "message"),
    [
        ({"headings": HEADINGS[:1]}, "headings", "fewer than minimum_heading_count"),
        ({"headings": HEADINGS[:2], "minimum_heading_count": 3}, "headings", "fewer than"),
        ({"headings": [*HEADINGS, {"text": "Again", "id": "who"}]}, "headings[3].id", "already"),
        ({"headings": [{"text": " ", "id": "a"}, HEADINGS[0]]}, "headings[0].text", "is empty"),
        (
            {"headings": [*HEADINGS, {"text": "D", "id": "d", "level": 4}]},
            "headings[3].level",
            "h4 is not among",
        ),
        ({"headings": HEADINGS, "heading_elements": "h2"}, "headings[1].level", "h3 is not among"),
        (
            {"headings": HEADINGS, "html": Markup('<h2 id="who">W</h2>')},
            "headings[1].id",
            "no element in html",
        ),
        ({"heading_elements": "h2, h3"}, "heading_elements", "no commas"),
        ({"heading_elements": "h7"}, "heading_elements", "expected heading names"),
        ({"main_content_selector": "main > .content"}, "main_content_selector", "HTML-escapes"),
        ({"main_content_selector": " "}, "main_content_selector", "is empty"),
        ({"title": "Q&A"}, "title", "HTML-escapes"),
        ({"title": ""}, "title", "is empty"),
        ({"root_margin": "10"}, "root_margin", "px or %"),
        ({"threshold": "2"}, "threshold", "from 0 to 1"),
        ({"threshold": "half"}, "threshold", "from 0 to 1"),
        ({"main": True}, "main", "give html too"),
        ({"html": Markup(" ")}, "html", "is empty"),
    ],
)
def test_bad_input_is_refused_naming_the_param(params, where, message):
    with pytest.raises(ComponentError, match=message) as caught:
        render("in_page_navigation", **params)
    assert f"in_page_navigation: param '{where}'" in str(caught.value)


def test_ids_in_html_are_found_with_any_quoting():
    for content in ('<h2 id="who">', "<h2 id='who'>", "<h2 id=who>", '<h2 class="a" id = "who" >'):
        html = Markup(content + '</h2><h3 id="id-proof"></h3><h2 id="how"></h2>')
        render("in_page_navigation", headings=HEADINGS, html=html)
    with pytest.raises(ComponentError, match="no element in html has id 'who'"):
        render("in_page_navigation", headings=HEADINGS, html=Markup('<h2 id="whom"></h2>'))


def test_text_is_escaped():
    given = [{"text": "<img src=x>", "id": "a"}, {"text": "B", "id": "b"}]
    html = str(render("in_page_navigation", headings=given))
    assert "<img" not in html
    assert "&lt;img src=x&gt;" in html


def test_the_server_rendered_example_lists_every_heading_of_its_content():
    params = SPEC.example("server-rendered").params
    content = parse(str(params["html"]))
    in_content = [(f"#{h['id']}", h.get_text()) for h in content.find_all(["h2", "h3"])]
    listed = [
        (a["href"], a.get_text())
        for a in aside(render("in_page_navigation", **params)).find_all("a")
    ]
    assert listed == in_content


def test_a_class_on_the_root_lets_the_selector_name_the_content():
    root = root_element(
        render(
            "in_page_navigation",
            html=CONTENT,
            classes="guide",
            main_content_selector=".guide .usa-prose",
        )
    )
    assert root["class"] == ["usa-in-page-nav-container", "guide"]
    assert root.aside["data-main-content-selector"] == ".guide .usa-prose"
    assert root.find(id=True) is not None  # the caller's own heading ids, nothing of ours
    assert (
        root_element(render("in_page_navigation", html=Markup("<h2>A</h2>"))).find(id=True) is None
    )
