"""The whole example pages (the seed, the agency landing page), each in both languages: built
self-contained, 0 axe violations in every state, Tab order, and reflow from 320 to 1024 px."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_helpers import (
    SET_ASIDE_ACCORDION_ICONS,
    WHOLE_PAGE,
    click_all,
    console_errors,
    eventually,
    open_page,
    press,
)
from conftest import parse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from visits import VIEWPORTS

from uswds_components import get_spec
from uswds_components.example_pages import AGENCY_LANDING, EXAMPLE_PAGES, SEED
from uswds_components.testing import run_axe, serve_directory


@dataclass(frozen=True)
class PageState:
    """A state of a whole page: reached from a fresh load by clicking, at a width if given."""

    name: str
    clicks: tuple[str, ...] = ()
    width: int | None = None
    shown: str | None = None  # an element the state must show (proof it was reached)
    # An open dropdown is opaque over the page's text, which axe then cannot measure: contrast is
    # checked in the header (the dropdown included), every other rule on the whole page.
    dropdown: bool = False


def component_state(component: str, state: str, shown: str | None = None) -> PageState:
    return PageState(f"{component}:{state}", get_spec(component).states[state].click, None, shown)


MOBILE_MENU = PageState("mobile menu", (".usa-menu-btn",), 320, ".usa-nav.is-visible")
MOBILE_MENU_480 = PageState("mobile menu 480", (".usa-menu-btn",), 480, ".usa-nav.is-visible")
FIRST_MENU = PageState(
    "first menu open", ("button.usa-nav__link",), None, ".usa-nav__submenu", dropdown=True
)
STATES = {
    SEED.name: [
        PageState("initial"),
        component_state("banner", "expanded", ".usa-banner__content"),
        component_state("page_feedback", "no", ".uswds-components-page-feedback__reasons"),
        MOBILE_MENU,
    ],
    AGENCY_LANDING.name: [
        PageState("initial"),
        component_state("banner", "expanded", ".usa-banner__content"),
        component_state("accordion", "opened", ".usa-accordion__content:not([hidden])"),
        PageState("table sorted", (".usa-table__header__button",), None, "th[aria-sort]"),
        FIRST_MENU,
        MOBILE_MENU,
        MOBILE_MENU_480,
    ],
}
# Where focus goes with Tab, region by region, from the top of the page (the last is where to
# stop): the closest of these around the focused element names its region.
TAB_REGIONS = {
    # The extended header in USWDS's own DOM order: site title, primary nav, secondary links,
    # language selector, search.
    SEED.name: [
        ".usa-skipnav",
        ".usa-banner",
        ".usa-logo",
        ".usa-nav__primary",
        ".usa-nav__secondary-links",
        ".usa-language-container",
        ".usa-search",
        ".usa-breadcrumb",
        "article",
        ".uswds-components-page-feedback",
        ".usa-footer",
        ".usa-identifier",
    ],
    AGENCY_LANDING.name: [
        ".usa-skipnav",
        ".usa-banner",
        ".usa-logo",
        ".usa-nav__primary",
        ".usa-nav__secondary-links",
        ".usa-language-container",
        ".usa-search",
        ".usa-hero",
        ".usa-card-group",
        ".usa-summary-box",
        ".usa-table-container--scrollable",
        ".usa-collection",
        "main .usa-accordion",
        ".usa-footer",
        ".usa-identifier",
    ],
}
PAGES = {page.name: page for page in EXAMPLE_PAGES}
CASES = [
    pytest.param(page, lang, state, id=f"{page}-{lang}-{state.name}")
    for page in PAGES
    for lang in ("en", "es")
    for state in STATES[page]
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each page's self-contained build, as a static site would serve it."""
    out = tmp_path_factory.mktemp("example-pages")
    for page in PAGES.values():
        page.build(out / page.name)
    return {name: out / name for name in PAGES}


@pytest.fixture(scope="module")
def site_url(built: dict[str, Path]) -> Iterator[str]:
    root = next(iter(built.values())).parent
    with serve_directory(root) as url:
        yield url


def page_path(page: str, lang: str) -> str:
    return f"{page}/index.html" if lang == "en" else f"{page}/es/index.html"


def test_every_example_page_has_its_states_and_tab_order_here():
    assert {page.name for page in EXAMPLE_PAGES} == set(PAGES) == set(STATES) == set(TAB_REGIONS)


@pytest.mark.parametrize("page", PAGES)
def test_the_build_is_self_contained(built, page):
    for html in (built[page] / "index.html", built[page] / "es" / "index.html"):
        doc = parse(html.read_text(encoding="utf-8"))
        refs = [t["href"] for t in doc.find_all("link", href=True)] + [
            t["src"] for t in doc.find_all(["script", "img"], src=True)
        ]
        assert len(refs) >= 4
        for ref in refs:
            if not ref.startswith("data:"):
                assert html.parent.joinpath(ref).resolve().is_file(), ref


