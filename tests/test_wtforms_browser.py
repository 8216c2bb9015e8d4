"""A WTForms form in a Flask app, in Chromium with USWDS's JS: bad data comes back with no axe
violations, focus on the error summary and each summary link focusing its field; good data
reaches the success page."""

from __future__ import annotations

import flask
import pytest
from browser_helpers import SET_ASIDE_SELECT_ARROWS, console_errors, eventually, open_page
from form_journeys import SUMMARY, links_not_focusing, submit_and_wait, summary_is_focused
from selenium.webdriver.common.by import By
from test_integrations import serve_wsgi
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    Form,
    IntegerField,
    RadioField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional

from uswds_components.flask import USWDS
from uswds_components.testing import run_axe
from uswds_components.wtforms import MultiCheckboxField, install

pytestmark = pytest.mark.browser

PAGE = """{% extends "uswds/layouts/page.html" %}{% block content %}
<div class="grid-container"><h1>Apply</h1>
{{ uswds_error_summary(form, script=script) }}
<form class="usa-form" method="post" novalidate>
{% for field in form %}{{ uswds_field(field) }}{% endfor %}
<button class="usa-button" type="submit">Submit</button>
</form></div>{% endblock %}"""
DONE = """{% extends "uswds/layouts/page.html" %}{% block content %}
<div class="grid-container"><h1>Application received</h1></div>{% endblock %}"""


class Application(Form):
    name = StringField(
        "Full name", [DataRequired("Enter your full name")], description="As on your ID"
    )
    email = EmailField("Email address", [InputRequired("Enter your email address")])
    age = IntegerField("Age", [Optional(), NumberRange(min=18, message="You must be 18 or older")])
    notes = TextAreaField("Anything else?")
    state = SelectField(
        "State",
        [DataRequired("Select your state")],
        choices=[
            SelectChoice("", "- Select -"),
            SelectChoice("AK", "Alaska"),
            SelectChoice("AL", "Alabama"),
        ],
    )
    contact = RadioField(
        "How should we contact you?",
        [DataRequired("Select how we should contact you")],
        choices=[SelectChoice("email", "Email"), SelectChoice("phone", "Phone")],
    )
    benefits = MultiCheckboxField(
        "Which benefits do you get?",
        [DataRequired("Select at least one benefit")],
        choices=[SelectChoice("housing", "Housing"), SelectChoice("food", "Food")],
    )
    agree = BooleanField("I agree to the terms", [DataRequired("Agree to the terms to continue")])
    start = DateField("Start date", [DataRequired("Enter a start date")], format=["%m/%d/%Y"])


TARGETS = ["name", "email", "age", "state", "contact", "benefits", "agree", "start"]


def create_app() -> flask.Flask:
    app = flask.Flask(__name__)
    USWDS(app)
    install(app.jinja_env)

    @app.route("/", methods=["GET", "POST"])
    def apply() -> str | flask.Response:
        form = Application(flask.request.form)
        if flask.request.method == "POST" and form.validate():
            return flask.redirect("/done")
        # ?script=0: the deliberately broken page, its summary without error-summary.js.
        script = flask.request.args.get("script") != "0"
        return flask.render_template_string(
            PAGE, title="Apply", form=form, errors=form.errors, script=script
        )

    @app.get("/done")
    def done() -> str:
        return flask.render_template_string(DONE, title="Application received")

    return app


@pytest.fixture(scope="module")
def site():
    with serve_wsgi(create_app()) as url:
        yield url


def submit_bad_data(browser, url: str) -> None:
    open_page(browser, url)
    assert browser.find_elements(By.CSS_SELECTOR, SUMMARY) == []
    browser.find_element(By.ID, "age").send_keys("12")
    submit_and_wait(
        browser, lambda d: d.find_elements(By.CSS_SELECTOR, SUMMARY), "the page with errors"
    )


def test_bad_data_comes_back_accessible_with_focus_on_the_summary(browser, site):
    submit_bad_data(browser, f"{site}/")
    assert browser.title == "Error: Apply"
    assert eventually(browser, lambda: summary_is_focused(browser))
    assert console_errors(browser) == []
    # The select's arrow is a background image axe cannot see through: set aside as
    # test_select_browser does, once shown to sit in the padding, clear of the text.
    assert browser.execute_script(SET_ASIDE_SELECT_ARROWS) == []
    result = run_axe(browser)
    assert result.failures == [], result.report()
    links = browser.find_elements(By.CSS_SELECTOR, f"{SUMMARY} a")
    assert [link.get_attribute("hash") for link in links] == [f"#{t}" for t in TARGETS]
    # The user's answer is kept.
    assert browser.find_element(By.ID, "age").get_attribute("value") == "12"
    assert len(browser.find_elements(By.CSS_SELECTOR, ".usa-form-group--error")) == len(TARGETS)


def test_each_summary_link_focuses_its_field(browser, site):
    submit_bad_data(browser, f"{site}/")
    assert links_not_focusing(browser, TARGETS) == []


def test_the_check_catches_a_summary_left_unfocused(browser, site):
    # Deliberately broken: the summary without its script, so nothing moves focus to it.
    submit_bad_data(browser, f"{site}/?script=0")
    assert browser.find_elements(By.CSS_SELECTOR, SUMMARY)
    assert not eventually(browser, lambda: summary_is_focused(browser), seconds=1)


def test_good_data_reaches_the_success_page(browser, site):
    submit_bad_data(browser, f"{site}/")
    browser.find_element(By.ID, "name").send_keys("Ada Lovelace")
    browser.find_element(By.ID, "email").send_keys("ada@example.com")
    age = browser.find_element(By.ID, "age")
    age.clear()
    age.send_keys("36")
    browser.find_element(By.CSS_SELECTOR, "#state option[value=AL]").click()
    for target in ("contact", "benefits-2", "agree"):
        browser.find_element(By.CSS_SELECTOR, f"label[for='{target}']").click()
    browser.find_element(By.ID, "start").send_keys("07/04/2026")
    submit_and_wait(
        browser,
        lambda d: d.find_element(By.TAG_NAME, "h1").text == "Application received",
        "the success page",
    )
    assert browser.current_url == f"{site}/done"
    assert browser.find_elements(By.CSS_SELECTOR, SUMMARY) == []
