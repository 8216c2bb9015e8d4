"""Display modes in Chromium, on every example in every state: reduced motion, forced colours,
reflow at 320 px and at 200% zoom. Evidence from the session's one visit per page.

The broken pages put their <style> after the component: the component is the first element
after the preview's heading (or the body's first, placed at the top).
"""

from __future__ import annotations

import pytest
from browser_helpers import open_page
from visits import CASES, COMPONENT, FORCED_COLORS_FOCUS_LIMIT, VIEWPORTS, visit

from uswds_components import get_spec, render
from uswds_components.testing.display import (
    MIN_CHANGED_PIXELS,
    ForcedColors,
    Reflow,
    forced_colors,
    long_motion,
    motion_and_reflow,
    reflow,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("example", "state"), CASES)
def test_no_motion_longer_than_a_hundredth_of_a_second_when_reduced(
    browser, base_url, example, state
):
    assert visit(browser, base_url, example, state).get("long_motion") == []


def forced_colors_problems(found: ForcedColors) -> list[str]:
    problems = [
        f"{alert['alert']} has no visible border in forced colours"
        for alert in found.alerts
        if not alert["visible_sides"]
    ]
    problems += [
        f"{button['button']} shows only {button['ink_pixels']} pixels of text in forced colours"
        for button in found.buttons
        if button["ink_pixels"] < MIN_CHANGED_PIXELS
    ]
    problems += [
        f"focus not visible in forced colours: {item.describe()}"
        for item in found.focus
        if not item.visible
    ]
    return problems


@pytest.mark.parametrize(("example", "state"), CASES)
def test_buttons_focus_and_alert_boundaries_stay_visible_in_forced_colors(
    browser, base_url, example, state
):
    found = visit(browser, base_url, example, state).get("forced_colors")
    assert forced_colors_problems(found) == []


# Parametrised by visit id: the scheduler runs each on the worker that holds its visit.
@pytest.mark.parametrize(
    "example",
    [
        pytest.param(get_spec("banner").example("default"), id="banner/default:initial"),
        pytest.param(get_spec("alert").example("info"), id="alert/info:initial"),
    ],
)
def test_forced_colors_checks_reach_the_banner_button_and_alerts(browser, base_url, example):
    found = visit(browser, base_url, example, "initial").get("forced_colors")
    if example.component == "banner":
        assert [b["button"] for b in found.buttons] == [
            "button.usa-accordion__button.usa-banner__button"
        ]
        assert len(found.focus) == FORCED_COLORS_FOCUS_LIMIT
    else:
        assert found.alerts[0]["visible_sides"] == ["left"]


def test_an_alert_with_no_border_fails_in_forced_colors(browser, write_page):
    example = get_spec("alert").example("info")
    html = str(render("alert", **example.params)) + (
        "<style>.usa-alert { border: 0 !important; }</style>"
    )
    open_page(browser, write_page("forced-no-border", example, html))
    problems = forced_colors_problems(forced_colors(browser, COMPONENT))
    assert any("no visible border" in problem for problem in problems), problems


def test_a_banner_button_drawn_in_its_background_colour_fails_in_forced_colors(browser, write_page):
    example = get_spec("banner").example("default")
    style = (
        "<style>.usa-banner__button-text { forced-color-adjust: none; "
        "color: Canvas !important; }</style>"
    )
    html = str(render("banner")) + style
    open_page(browser, write_page("forced-invisible-button", example, html))
    found = forced_colors(browser, COMPONENT)
    problems = forced_colors_problems(found)
    assert any("pixels of text" in problem for problem in problems), found


def test_a_focus_ring_made_of_box_shadow_vanishes_in_forced_colors(browser, write_page):
    # Visible in normal colours, gone in forced colours, where box-shadow is not drawn.
    example = get_spec("breadcrumb").example("default")
    style = "<style>a:focus { outline: none !important; box-shadow: 0 0 0 4px #2491ff; }</style>"
    html = str(render("breadcrumb", **example.params)) + style
    open_page(browser, write_page("forced-box-shadow", example, html))
    found = forced_colors(browser, COMPONENT)
    assert any("focus not visible" in problem for problem in forced_colors_problems(found))


@pytest.mark.parametrize(("example", "state"), CASES)
def test_no_sideways_scroll_or_clipped_text_at_320_px_and_200_percent_zoom(
    browser, base_url, example, state
):
    results: list[Reflow] = visit(browser, base_url, example, state).get("reflow")
    assert [r.viewport for r in results] == list(VIEWPORTS)
    assert [r.describe() for r in results if r.scrolls_sideways] == []
    # breadcrumb/truncate passes too: below the mobile breakpoint only its short parent link
    # shows, so nothing is cut.
    assert [r.describe() for r in results if r.clipped] == []


def test_a_fixed_width_element_scrolls_sideways_at_320_px(browser, write_page):
    example = get_spec("gov_notice").example("default")
    html = str(render("gov_notice", attributes={"style": "min-width: 800px"}))
    open_page(browser, write_page("reflow-wide", example, html))
    found = reflow(browser, COMPONENT, VIEWPORTS)
    assert [at.viewport for at in found if not at.scrolls_sideways] == ["1024 px"]
    assert browser.execute_script("return window.innerWidth") == 1280  # viewport restored


def test_text_cut_off_by_overflow_hidden_is_caught(browser, write_page):
    example = get_spec("gov_notice").example("default")
    html = str(
        render(
            "gov_notice",
            attributes={"style": "white-space: nowrap; overflow: hidden; max-width: 100%"},
        )
    )
    open_page(browser, write_page("reflow-clipped", example, html))
    narrow = reflow(browser, COMPONENT, VIEWPORTS)[0]
    assert narrow.clipped and not narrow.scrolls_sideways


def test_an_overflow_between_breakpoints_is_caught_at_its_width_only(browser, write_page):
    """A row too wide for 480-560 px only, as the slim footer's contact links once were: the
    widths between 320 px and a desktop are what catch it."""
    example = get_spec("gov_notice").example("default")
    between = "@media (min-width: 470px) and (max-width: 530px) { .usa-banner__guidance"
    between += " { min-width: 600px; } }"
    html = str(render("gov_notice")) + f"<style>{between}</style>"
    open_page(browser, write_page("reflow-between", example, html))
    found = reflow(browser, COMPONENT, VIEWPORTS)
    assert [at.viewport for at in found if at.scrolls_sideways] == ["480 px", "520 px"]


def test_a_transition_is_reported_under_reduced_motion(browser, write_page):
    example = get_spec("gov_notice").example("default")
    html = str(render("gov_notice", attributes={"style": "transition: opacity 0.3s"}))
    open_page(browser, write_page("motion", example, html))
    assert long_motion(browser, COMPONENT)
    assert not browser.execute_script(
        "return matchMedia('(prefers-reduced-motion: reduce)').matches"
    )  # media restored


def test_a_transition_at_one_width_only_is_reported_with_that_width(browser, write_page):
    example = get_spec("gov_notice").example("default")
    narrow_only = "@media (max-width: 360px) { .usa-media-block__body { transition: opacity 1s; } }"
    html = str(render("gov_notice")) + f"<style>{narrow_only}</style>"
    open_page(browser, write_page("motion-narrow", example, html))
    motion, reflows = motion_and_reflow(browser, COMPONENT, VIEWPORTS)
    assert len(motion) == 1 and motion[0].endswith("(at 320 px)"), motion
    assert [r.viewport for r in reflows] == list(VIEWPORTS)
    assert long_motion(browser, COMPONENT) == []  # at the window's own width
    assert browser.execute_script("return innerWidth") == 1280
