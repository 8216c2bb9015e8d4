"""The seed page, an archived DHS.gov news release, rebuilt from our components."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import click_all, console_errors, open_page
from conftest import parse
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.seed.build import HERE as SEED_DIR
from uswds_components.seed.build import build
from uswds_components.testing import run_axe, serve_directory

# The reference text lives in the repository: no test reads anything beside the clone.
REFERENCE_FILE = SEED_DIR / "reference.txt"
# Lines of the reference that are not text on the page: image alt texts and a landmark label of
# DHS's old banner and breadcrumb, which screen readers get from our markup in other words.
NOT_VISIBLE_TEXT = {"U.S. flag", "Government Website", "Safely connect using HTTPS", "Breadcrumb"}


def normalise(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s+([.,;:!?])", r"\1", text)  # text joined around a link: "link ."
    return re.sub(r"\(\s*\)", "()", text)  # the lock icon sits between the parentheses


def reference_lines() -> list[str]:
    lines = []
    for line in REFERENCE_FILE.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):  # the provenance note above the page text
            continue
        line = re.sub(r"^\s*\d+\.\s+", "", line).strip()  # the breadcrumb's list numbers
        if line and line not in NOT_VISIBLE_TEXT:
            lines.append(normalise(line))
    return lines


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    build(out)
    return out


@pytest.fixture(scope="module")
def seed_url(seed_dir: Path) -> Iterator[str]:
    with serve_directory(seed_dir) as url:
        yield url


def page_text(html: str) -> str:
    doc = parse(html)
    for svg in doc.find_all("svg"):  # the lock icon's title is not text on the page
        svg.decompose()
    return normalise(doc.get_text(" "))


def first_missing(text: str, lines: list[str]) -> str | None:
    """The first line not found in `text` after the previous one, or None if all are in order."""
    position = 0
    for line in lines:
        found = text.find(line, position)
        if found < 0:
            return line
        position = found + len(line)
    return None


def test_every_sentence_of_the_reference_appears_in_order(seed_dir):
    text = page_text((seed_dir / "index.html").read_text(encoding="utf-8"))
    assert len(reference_lines()) > 20
    assert first_missing(text, reference_lines()) is None


def test_the_order_check_catches_a_missing_or_moved_sentence(seed_dir):
    text = page_text((seed_dir / "index.html").read_text(encoding="utf-8"))
    lines = reference_lines()
    archived = next(line for line in lines if line.startswith("In an effort to keep DHS.gov"))
    assert first_missing(text.replace(archived, ""), lines) == archived
    assert first_missing(text, [lines[-1], lines[0]]) == lines[0]


def test_the_build_is_self_contained(seed_dir):
    for page in (seed_dir / "index.html", seed_dir / "es" / "index.html"):
        doc = parse(page.read_text(encoding="utf-8"))
        refs = [t["href"] for t in doc.find_all("link", href=True)] + [
            t["src"] for t in doc.find_all(["script", "img"], src=True)
        ]
        for ref in refs:
            if not ref.startswith("data:"):
                assert page.parent.joinpath(ref).resolve().is_file(), ref


@pytest.mark.browser
@pytest.mark.parametrize("path", ["index.html", "es/index.html"])
def test_whole_page_passes_axe_in_every_state(browser, seed_url, path):
    open_page(browser, f"{seed_url}/{path}")
    assert run_axe(browser).failures == []
    click_all(browser, get_spec("banner").states["expanded"].click)
    result = run_axe(browser)
    assert result.failures == [], result.report()
    click_all(browser, get_spec("page_feedback").states["no"].click)
    reasons = browser.find_element(By.CSS_SELECTOR, ".uswds-components-page-feedback__reasons")
    assert reasons.is_displayed()
    result = run_axe(browser)
    assert result.failures == [], result.report()
    assert console_errors(browser) == []


@pytest.mark.browser
def test_spanish_page_is_spanish(seed_dir):
    doc = parse((seed_dir / "es" / "index.html").read_text(encoding="utf-8"))
    assert doc.find("html")["lang"] == "es"
    assert doc.find("article")["lang"] == "en"
    spanish_label = get_spec("breadcrumb").strings["es"]["aria_label"]
    assert doc.find(class_="usa-breadcrumb")["aria-label"] == spanish_label
    assert "Última actualización" in doc.get_text()


def focused_region(browser) -> str:
    return browser.execute_script(
        """
        const el = document.activeElement;
        const region = el.closest(
          '.usa-skipnav, .usa-banner, .usa-header, .usa-breadcrumb, article, '
          + '.uswds-components-page-feedback, .usa-footer, .usa-identifier, main');
        if (!region) return el.tagName.toLowerCase();
        return region.tagName === 'ARTICLE' ? 'article'
             : region.tagName === 'MAIN' ? 'main' : region.classList[0];
        """
    )


@pytest.mark.browser
def test_tab_order_follows_the_page_and_the_skip_link_moves_focus_to_main(browser, seed_url):
    open_page(browser, f"{seed_url}/index.html")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    regions = []
    for _ in range(60):
        region = focused_region(browser)
        if not regions or regions[-1] != region:
            regions.append(region)
        if region == "uswds-components-page-feedback":
            break
        browser.switch_to.active_element.send_keys(Keys.TAB)
    assert regions == [
        "usa-skipnav",
        "usa-banner",
        "usa-header",
        "usa-breadcrumb",
        "article",
        "uswds-components-page-feedback",
    ]
    open_page(browser, f"{seed_url}/index.html")
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    assert browser.execute_script("return document.activeElement.id") == "main-content"


def set_viewport(browser, width: int, height: int = 900) -> None:
    browser.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
    )


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


@pytest.mark.browser
@pytest.mark.parametrize(
    ("width", "meaning"), [(320, "320 CSS px (WCAG 1.4.10 reflow)"), (640, "200% zoom of 1280")]
)
def test_no_horizontal_scroll_and_nothing_cut_off(browser, seed_url, width, meaning):
    try:
        set_viewport(browser, width)
        open_page(browser, f"{seed_url}/index.html")
        scroll, client = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll <= client, f"horizontal scroll at {meaning}"
        assert browser.execute_script(CLIPPED_CONTENT) == [], meaning
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.browser
def test_the_reflow_check_catches_a_page_that_scrolls(browser, seed_url, seed_dir):
    page = (seed_dir / "index.html").read_text(encoding="utf-8")
    wide = page.replace("</article>", '<div style="width: 900px">wide</div></article>')
    (seed_dir / "wide.html").write_text(wide, encoding="utf-8")
    try:
        set_viewport(browser, 320)
        open_page(browser, f"{seed_url}/wide.html")
        scroll, client = browser.execute_script(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll > client
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
