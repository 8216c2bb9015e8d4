"""The example project's Django form (/apply/, USWDSRenderer) in Chromium with USWDS's JS: bad
data comes back with no axe violations on the whole page, focus on the error summary and each
summary link focusing its field; good data reaches the success page."""

from __future__ import annotations

import pytest
from browser_helpers import (
    SET_ASIDE_SELECT_ARROWS,
    WHOLE_PAGE,
    console_errors,
    eventually,
    open_page,
)
from form_journeys import SUMMARY, links_not_focusing, submit_and_wait, summary_is_focused
from selenium.webdriver.common.by import By
from test_django_integration import django_ready  # noqa: F401 - the module's autouse fixture
from test_integrations import serve_wsgi

from uswds_components.testing import run_axe

pytestmark = pytest.mark.browser

# The fields with an error when the form is posted empty but for an age of 12, in page order.
TARGETS = [
    "id_name",
    "id_email",
    "id_age",
    "id_state",
    "id_contact",
    "id_benefits",
    "id_agree",
    "id_born",
    "id_start",
]


@pytest.fixture(scope="module")
def site():
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.wsgi import get_wsgi_application

    with serve_wsgi(StaticFilesHandler(get_wsgi_application())) as url:
        yield url


def submit_bad_data(browser, url: str) -> None:
    open_page(browser, url)
    assert browser.find_elements(By.CSS_SELECTOR, SUMMARY) == []
    browser.find_element(By.ID, "id_age").send_keys("12")
    submit_and_wait(
        browser, lambda d: d.find_elements(By.CSS_SELECTOR, SUMMARY), "the page with errors"
    )


def test_bad_data_comes_back_accessible_with_focus_on_the_summary(browser, site):
    submit_bad_data(browser, f"{site}/apply/")
    assert browser.title == "Error: Apply"
    assert eventually(browser, lambda: summary_is_focused(browser))
    assert console_errors(browser) == []
    # The selects' arrow is a background image axe cannot see through: set aside as
    # test_select_browser does, once shown to sit in the padding, clear of the text.
    assert browser.execute_script(SET_ASIDE_SELECT_ARROWS) == []
    result = run_axe(browser, context=WHOLE_PAGE)
    assert result.failures == [], result.report()
    links = browser.find_elements(By.CSS_SELECTOR, f"{SUMMARY} a")
    assert [link.get_attribute("hash") for link in links] == [f"#{t}" for t in TARGETS]
    # The user's answer is kept, and Django's CSRF check let the post through.
    assert browser.find_element(By.ID, "id_age").get_attribute("value") == "12"
    errors = browser.find_elements(By.CSS_SELECTOR, "main .usa-form-group--error")
    assert len(errors) == len(TARGETS)


def test_each_summary_link_focuses_its_field(browser, site):
    submit_bad_data(browser, f"{site}/apply/")
    assert links_not_focusing(browser, TARGETS) == []


def test_the_check_catches_a_summary_left_unfocused(browser, site):
    # Deliberately broken: the summary without its script, so nothing moves focus to it.
    submit_bad_data(browser, f"{site}/apply/?script=0")
    assert browser.find_elements(By.CSS_SELECTOR, SUMMARY)
    assert not eventually(browser, lambda: summary_is_focused(browser), seconds=1)


def test_good_data_reaches_the_success_page(browser, site):
    submit_bad_data(browser, f"{site}/apply/")
    browser.find_element(By.ID, "id_name").send_keys("Ada Lovelace")
    browser.find_element(By.ID, "id_email").send_keys("ada@example.com")
    age = browser.find_element(By.ID, "id_age")
    age.clear()
    age.send_keys("36")
    browser.find_element(By.CSS_SELECTOR, "#id_state option[value=AL]").click()
    for target in ("id_contact", "id_benefits-2", "id_agree"):
        browser.find_element(By.CSS_SELECTOR, f"label[for='{target}']").click()
    browser.find_element(By.CSS_SELECTOR, "#id_born option[value='12']").click()
    browser.find_element(By.ID, "id_born-day").send_keys("10")
    browser.find_element(By.ID, "id_born-year").send_keys("1815")
    browser.find_element(By.ID, "id_start").send_keys("07/04/2026")
    submit_and_wait(
        browser,
        lambda d: d.find_element(By.TAG_NAME, "h1").text == "Application received",
        "the success page",
    )
    assert browser.current_url == f"{site}/apply/done/"
    assert browser.find_elements(By.CSS_SELECTOR, SUMMARY) == []
