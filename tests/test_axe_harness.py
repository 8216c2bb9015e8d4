"""run_axe's recheck of color-contrast that axe left incomplete only because of a pseudo-element.

USWDS draws the alert icon as a ::before of the alert body; axe then doubts the contrast of short
inline text beside it (reason pseudoContent). run_axe checks those nodes again ignoring
pseudo-elements. These tests show the recheck clears only that doubt and hides no real problem.
"""

from __future__ import annotations

import pytest
from browser_helpers import open_page
from markupsafe import Markup

from uswds_components import get_spec, render
from uswds_components.testing import AxeResult, run_axe

# A <strong> beside the icon is what axe doubts (as in site_alert/no-heading).
DUE_TODAY = "Forms are due <strong{style}>today</strong>."


def alert_page(write_page, name: str, *, strong_style: str = "", body_style: str = "") -> str:
    example = get_spec("alert").example("html")
    style = f' style="{strong_style}"' if strong_style else ""
    html = str(render("alert", **{**example.params, "html": Markup(DUE_TODAY.format(style=style))}))
    if body_style:
        # The alert body sets its own colour and background, so a style on the root would not
        # reach the text.
        styled = html.replace(
            '<div class="usa-alert__body">', f'<div class="usa-alert__body" style="{body_style}">'
        )
        assert styled != html
        html = styled
    return write_page(name, example, html)


def doubts(result: AxeResult) -> dict[str, set[str]]:
    """Each color-contrast node axe's first pass left incomplete, with its reasons."""
    return {
        ", ".join(node["target"]): {check["data"]["messageKey"] for check in node["any"]}
        for item in result.incomplete
        if item["id"] == "color-contrast"
        for node in item["nodes"]
    }


def failing_targets(items: list[dict]) -> set[str]:
    return {", ".join(node["target"]) for item in items for node in item["nodes"]}


@pytest.mark.browser
def test_a_page_whose_only_doubt_is_pseudo_content_passes(browser, write_page):
    open_page(browser, alert_page(write_page, "pseudo-doubt-only"))
    result = run_axe(browser)
    assert doubts(result) == {"strong": {"pseudoContent"}}
    assert result.pseudo_rechecked == ["strong"]
    assert result.failures == [], result.report()
    assert "rechecked ignoring pseudo-elements" in result.report()
    assert "strong" in result.report()


@pytest.mark.browser
def test_faint_text_beside_the_icon_is_still_reported(browser, write_page):
    open_page(browser, alert_page(write_page, "faint-strong", strong_style="color:#ccc"))
    result = run_axe(browser)
    # axe's first pass only doubts it; the recheck, with the icon set aside, fails it.
    assert doubts(result) == {"strong": {"pseudoContent"}}
    assert result.violations == []
    assert result.pseudo_rechecked == ["strong"]
    assert failing_targets(result.pseudo_recheck_failures) == {"strong"}
    assert result.rule_ids() == {"color-contrast"}, result.report()
    assert "[recheck ignoring pseudo-elements]" in result.report()


@pytest.mark.browser
def test_faint_text_is_reported_beside_and_away_from_the_icon(browser, write_page):
    open_page(browser, alert_page(write_page, "faint-body", body_style="color:#ccc"))
    result = run_axe(browser)
    assert failing_targets(result.violations) == {"h2", "p"}
    assert failing_targets(result.failures) == {"h2", "p", "strong"}, result.report()


@pytest.mark.browser
def test_other_contrast_doubts_stay_failures(browser, write_page):
    # Over a gradient axe cannot compute the background: reason bgGradient, not rechecked.
    gradient = "background-image:linear-gradient(#fff,#ddd)"
    open_page(browser, alert_page(write_page, "gradient", body_style=gradient))
    result = run_axe(browser)
    assert doubts(result) == {
        "h2": {"bgGradient"},
        "p": {"bgGradient"},
        "strong": {"pseudoContent"},
    }
    assert result.pseudo_rechecked == ["strong"]
    unchecked = [item for item in result.failures if item not in result.pseudo_recheck_failures]
    assert failing_targets(unchecked) == {"h2", "p"}, result.report()
    # Ignoring the icon, the strong text is over the gradient too: still in doubt, still failing.
    assert failing_targets(result.pseudo_recheck_failures) == {"strong"}


