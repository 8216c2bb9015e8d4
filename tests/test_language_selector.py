"""The language selector: the two-language link, the dropdown, lang/hreflang, strings, bad input."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, get_spec, render

SPEC = get_spec("language_selector")
EXAMPLES = [pytest.param(e, id=e.name) for e in SPEC.examples]
THREE = [
    {"text": "Español", "lang": "es", "href": "/es/", "translation": "Spanish"},
    {"text": "Français", "lang": "fr", "href": "/fr/", "translation": "French"},
    {"text": "中文", "lang": "zh-Hans", "href": "/zh/"},
]


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_option_names_its_language_in_that_language(example):
    items = SPEC.validate(example.params)["items"]
    root = root_element(render("language_selector", **example.params))
    assert "usa-language-container" in root["class"]
    links = [a for a in root.find_all("a") if a.has_attr("hreflang")]
    assert len(links) == len(items)
    for link, item in zip(links, items, strict=True):
        assert link["href"] == item["href"]
        assert link["hreflang"] == item["lang"]
        name = link.find("span")
        assert name["lang"] == item["lang"] == name["xml:lang"]
        assert name.get_text(strip=True) == item["text"]
    assert root.find(hidden=True) is None  # no-JS first: nothing hidden in the markup


def test_two_languages_is_one_link_styled_as_a_button():
    html = render("language_selector", items=[{"text": "Español", "lang": "es", "href": "/es/"}])
    root = root_element(html)
    assert root["class"] == ["usa-language-container"]
    link = root.find("a")
    assert link["class"] == ["usa-button"]
    assert link["hreflang"] == "es"
    assert link.find("span")["lang"] == "es"
    assert link.get_text(strip=True) == "Español"
    assert root.find("button") is None and root.find("script") is None


def test_the_dropdown_has_a_button_controlling_the_submenu():
    root = root_element(render("language_selector", items=THREE, more={"href": "/languages"}))
    assert root["class"] == ["usa-language-container", "usa-language--small"]
    button = root.find("button")
    assert button["type"] == "button"
    assert button["class"] == ["usa-button", "usa-language__link"]
    assert button["aria-expanded"] == "false"
    assert not button.has_attr("role")
    assert button.get_text(strip=True) == "Languages"
    submenu = root.find(id=button["aria-controls"])
    assert submenu.name == "ul" and submenu["class"] == ["usa-language__submenu"]
    assert not submenu.has_attr("hidden")
    texts = [" ".join(a.get_text().split()) for a in submenu.find_all("a")]
    assert texts == [
        "Español (Spanish)",
        "Français (French)",
        "中文",
        "Selected content in additional languages",
    ]
    # The page-language name sits outside the foreign-language span.
    assert submenu.find("a").find("span").get_text(strip=True) == "Español"
    script = root.find("script")
    assert script["src"] == "/assets/uswds-components/language-selector.js"
    assert script.has_attr("defer")


def test_spanish_strings():
    root = root_element(
        render("language_selector", lang="es", items=THREE, more={"href": "/es/idiomas"})
    )
    assert root["lang"] == "es"
    assert root.find("button").get_text(strip=True) == "Idiomas"
    assert root.find_all("a")[-1].get_text(strip=True) == "Contenido seleccionado en otros idiomas"


def test_the_strings_in_both_languages():
    assert dict(SPEC.strings["en"]) == {
        "label": "Languages",
        "more": "Selected content in additional languages",
    }
    assert dict(SPEC.strings["es"]) == {
        "label": "Idiomas",
        "more": "Contenido seleccionado en otros idiomas",
    }


def test_unstyled_label_more_text_id_and_nonce():
    root = root_element(
        render(
            "language_selector",
            items=THREE,
            unstyled=True,
            label="Other languages",
            more={"href": "/more", "text": "More"},
            id="langs",
            nonce="abc123==",
        )
    )
    assert root["class"] == ["usa-language-container"]
    button = root.find("button")
    assert button["class"] == ["usa-button", "usa-button--unstyled", "usa-language__link"]
    assert button["aria-controls"] == "langs"
    assert button.get_text(strip=True) == "Other languages"
    assert root.find_all("a")[-1].get_text(strip=True) == "More"
    assert root.find("script")["nonce"] == "abc123=="


@pytest.mark.parametrize(
    ("params", "path", "message"),
    [
        ({"items": []}, "items", "at least 1"),
        ({"items": [{"text": " ", "lang": "es", "href": "/es/"}]}, "items[0].text", "is empty"),
        (
            {"items": [{"text": "Español", "lang": "es_MX", "href": "/es/"}]},
            "items[0].lang",
            "not a BCP 47 language tag",
        ),
        (
            {"items": [*THREE, {"text": "Español", "lang": "ES", "href": "/x/"}]},
            "items[3].lang",
            "already the language of items[0]",
        ),
        (
            {"items": [{"text": "Español", "lang": "es", "href": "javascript:alert(1)"}]},
            "items[0].href",
            "unsafe URL",
        ),
        ({"items": [{"text": "Español", "lang": "es", "href": " "}]}, "items[0].href", "is empty"),
        ({"items": [{"text": "Español", "lang": "es"}]}, "items[0].href", "is required"),
        (
            {"items": [{"text": "Español", "lang": "es", "href": "/es/"}], "label": "Idiomas"},
            "label",
            "for the dropdown",
        ),
        (
            {"items": [{"text": "Español", "lang": "es", "href": "/es/"}], "more": {"href": "/m"}},
            "more",
            "for the dropdown",
        ),
        (
            {
                "items": [
                    {"text": "Español", "lang": "es", "href": "/es/", "translation": "Spanish"}
                ]
            },
            "items[0].translation",
            "is for the dropdown",
        ),
        ({"items": THREE, "more": {"text": "More"}}, "more.href", "is required"),
        ({"items": THREE, "more": {"href": "/m", "text": ""}}, "more.text", "is empty"),
        ({"items": THREE, "label": " "}, "label", "is empty"),
        ({"items": THREE, "lang": "fr"}, "lang", "must be one of"),
        ({"items": THREE, "nonce": "a b"}, "nonce", "base64"),
    ],
)
def test_bad_input_names_the_param(params, path, message):
    with pytest.raises(ComponentError) as caught:
        render("language_selector", **params)
    assert caught.value.component == "language_selector"
    assert caught.value.param == path
    assert message in str(caught.value)
