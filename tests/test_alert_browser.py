"""Alerts, site alerts and archive notices in Chromium with USWDS's CSS: what users perceive.

Some examples opt out of axe's color-contrast because axe cannot judge short inline elements
(links, `<time>`, `<strong>`) next to USWDS's icon, a `::before` pseudo-element of the alert
body. Here those pages are checked another way: the icon overlaps none of the body's content,
and axe's color-contrast with `ignorePseudo` passes.
"""

from __future__ import annotations

import pytest
from axe_selenium_python import Axe
from browser_helpers import open_page
from markupsafe import Markup
from selenium.webdriver.common.by import By

from uswds_components import all_examples, get_spec, render
from uswds_components.assets import axe_script
from uswds_components.testing import run_axe

pytestmark = pytest.mark.browser

COMPONENTS = ("alert", "site_alert", "archive_notice")
CONTRAST_OPT_OUTS = [
    pytest.param(e, id=e.id)
    for e in all_examples()
    if e.component in COMPONENTS and "color-contrast" in e.axe_disable
]

_CONTRAST_IGNORING_PSEUDO = """
const done = arguments[arguments.length - 1];
// A check's options given to axe.run replace its defaults whole: start from the defaults.
const options = {...axe._audit.checks["color-contrast"].options, ignorePseudo: true};
axe.run(document, {runOnly: {type: "rule", values: ["color-contrast"]},
                   checks: {"color-contrast": {options}},
                   resultTypes: ["violations", "incomplete"]})
  .then(r => done({violations: r.violations, incomplete: r.incomplete, passes: r.passes.length}),
        e => done({error: String(e)}));
"""

# Every element in an alert body whose box meets the body's ::before (the icon).
_ICON_OVERLAPS = """
const overlaps = [];
for (const body of document.querySelectorAll(".usa-alert__body")) {
  const icon = getComputedStyle(body, "::before");
  if (icon.content === "none" || icon.display === "none") continue;
  const box = body.getBoundingClientRect();
  const left = box.left + parseFloat(icon.left), top = box.top + parseFloat(icon.top);
  const right = left + parseFloat(icon.width), bottom = top + parseFloat(icon.height);
  for (const el of body.querySelectorAll("*")) {
    if (el.classList.contains("usa-sr-only")) continue;
    for (const r of el.getClientRects()) {
      if (r.left < right && r.right > left && r.top < bottom && r.bottom > top) {
        overlaps.push(el.outerHTML.slice(0, 80));
      }
    }
  }
}
return overlaps;
"""


def contrast_ignoring_pseudo(browser) -> dict:
    Axe(browser, script_url=str(axe_script())).inject()
    outcome = browser.execute_async_script(_CONTRAST_IGNORING_PSEUDO)
    assert "error" not in outcome, outcome
    return outcome


def test_some_examples_do_opt_out_of_contrast():
    assert len(CONTRAST_OPT_OUTS) >= 3


@pytest.mark.parametrize("example", CONTRAST_OPT_OUTS)
def test_contrast_opt_out_is_only_axes_pseudo_element_doubt(browser, base_url, example):
    open_page(browser, f"{base_url}/{example.component}/{example.name}.html")
    # With every rule on, the only doubt axe has is the icon pseudo-element...
    full = run_axe(browser)
    assert {r["id"] for r in full.failures} == {"color-contrast"}, full.report()
    for node in full.failures[0]["nodes"]:
        reasons = {check["data"]["messageKey"] for check in node["any"]}
        assert reasons == {"pseudoContent"}, node
    # ...the icon overlaps none of the text...
    assert browser.execute_script(_ICON_OVERLAPS) == []
    # ...and with the pseudo-element set aside, every text passes contrast.
    outcome = contrast_ignoring_pseudo(browser)
    assert outcome["violations"] == [] and outcome["incomplete"] == []
    assert outcome["passes"] == 1


def test_the_overlap_check_sees_an_icon_over_text(browser, write_page):
    example = get_spec("alert").example("html")
    html = str(render("alert", **example.params))
    broken = html.replace(
        '<div class="usa-alert__body">', '<div class="usa-alert__body" style="padding-left:0">'
    )
    assert broken != html
    open_page(browser, write_page("icon-over-text", example, broken))
    assert browser.execute_script(_ICON_OVERLAPS) != []


def test_the_contrast_recheck_catches_low_contrast(browser, write_page):
    example = get_spec("alert").example("html")
    faint = Markup('See <a style="color:#c0c0c0" href="/forms">the forms page</a>.')
    html = render("alert", **{**example.params, "html": faint})
    open_page(browser, write_page("faint-link", example, html))
    outcome = contrast_ignoring_pseudo(browser)
    assert [r["id"] for r in outcome["violations"]] == ["color-contrast"]


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
