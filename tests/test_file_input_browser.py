"""The file input in Chromium with USWDS's JS and file-input.js: named by its label, then
USWDS's instructions; described by hint then error; USWDS's words in English or Spanish as files
are chosen; without JS the browser's own file input."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, eventually, open_page, open_without_scripts, press
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec, render
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

ROOT = "document.querySelector('.usa-form-group')"


def file_control(browser):
    tree = component_ax_tree(browser, ROOT)
    (node,) = [node for node in tree.walk() if node.role == "button"]
    return node


def status(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, ".usa-file-input > .usa-sr-only").get_attribute(
        "textContent"
    )


def instructions(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, ".usa-file-input__instructions").get_attribute(
        "textContent"
    )


@pytest.fixture
def files(tmp_path):
    paths = []
    for name in ("lease.pdf", "Change file.pdf"):
        path = tmp_path / name
        path.write_bytes(b"%PDF-1.4\n")
        paths.append(str(path))
    return paths


def test_the_label_names_the_input_before_uswds_instructions(browser, base_url):
    open_page(browser, f"{base_url}/file_input/error.html")
    node = file_control(browser)
    # Headless Chromium has no fine pointer, so USWDS offers "Choose from folder" only; Chromium
    # adds the file input's own state to its name.
    assert node.name == "Upload your signed form Choose from folder: No file chosen"
    assert node.description == "Select a PDF file Error: The selected file must be a PDF"
    assert console_errors(browser) == []


def test_the_check_catches_uswds_aria_label_alone(browser, open_broken):
    example = get_spec("file_input").example("error")
    open_broken(example, "/file-input.js", "/missing-file-input.js", "no-script")
    assert file_control(browser).name == "Choose from folder"


def test_choosing_a_file_is_said(browser, base_url, files):
    open_page(browser, f"{base_url}/file_input/default.html")
    assert status(browser) == "No file selected."
    field = browser.find_element(By.ID, "proof-of-address")
    field.send_keys(files[0])
    assert eventually(browser, lambda: status(browser) == "You have selected the file: lease.pdf")
    heading = browser.find_element(By.CSS_SELECTOR, ".usa-file-input__preview-heading")
    assert heading.get_attribute("textContent") == "Selected file Change file"
    assert file_control(browser).name == "Upload your proof of address Change file: lease.pdf"


def test_spanish_words_and_file_names_kept(browser, base_url, files):
    open_page(browser, f"{base_url}/file_input/spanish.html")
    assert instructions(browser) == "Elija de una carpeta"
    assert status(browser) == "No se seleccionó ningún archivo."
    node = file_control(browser)
    assert node.name == "Suba su comprobante de domicilio Elija de una carpeta: No file chosen"
    browser.find_element(By.ID, "comprobante").send_keys(files[1])
    assert eventually(browser, lambda: status(browser) == "Seleccionó el archivo: Change file.pdf")
    heading = browser.find_element(By.CSS_SELECTOR, ".usa-file-input__preview-heading")
    assert heading.get_attribute("textContent") == "Archivo seleccionado Cambiar archivo"
    preview = browser.find_element(By.CSS_SELECTOR, ".usa-file-input__preview")
    assert preview.get_attribute("textContent").strip() == "Change file.pdf"
    assert file_control(browser).name == (
        "Suba su comprobante de domicilio Cambiar archivo: Change file.pdf"
    )


def test_several_files_in_spanish_plural(browser, write_page, files):
    example = get_spec("file_input").example("spanish")
    html = str(render("file_input", lang="es", label="Documentos", id="docs", multiple=True))
    open_page(browser, write_page("spanish-multiple", example, html))
    assert instructions(browser) == "Elija de una carpeta"
    assert status(browser) == "No se seleccionaron archivos."
    browser.find_element(By.ID, "docs").send_keys("\n".join(files))
    assert eventually(
        browser,
        lambda: status(browser) == "Seleccionó 2 archivos: lease.pdf, Change file.pdf",
    )
    heading = browser.find_element(By.CSS_SELECTOR, ".usa-file-input__preview-heading")
    assert heading.get_attribute("textContent") == "2 archivos seleccionados Cambiar archivos"


# USWDS writes "Drag file here or" only for a fine pointer (a mouse), which headless Chromium
# does not report: these tests write USWDS's English words as its JS does there.
WRITE_DRAG_TEXT = """
const [text, label] = arguments;
const instructions = document.querySelector('.usa-file-input__instructions');
const drag = document.createElement('span');
drag.className = 'usa-file-input__drag-text';
drag.textContent = text;
instructions.prepend(drag, document.createTextNode(' '));
instructions.querySelector('.usa-file-input__choose').textContent = 'choose from folder';
document.querySelector('input[type=file]').setAttribute('aria-label', label);
"""


@pytest.mark.parametrize(
    ("page", "uswds_words", "said"),
    [
        ("default", "Drag file here or", "Drag file here or choose from folder"),
        ("multiple", "Drag files here or", "Drag files here or choose from folder"),
        ("spanish", "Drag file here or", "Arrastre el archivo aquí o elíjalo de una carpeta"),
        (
            "spanish",
            "Drag files here or",
            "Arrastre los archivos aquí o elíjalo de una carpeta",
        ),
    ],
)
def test_with_a_mouse_the_drag_text_is_said_in_the_page_language(
    browser, base_url, page, uswds_words, said
):
    open_page(browser, f"{base_url}/file_input/{page}.html")
    browser.execute_script(WRITE_DRAG_TEXT, uswds_words, f"{uswds_words} choose from folder")
    assert eventually(browser, lambda: instructions(browser) == said)
    label = get_spec("file_input").example(page).params["label"]
    assert file_control(browser).name == f"{label} {said}: No file chosen"


def test_tab_reaches_the_input(browser, base_url):
    open_page(browser, f"{base_url}/file_input/multiple.html")
    browser.find_element(By.TAG_NAME, "h1").click()
    press(browser, Keys.TAB)
    assert browser.switch_to.active_element.get_attribute("id") == "pay-stubs"


def test_without_javascript_it_is_the_browsers_file_input(browser, base_url, gallery_dir, files):
    open_without_scripts(browser, base_url, gallery_dir, "file_input/specific")
    field = browser.find_element(By.ID, "signed-form")
    assert field.is_displayed()
    assert field.get_attribute("aria-label") is None
    assert browser.find_elements(By.CSS_SELECTOR, ".usa-file-input__instructions") == []
    field.send_keys(files[0])
    assert browser.execute_script("return document.getElementById('signed-form').files.length") == 1