def landing(lang: str):
    return parse(AGENCY_LANDING.render(lang))


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_landing_page_has_every_section_in_order_under_one_h1(lang):
    doc = landing(lang)
    assert doc.find("html")["lang"] == lang
    data = AGENCY_LANDING.data(lang)
    hero = data["hero"]
    h1s = [h1.get_text(" ", strip=True) for h1 in doc.find_all("h1")]
    assert h1s == [f"{hero['callout']} {hero['heading']}"]  # the callout is the h1's first part
    sections = [
        "usa-hero",
        "usa-card-group",
        "usa-summary-box",
        "usa-process-list",
        "usa-table",
        "usa-collection",
        "usa-accordion",
    ]
    main = doc.find("main", id="main-content")
    found = [
        css_class
        for element in main.find_all(class_=True)
        for css_class in element["class"]
        if css_class in sections
    ]
    assert list(dict.fromkeys(found)) == sections
    after_main = [element["class"][0] for element in main.find_all_next(["footer", "div"])]
    assert after_main.index("usa-footer") < after_main.index("usa-identifier")


def test_the_spanish_landing_page_is_spanish_throughout():
    english, spanish = landing("en").get_text(" "), landing("es").get_text(" ")
    for words in ("Cómo solicitar", "Preguntas frecuentes", "Información clave", "Última"):
        assert words in spanish and words not in english
    for words in ("How to apply", "Frequently asked questions", "Key information"):
        assert words not in spanish
    assert (
        landing("es")
        .find(class_="usa-table")
        .find("caption")
        .get_text()
        .startswith("Declaraciones")
    )


def set_viewport(browser, width: int, height: int = 900) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


def clear_viewport(browser) -> None:
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def open_in_state(browser, url: str, state: PageState) -> None:
    if state.width is not None:
        set_viewport(browser, state.width)
    open_page(browser, url)
    click_all(browser, state.clicks)
    if state.shown is not None:
        reached = eventually(
            browser,
            lambda: any(
                e.is_displayed() for e in browser.find_elements(By.CSS_SELECTOR, state.shown)
            ),
        )
        assert reached, f"{state.name} not reached"


@pytest.mark.browser
@pytest.mark.parametrize(("page", "lang", "state"), CASES)
def test_the_whole_page_passes_axe_in_every_state(browser, site_url, page, lang, state):
    try:
        open_in_state(browser, f"{site_url}/{page_path(page, lang)}", state)
        # Accordions' icons hide their buttons' background from axe: shown harmless, set aside.
        assert browser.execute_script(SET_ASIDE_ACCORDION_ICONS) == []
        if state.dropdown:
            header = {"include": [[".usa-header"]], "exclude": WHOLE_PAGE["exclude"]}
            result = run_axe(browser, context=header)
            assert result.failures == [], result.report()
            result = run_axe(browser, context=WHOLE_PAGE, disable_rules=["color-contrast"])
        else:
            result = run_axe(browser, context=WHOLE_PAGE)
        assert result.failures == [], result.report()
        assert console_errors(browser) == []
    finally:
        clear_viewport(browser)


@pytest.mark.browser
def test_the_whole_page_check_catches_a_broken_section(browser, site_url, built):
    html = (built[AGENCY_LANDING.name] / "index.html").read_text(encoding="utf-8")
    broken = html.replace(
        'class="usa-card__heading"', 'class="usa-card__heading" style="color:#ccc"'
    )
    assert broken != html
    (built[AGENCY_LANDING.name] / "broken.html").write_text(broken, encoding="utf-8")
    open_page(browser, f"{site_url}/{AGENCY_LANDING.name}/broken.html")
    assert browser.execute_script(SET_ASIDE_ACCORDION_ICONS) == []
    assert "color-contrast" in run_axe(browser).rule_ids()


@pytest.mark.browser
def test_only_text_hidden_from_screen_readers_is_spared_under_the_menus_dimmer(browser, site_url):
    """Below 640 px the open menu's dimmer lies over the banner's text, which USWDS's JS hides
    from assistive technology meanwhile: inactive, so run_axe spares it. The same page left
    readable (every aria-hidden outside the header removed) fails."""
    try:
        open_in_state(browser, f"{site_url}/{page_path(SEED.name, 'en')}", MOBILE_MENU)
        result = run_axe(browser)
        assert ".usa-banner__header-text" in result.inactive_under_dimmer
        assert result.failures == [], result.report()
        browser.execute_script(
            "for (const el of document.querySelectorAll('[aria-hidden]'))"
            " if (!el.closest('.usa-header')) el.removeAttribute('aria-hidden');"
        )
        result = run_axe(browser)
        assert ".usa-banner__header-text" not in result.inactive_under_dimmer
        assert "color-contrast" in result.rule_ids()
    finally:
        clear_viewport(browser)


