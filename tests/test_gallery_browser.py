"""The gallery in Chromium: its own pages pass axe, `--check` badges, screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import open_page
from conftest import parse
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from uswds_components import render
from uswds_components.gallery import build, write_pages
from uswds_components.gallery.check import (
    WITHOUT_PREVIEWS,
    check_passed,
    load_results,
    run_check,
)
from uswds_components.gallery.screenshots import gallery_screenshots
from uswds_components.registry import get_spec
from uswds_components.testing import run_axe

pytestmark = pytest.mark.browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BROKEN = "gov_notice/mil"


@pytest.mark.parametrize("page", ["index.html", "banner/index.html"])
def test_the_gallerys_own_pages_pass_axe(browser, base_url, page):
    open_page(browser, f"{base_url}/{page}")
    frames = browser.execute_script(
        "return [...document.querySelectorAll('iframe')].map("
        "f => f.contentDocument && f.contentDocument.readyState)"
    )
    assert frames == (["complete"] * 3 if page == "banner/index.html" else [])
    # Each preview passes on its own page (test_a11y); side by side, three banners share one
    # landmark name across frames (axe's best-practice landmark-unique, reported only when every
    # frame's axe answers in time, so not asserted here). The gallery's pages are checked without
    # their preview frames.
    result = run_axe(browser, context=WITHOUT_PREVIEWS)
    assert result.failures == [], result.report()
    assert result.passes > 20


@pytest.fixture(scope="module")
def small_gallery(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three previews, one deliberately broken: gray text on white fails color-contrast."""
    out = tmp_path_factory.mktemp("small-gallery")
    low_contrast = str(render("gov_notice", tld="mil", attributes={"style": "color: #d0d0d0"}))
    build(
        out,
        only=["gov_notice/default", BROKEN, "skipnav/default"],
        replace_html={BROKEN: low_contrast},
    )
    return out


@pytest.fixture(scope="module")
def checked(small_gallery: Path, browser) -> Iterator[tuple]:
    # skipnav is in the gallery for the screenshots; its page is checked, its example is not.
    examples = [get_spec("gov_notice").example("default"), get_spec("gov_notice").example("mil")]
    yield run_check(small_gallery, examples, browser)


def test_check_fails_on_the_broken_example_and_badges_every_example(small_gallery, checked):
    results, page_results = checked
    assert not check_passed(results, page_results)  # so `build --check` exits 1
    assert {key for key, check in results.items() if not check.passed} == {BROKEN}
    assert [rule["id"] for rule in results[BROKEN].rules] == ["color-contrast"]
    assert all(not page.failures for page in page_results.values()), page_results
    assert set(page_results) == {"index.html", "gov_notice/index.html", "skipnav/index.html"}
    assert load_results(small_gallery).keys() == results.keys()

    page = parse((small_gallery / "gov_notice" / "index.html").read_text(encoding="utf-8"))
    mil = page.find(id="mil")
    assert "axe: " in mil.find(class_="gallery-badge").get_text()
    assert "failure" in mil.find(class_="gallery-badge").get_text()
    assert "color-contrast" in mil.find(class_="gallery-failures").get_text()
    assert page.find(id="default").find(class_="gallery-badge").get_text() == "axe: pass"
    index = (small_gallery / "index.html").read_text(encoding="utf-8")
    assert "1 passed, 1 failed" in index
    assert "3 of 3 pass axe" in index


def test_check_passes_once_the_broken_example_is_gone(checked):
    results, _ = checked
    passing = {key: check for key, check in results.items() if key != BROKEN}
    assert passing and check_passed(passing, {})


def test_screenshots_are_pngs_of_the_component_shown_on_its_page(small_gallery, checked, browser):
    examples = [get_spec("gov_notice").example("default"), get_spec("skipnav").example("default")]
    written = gallery_screenshots(small_gallery, examples, browser)
    names = sorted(str(path.relative_to(small_gallery)) for path in written)
    assert names == [
        "gov_notice/default.forced-colors.png",
        "gov_notice/default.png",
        "skipnav/default.forced-colors.png",
        "skipnav/default.png",
    ]
    for path in written:
        data = path.read_bytes()
        assert data.startswith(PNG_SIGNATURE) and len(data) > 1000, path
        width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
        # Clipped to the component, not the 1280x900 viewport.
        assert 20 < height < 400 and width <= 1280, (path, width, height)
    write_pages(small_gallery)
    page = parse((small_gallery / "gov_notice" / "index.html").read_text(encoding="utf-8"))
    figures = page.find(id="default").find_all("figure")
    assert [f.figcaption.get_text() for f in figures] == ["Default", "Forced colors"]
    assert [f.img["src"] for f in figures] == ["default.png", "default.forced-colors.png"]
    assert page.find(id="mil").find("figure") is None
    # The badges of the earlier check survive the redraw.
    assert page.find(id="mil").find(class_="gallery-badge") is not None


_FOCUSES = "arguments[0].focus(); return document.activeElement === arguments[0];"


def test_only_the_code_blocks_and_tables_that_scroll_are_tab_stops(browser, base_url):
    open_page(browser, f"{base_url}/banner/index.html")
    short = browser.find_element(By.CSS_SELECTOR, '#default pre[data-scroll-label^="Python"]')
    assert short.get_attribute("tabindex") is None and short.get_attribute("role") is None
    assert not browser.execute_script(_FOCUSES, short)
    params = browser.find_element(By.CSS_SELECTOR, '[data-scroll-label="Params of banner"]')
    assert params.get_attribute("tabindex") is None  # fits at 1280 px

    # The rendered HTML is long lines, shown once its <details> opens: it scrolls sideways.
    html = browser.find_element(By.CSS_SELECTOR, '#default pre[data-scroll-label^="Rendered"]')
    browser.find_element(By.CSS_SELECTOR, "#default details.gallery-details > summary").click()
    WebDriverWait(browser, 5).until(lambda _: html.get_attribute("tabindex") == "0")
    widths = "return [arguments[0].scrollWidth, arguments[0].clientWidth]"
    scroll_width, client_width = browser.execute_script(widths, html)
    assert scroll_width > client_width
    assert html.get_attribute("role") == "region"
    assert html.accessible_name == "Rendered HTML of default"
    assert browser.execute_script(_FOCUSES, html)


def test_a_table_becomes_a_named_tab_stop_when_a_narrow_window_makes_it_scroll(browser, base_url):
    open_page(browser, f"{base_url}/banner/index.html")
    params = browser.find_element(By.CSS_SELECTOR, '[data-scroll-label="Params of banner"]')
    assert params.get_attribute("tabindex") is None
    size = browser.get_window_size()
    try:
        browser.set_window_size(400, size["height"])
        WebDriverWait(browser, 5).until(lambda _: params.get_attribute("tabindex") == "0")
        assert params.accessible_name == "Params of banner"
        assert browser.execute_script(_FOCUSES, params)
    finally:
        browser.set_window_size(size["width"], size["height"])
    WebDriverWait(browser, 5).until(lambda _: params.get_attribute("tabindex") is None)
