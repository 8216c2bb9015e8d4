"""The textarea: label, value kept exactly, hint and error (the shared wiring)."""

from __future__ import annotations

import pytest
from conftest import parse

from uswds_components import ComponentError, render


def test_label_value_and_rows():
    soup = parse(
        str(render("textarea", label="What happened?", id="what", value="\nA flood.", rows=4))
    )
    control = soup.find("textarea")
    assert soup.find("label")["for"] == control["id"] == "what"
    assert control["name"] == "what"
    assert control["rows"] == "4"
    assert control["class"] == ["usa-textarea"]
    # An HTML parser drops the newline right after <textarea> (html.parser here does not, so
    # the markup is checked; tests/test_textarea_browser.py reads the value in Chromium).
    assert ">\n\nA flood.</textarea>" in str(
        render("textarea", label="L", id="l", value="\nA flood.")
    )


def test_an_empty_textarea_has_no_text():
    assert str(render("textarea", label="L", id="l")).endswith(">\n</textarea>\n</div>")


def test_hint_and_error():
    soup = parse(str(render("textarea", label="L", id="l", hint="H", error="E", required=True)))
    control = soup.find("textarea")
    assert control["class"] == ["usa-textarea", "usa-input--error"]
    assert control["aria-describedby"] == "l-hint l-error"
    assert control["aria-invalid"] == "true"
    assert control.has_attr("required")
    assert soup.find("abbr")["title"] == "required"


def test_spanish():
    soup = parse(str(render("textarea", label="L", id="l", error="Mal", required=True, lang="es")))
    assert soup.find("abbr")["title"] == "obligatorio"
    assert soup.find(class_="usa-error-message").get_text() == "Error: Mal"


@pytest.mark.parametrize("rows", [1, 51])
def test_rows_out_of_range_are_refused(rows):
    with pytest.raises(ComponentError, match="textarea: param 'rows'"):
        render("textarea", label="L", id="l", rows=rows)


def test_the_value_is_escaped():
    html = str(render("textarea", label="L", id="l", value="</textarea><script>x</script>"))
    assert "<script>" not in html
    assert "&lt;/textarea&gt;" in html
