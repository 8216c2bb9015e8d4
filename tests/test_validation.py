"""The validation checklist: its requirements in the HTML and in the field's description, USWDS's
data-validate-* wiring, the status words in English and Spanish, the shared field wiring."""

from __future__ import annotations

import re

import pytest
from conftest import root_element

from uswds_components import ComponentError, render

ITEMS = [
    {"pattern": "[A-Z]", "text": "Use an uppercase letter"},
    {"pattern": r"\d", "text": "Use a number"},
]


def field_of(**params):
    return root_element(
        str(
            render(
                "validation",
                **{"label": "Code", "id": "code", "heading": "Rules", "heading_level": 3, **params},
            )
        )
    )


def test_the_checklist_and_the_field_wired_for_uswds_js():
    root = field_of(items=ITEMS)
    assert root["class"] == ["usa-form-group"]
    assert root.find("h3").get_text() == "Rules"
    checklist = root.find("ul")
    assert checklist["class"] == ["usa-checklist"]
    assert checklist["id"] == "code-checklist"
    assert [(li["data-validator"], li.get_text()) for li in checklist.find_all("li")] == [
        ("rulea", "Use an uppercase letter"),
        ("ruleb", "Use a number"),
    ]
    field = root.find("input")
    assert field["type"] == "text"
    assert field["data-validate-rulea"] == "[A-Z]"
    assert field["data-validate-ruleb"] == r"\d"
    assert field["data-validation-element"] == "code-checklist"
    assert field["aria-describedby"] == "code-checklist"
    assert field["data-describedby"] == "code-checklist"
    assert root.find("label")["for"] == "code"


def test_hint_checklist_then_error_describe_the_field():
    root = field_of(items=ITEMS, hint="H", error="E", heading_level=2, type="password")
    field = root.find("input")
    assert field["type"] == "password"
    assert field["aria-describedby"] == "code-hint code-checklist code-error"
    assert field["data-describedby"] == "code-hint code-checklist code-error"
    assert field["aria-invalid"] == "true"
    assert root.find("h2").get_text() == "Rules"
    assert root["class"] == ["usa-form-group", "usa-form-group--error"]


def test_a_textarea():
    root = field_of(items=ITEMS[:1], element="textarea")
    assert root.find("textarea")["data-validation-element"] == "code-checklist"
    assert root.find("input") is None


def test_status_words_in_english_and_spanish():
    english = field_of(items=ITEMS).find("input")
    assert english["data-validation-complete"] == "status complete"
    assert english["data-validation-incomplete"] == "status incomplete"
    root = field_of(items=ITEMS, lang="es")
    assert root["lang"] == "es"
    spanish = root.find("input")
    assert spanish["data-validation-complete"] == "requisito cumplido"
    assert spanish["data-validation-incomplete"] == "requisito pendiente"


def test_the_script_tag_and_its_nonce():
    script = field_of(items=ITEMS, nonce="abc=").find("script")
    assert script["src"].endswith("/validation.js")
    assert script["nonce"] == "abc="
    assert field_of(items=ITEMS, script=False).find("script") is None


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"items": []}, "items"),
        ({"items": ITEMS * 14}, "items"),
        ({"items": [{**ITEMS[0], "validator": "upper"}]}, "items[0].validator"),
        ({"items": [{**ITEMS[0], "pattern": " "}]}, "items[0].pattern"),
        ({"items": ITEMS, "element": "textarea", "type": "password"}, "type"),
        ({"items": ITEMS, "script": False, "nonce": "abc="}, "nonce"),
        ({"items": ITEMS, "heading": " "}, "heading"),
    ],
)
def test_bad_params_are_refused(params, path):
    with pytest.raises(ComponentError, match=re.escape(f"validation: param '{path}'")):
        field_of(**params)


def test_patterns_and_text_are_escaped():
    root = field_of(items=[{"pattern": '"><script>', "text": "<b>x</b>"}], script=False)
    assert root.find("script") is None
    assert root.find("input")["data-validate-rulea"] == '"><script>'
    assert root.find("li").get_text() == "<b>x</b>"