_FOCUSED_REGION = """
const selectors = arguments[0];
const el = document.activeElement;
let best = null, depth = -1;
for (const selector of selectors) {
  const region = el.closest(selector);
  if (!region) continue;
  let d = 0;
  for (let node = region; node; node = node.parentElement) d++;
  if (d > depth) { best = selector; depth = d; }
}
return best || el.tagName.toLowerCase();
"""


def tab_through(browser, selectors: list[str]) -> list[str]:
    """Press Tab from the top of the page until the last region is reached: the regions focus
    went through, in order, each once per visit."""
    press(browser, Keys.TAB)
    regions: list[str] = []
    for _ in range(150):
        region = browser.execute_script(_FOCUSED_REGION, selectors)
        if not regions or regions[-1] != region:
            regions.append(region)
        if region == selectors[-1]:
            break
        press(browser, Keys.TAB)
    return regions


@pytest.mark.browser
@pytest.mark.parametrize("page", PAGES)
def test_tab_order_follows_the_page(browser, site_url, page):
    open_page(browser, f"{site_url}/{page_path(page, 'en')}")
    assert tab_through(browser, TAB_REGIONS[page]) == TAB_REGIONS[page]


@pytest.mark.browser
def test_the_tab_order_check_catches_a_section_moved_out_of_order(browser, site_url, built):
    html = (built[AGENCY_LANDING.name] / "index.html").read_text(encoding="utf-8")
    # A positive tabindex pulls the first FAQ button ahead of everything else.
    moved = html.replace('aria-controls="faq-1"', 'aria-controls="faq-1" tabindex="1"', 1)
    assert moved != html
    (built[AGENCY_LANDING.name] / "moved.html").write_text(moved, encoding="utf-8")
    open_page(browser, f"{site_url}/{AGENCY_LANDING.name}/moved.html")
    regions = TAB_REGIONS[AGENCY_LANDING.name]
    assert tab_through(browser, regions)[0] == "main .usa-accordion"


@pytest.mark.browser
def test_the_skip_link_moves_focus_to_main(browser, site_url):
    for page in PAGES:
        open_page(browser, f"{site_url}/{page_path(page, 'en')}")
        press(browser, Keys.TAB)
        press(browser, Keys.ENTER)
        assert browser.execute_script("return document.activeElement.id") == "main-content"


CLIPPED_CONTENT = """
const clipped = [];
for (const el of document.body.querySelectorAll('*')) {
  if (el.closest('.usa-sr-only, [hidden], [aria-hidden="true"]')) continue;
  const style = getComputedStyle(el);
  if (!['hidden', 'clip'].includes(style.overflowX) || style.display === 'none') continue;
  if (el.scrollWidth > el.clientWidth + 1) clipped.push(el.outerHTML.slice(0, 120));
}
return clipped;
"""
WIDTHS = [width for width, scale in VIEWPORTS.values() if scale == 1.0]


def sideways_scroll(browser) -> int:
    return browser.execute_script(
        "const d = document.documentElement; return d.scrollWidth - d.clientWidth;"
    )


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("page", PAGES)
def test_no_sideways_scroll_or_clipped_text_from_320_to_1024_px(browser, site_url, page, lang):
    open_page(browser, f"{site_url}/{page_path(page, lang)}")
    try:
        for width in WIDTHS:
            set_viewport(browser, width)
            assert browser.execute_script("return innerWidth") == width
            assert sideways_scroll(browser) <= 0, f"sideways scroll at {width} px"
            # A scrollable table container is meant to scroll inside itself, not to clip.
            clipped = browser.execute_script(CLIPPED_CONTENT)
            assert [c for c in clipped if "usa-table-container--scrollable" not in c] == [], width
    finally:
        clear_viewport(browser)


@pytest.mark.browser
def test_the_reflow_check_catches_a_page_that_scrolls(browser, site_url, built):
    html = (built[SEED.name] / "index.html").read_text(encoding="utf-8")
    wide = html.replace("</article>", '<div style="width: 900px">wide</div></article>')
    (built[SEED.name] / "wide.html").write_text(wide, encoding="utf-8")
    try:
        set_viewport(browser, 320)
        open_page(browser, f"{site_url}/{SEED.name}/wide.html")
        assert sideways_scroll(browser) > 0
    finally:
        clear_viewport(browser)
