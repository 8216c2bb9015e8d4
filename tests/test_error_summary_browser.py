"""The error summary in Chromium with error-summary.js: focused when the page loads, its links
focus their fields with the label in view; the whole form is reached by Tab in order; and
without JS it is read and its links still jump."""

from __future__ import annotations

import pytest
from browser_helpers import console_errors, eventually, open_page
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from uswds_components import get_spec, render

pytestmark = pytest.mark.browser

ERRORS = [
    {"text": "Enter your full name", "target": "full-name"},
    {"text": "Enter an email address in the correct format", "target": "email"},
    {"text": "Select how we should contact you", "target": "contact"},
    {"text": "Select at least one benefit", "target": "benefits"},
]
# Room above and below the fields, so that jumping to one scrolls the page.
SPACER = '<div style="height: 1500px"></div>'
_IN_VIEW = (
    "const r = arguments[0].getBoundingClientRect();"
    " return r.top >= 0 && r.bottom <= window.innerHeight;"
)


def form(summary_params: dict | None = None) -> str:
    summary = str(render("error_summary", errors=ERRORS, **(summary_params or {})))
    controls = [
        render("text_input", label="Full name", id="full-name", error=ERRORS[0]["text"]),
        render(
            "text_input",
            label="Email address",
            id="email",
            hint="We send a receipt here.",
            error=ERRORS[1]["text"],
        ),
        render("textarea", label="Anything else?", id="notes"),
        render("select", label="State", id="state", options=[{"value": "AK", "text": "Alaska"}]),
        render(
            "radio",
            name="contact",
            id="contact",
            legend="How should we contact you?",
            error=ERRORS[2]["text"],
            items=[{"label": "Email", "value": "email"}, {"label": "Phone", "value": "phone"}],
        ),
        render(
            "checkbox",
            name="benefits",
            id="benefits",
            legend="Which benefits do you get?",
            error=ERRORS[3]["text"],
            items=[{"label": "Housing", "value": "housing"}, {"label": "Food", "value": "food"}],
        ),
    ]
    fields = "".join(str(control) for control in controls)
    return f'<form class="usa-form" action="#" novalidate>{summary}{SPACER}{fields}{SPACER}</form>'


@pytest.fixture
def open_form(browser, write_page):
    example = get_spec("error_summary").example("default")

    def open_it(name: str = "form", **summary_params) -> None:
        open_page(browser, write_page(name, example, form(summary_params)))

    return open_it


def active(browser):
    return browser.switch_to.active_element


def summary_is_focused(browser) -> bool:
    return active(browser).get_attribute("data-uswds-components-error-summary") is not None


def in_view(browser, element) -> bool:
    return browser.execute_script(_IN_VIEW, element)


def test_the_summary_is_focused_when_the_page_loads(browser, open_form):
    open_form()
    assert eventually(browser, lambda: summary_is_focused(browser))
    assert console_errors(browser) == []


def test_the_check_catches_a_summary_left_unfocused(browser, open_form):
    # Deliberately broken: no script, so nothing moves focus to the summary.
    open_form("no-script", script=False)
    assert not eventually(browser, lambda: summary_is_focused(browser), seconds=1)


def test_tab_reaches_the_links_then_each_control_in_order(browser, open_form):
    open_form()
    assert eventually(browser, lambda: summary_is_focused(browser))
    reached = []
    for _ in range(10):
        active(browser).send_keys(Keys.TAB)
        element = active(browser)
        reached.append(element.get_attribute("href") or element.get_attribute("id"))
    assert [href.rsplit("#", 1)[-1] for href in reached[:4]] == [e["target"] for e in ERRORS]
    assert reached[4:] == ["full-name", "email", "notes", "state", "contact", "benefits"]


def label_of(browser, target: str):
    """What names the field: its label, or for a group its fieldset's legend."""
    field = browser.find_element(By.ID, target)
    legends = field.find_elements(By.XPATH, "ancestor::fieldset/legend")
    return legends[0] if legends else browser.find_element(By.CSS_SELECTOR, f"[for={target}]")


@pytest.mark.parametrize("index", range(len(ERRORS)))
def test_a_link_focuses_its_field_with_the_label_in_view(browser, open_form, index):
    open_form()
    links = browser.find_elements(By.CSS_SELECTOR, "[data-uswds-components-error-summary] a")
    links[index].click()
    target = ERRORS[index]["target"]
    assert active(browser).get_attribute("id") == target
    assert in_view(browser, label_of(browser, target))
    assert in_view(browser, browser.find_element(By.ID, target))


def test_enter_on_a_link_moves_focus_to_the_field(browser, open_form):
    open_form()
    assert eventually(browser, lambda: summary_is_focused(browser))
    active(browser).send_keys(Keys.TAB)
    active(browser).send_keys(Keys.TAB)
    active(browser).send_keys(Keys.ENTER)
    assert active(browser).get_attribute("id") == "email"
    active(browser).send_keys("name@example.com")
    assert browser.find_element(By.ID, "email").get_attribute("value") == "name@example.com"


def test_without_javascript_it_is_read_and_its_links_jump(browser, write_page, gallery_dir):
    example = get_spec("error_summary").example("default")
    url = write_page("no-js", example, form())
    page = gallery_dir / "error_summary" / "_test-no-js.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        "\n".join(line for line in html.splitlines() if "<script" not in line), encoding="utf-8"
    )
    browser.get(url)
    assert browser.find_elements(By.TAG_NAME, "script") == []
    summary = browser.find_element(By.CSS_SELECTOR, "[data-uswds-components-error-summary]")
    assert summary.is_displayed()
    assert "There is a problem" in summary.text
    summary.find_element(By.CSS_SELECTOR, "a[href='#email']").click()
    assert browser.current_url.endswith("#email")
    assert in_view(browser, browser.find_element(By.ID, "email"))
    # Without the script the browser puts the field itself at the top: its label is cut off,
    # which is what the script's scrolling is for.
    assert not in_view(browser, label_of(browser, "email"))


def test_spanish_heading_in_chromium(browser, base_url):
    open_page(browser, f"{base_url}/error_summary/spanish.html")
    heading = browser.find_element(By.CSS_SELECTOR, ".usa-alert__heading")
    assert heading.text == "Hay un problema"
    assert eventually(browser, lambda: summary_is_focused(browser))
