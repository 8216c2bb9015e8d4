"""The error message in Chromium: read with its control, "Error:" first; shown without JS."""

from __future__ import annotations

import pytest
from browser_helpers import open_page, open_without_scripts
from selenium.webdriver.common.by import By

from uswds_components import get_spec, render
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser


def custom_control(error_id: str) -> str:
    message = str(render("error_message", id="name-error", text="Enter your name"))
    return (
        f'<div><label class="usa-label" for="name">Name</label>{message}'
        f'<input class="usa-input" id="name" aria-invalid="true" aria-describedby="{error_id}">'
        "</div>"
    )


def description(browser) -> str:
    (node,) = component_ax_tree(browser, "document.getElementById('name')").find_all("textbox")
    return node.description


def test_the_control_is_described_by_the_message_with_its_prefix(browser, write_page):
    example = get_spec("error_message").example("default")
    open_page(browser, write_page("described", example, custom_control("name-error")))
    assert description(browser) == "Error: Enter your name"


def test_the_check_catches_a_message_no_control_names(browser, write_page):
    example = get_spec("error_message").example("default")
    open_page(browser, write_page("unnamed", example, custom_control("name-eror")))
    assert description(browser) == ""


def test_the_prefix_is_hidden_but_read(browser, base_url, gallery_dir):
    open_without_scripts(browser, base_url, gallery_dir, "error_message/default")
    message = browser.find_element(By.CSS_SELECTOR, ".usa-error-message")
    assert message.is_displayed()
    assert not message.text.startswith("Error:")  # visually hidden: not in the rendered text
    prefix = browser.find_element(By.CSS_SELECTOR, ".usa-error-message .usa-sr-only")
    assert prefix.get_attribute("textContent") == "Error: "