@pytest.mark.browser
def test_a_disabled_contrast_rule_is_not_rechecked(browser, write_page):
    open_page(browser, alert_page(write_page, "faint-strong-off", strong_style="color:#ccc"))
    result = run_axe(browser, disable_rules=["color-contrast"])
    assert result.pseudo_rechecked == []
    assert result.failures == [], result.report()


def contrast_node(target: str, reason: str) -> dict:
    return {
        "target": [target],
        "html": f"<{target}>",
        "any": [{"data": {"messageKey": reason}}],
        "all": [],
        "none": [],
    }


def contrast_incomplete(*nodes: dict) -> dict:
    return {"id": "color-contrast", "impact": "serious", "help": "contrast", "nodes": list(nodes)}


def test_failures_drop_only_the_rechecked_nodes():
    incomplete = [
        contrast_incomplete(contrast_node("a", "pseudoContent"), contrast_node("p", "bgImage"))
    ]
    rechecked = AxeResult([], incomplete, 1, pseudo_rechecked=["a"])
    assert failing_targets(rechecked.failures) == {"p"}
    # Without a recheck, a pseudoContent doubt is a failure like any other.
    assert failing_targets(AxeResult([], incomplete, 1).failures) == {"a", "p"}


def test_recheck_failures_count():
    incomplete = [contrast_incomplete(contrast_node("a", "pseudoContent"))]
    flagged = contrast_incomplete(contrast_node("a", "bgImage"))
    result = AxeResult([], incomplete, 1, pseudo_rechecked=["a"], pseudo_recheck_failures=[flagged])
    assert result.failures == [flagged]
    assert result.rule_ids() == {"color-contrast"}


# --- Text under an element's box (axe: bgOverlap) ------------------------------------------

OVERLAID = (
    '<div style="position: relative; padding: 1rem">'
    '<p id="under" style="color: {colour}; margin: 0">Text with a box laid over it</p>'
    '<button type="button" aria-label="Open the details" style="position: absolute; inset: 0; '
    'border: 0; background: {overlay}"></button></div>'
)


def overlay_page(write_page, name: str, *, colour: str, overlay: str) -> str:
    example = get_spec("gov_notice").example("default")
    return write_page(name, example, OVERLAID.format(colour=colour, overlay=overlay))


@pytest.mark.browser
def test_the_banner_at_a_phone_width_is_rechecked_under_its_see_through_button(browser, base_url):
    """Below 640 px USWDS lays the banner's transparent button over its header text; axe then
    doubts that text (bgOverlap), and the recheck with the button hidden clears it."""
    browser.set_window_size(320, 800)
    try:
        open_page(browser, f"{base_url}/banner/default.html")
        result = run_axe(browser)
    finally:
        browser.set_window_size(1280, 900)
    assert doubts(result)[".usa-banner__header-text"] == {"bgOverlap"}
    assert ".usa-banner__header-text" in result.overlap_rechecked
    assert result.failures == [], result.report()
    assert "see-through overlay hidden" in result.report()


@pytest.mark.browser
def test_faint_text_under_a_see_through_box_still_fails(browser, write_page):
    open_page(browser, overlay_page(write_page, "faint-under", colour="#d0d0d0",
                                    overlay="transparent"))  # fmt: skip
    result = run_axe(browser)
    assert result.overlap_rechecked == ["#under"]
    assert failing_targets(result.overlap_recheck_failures) == {"#under"}
    assert "color-contrast" in result.rule_ids()


@pytest.mark.browser
def test_text_under_a_tinted_box_is_not_rechecked_and_fails(browser, write_page):
    open_page(browser, overlay_page(write_page, "tinted-under", colour="#1b1b1b",
                                    overlay="rgba(255, 255, 255, 0.5)"))  # fmt: skip
    result = run_axe(browser)
    assert doubts(result)["#under"] == {"bgOverlap"}
    assert result.overlap_rechecked == []
    assert "#under" in failing_targets(result.failures)


@pytest.mark.browser
def test_dark_text_under_a_see_through_box_passes_and_the_box_comes_back(browser, write_page):
    open_page(browser, overlay_page(write_page, "dark-under", colour="#1b1b1b",
                                    overlay="transparent"))  # fmt: skip
    result = run_axe(browser)
    assert result.overlap_rechecked == ["#under"]
    assert result.failures == [], result.report()
    visibility = browser.execute_script(
        "return getComputedStyle(document.querySelector('#under + button')).visibility"
    )
    assert visibility == "visible"
