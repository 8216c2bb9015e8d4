"""The header, basic and extended: title, logo, navigation with submenus and megamenus, the
current page and section, secondary links, search, and bad input."""

from __future__ import annotations

import re

import pytest
from conftest import parse, root_element

from uswds_components import ComponentError, get_spec, render

LINK = {"text": "Housing", "href": "/housing"}
SECTION = {"text": "Benefits", "submenu": [LINK]}
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
        (
            {"items": [{"text": "A", "submenu": [{"text": "B", "href": "/b"}], "href": "/a"}]},
            r"param 'items\[0\].href': an item with a submenu is a button",
        ),
        (
            {"items": [{"text": "A", "href": "/a", "id": "a"}]},
            r"param 'items\[0\].id': only an item with a submenu",
        ),
        (
            {"items": [{"text": "A", "submenu": [LINK], "megamenu": [{"items": [LINK]}]}]},
            r"param 'items\[0\].megamenu': give a submenu or a megamenu, not both",
        ),
        (
            {"items": [{"text": "A", "megamenu": [{"items": []}]}]},
            r"param 'items\[0\].megamenu\[0\].items': needs at least 1",
        ),
        (
            {"items": [{"text": "A", "megamenu": [{"items": [{"text": " ", "href": "/"}]}]}]},
            r"param 'items\[0\].megamenu\[0\].items\[0\].text': is empty",
        ),
        (
            {"items": [{"text": "A", "submenu": [{"text": "B", "href": "vbscript:x"}]}]},
            r"param 'items\[0\].submenu\[0\].href': unsafe URL",
        ),
        (
            {
                "items": [
                    {"text": "A", "submenu": [LINK], "id": "x"},
                    {"text": "B", "submenu": [LINK], "id": "x"},
                ]
            },
            r"param 'items\[1\].id': 'x' is already the id of items\[0\]'s submenu",
        ),
        (
            {
                "id": "nav",
                "items": [
                    {"text": "A", "submenu": [LINK], "id": "nav-2"},
                    {"text": "B", "submenu": [LINK]},
                ],
            },
            r"param 'items\[1\].id': 'nav-2' is already the id",
        ),
        (
            {"items": [{**SECTION, "current": True}, {**SECTION, "current": True}]},
            r"param 'items\[1\].current': only one top-level item can be the current section",
        ),
        (
            {
                "items": [
                    {"text": "A", "submenu": [{**LINK, "current": True}]},
                    {"text": "B", "href": "/b", "current": True},
                ]
            },
            r"param 'items\[1\].current': only one item can be the current page",
        ),
        (
            {
                "extended": True,
                "items": [{"text": "A", "submenu": [{**LINK, "current": True}]}],
                "secondary_items": [{**LINK, "current": True}],
            },
            r"param 'secondary_items\[0\].current': only one item can be the current page",
        ),
        ({"secondary_items": [LINK]}, r"param 'secondary_items': only the extended header"),
        (
            {"extended": True, "secondary_items": [{"text": "", "href": "/"}]},
            r"secondary_items\[0\].text': is empty",
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


def sub_params(name: str) -> dict:
    return dict(get_spec("header").example(name).params)


def test_a_submenu_is_a_button_controlling_a_list_with_no_hidden_attribute():
    root = root_element(render("header", **sub_params("submenus")))
    assert set(root["class"]) == {"usa-header", "usa-header--basic"}
    buttons = root.select("li.usa-nav__primary-item > button.usa-accordion__button.usa-nav__link")
    assert [b.get_text(strip=True) for b in buttons] == ["Apply", "Benefits"]
    for button, expected_id in zip(buttons, ["benefits-nav-1", "benefits-nav-2"], strict=True):
        assert button["type"] == "button" and button["aria-expanded"] == "false"
        assert button["aria-controls"] == expected_id
        submenu = root.find(id=expected_id)
        assert submenu.name == "ul" and submenu["class"] == ["usa-nav__submenu"]
        assert submenu.find_previous_sibling("button") is button
        assert all(li["class"] == ["usa-nav__submenu-item"] for li in submenu.find_all("li"))
    assert "hidden" not in str(render("header", **sub_params("submenus")))


def test_the_current_page_in_a_submenu_marks_its_section():
    root = root_element(render("header", **sub_params("submenus")))
    apply, benefits = root.select("button.usa-nav__link")
    assert "usa-current" in apply["class"] and "usa-current" not in benefits["class"]
    assert not apply.has_attr("aria-current")
    (current,) = root.select('[aria-current="page"]')
    assert current["href"] == "/apply/how" and current.get_text(strip=True) == "How to apply"
    assert current.find("span") is not None


def test_a_section_can_be_marked_current_without_a_current_page():
    items = [{**SECTION, "current": True}, {"text": "News", "href": "/news"}]
    root = root_element(render("header", title="Site", items=items))
    assert "usa-current" in root.select_one("button.usa-nav__link")["class"]
    assert root.select("[aria-current]") == [] and len(root.select(".usa-current")) == 1


def test_a_megamenu_has_columns_of_links_on_the_grid():
    root = root_element(render("header", **sub_params("megamenu")))
    assert set(root["class"]) == {"usa-header", "usa-header--basic", "usa-header--megamenu"}
    button = root.select_one("button.usa-nav__link")
    assert "usa-current" in button["class"]  # it holds the current page
    mega = root.find(id=button["aria-controls"])
    assert button["aria-controls"] == "mega-nav-1"
    assert mega.name == "div" and mega["class"] == ["usa-nav__submenu", "usa-megamenu"]
    row = mega.find("div")
    assert row["class"] == ["grid-row", "grid-gap-4"]
    columns = row.find_all("div", class_="usa-col", recursive=False)
    assert len(columns) == 3
    assert [
        len(c.select("ul.usa-nav__submenu-list > li.usa-nav__submenu-item > a")) for c in columns
    ] == [3, 3, 2]
    (current,) = mega.select('[aria-current="page"]')
    assert current.get_text(strip=True) == "Food assistance" and current.find("span") is None
    submenu = root.find(id="mega-nav-2")
    assert submenu["class"] == ["usa-nav__submenu"]


def test_extended_header_has_the_inner_nav_secondary_links_and_small_search():
    root = root_element(render("header", **sub_params("extended")))
    assert set(root["class"]) == {"usa-header", "usa-header--extended"}
    assert root.find(class_="usa-nav-container") is None
    assert root.find(class_="usa-navbar").parent is root
    inner = root.select_one("nav.usa-nav > div.usa-nav__inner")
    assert inner.find(class_="usa-nav__close") is not None
    secondary = inner.select_one("div.usa-nav__secondary")
    links = secondary.select("ul.usa-nav__secondary-links > li.usa-nav__secondary-item > a")
    assert [a.get_text(strip=True) for a in links] == ["Help", "Sign in"]
    form = secondary.find("form")
    assert form["class"] == ["usa-search", "usa-search--small"] and form["action"] == "/search"
    news = root.select_one("a.usa-nav-link")
    assert "usa-current" in news["class"] and news["aria-current"] == "page"


def test_a_current_secondary_link_is_marked():
    root = root_element(render("header", **sub_params("extended-megamenu")))
    (current,) = root.select('[aria-current="page"]')
    assert current["class"] == ["usa-current"] and current.get_text(strip=True) == "Help"
    assert root.select("button.usa-current") == []
    assert "usa-header--megamenu" not in root["class"]  # USWDS's extended megamenu has none


def test_extended_without_secondary_links_or_search_has_no_empty_list():
    root = root_element(render("header", title="Site", extended=True, items=ITEMS))
    assert root.find(class_="usa-nav__secondary") is None
    root = root_element(render("header", title="Site", extended=True, search_action="/s"))
    assert root.find(class_="usa-nav__secondary-links") is None
    assert root.select_one(".usa-nav__secondary form")["action"] == "/s"


def test_submenu_ids_come_from_the_header_id_or_the_item():
    items = [SECTION, {"text": "News", "href": "/news"}, {**SECTION, "id": "own"}, SECTION]
    root = root_element(render("header", title="Site", items=items))
    assert [b["aria-controls"] for b in root.select("button.usa-nav__link")] == [
        "nav-section-1",
        "own",
        "nav-section-4",
    ]
    root = root_element(render("header", title="Site", id="top", items=items))
    assert root.select_one("button.usa-nav__link")["aria-controls"] == "top-1"


def test_spanish_extended():
    root = root_element(render("header", **sub_params("extended-lang-es")))
    assert root["lang"] == "es"
    assert root.find("nav")["aria-label"] == "Navegación principal"
    assert root.select_one(".usa-menu-btn").get_text(strip=True) == "Menú"
    assert root.select_one(".usa-nav__close img")["alt"] == "Cerrar"
    assert root.select_one("form label").get_text(strip=True) == "Buscar"


def test_strings_in_the_spec():
    strings = get_spec("header").strings
    assert strings["en"] == {"menu": "Menu", "close": "Close", "nav_label": "Primary navigation"}
    assert strings["es"] == {"menu": "Menú", "close": "Cerrar", "nav_label": "Navegación principal"}


def test_submenu_text_is_escaped():
    items = [{"text": "<i>s</i>", "submenu": [{"text": "<b>l</b>", "href": "/"}]}]
    html = str(render("header", title="Site", items=items))
    assert "<i>" not in html and "<b>" not in html and "&lt;b&gt;l&lt;/b&gt;" in html


LANGUAGES = {"items": [{"text": "Español", "lang": "es", "href": "/es/"}]}


def test_the_language_selector_sits_between_secondary_links_and_search():
    doc = parse(
        str(
            render(
                "header",
                title="Agency",
                extended=True,
                secondary_items=[{"text": "Help", "href": "/help"}],
                language_selector=LANGUAGES,
                search_action="/search",
            )
        )
    )
    secondary = doc.find(class_="usa-nav__secondary")
    order = [child["class"][0] for child in secondary.find_all(recursive=False)]
    assert order == ["usa-nav__secondary-links", "usa-language-container", "usa-search"]
    link = secondary.find(class_="usa-language-container").find("a")
    assert (link["href"], link["hreflang"]) == ("/es/", "es")


def test_the_basic_header_puts_the_language_selector_before_search_in_the_nav():
    doc = parse(
        str(render("header", title="Agency", language_selector=LANGUAGES, search_action="/s"))
    )
    nav = doc.find("nav", class_="usa-nav")
    classes = [child["class"][0] for child in nav.find_all(recursive=False)]
    assert classes[-2:] == ["usa-language-container", "usa-search"]


def test_the_language_selector_follows_the_headers_language_unless_told():
    both = {"items": [{"text": "English", "lang": "en", "href": "/"}, *LANGUAGES["items"]]}
    spanish = parse(str(render("header", title="Agencia", lang="es", language_selector=both)))
    assert spanish.find(class_="usa-language__link").get_text(strip=True) == "Idiomas"


@pytest.mark.parametrize(
    ("selector", "path"),
    [
        ({"items": [{"text": "Es", "lang": "es", "href": "javascript:x"}]}, "items[0].href"),
        ({"itms": []}, "itms"),
    ],
)
def test_bad_language_selector_params_are_named_under_the_header(selector, path):
    with pytest.raises(
        ComponentError, match=rf"header: param 'language_selector\.{re.escape(path)}'"
    ):
        render("header", title="Agency", language_selector=selector)
    with pytest.raises(ComponentError, match="language_selector': expected a mapping"):
        render("header", title="Agency", language_selector=["es"])
