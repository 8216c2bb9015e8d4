"""The breadcrumb in Chromium with USWDS's CSS: it reflows at 320 px, truncation clips, axe
reports a nameless link, and the JSON-LD survives a hostile title."""

from __future__ import annotations

import json

import pytest
from browser_helpers import open_page

from uswds_components import get_spec, render
from uswds_components.testing import run_axe

pytestmark = pytest.mark.browser

SPEC = get_spec("breadcrumb")
SEED = SPEC.example("dhs-archived-news")
NARROW = (320, 900)  # WCAG 1.4.10 Reflow: 320 CSS px wide
DESKTOP = (1280, 900)  # conftest's start_chromium size: the browser is shared, restore it

_PAGE_WIDTHS = """
const root = document.documentElement;
return {scroll: root.scrollWidth, client: root.clientWidth, inner: window.innerWidth};
"""
_LIST_STATE = """
const list = document.querySelector(".usa-breadcrumb__list");
const style = getComputedStyle(list);
return {scroll: list.scrollWidth, client: list.clientWidth, whiteSpace: style.whiteSpace,
        overflow: style.overflowX, textOverflow: style.textOverflow};
"""


@pytest.fixture
def narrow_window(browser):
    browser.set_window_size(*NARROW)
    try:
        yield browser
    finally:
        browser.set_window_size(*DESKTOP)


def page_widths(browser) -> dict:
    widths = browser.execute_script(_PAGE_WIDTHS)
    assert widths["client"] <= NARROW[0], f"the viewport did not narrow: {widths}"
    return widths


def test_seed_trail_has_no_horizontal_scroll_at_320px(narrow_window, base_url):
    open_page(narrow_window, f"{base_url}/breadcrumb/{SEED.name}.html")
    widths = page_widths(narrow_window)
    assert widths["scroll"] <= widths["client"], widths
    # USWDS's small-screen trail: only the parent link shows, the rest stays for screen readers.
    shown = [
        element.text
        for element in narrow_window.find_elements("css selector", ".usa-breadcrumb__list-item")
        if element.is_displayed() and element.rect["width"] > 1
    ]
    assert shown == ["News Archive"]


def test_a_breadcrumb_wider_than_the_screen_is_caught_at_320px(narrow_window, write_page):
    # The broken case: a site style that fixes the trail's width makes the page scroll sideways.
    html = str(render("breadcrumb", **SEED.params, attributes={"style": "width: 40rem"}))
    open_page(narrow_window, write_page("fixed-width", SEED, html))
    widths = page_widths(narrow_window)
    assert widths["scroll"] > widths["client"], widths


def test_the_default_trail_wraps_and_truncate_clips_it(browser, write_page):
    # uswds #6689: with the seed's long title, --truncate hides text; the default shows it all.
    assert browser.get_window_size()["width"] == DESKTOP[0]
    open_page(browser, write_page("seed-wraps", SEED, str(render("breadcrumb", **SEED.params))))
    wrapped = browser.execute_script(_LIST_STATE)
    assert wrapped["whiteSpace"] != "nowrap" and wrapped["overflow"] != "hidden", wrapped
    assert wrapped["scroll"] <= wrapped["client"], wrapped
    html = str(render("breadcrumb", **SEED.params, truncate=True))
    open_page(browser, write_page("seed-truncated", SEED, html))
    clipped = browser.execute_script(_LIST_STATE)
    assert clipped["whiteSpace"] == "nowrap" and clipped["textOverflow"] == "ellipsis", clipped
    assert clipped["scroll"] > clipped["client"], clipped


def test_a_link_with_no_text_is_reported_by_axe(browser, open_broken):
    open_broken(SEED, "<span>About Us</span>", "<span></span>", "empty-link")
    assert "link-name" in run_axe(browser).rule_ids()


_JSON_LD = """
const scripts = document.querySelectorAll('script[type="application/ld+json"]');
return {count: scripts.length, texts: Array.from(scripts, s => s.textContent),
        injected: window.__injected === true};
"""
HOSTILE_TITLE = "</script><script>window.__injected = true</script><!--"


def test_json_ld_survives_a_hostile_title_in_the_browser(browser, write_page):
    example = SPEC.example("json-ld")
    items = [*example.params["items"][:-1], {"text": HOSTILE_TITLE}]
    html = str(render("breadcrumb", **{**example.params, "items": items}))
    open_page(browser, write_page("hostile-json-ld", example, html))
    state = browser.execute_script(_JSON_LD)
    assert state["count"] == 1 and not state["injected"], state
    data = json.loads(state["texts"][0])
    assert data["itemListElement"][-1]["name"] == HOSTILE_TITLE


def test_unescaped_json_ld_would_have_been_broken_out_of(browser, write_page):
    # The broken case: plain json.dumps inside <script> lets the title end the element. (Without
    # the title's "<!--", which would comment out the rest of the page, USWDS's JS included.)
    example = SPEC.example("json-ld")
    title = HOSTILE_TITLE.removesuffix("<!--")
    naive = json.dumps({"@type": "BreadcrumbList", "name": title})
    html = str(render("breadcrumb", **example.params)).replace(
        "</nav>", f'<script type="application/ld+json">{naive}</script></nav>'
    )
    open_page(browser, write_page("naive-json-ld", example, html))
    state = browser.execute_script(_JSON_LD)
    assert state["injected"], state
    with pytest.raises(json.JSONDecodeError):
        for text in state["texts"]:
            json.loads(text)
