"""The error message: the hidden "Error:" in both languages, an id, no role="alert"."""

from __future__ import annotations

import pytest

from uswds_components import ComponentError, render


def test_the_message_with_its_hidden_prefix():
    assert str(render("error_message", id="e", text="Enter your name")) == (
        '<span class="usa-error-message" id="e"><span class="usa-sr-only">Error: </span>'
        "Enter your name</span>"
    )


def test_spanish():
    assert str(render("error_message", id="e", text="Escriba su nombre", lang="es")) == (
        '<span class="usa-error-message" id="e" lang="es"><span class="usa-sr-only">Error: </span>'
        "Escriba su nombre</span>"
    )


def test_no_live_region():
    assert "role=" not in str(render("error_message", id="e", text="x"))


@pytest.mark.parametrize(
    ("params", "message"),
    [({"id": "e", "text": " "}, "is empty"), ({"text": "x"}, "param 'id': is required")],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("error_message", **params)
