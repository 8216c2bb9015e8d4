"""The search form: sizes, the label and button text in both languages, GET params, bad input."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, get_spec, render


def test_default_is_medium_with_a_labelled_field_and_a_text_button():
    form = root_element(render("search", action="/search"))
    assert form.name == "form" and form["class"] == ["usa-search"]
    assert form["role"] == "search" and form["action"] == "/search"
    assert not form.has_attr("method")  # GET, the HTML default: results pages are linkable
    label, field = form.find("label"), form.find("input")
    assert label["class"] == ["usa-sr-only"] and label.get_text(strip=True) == "Search"
    assert label["for"] == field["id"] == "search-field"
    assert field["type"] == "search" and field["name"] == "search"
    assert not field.has_attr("value")
    button = form.find("button")
    assert button["type"] == "submit"
    assert button.select_one(".usa-search__submit-text").get_text(strip=True) == "Search"
    assert button.select_one("img.usa-search__submit-icon")["alt"] == "Search"


def test_there_is_no_section_landmark_around_the_form():
    html = str(render("search", action="/search"))
    assert "<section" not in html and 'aria-label="Search component"' not in html


@pytest.mark.parametrize(
    ("size", "modifier", "has_text"),
    [
        ("big", ["usa-search--big"], True),
        ("medium", [], True),
        ("small", ["usa-search--small"], False),
    ],
)
def test_sizes(size, modifier, has_text):
    form = root_element(render("search", action="/s", size=size))
    assert form["class"] == ["usa-search", *modifier]
    assert (form.select_one(".usa-search__submit-text") is not None) is has_text
    assert form.select_one("button img")["alt"] == "Search"


def test_spanish_strings():
    form = root_element(render("search", action="/buscar", lang="es"))
    assert form["lang"] == "es"
    assert form.find("label").get_text(strip=True) == "Buscar"
    assert form.select_one(".usa-search__submit-text").get_text(strip=True) == "Buscar"
    assert form.select_one("button img")["alt"] == "Buscar"


def test_strings_in_the_spec():
    strings = get_spec("search").strings
    assert strings["en"]["label"] == "Search" and strings["es"]["label"] == "Buscar"


def test_label_button_text_name_id_and_value_are_settable():
    form = root_element(render("search", **get_spec("search").example("results-page").params))
    field = form.find("input")
    assert field["id"] == form.find("label")["for"] == "site-search"
    assert field["name"] == "query" and field["value"] == "passport renewal"
    assert form.find("label").get_text(strip=True) == "Search this site"
    assert form.select_one(".usa-search__submit-text").get_text(strip=True) == "Find"
    assert form.select_one("button img")["alt"] == "Find"


def test_button_text_defaults_to_the_label():
    form = root_element(render("search", action="/s", label="Search the archive"))
    assert form.select_one("button img")["alt"] == "Search the archive"


def test_text_is_escaped():
    html = str(render("search", action="/s", label="<b>x</b>", value='"><script>'))
    assert "<b>" not in html and "<script>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, r"search: param 'action': is required"),
        ({"action": "javascript:alert(1)"}, r"param 'action': unsafe URL"),
        ({"action": "/s", "size": "large"}, r"param 'size': must be one of"),
        ({"action": "/s", "label": " "}, r"param 'label': is empty"),
        ({"action": "/s", "button_text": ""}, r"param 'button_text': is empty"),
        ({"action": "/s", "name": " "}, r"param 'name': is empty"),
        ({"action": "/s", "id": "two words"}, r"param 'id': expected an id"),
        ({"action": "/s", "lang": "fr"}, r"param 'lang': must be one of"),
        ({"action": "/s", "attributes": {"role": "form"}}, r"attributes\[\"role\"\]"),
    ],
)
def test_bad_input_is_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("search", **params)
