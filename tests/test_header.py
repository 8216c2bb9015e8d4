"""The basic header: title, logo, navigation with the current page, search, and bad input."""

from __future__ import annotations

import pytest
from conftest import parse, root_element

from uswds_components import ComponentError, get_spec, render

ITEMS = [
    {"text": "Apply", "href": "/apply"},
    {"text": "Benefits", "href": "/benefits", "current": True},
]


def test_default_example_structure():
    root = root_element(render("header", **get_spec("header").example("default").params))
    assert root.name == "header"
    assert set(root["class"]) == {"usa-header", "usa-header--basic"}
    assert root.find(class_="usa-overlay").parent is root
    title = root.select_one(".usa-navbar .usa-logo .usa-logo__text a")
    assert title["href"] == "/" and title.get_text(strip=True) == "Federal Benefits Office"
    nav = root.find("nav")
    assert nav["aria-label"] == "Primary navigation" and "usa-nav" in nav["class"]
    assert root.select_one(".usa-menu-btn").get_text(strip=True) == "Menu"
    assert nav.select_one(".usa-nav__close img")["alt"] == "Close"
    links = nav.select("ul.usa-nav__primary > li.usa-nav__primary-item > a.usa-nav-link")
    assert [a.get_text(strip=True) for a in links] == ["Apply", "Benefits", "News", "Contact"]
    form = nav.find("form")
    assert form["role"] == "search" and form["action"] == "/search"
    assert form.find("label")["for"] == form.find("input")["id"] == "search-field"
    assert form.find("input")["name"] == "search"
    assert form.select_one("button img")["alt"] == "Search"


def test_only_the_current_item_is_marked_current_for_sight_and_screen_readers():
    nav = parse(render("header", title="Site", items=ITEMS)).find("nav")
    apply, benefits = nav.select("a.usa-nav-link")
    assert "usa-current" in benefits["class"] and benefits["aria-current"] == "page"
    assert "usa-current" not in apply["class"] and not apply.has_attr("aria-current")


def test_title_only_has_no_nav_and_no_menu_button():
    root = root_element(render("header", title="Site"))
    assert root.find("nav") is None and root.find(class_="usa-menu-btn") is None


def test_search_without_items_still_gets_the_nav_and_menu():
    root = root_element(render("header", title="Site", search_action="/search"))
    assert root.find("nav").find("ul") is None
    assert root.find("form")["action"] == "/search"
    assert root.find(class_="usa-menu-btn") is not None


def test_spanish_strings():
    root = root_element(
        render("header", title="Sitio", items=ITEMS, search_action="/buscar", lang="es")
    )
    assert root["lang"] == "es"
    assert root.find("nav")["aria-label"] == "Navegación principal"
    assert root.select_one(".usa-menu-btn").get_text(strip=True) == "Menú"
    assert root.select_one(".usa-nav__close img")["alt"] == "Cerrar"
    assert root.find("label").get_text(strip=True) == "Buscar"
    assert root.select_one("form button img")["alt"] == "Buscar"


def test_logo_is_decorative_and_search_is_configurable():
    root = root_element(
        render(
            "header",
            title="Site",
            logo="/img/logo.svg",
            search_action="https://search.example.gov/search",
            search_label="Search this site",
            search_id="site-search",
            search_name="query",
        )
    )
    logo = root.select_one(".usa-logo a img.usa-logo__img")
    assert logo["src"] == "/img/logo.svg" and logo["alt"] == ""
    field = root.find("input")
    assert field["id"] == "site-search" and field["name"] == "query"
    assert root.find("label").get_text(strip=True) == "Search this site"


def test_text_is_escaped():
    html = render("header", title="<b>x</b>", items=[{"text": "<i>y</i>", "href": "/"}])
    assert "<b>" not in html and "<i>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, r"header: param 'title': is required"),
        ({"title": " "}, r"header: param 'title': is empty"),
        ({"items": [{"text": "A"}]}, r"param 'items\[0\].href': is required"),
        ({"items": [{"text": " ", "href": "/"}]}, r"param 'items\[0\].text': is empty"),
        ({"items": [{"text": "A", "href": "javascript:x()"}]}, r"items\[0\].href': unsafe URL"),
        ({"items": [{"text": "A", "href": "/", "active": True}]}, r"items\[0\].active': unknown"),
        (
            {"items": [{**item, "current": True} for item in ITEMS]},
            r"param 'items\[1\].current': only one item can be the current page",
        ),
        ({"items": {"text": "A", "href": "/"}}, r"param 'items': expected a list"),
        ({"title_href": "javascript:alert(1)"}, r"param 'title_href': unsafe URL"),
        ({"search_action": "data:text/html,x"}, r"param 'search_action': unsafe URL"),
        ({"search_action": "/s", "search_label": ""}, r"param 'search_label': is empty"),
        ({"search_id": "two words"}, r"param 'search_id': expected an id"),
        ({"lang": "fr"}, r"param 'lang': must be one of"),
    ],
)
def test_bad_input_is_refused(params, message):
    params = {"title": "Site", **params} if "title" not in params and params else params
    with pytest.raises(ComponentError, match=message):
        render("header", **params)
