"""The character count: the limit in the HTML, the shared field wiring, its words in English
and Spanish."""

from __future__ import annotations

import pytest
from conftest import parse, root_element

from uswds_components import ComponentError, render


def test_an_input_with_its_limit_and_message():
    html = str(render("character_count", label="Name", id="name", maxlength=25, hint="H"))
    root = root_element(html)
    assert root["class"] == ["usa-character-count"]
    field = root.find("input")
    assert field["class"] == ["usa-input", "usa-character-count__field"]
    assert field["type"] == "text"
    assert field["maxlength"] == "25"
    assert field["name"] == "name"
    assert root.find("label")["for"] == "name"
    group = root.find(class_="usa-form-group")
    assert group.parent is root
    message = root.find(class_="usa-character-count__message")
    assert message.parent is root
    assert message["id"] == "name-info"
    assert message.get_text() == "You can enter up to 25 characters"
    assert field["aria-describedby"] == "name-hint name-info"
    assert not field.has_attr("aria-invalid")


def test_a_textarea_with_rows_and_its_value():
    soup = parse(
        str(
            render(
                "character_count",
                label="L",
                id="l",
                element="textarea",
                maxlength=50,
                rows=5,
                value="\nA flood.",
            )
        )
    )
    field = soup.find("textarea")
    assert field["class"] == ["usa-textarea", "usa-character-count__field"]
    assert field["rows"] == "5"
    assert field["maxlength"] == "50"
    assert soup.find("input") is None


def test_the_error_goes_through_the_shared_wiring_after_hint_and_limit():
    soup = parse(
        str(render("character_count", label="L", id="l", maxlength=5, hint="H", error="Too long"))
    )
    assert soup.find(class_="usa-form-group")["class"] == [
        "usa-form-group",
        "usa-form-group--error",
    ]
    assert soup.find("label")["class"] == ["usa-label", "usa-label--error"]
    field = soup.find("input")
    assert "usa-input--error" in field["class"]
    assert field["aria-invalid"] == "true"
    assert field["aria-describedby"] == "l-hint l-info l-error"
    assert soup.find(id="l-error").get_text() == "Error: Too long"


def test_english_words():
    root = root_element(str(render("character_count", label="L", id="l", maxlength=1)))
    assert root.find(class_="usa-character-count__message").get_text() == (
        "You can enter up to 1 characters"
    )
    assert root["data-allowed"] == "{count} characters allowed"
    assert root["data-left-one"] == "{count} character left"
    assert root["data-left"] == "{count} characters left"
    assert root["data-over-one"] == "{count} character over limit"
    assert root["data-over"] == "{count} characters over limit"
    assert root["data-exceeded"] == "Character limit exceeded."
    assert root["data-too-long"] == "The content is too long."
    assert not root.has_attr("lang")


def test_spanish_words():
    root = root_element(
        str(render("character_count", label="L", id="l", maxlength=30, lang="es", required=True))
    )
    assert root["lang"] == "es"
    assert root.find(class_="usa-character-count__message").get_text() == (
        "Puede escribir hasta 30 caracteres"
    )
    assert root["data-allowed"] == "{count} caracteres permitidos"
    assert root["data-left-one"] == "Queda {count} carácter"
    assert root["data-left"] == "Quedan {count} caracteres"
    assert root["data-over-one"] == "{count} carácter por encima del límite"
    assert root["data-over"] == "{count} caracteres por encima del límite"
    assert root["data-exceeded"] == "Se superó el límite de caracteres."
    assert root["data-too-long"] == "El texto es demasiado largo."
    assert root.find("abbr")["title"] == "obligatorio"


def test_the_script_tag_and_its_nonce():
    html = str(render("character_count", label="L", id="l", maxlength=3, nonce="abc="))
    root = root_element(html)
    script = root.find("script")
    assert script["src"].endswith("/character-count.js")
    assert script["nonce"] == "abc="
    assert script.has_attr("defer")
    html = str(render("character_count", label="L", id="l", maxlength=3, script=False))
    assert "<script" not in html


def test_classes_and_attributes_go_on_the_wrapper_only():
    root = root_element(
        str(
            render(
                "character_count",
                label="L",
                id="l",
                maxlength=3,
                classes="extra",
                attributes={"data-field": "x"},
            )
        )
    )
    assert root["class"] == ["usa-character-count", "extra"]
    assert root["data-field"] == "x"
    group = root.find(class_="usa-form-group")
    assert group["class"] == ["usa-form-group"]
    assert not group.has_attr("data-field")


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"rows": 4}, "rows"),
        ({"script": False, "nonce": "abc="}, "nonce"),
        ({"maxlength": 0}, "maxlength"),
        ({"element": "select"}, "element"),
        ({"hint": "  "}, "hint"),
        ({"label": " "}, "label"),
    ],
)
def test_bad_params_are_refused(params, path):
    with pytest.raises(ComponentError, match=f"character_count: param '{path}'"):
        render("character_count", **{"label": "L", "id": "l", "maxlength": 5, **params})


def test_the_value_is_escaped():
    html = str(
        render(
            "character_count",
            label="L",
            id="l",
            maxlength=5,
            element="textarea",
            value="</textarea><script>x</script>",
        )
    )
    assert "<script>x" not in html
    assert "&lt;/textarea&gt;" in html
