"""The step indicator in Chromium: the heading names the step, state words stay visually hidden,
and the labels give way to the heading on narrow screens."""

from __future__ import annotations

import pytest
from browser_helpers import open_page
from selenium.webdriver.common.by import By

from uswds_components import get_spec

pytestmark = pytest.mark.browser

NARROW = (320, 900)  # WCAG 1.4.10 Reflow: 320 CSS px wide
DESKTOP = (1280, 900)  # conftest's start_chromium size: the browser is shared, restore it

# The words for screen readers only: the segments' state words and the heading's "Step".
_HIDDEN_WORDS = """
const labels = ".usa-step-indicator__segment-label > span";
const step = ".usa-step-indicator__heading-counter > span:first-child";
return [...document.querySelectorAll(`${labels}, ${step}`)].map((el) => {
  const box = el.getBoundingClientRect();
  return {text: el.textContent.trim(), seen: box.width > 1 && box.right > 0 && box.bottom > 0};
});
"""


def heading_name(browser) -> str:
    return browser.find_element(By.CSS_SELECTOR, ".usa-step-indicator__heading").accessible_name


@pytest.mark.parametrize(
    ("example", "name"),
    [
        ("default", "Step 3 of 5 Supporting documents"),
        ("short", "Step 2 of 3 Household status"),
        ("heading", "Step 2 of 3 Upload your documents"),
        ("lang-es", "Paso 2 de 4 Situación del hogar"),
    ],
)
def test_the_heading_says_which_step_of_how_many(browser, base_url, example, name):
    open_page(browser, f"{base_url}/step_indicator/{example}.html")
    assert heading_name(browser) == name


def visible_state_words(browser) -> list[str]:
    return [w["text"] for w in browser.execute_script(_HIDDEN_WORDS) if w["seen"]]


def test_state_words_are_hidden_from_sight_only(browser, base_url):
    open_page(browser, f"{base_url}/step_indicator/default.html")
    words = browser.execute_script(_HIDDEN_WORDS)
    assert [w["text"] for w in words] == [
        "completed",
        "completed",
        "not completed",
        "not completed",
        "Step",
    ]
    assert visible_state_words(browser) == []
    current = browser.find_element(By.CSS_SELECTOR, "[aria-current]")
    assert current.get_attribute("aria-current") == "step"
    assert current.text == "Supporting documents"


def test_labels_show_on_desktop_and_give_way_to_the_heading_at_320px(browser, base_url):
    open_page(browser, f"{base_url}/step_indicator/default.html")
    labels = browser.find_elements(By.CSS_SELECTOR, ".usa-step-indicator__segment-label")
    assert all(label.is_displayed() for label in labels)
    browser.set_window_size(*NARROW)
    try:
        assert not any(label.is_displayed() for label in labels)
        heading = browser.find_element(By.CSS_SELECTOR, ".usa-step-indicator__heading")
        assert heading.is_displayed()
        assert heading_name(browser) == "Step 3 of 5 Supporting documents"
    finally:
        browser.set_window_size(*DESKTOP)


def test_the_check_catches_a_visible_state_word(browser, open_broken):
    example = get_spec("step_indicator").example("default")
    open_broken(
        example,
        '<span class="usa-sr-only">not completed</span>',
        "<span>not completed</span>",
        "visible-state-word",
    )
    assert visible_state_words(browser) == ["not completed", "not completed"]


def test_the_check_catches_a_heading_name_run_together(browser, open_broken):
    # Whitespace inside the counter, before its closing tag, is dropped from the heading's name.
    example = get_spec("step_indicator").example("default")
    open_broken(example, "of 5</span></span>", "of 5</span>\n      </span>", "name-run-together")
    assert heading_name(browser) == "Step 3 of 5Supporting documents"
