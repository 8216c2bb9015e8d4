"""The skip link: its text in both languages, its target, and the targets it refuses."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, render


def test_default_skips_to_main_content():
    link = root_element(render("skipnav"))
    assert link.name == "a"
    assert link["class"] == ["usa-skipnav"]
    assert link["href"] == "#main-content"
    assert link.get_text(strip=True) == "Skip to main content"
    assert not link.has_attr("lang")


def test_spanish_text_and_lang():
    link = root_element(render("skipnav", lang="es"))
    assert link.get_text(strip=True) == "Saltar al contenido principal"
    assert link["lang"] == "es"


def test_custom_target():
    assert root_element(render("skipnav", target="#content"))["href"] == "#content"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"target": "main-content"}, r"skipnav: param 'target': expected a fragment"),
        ({"target": "/page#main"}, r"param 'target': expected a fragment"),
        ({"target": "#"}, r"param 'target': expected a fragment"),
        ({"target": "#two words"}, r"param 'target': expected a fragment"),
        ({"target": "javascript:alert(1)"}, r"param 'target': unsafe URL"),
        ({"lang": "fr"}, r"skipnav: param 'lang': must be one of"),
        ({"attributes": {"href": "#x"}}, r"is set by the component itself"),
        ({"label": "Skip"}, r"skipnav: param 'label': unknown param"),
    ],
)
def test_bad_input_is_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("skipnav", **params)
