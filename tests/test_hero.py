"""The hero: a named section, heading with callout, the button component's link, a safe image."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, render

FULL = {
    "callout": "New:",
    "heading": "Apply for aid",
    "text": "It takes ten minutes.",
    "button": {"text": "Start", "href": "/start"},
}


def test_the_hero_is_a_section_named_introduction():
    hero = root_element(render("hero", **FULL))
    assert (hero.name, hero["class"], hero["aria-label"]) == (
        "section",
        ["usa-hero"],
        "Introduction",
    )
    assert "style" not in hero.attrs
    heading = hero.find("h1", class_="usa-hero__heading")
    assert heading.get_text(" ", strip=True) == "New: Apply for aid"
    assert heading.find("span")["class"] == ["usa-hero__heading--alt"]


def test_the_button_is_the_button_components_markup():
    hero = root_element(render("hero", **FULL))
    button = render("button", text="Start", href="/start")
    assert str(button) in str(render("hero", **FULL))
    assert hero.find("a")["class"] == ["usa-button"]


def test_spanish_and_a_custom_label():
    hero = root_element(render("hero", heading="Hola", lang="es"))
    assert (hero["aria-label"], hero["lang"]) == ("Introducción", "es")
    assert root_element(render("hero", heading="Hi", label="Featured"))["aria-label"] == "Featured"


def test_a_given_image_is_an_inline_background():
    hero = root_element(render("hero", heading="H", image="https://example.gov/a%20b.jpg?x=1&y=2"))
    assert hero["style"] == "background-image: url('https://example.gov/a%20b.jpg?x=1&y=2')"


@pytest.mark.parametrize(
    "image",
    [
        "a.jpg') ; background: url('https://evil.example/x",
        'a.jpg")',
        "a b.jpg",
        "a\\.jpg",
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "mailto:a@example.gov",
        " ",
    ],
)
def test_an_image_url_that_could_leave_its_css_is_refused(image):
    with pytest.raises(ComponentError, match=r"hero: param 'image'"):
        render("hero", heading="H", image=image)


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"heading": " "}, "heading"),
        ({"heading": "H", "callout": ""}, "callout"),
        ({"heading": "H", "button": {"text": "Go"}}, r"button.href"),
        ({"heading": "H", "button": {"text": " ", "href": "/x"}}, r"button.text"),
        ({"heading": "H", "heading_level": 7}, "heading_level"),
    ],
)
def test_bad_input_is_refused(params, path):
    with pytest.raises(ComponentError, match=rf"hero: param '{path}'"):
        render("hero", **params)
