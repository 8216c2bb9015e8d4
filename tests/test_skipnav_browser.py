"""The skip link and “Return to top” with USWDS's JS: keyboard focus lands on <main>, visibly.

USWDS's JS sets `outline: 0` on the target (uswds #6474); uswds-components.css restores the focus
ring. The pages here link that CSS the way a site (and our page layout) does, after uswds.min.css.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_helpers import console_errors, open_page, press
from markupsafe import Markup
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec, render
from uswds_components.gallery import PAGE_STATIC_URL, preview_page
from uswds_components.spec import Example
from uswds_components.testing import wait_until

pytestmark = pytest.mark.browser

FIX_LINK = f'<link rel="stylesheet" href="{PAGE_STATIC_URL}/uswds-components.css">'
_OUR_CSS = re.compile(r'<link[^>]*uswds-components\.css"[^>]*>')

_FOCUS_STATE = """
const main = document.querySelector("main");
const style = getComputedStyle(main);
return {activeIsMain: document.activeElement === main, inline: main.style.outline,
        outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth};
"""


def write_test_page(
    gallery_dir: Path,
    base_url: str,
    name: str,
    example: Example,
    html: str,
    *,
    with_fix: bool = True,
) -> str:
    """A preview page that links uswds-components.css after USWDS's CSS, or (with_fix=False) not
    at all, whether or not preview.html links it itself."""
    page = _OUR_CSS.sub("", preview_page(example, Markup(html)))
    if with_fix:
        assert "</head>" in page
        page = page.replace("</head>", f"{FIX_LINK}\n</head>", 1)
    path = gallery_dir / example.component / f"_test-{name}.html"
    path.write_text(page, encoding="utf-8")
    return f"{base_url}/{example.component}/{path.name}"


def focus_is_visible_on_main(state: dict) -> bool:
    return (
        state["activeIsMain"]
        and state["outlineStyle"] != "none"
        and state["outlineWidth"] not in ("0px", "")
    )


def skip_with_the_keyboard(browser) -> dict:
    press(browser, Keys.TAB)
    link = browser.switch_to.active_element
    assert "usa-skipnav" in link.get_attribute("class")
    # Off-screen until focused, then it slides in (a 0.15 s transition).
    wait_until(browser, lambda _: link.rect["y"] >= 0 and link.is_displayed(), 2)
    link.send_keys(Keys.ENTER)
    return browser.execute_script(_FOCUS_STATE)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_tab_then_enter_moves_visible_focus_to_main(browser, gallery_dir, base_url, lang):
    example = get_spec("skipnav").example("default" if lang == "en" else "lang-es")
    url = write_test_page(
        gallery_dir, base_url, f"focus-{lang}", example, render("skipnav", lang=lang)
    )
    open_page(browser, url)
    state = skip_with_the_keyboard(browser)
    assert state["inline"] in ("0px", "0"), state  # USWDS's JS did hide the outline
    assert focus_is_visible_on_main(state), state
    assert state["outlineWidth"] == "4px"  # USWDS's focus ring: 0.25rem
    assert console_errors(browser) == []


def test_without_our_css_the_focus_ring_is_lost(browser, gallery_dir, base_url):
    # The broken case: the check above fails on USWDS's CSS and JS alone (uswds #6474).
    example = get_spec("skipnav").example("default")
    url = write_test_page(
        gallery_dir, base_url, "no-fix", example, render("skipnav"), with_fix=False
    )
    open_page(browser, url)
    state = skip_with_the_keyboard(browser)
    assert state["activeIsMain"]
    assert not focus_is_visible_on_main(state), state


def test_mouse_clicks_inside_main_show_no_ring(browser, gallery_dir, base_url):
    # :focus-visible: after skipping, <main> stays focusable, but a click is not keyboard focus.
    example = get_spec("skipnav").example("default")
    url = write_test_page(gallery_dir, base_url, "click-main", example, render("skipnav"))
    open_page(browser, url)
    skip_with_the_keyboard(browser)
    browser.execute_script("document.activeElement.blur();")  # the user went elsewhere
    browser.find_element(By.TAG_NAME, "h1").click()  # focuses <main>, left focusable by the JS
    state = browser.execute_script(_FOCUS_STATE)
    assert not (state["activeIsMain"] and state["outlineStyle"] != "none"), state


def test_footer_return_to_top_moves_visible_focus_to_main(browser, gallery_dir, base_url):
    example = get_spec("footer").example("default")
    url = write_test_page(
        gallery_dir, base_url, "return-to-top", example, render("footer", **example.params)
    )
    open_page(browser, url)
    link = browser.find_element(By.CSS_SELECTOR, ".usa-footer__return-to-top a")
    link.send_keys(Keys.ENTER)
    state = browser.execute_script(_FOCUS_STATE)
    assert focus_is_visible_on_main(state), state
