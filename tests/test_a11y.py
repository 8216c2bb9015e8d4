"""axe-core 4.14.1 in headless Chromium over every example, in every state, with USWDS's CSS/JS.

Each page is loaded once a session (tests/visits.py); the axe result is one part of that visit.
On a batch page axe runs once, and each example gets what it found in its container; what it
found on the page around them fails them all.
"""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, open_page
from visits import CASES, visit

from uswds_components import all_examples, get_spec, render
from uswds_components.testing import AXE_TAGS, run_axe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("example", "state"), CASES)
def test_example_has_no_accessibility_failures(browser, base_url, example, state):
    record = visit(browser, base_url, example, state)
    result = record.get("axe")
    assert result.failures == [], result.report()
    assert result.passes > 0
    page = record.get("page_axe")  # None on a page of its own: `axe` covered the whole page
    assert page is None or page.failures == [], (
        f"axe failures on the page around the examples' containers, which fail every example "
        f"there ({record.where()}):\n{page.report()}"
    )
    assert record.get("console_errors") == []


def test_axe_runs_with_every_required_tag():
    assert set(AXE_TAGS) == {
        "wcag2a",
        "wcag2aa",
        "wcag21a",
        "wcag21aa",
        "wcag22aa",
        "best-practice",
    }


def test_opt_outs_are_per_example_and_explained():
    for example in all_examples():
        for rule, reason in example.axe_disable.items():
            assert len(reason) > 20, f"{example.id} disables {rule} without a real reason"


def test_a_banner_whose_button_has_no_text_is_reported(browser, open_broken):
    open_broken(
        get_spec("banner").example("default"),
        '<span class="usa-banner__button-text">Here’s how you know</span>',
        '<span class="usa-banner__button-text"></span>',
        "no-button-text",
    )
    result = run_axe(browser)
    assert "button-name" in result.rule_ids(), result.report()


def test_low_contrast_is_reported(browser, write_page):
    example = get_spec("gov_notice").example("default")
    html = str(render("gov_notice", attributes={"style": "color: #d0d0d0"}))
    open_page(browser, write_page("low-contrast", example, html))
    assert "color-contrast" in run_axe(browser).rule_ids()


def test_a_console_error_from_uswds_js_is_caught(browser, write_page):
    # USWDS reports a button that controls nothing only in the console; axe does not see it.
    example = get_spec("banner").example("default")
    html = str(render("banner")).replace('aria-controls="gov-banner"', 'aria-controls="nowhere"')
    open_page(browser, write_page("no-toggle-target", example, html))
    browser.find_element("css selector", ".usa-banner__button").click()
    assert any(
        "nowhere" in message or "toggle" in message.lower() for message in console_errors(browser)
    )
