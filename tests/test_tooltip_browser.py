"""The tooltip in Chromium: its text is the trigger's accessible description exactly once, with
USWDS's JS and without it; focus and hover show it, Escape and blur hide it."""

from __future__ import annotations

import pytest
from browser_helpers import click_all, console_errors, eventually, open_page, open_without_scripts
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec
from uswds_components.testing import run_axe
from uswds_components.testing.axtree import component_ax_tree

pytestmark = pytest.mark.browser

EXAMPLES = ["default", "bottom", "right", "left", "link", "wrapper-classes"]


def params(example: str) -> dict:
    return dict(get_spec("tooltip").example(example).params)


# The page's one trigger: USWDS's JS moves `usa-tooltip` to the wrapper it adds and gives the
# trigger `usa-tooltip__trigger` instead.
TRIGGER = (
    "(document.querySelector('main .usa-tooltip__trigger')"
    " || document.querySelector('main .usa-tooltip'))"
)


def trigger(browser, example: str):
    return browser.execute_script(f"return {TRIGGER};")


def tooltip_body(browser, example: str):
    """USWDS's bubble: the element the trigger's aria-describedby names once the JS has run."""
    return browser.find_element(
        By.ID, trigger(browser, example).get_dom_attribute("aria-describedby")
    )


def read_once(browser, example: str) -> bool:
    """The trigger's accessible name is its label and its description the tooltip text, once."""
    given = params(example)
    node = component_ax_tree(browser, TRIGGER)
    return (node.name, node.description) == (given["text"], given["tooltip"])


def shown(browser, example: str) -> bool:
    body = tooltip_body(browser, example)
    return (
        "is-visible" in body.get_dom_attribute("class")
        and body.get_dom_attribute("aria-hidden") == "false"
        and body.is_displayed()
    )


def hidden(browser, example: str) -> bool:
    body = tooltip_body(browser, example)
    return body.get_dom_attribute("aria-hidden") == "true" and not body.is_displayed()


def tab_to(browser, example: str) -> None:
    """Press Tab from the top of the page until the trigger has focus."""
    target = trigger(browser, example)
    browser.find_element(By.TAG_NAME, "body").click()
    for _ in range(20):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.switch_to.active_element == target:
            return
    raise AssertionError(f"Tab never reached the {example} trigger")


@pytest.mark.parametrize("example", EXAMPLES)
def test_without_js_the_tooltip_text_is_the_description_once(
    browser, base_url, gallery_dir, example
):
    open_without_scripts(browser, base_url, gallery_dir, f"tooltip/{example}")
    button = trigger(browser, example)
    assert button.get_dom_attribute("title") == params(example)["tooltip"]
    assert button.aria_role == ("link" if example == "link" else "button")
    assert button.get_dom_attribute("aria-description") == params(example)["tooltip"]
    assert read_once(browser, example)


@pytest.mark.parametrize("example", EXAMPLES)
def test_with_js_uswds_describes_it_by_its_own_tooltip_once(browser, base_url, example):
    open_page(browser, f"{base_url}/tooltip/{example}.html")
    button = trigger(browser, example)
    assert button.get_dom_attribute("title") is None
    body = tooltip_body(browser, example)
    assert body.get_dom_attribute("role") == "tooltip"
    assert body.get_property("textContent") == params(example)["tooltip"]
    assert hidden(browser, example)
    assert read_once(browser, example)
    assert console_errors(browser) == []


@pytest.mark.parametrize("example", ["default", "link"])
def test_focus_shows_it_and_escape_hides_it_leaving_focus(browser, base_url, example):
    open_page(browser, f"{base_url}/tooltip/{example}.html")
    tab_to(browser, example)
    assert eventually(browser, lambda: shown(browser, example))
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    assert eventually(browser, lambda: hidden(browser, example))
    assert browser.switch_to.active_element == trigger(browser, example)


def test_moving_focus_away_hides_it(browser, base_url):
    open_page(browser, f"{base_url}/tooltip/default.html")
    tab_to(browser, "default")
    assert eventually(browser, lambda: shown(browser, "default"))
    ActionChains(browser).send_keys(Keys.TAB).perform()
    assert browser.switch_to.active_element != trigger(browser, "default")
    assert eventually(browser, lambda: hidden(browser, "default"))


def test_hover_shows_it_and_leaving_hides_it(browser, base_url):
    open_page(browser, f"{base_url}/tooltip/default.html")
    ActionChains(browser).move_to_element(trigger(browser, "default")).perform()
    assert eventually(browser, lambda: shown(browser, "default"))
    ActionChains(browser).move_to_element(browser.find_element(By.TAG_NAME, "h1")).perform()
    assert eventually(browser, lambda: hidden(browser, "default"))


def test_a_hint_hidden_in_the_label_would_be_caught(browser, open_broken):
    """Deliberately broken: the hint also in a visually hidden span in the label (a common way to
    "make it accessible") joins the button's name, and the check says so."""
    example = get_spec("tooltip").example("default")
    hint = '<span class="usa-sr-only"> We keep a draft for 30 days</span>'
    open_broken(example, "Save draft</button>", f"Save draft{hint}</button>", "hint-in-label")
    assert not read_once(browser, "default")


SHOWN = [e.name for e in get_spec("tooltip").examples if "shown" in e.states]
FADED_IN = (
    "const body = document.querySelector('.usa-tooltip__body');"
    " return getComputedStyle(body).opacity === '1'"
    " && document.getAnimations().every(a => a.playState !== 'running');"
)


def test_a_state_is_inspected_only_once_the_fade_has_finished(browser, base_url):
    """The shared visits reach a state with click_all, which waits for animations to come to
    rest: axe then measures the bubble's final colours, not a half-transparent frame."""
    open_page(browser, f"{base_url}/tooltip/default.html")
    click_all(browser, get_spec("tooltip").states["shown"].click)
    assert browser.execute_script(FADED_IN)


def test_the_contrast_check_catches_pale_tooltip_text(browser, base_url):
    """Deliberately broken: the shown bubble's text turned dark grey on its dark background, as
    a stray site stylesheet would, fails the same check."""
    open_page(browser, f"{base_url}/tooltip/default.html")
    trigger(browser, "default").click()
    assert eventually(browser, lambda: browser.execute_script(FADED_IN))
    browser.execute_script("document.querySelector('.usa-tooltip__body').style.color = '#3d4551'")
    assert "color-contrast" in run_axe(browser).rule_ids()
