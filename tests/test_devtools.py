"""The browser checks' own DevTools session (uswds_components.testing.devtools)."""

from __future__ import annotations

import pytest
from browser_helpers import open_page

from uswds_components.testing.devtools import DevToolsError, devtools

pytestmark = pytest.mark.browser


def test_a_script_gets_its_arguments_and_returns_by_value(browser, base_url):
    open_page(browser, f"{base_url}/banner/default.html")
    tools = devtools(browser)
    assert tools.run("return [document.title, arguments[0].a + 1];", {"a": 1}) == [
        browser.title,
        2,
    ]


def test_a_thrown_error_and_an_unknown_command_are_errors(browser, base_url):
    open_page(browser, f"{base_url}/banner/default.html")
    tools = devtools(browser)
    with pytest.raises(DevToolsError, match="no such thing"):
        tools.run("throw new Error('no such thing');")
    with pytest.raises(DevToolsError, match=r"Nowhere\.atAll"):
        tools.send("Nowhere.atAll")


def test_the_session_follows_the_page_across_navigations(browser, base_url):
    open_page(browser, f"{base_url}/banner/default.html")
    tools = devtools(browser)
    open_page(browser, f"{base_url}/alert/info.html")
    assert devtools(browser) is tools
    assert tools.run("return location.pathname;") == "/alert/info.html"
