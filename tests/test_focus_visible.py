"""Keyboard focus is visible on every focusable element of every example (WCAG 2.4.7, 2.4.11).

Each element's region is compared focused and unfocused in screenshots
(uswds_components.testing.focus): in groups with focus styles forced, and alone with real focus
wherever a group does not show enough. The evidence comes from the session's one visit per page.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest
from browser_helpers import click_all, open_page
from visits import CASES, COMPONENT, visit

from uswds_components import get_spec, render
from uswds_components.testing.focus import MIN_CHANGED_PIXELS, focus_evidence, group_clips

pytestmark = pytest.mark.browser

# After the component: the component is the first element after the preview's heading.
NO_OUTLINE = "<style>*:focus, *:focus + label::before { outline: none !important; }</style>"


@pytest.mark.parametrize(("example", "state"), CASES)
def test_every_focusable_element_shows_focus(browser, base_url, example, state):
    evidence = visit(browser, base_url, example, state).get("focus")
    hidden = [item.describe() for item in evidence if not item.visible]
    assert hidden == [], f"focus not visible (< {MIN_CHANGED_PIXELS} pixels changed):\n" + (
        "\n".join(hidden)
    )


# Parametrised by visit id: the scheduler runs each on the worker that holds its visit.
@pytest.mark.parametrize(
    "example",
    [
        pytest.param(get_spec(component).example(name), id=f"{component}/{name}:initial")
        for component, name in [("banner", "default"), ("page_feedback", "default")]
    ],
)
def test_examples_with_links_or_controls_have_focusable_elements(browser, base_url, example):
    # The check above is only as good as the element search: these pages must yield some.
    record = visit(browser, base_url, example, "initial")
    assert record.get("focus"), f"{example.id}: no focusable element found"


def test_a_button_with_outline_none_fails(browser, write_page):
    example = get_spec("banner").example("default")
    open_page(browser, write_page("focus-none", example, str(render("banner")) + NO_OUTLINE))
    evidence = focus_evidence(browser, COMPONENT)
    assert [item.visible for item in evidence] == [False]
    assert evidence[0].took_focus


def test_a_textarea_with_outline_none_is_not_rescued_by_its_caret(browser, write_page):
    example = get_spec("page_feedback").example("reasons")
    html = str(render("page_feedback", **example.params)) + NO_OUTLINE
    open_page(browser, write_page("focus-none-textarea", example, html))
    evidence = focus_evidence(browser, COMPONENT)
    textareas = [item for item in evidence if item.element.startswith("textarea")]
    assert textareas and not any(item.visible for item in textareas), [
        item.describe() for item in evidence
    ]
    assert not any(item.visible for item in evidence)


@contextlib.contextmanager
def window_width(browser: Any, width: int) -> Iterator[None]:
    """The shared browser at `width` px wide, its size restored after."""
    size = browser.get_window_size()
    browser.set_window_size(width, size["height"])
    try:
        yield
    finally:
        browser.set_window_size(size["width"], size["height"])


NAV_LINKS_NO_OUTLINE = ".usa-nav a:focus { outline: none !important; }"


def test_an_open_mobile_menu_traps_the_check_and_its_links_still_fail(browser, base_url):
    # USWDS's focus trap keeps Tab inside the open nav: "Menu" and the site title, under the
    # overlay, are not reachable, so they are not checked; the nav's own elements still are.
    with window_width(browser, 320):
        open_page(browser, f"{base_url}/header/default.html")
        closed = [item.element for item in focus_evidence(browser, COMPONENT)]
        assert 'button "Menu"' in closed, closed  # reachable while the menu is closed
        click_all(browser, (".usa-menu-btn",))
        evidence = focus_evidence(browser, COMPONENT)
        opened = [item.element for item in evidence]
        # Close (its name is its image's alt text), the links, the search field and button.
        assert opened == [
            'button ""',
            'a "Apply"',
            'a "Benefits"',
            'a "News"',
            'a "Contact"',
            'input#search-field "Search"',
            'button ""',
        ]
        assert all(item.visible for item in evidence), [item.describe() for item in evidence]
        # The broken case: the nav's links lose their outline, and only they fail.
        browser.execute_script(
            "const s = document.createElement('style'); s.textContent = arguments[0];"
            "document.head.append(s);",
            NAV_LINKS_NO_OUTLINE,
        )
        hidden = [item.element for item in focus_evidence(browser, COMPONENT) if not item.visible]
        assert hidden == ['a "Apply"', 'a "Benefits"', 'a "News"', 'a "Contact"'], hidden


# A row of links closer together than twice GROW: each one's ring reaches into its neighbours'
# regions, so a group never holds two neighbours.
CLOSE_ROW = (
    '<div style="display: flex; gap: 2px">'
    + "".join(f'<a class="usa-link" href="#{n}" id="link-{n}">Link {n}</a>' for n in range(8))
    + "</div>"
)


def test_regions_that_meet_never_share_a_group():
    clips = [(0, 0, 50, 20), (48, 0, 50, 20), (96, 0, 50, 20), (0, 100, 50, 20)]
    groups = group_clips(clips)
    assert groups == [[0, 2, 3], [1]]
    touching = [(0, 0, 50, 20), (50, 0, 50, 20)]  # sharing an edge is not meeting
    assert group_clips(touching) == [[0, 1]]


def test_a_neighbours_forced_ring_rescues_no_element(browser, write_page):
    example = get_spec("banner").example("default")
    odd = ", ".join(f"#link-{n}:focus" for n in range(1, 8, 2))
    html = f"{CLOSE_ROW}<style>{odd} {{ outline: none !important; }}</style>"
    open_page(browser, write_page("focus-close-row", example, html))
    evidence = focus_evidence(browser, COMPONENT)
    assert [item.visible for item in evidence] == [True, False] * 4, [
        item.describe() for item in evidence
    ]
    # The fast path served the good ones; each failure is the verdict of focusing it alone.
    assert [item.forced for item in evidence] == [True, False] * 4


def test_a_focus_style_that_moves_things_is_checked_alone(browser, write_page):
    example = get_spec("banner").example("default")
    html = f"{CLOSE_ROW}<style>.usa-link:focus {{ padding-left: 12px; }}</style>"
    open_page(browser, write_page("focus-moves", example, html))
    evidence = focus_evidence(browser, COMPONENT)
    assert all(item.visible for item in evidence), [item.describe() for item in evidence]
    assert not any(item.forced for item in evidence)


def test_an_indicator_drawn_by_script_on_real_focus_passes(browser, write_page):
    # Forcing :focus styles shows nothing here; focusing the link for real does.
    example = get_spec("banner").example("default")
    html = (
        '<div><a class="usa-link" id="scripted" href="#x">Scripted ring</a></div>'
        "<style>#scripted:focus { outline: none !important; }"
        " #scripted.ring { box-shadow: 0 0 0 4px #2491ff; }</style>"
        "<script>const link = document.getElementById('scripted');"
        "link.addEventListener('focus', () => link.classList.add('ring'));"
        "link.addEventListener('blur', () => link.classList.remove('ring'));</script>"
    )
    open_page(browser, write_page("focus-scripted", example, html))
    evidence = focus_evidence(browser, COMPONENT)
    assert [(item.visible, item.forced) for item in evidence] == [(True, False)], [
        item.describe() for item in evidence
    ]
