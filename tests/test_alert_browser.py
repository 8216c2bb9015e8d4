"""Alerts, site alerts and archive notices in Chromium with USWDS's CSS: what users perceive.

USWDS draws the alert icon as a `::before` pseudo-element of the alert body, so axe leaves the
contrast of short inline elements beside it (a link, `<time>`, `<strong>`) incomplete with the
reason pseudoContent, and `run_axe` rechecks those with `ignorePseudo`. That is sound only if the
icon lies behind no text: here the icon is shown to overlap none of the body's content.
"""

from __future__ import annotations

import pytest
from browser_helpers import open_page
from markupsafe import Markup
from selenium.webdriver.common.by import By
from visits import PROBES, initial_cases, visit

from uswds_components import get_spec, render
from uswds_components.testing import run_axe

pytestmark = pytest.mark.browser

COMPONENTS = ("alert", "site_alert", "archive_notice")
EXAMPLES = initial_cases(*COMPONENTS)
# The examples where axe doubts contrast only because of the icon: those with a link, <time> or
# <strong> in the text. They used to opt out of color-contrast; now run_axe rechecks them.
PSEUDO_DOUBT_EXAMPLES = {
    "alert/html",
    "site_alert/emergency-list",
    "site_alert/no-heading",
    "archive_notice/archived-on",
    "archive_notice/lang-es",
    "archive_notice/html",
}

ICON_OVERLAPS = PROBES["icon_overlaps"]


def test_the_pseudo_doubt_examples_exist():
    ids = {e.values[0].id for e in EXAMPLES}
    assert ids >= PSEUDO_DOUBT_EXAMPLES


@pytest.mark.parametrize("example", EXAMPLES)
def test_contrast_passes_with_full_axe_and_the_icon_covers_no_text(browser, base_url, example):
    assert example.axe_disable == {}  # so the visit's axe run is the full one
    page = visit(browser, base_url, example, "initial")
    result = page.get("axe")
    assert result.failures == [], result.report()
    assert bool(result.pseudo_rechecked) == (example.id in PSEUDO_DOUBT_EXAMPLES), result.report()
    # What makes setting the icon aside sound: it overlaps none of the text.
    assert page.get("icon_overlaps") == []


def test_the_overlap_check_sees_an_icon_over_text(browser, open_broken):
    open_broken(
        get_spec("alert").example("html"),
        '<div class="usa-alert__body">',
        '<div class="usa-alert__body" style="padding-left:0">',
        "icon-over-text",
    )
    assert browser.execute_script(ICON_OVERLAPS) != []


def test_a_faint_link_beside_the_icon_is_still_reported(browser, write_page):
    example = get_spec("alert").example("html")
    faint = Markup('See <a style="color:#c0c0c0" href="/forms">the forms page</a>.')
    html = render("alert", **{**example.params, "html": faint})
    open_page(browser, write_page("faint-link", example, html))
    result = run_axe(browser)
    # axe's first pass only doubts the link (the icon is near); the recheck finds it too faint.
    assert result.pseudo_rechecked == ["a"], result.report()
    assert [r["id"] for r in result.pseudo_recheck_failures] == ["color-contrast"]
    assert "color-contrast" in result.rule_ids(), result.report()


def test_a_heading_level_that_skips_is_reported(browser, write_page):
    # The preview has an h1: the twig's fixed h4 (or an h3) under it skips levels.
    example = get_spec("alert").example("warning")
    for level in (3, 4):
        html = render("alert", **{**example.params, "heading_level": level})
        open_page(browser, write_page(f"heading-h{level}", example, html))
        assert "heading-order" in run_axe(browser).rule_ids()


def test_the_prefix_is_heard_but_not_seen(browser, base_url):
    open_page(browser, f"{base_url}/alert/warning.html")
    heading = browser.find_element(By.CSS_SELECTOR, ".usa-alert__heading")
    assert heading.accessible_name == "Warning: Your session will end soon"
    prefix = heading.find_element(By.CSS_SELECTOR, ".usa-sr-only")
    box = browser.execute_script("return arguments[0].getBoundingClientRect().right", prefix)
    assert box < 0
    assert heading.text == "Your session will end soon"


def test_without_announce_status_the_type_is_not_heard(browser, base_url):
    open_page(browser, f"{base_url}/alert/no-announce.html")
    heading = browser.find_element(By.CSS_SELECTOR, ".usa-alert__heading")
    assert heading.accessible_name == "Payment failed"


def test_spanish_prefix_in_the_text_when_there_is_no_heading(browser, base_url):
    open_page(browser, f"{base_url}/site_alert/lang-es.html")
    heading = browser.find_element(By.CSS_SELECTOR, ".usa-alert__heading")
    assert heading.accessible_name == "Información: Mantenimiento programado"
    open_page(browser, f"{base_url}/alert/no-heading.html")
    text = browser.find_element(By.CSS_SELECTOR, ".usa-alert__text")
    assert text.text == "Your address was updated."
    assert browser.execute_script("return arguments[0].textContent", text).split() == [
        "Success:",
        "Your",
        "address",
        "was",
        "updated.",
    ]


@pytest.mark.parametrize(
    ("example", "name"), [("info", "Site alert"), ("label", "Wildfire advisory")]
)
def test_site_alert_is_a_named_landmark(browser, base_url, example, name):
    open_page(browser, f"{base_url}/site_alert/{example}.html")
    section = browser.find_element(By.CSS_SELECTOR, "section.usa-site-alert")
    assert section.aria_role == "region"
    assert section.accessible_name == name


def test_archive_notice_shows_the_seed_wording(browser, base_url):
    open_page(browser, f"{base_url}/archive_notice/archived-on.html")
    notice = browser.find_element(By.CSS_SELECTOR, ".usa-alert")
    assert notice.text.splitlines() == [
        "Archived Content",
        "In an effort to keep DHS.gov current, the archive contains outdated information that "
        "may not reflect current policy or programs. This page was archived on September 20, "
        "2018.",
    ]
