"""The file input: a labelled file input, the shared field wiring, USWDS's words in English and
Spanish for file-input.js."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, render


def test_a_labelled_file_input():
    root = root_element(str(render("file_input", label="Upload", id="upload")))
    assert root["class"] == ["usa-form-group"]
    field = root.find("input")
    assert field["class"] == ["usa-file-input"]
    assert field["type"] == "file"
    assert field["name"] == "upload"
    assert root.find("label")["for"] == "upload"
    assert not field.has_attr("accept")
    assert not field.has_attr("multiple")
    assert not field.has_attr("aria-describedby")
    assert not field.has_attr("autocomplete")


def test_accept_and_multiple():
    root = root_element(
        str(render("file_input", label="L", id="l", accept=".pdf,.txt", multiple=True))
    )
    field = root.find("input")
    assert field["accept"] == ".pdf,.txt"
    assert field.has_attr("multiple")


def test_hint_and_error_go_through_the_shared_wiring():
    root = root_element(
        str(render("file_input", label="L", id="l", hint="PDF only", error="Not a PDF"))
    )
    assert root["class"] == ["usa-form-group", "usa-form-group--error"]
    assert root.find("label")["class"] == ["usa-label", "usa-label--error"]
    field = root.find("input")
    assert field["aria-describedby"] == "l-hint l-error"
    assert field["aria-invalid"] == "true"
    assert root.find(id="l-error").get_text() == "Error: Not a PDF"


def test_english_words():
    root = root_element(str(render("file_input", label="L", id="l")))
    assert root.find("input")["data-errormessage"] == "Error: This is not a valid file type."
    assert root["data-drag-one"] == "Drag file here or"
    assert root["data-drag-many"] == "Drag files here or"
    assert root["data-choose"] == "choose from folder"
    assert root["data-choose-start"] == "Choose from folder"
    assert root["data-none-one"] == "No file selected."
    assert root["data-none-many"] == "No files selected."
    assert root["data-selected-one"] == "You have selected the file: {files}"
    assert root["data-selected-many"] == "You have selected {count} files: {files}"
    assert root["data-heading-one"] == "Selected file"
    assert root["data-heading-many"] == "{count} files selected"
    assert root["data-change-one"] == "Change file"
    assert root["data-change-many"] == "Change files"


def test_spanish_words():
    root = root_element(str(render("file_input", label="L", id="l", lang="es", required=True)))
    assert root["lang"] == "es"
    assert root.find("abbr")["title"] == "obligatorio"
    assert root.find("input")["aria-required"] == "true"
    assert not root.find("input").has_attr("required")
    assert root.find("input")["data-errormessage"] == "Error: Este tipo de archivo no es válido."
    assert root["data-drag-one"] == "Arrastre el archivo aquí o"
    assert root["data-drag-many"] == "Arrastre los archivos aquí o"
    assert root["data-choose"] == "elíjalo de una carpeta"
    assert root["data-choose-start"] == "Elija de una carpeta"
    assert root["data-none-one"] == "No se seleccionó ningún archivo."
    assert root["data-none-many"] == "No se seleccionaron archivos."
    assert root["data-selected-one"] == "Seleccionó el archivo: {files}"
    assert root["data-selected-many"] == "Seleccionó {count} archivos: {files}"
    assert root["data-heading-one"] == "Archivo seleccionado"
    assert root["data-heading-many"] == "{count} archivos seleccionados"
    assert root["data-change-one"] == "Cambiar archivo"
    assert root["data-change-many"] == "Cambiar archivos"


def test_the_script_tag_and_its_nonce():
    root = root_element(str(render("file_input", label="L", id="l", nonce="abc=")))
    script = root.find("script")
    assert script["src"].endswith("/file-input.js")
    assert script["nonce"] == "abc="
    assert "<script" not in str(render("file_input", label="L", id="l", script=False))


def test_caller_attributes_join_the_form_groups_own():
    root = root_element(
        str(render("file_input", label="L", id="l", classes="x", attributes={"data-field": "f"}))
    )
    assert root["class"] == ["usa-form-group", "x"]
    assert root["data-field"] == "f"
    assert root.has_attr("data-uswds-components-file-input")


@pytest.mark.parametrize(
    ("params", "path"),
    [
        ({"accept": "pdf"}, "accept"),
        ({"accept": ".pdf,,.txt"}, "accept"),
        ({"script": False, "nonce": "abc="}, "nonce"),
        ({"attributes": {"data-drag-one": "x"}}, "attributes"),
        ({"control_attributes": {"aria-label": "x"}}, "control_attributes"),
        ({"error": " "}, "error"),
    ],
)
def test_bad_params_are_refused(params, path):
    with pytest.raises(ComponentError, match=f"file_input: param '{path}"):
        render("file_input", **{"label": "L", "id": "l", **params})
