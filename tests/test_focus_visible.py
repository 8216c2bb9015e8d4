"""Keyboard focus is visible on every focusable element of every example (WCAG 2.4.7, 2.4.11).

Each element is focused in turn and a screenshot around it compared with the page unfocused
(uswds_components.testing.focus); the evidence comes from the session's one visit per page.
"""

from __future__ import annotations

import pytest
from browser_helpers import open_page
from visits import CASES, COMPONENT, visit

from uswds_components import get_spec, render
from uswds_components.testing.focus import MIN_CHANGED_PIXELS, focus_evidence

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


def test_examples_with_links_or_controls_have_focusable_elements(browser, base_url):
    # The check above is only as good as the element search: these pages must yield some.
    for component, example in [("banner", "default"), ("page_feedback", "default")]:
        record = visit(browser, base_url, get_spec(component).example(example), "initial")
        assert record.get("focus"), f"{component}/{example}: no focusable element found"


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
