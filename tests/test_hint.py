"""The hint: text or HTML with an id, or USWDS's required-fields line in both languages."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from uswds_components import ComponentError, render


def test_text_with_an_id():
    assert str(render("hint", id="h", text="For example, 123 45 6789")) == (
        '<div class="usa-hint" id="h">For example, 123 45 6789</div>'
    )


def test_html():
    html = str(render("hint", html=Markup("<ul><li>One</li></ul>")))
    assert html == '<div class="usa-hint"><ul><li>One</li></ul></div>'


def test_the_required_instructions_in_both_languages():
    assert str(render("hint", required_instructions=True)) == (
        '<div class="usa-hint"><abbr title="required" class="usa-hint usa-hint--required">*</abbr>'
        " indicates a required field.</div>"
    )
    assert str(render("hint", required_instructions=True, lang="es")) == (
        '<div class="usa-hint" lang="es"><abbr title="obligatorio" class="usa-hint '
        'usa-hint--required">*</abbr> indica un campo obligatorio.</div>'
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "one of text or html is required"),
        ({"text": " "}, "is empty"),
        ({"text": "a", "required_instructions": True}, "leave text and html out"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("hint", **params)
