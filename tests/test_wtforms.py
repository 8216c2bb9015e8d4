"""uswds_components.wtforms: each WTForms field through its component, with its label, hint,
error, required state and value; the form's errors in the error summary; the Jinja globals."""

from __future__ import annotations

import datetime

import flask
import jinja2
import pytest
from conftest import parse, root_element
from markupsafe import Markup
from werkzeug.datastructures import MultiDict
from wtforms import (
    BooleanField,
    DateField,
    DecimalField,
    EmailField,
    FieldList,
    FileField,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    MultipleFileField,
    PasswordField,
    RadioField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
    TimeField,
)
from wtforms.fields import MonthField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from uswds_components import ComponentError, configure_environment
from uswds_components.flask import USWDS
from uswds_components.wtforms import (
    MemorableDateField,
    MultiCheckboxField,
    error_summary,
    form_errors,
    install,
    render_field,
)

US_DATE = ["%m/%d/%Y"]


class Application(Form):
    name = StringField(
        "Full name", [DataRequired("Enter your full name")], description="As on your ID"
    )
    email = EmailField("Email address", [InputRequired("Enter your email address")])
    password = PasswordField("Password")
    age = IntegerField("Age", [Optional(), NumberRange(min=18, message="You must be 18 or older")])
    income = DecimalField("Yearly income", [Optional()])
    notes = TextAreaField("Anything else?", [Length(max=10, message="Use 10 characters or fewer")])
    state = SelectField(
        "State", choices=[SelectChoice("AK", "Alaska"), SelectChoice("AL", "Alabama")]
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
    start = DateField("Start date", [Optional()], format=US_DATE)
    proof = FileField("Proof of address", render_kw={"accept": ".pdf"})


def bound(data: dict | None = None, form: type[Form] = Application) -> Form:
    return form(MultiDict(data or {}))


def validated(data: dict, form: type[Form] = Application) -> Form:
    bound_form = bound(data, form)
    bound_form.validate()
    return bound_form


GOOD = {
    "name": "Ada Lovelace",
    "email": "ada@example.com",
    "contact": "email",
    "benefits": ["housing", "food"],
    "agree": "y",
    "state": "AL",
}


def control(html: str, field_id: str):
    return parse(html).find(id=field_id)


# --- each field kind through its component ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "tag", "attrs"),
    [
        ("name", "input", {"type": "text", "class": ["usa-input"]}),
        ("email", "input", {"type": "email", "class": ["usa-input"]}),
        ("password", "input", {"type": "password", "class": ["usa-input"]}),
        ("age", "input", {"type": "text", "inputmode": "numeric"}),
        ("income", "input", {"type": "text", "inputmode": "decimal"}),
        ("notes", "textarea", {"class": ["usa-textarea"]}),
        ("state", "select", {"class": ["usa-select"]}),
        ("contact", "input", {"type": "radio", "class": ["usa-radio__input"]}),
        ("benefits", "input", {"type": "checkbox", "class": ["usa-checkbox__input"]}),
        ("agree", "input", {"type": "checkbox", "class": ["usa-checkbox__input"]}),
        ("start", "input", {"type": "text", "class": ["usa-input"]}),
        ("proof", "input", {"type": "file", "class": ["usa-file-input"]}),
    ],
)
def test_every_field_kind_renders_its_component(name, tag, attrs):
    form = bound()
    html = render_field(form[name])
    assert isinstance(html, Markup)
    root = root_element(html)
    assert "usa-form-group" in root["class"]
    element = control(html, name)
    assert element.name == tag
    for key, value in attrs.items():
        assert element.get(key) == value, (key, element)
    assert element["name"] == name
    assert "number" not in html  # never type=number, as USWDS advises


def test_labels_hints_and_groups_come_from_the_field():
    form = bound()
    text = parse(render_field(form.name))
    assert text.find("label", attrs={"for": "name"}).get_text(strip=True).startswith("Full name")
    assert text.find(id="name-hint").get_text() == "As on your ID"
    assert text.find(id="name")["aria-describedby"] == "name-hint"
    radios = parse(render_field(form.contact))
    legend = radios.find("fieldset").find("legend")
    assert legend.get_text().startswith("How should we contact you?")
    assert [i["id"] for i in radios.find_all("input")] == ["contact", "contact-2"]
    assert [i["value"] for i in radios.find_all("input")] == ["email", "phone"]
    boxes = parse(render_field(form.benefits))
    assert boxes.find("legend").get_text().startswith("Which benefits do you get? ")
    assert [i["id"] for i in boxes.find_all("input")] == ["benefits", "benefits-2"]
    # A lone BooleanField: one checkbox labelled by the field's label, no fieldset.
    agree = parse(render_field(form.agree))
    assert agree.find("fieldset") is None
    assert agree.find("input")["value"] == "y"
    assert agree.find("label", attrs={"for": "agree"}).get_text().startswith("I agree")
    date = parse(render_field(form.start))
    assert date.find(class_="usa-date-picker") is not None
    assert date.find(id="start-hint").get_text() == "mm/dd/yyyy"  # the picker's format hint
    proof = parse(render_field(form.proof))
    assert proof.find(id="proof")["accept"] == ".pdf"
    assert proof.find(id="proof").get("multiple") is None


def test_values_come_back_from_the_submitted_data():
    data = {
        **GOOD,
        "password": "secret",
        "age": "42",
        "notes": "Hi",
        "start": "07/04/2026",
    }
    form = validated(data)
    assert control(render_field(form.name), "name")["value"] == "Ada Lovelace"
    assert control(render_field(form.age), "age")["value"] == "42"
    assert control(render_field(form.password), "password").get("value") is None
    assert control(render_field(form.notes), "notes").get_text().strip() == "Hi"
    select = parse(render_field(form.state))
    assert [o["value"] for o in select.find_all("option", selected=True)] == ["AL"]
    assert select.find("option", value="") is None  # a choice is selected: no blank option
    radios = parse(render_field(form.contact))
    assert [i["value"] for i in radios.find_all("input", checked=True)] == ["email"]
    boxes = parse(render_field(form.benefits))
    assert [i["value"] for i in boxes.find_all("input", checked=True)] == ["housing", "food"]
    assert control(render_field(form.agree), "agree").has_attr("checked")
    date = parse(render_field(form.start))
    assert date.find(class_="usa-date-picker")["data-default-value"] == "2026-07-04"
    assert date.find(id="start")["value"] == "07/04/2026"
    assert form.start.data == datetime.date(2026, 7, 4)


def test_an_unanswered_select_starts_with_a_blank_option():
    select = parse(render_field(bound().state))
    assert select.find("option")["value"] == ""
    assert select.find("option").get_text() == "- Select -"
    assert select.find("option", selected=True) is None


def test_multiple_file_field_accepts_several_files():
    class Upload(Form):
        files = MultipleFileField("Documents")

    assert control(render_field(bound(form=Upload).files), "files").has_attr("multiple")


def test_render_kw_becomes_the_controls_attributes():
    class Contact(Form):
        zip = StringField("ZIP code", render_kw={"autocomplete": "postal-code", "maxlength": 10})

    element = control(render_field(bound(form=Contact).zip), "zip")
    assert element["autocomplete"] == "postal-code"
    assert element["maxlength"] == "10"


def test_overrides_win_over_the_field():
    form = bound()
    element = control(render_field(form.name, autocomplete="name", width="md"), "name")
    assert element["autocomplete"] == "name"
    assert "usa-input--md" in element["class"]
    html = render_field(form.contact, tile=True, lang="es")
    assert "usa-radio__input--tile" in html
    assert 'title="obligatorio"' in html


def test_hidden_fields_render_as_hidden_inputs():
    class WithToken(Form):
        token = HiddenField(default="abc")

    html = render_field(bound(form=WithToken).token)
    element = control(html, "token")
    assert (element.name, element["type"], element["value"]) == ("input", "hidden", "abc")
    with pytest.raises(ComponentError, match=r"token.*no overrides"):
        render_field(bound(form=WithToken).token, label="Token")


# --- errors and the error summary ------------------------------------------------------------


def test_errors_render_in_the_error_state():
    form = validated({"age": "12", "notes": "far too long a note"})
    for name, message in [
        ("name", "Enter your full name"),
        ("email", "Enter your email address"),
        ("age", "You must be 18 or older"),
        ("notes", "Use 10 characters or fewer"),
        ("contact", "Select how we should contact you"),
        ("benefits", "Select at least one benefit"),
        ("agree", "Agree to the terms to continue"),
    ]:
        html = render_field(form[name])
        root = root_element(html)
        assert "usa-form-group--error" in root["class"], name
        error = parse(html).find(id=f"{name}-error")
        assert error.get_text() == f"Error: {message}", name
    name = control(render_field(form.name), "name")
    assert name["aria-describedby"] == "name-hint name-error"
    assert name["aria-invalid"] == "true"
    # A group carries its error on the fieldset, not on each option.
    radios = parse(render_field(form.contact))
    assert radios.find("fieldset")["aria-describedby"] == "contact-error"
    assert radios.find(id="contact").get("aria-invalid") is None


def test_the_summary_lists_each_error_linked_to_its_field_in_order():
    form = validated({"age": "12", "state": "AK", "start": "31/31/2026"})
    summary = parse(error_summary(form))
    root = summary.find(attrs={"data-uswds-components-error-summary": True})
    assert root.find(class_="usa-alert__heading").get_text() == "There is a problem"
    links = [(a.get_text(), a["href"]) for a in root.find_all("a")]
    assert links == [
        ("Enter your full name", "#name"),
        ("Enter your email address", "#email"),
        ("You must be 18 or older", "#age"),
        ("Select how we should contact you", "#contact"),
        ("Select at least one benefit", "#benefits"),
        ("Agree to the terms to continue", "#agree"),
        ("Not a valid date value.", "#start"),
    ]
    # Each target is an element of the rendered field: a group's first input.
    for _, href in links:
        field = form[href[1:]]
        assert control(render_field(field), href[1:]) is not None


def test_the_summary_is_empty_without_errors_and_in_spanish_on_request():
    form = validated(GOOD)
    assert form.errors == {}
    assert error_summary(form) == Markup("")
    bad = validated({})
    spanish = parse(error_summary(bad, lang="es", heading_level=3))
    assert spanish.find("h3").get_text() == "Hay un problema"
    assert spanish.find(attrs={"lang": "es"}) is not None


def test_form_level_and_nested_errors_are_listed():
    class Address(Form):
        street = StringField("Street", [DataRequired("Enter the street")])

    class Move(Form):
        old = FormField(Address)
        phones = FieldList(
            StringField("Phone", [DataRequired("Enter a phone number")]), min_entries=1
        )

        def validate(self, extra_validators=None):
            super().validate(extra_validators)
            self.form_errors.append("The move could not be saved")
            return False

    form = validated({}, Move)
    assert form_errors(form) == [
        {"text": "The move could not be saved", "target": None},
        {"text": "Enter the street", "target": "old-street"},
        {"text": "Enter a phone number", "target": "phones-0"},
    ]
    summary = parse(error_summary(form))
    items = summary.find_all("li")
    assert items[0].find("a") is None and items[0].get_text() == "The move could not be saved"
    assert items[1].find("a")["href"] == "#old-street"


# --- required --------------------------------------------------------------------------------


def test_required_comes_from_data_required_and_input_required():
    form = bound()
    assert control(render_field(form.name), "name").has_attr("required")  # DataRequired
    assert control(render_field(form.email), "email").has_attr("required")  # InputRequired
    assert not control(render_field(form.age), "age").has_attr("required")  # Optional
    assert "usa-hint--required" not in render_field(form.notes)
    # Groups say "(required)" in the legend instead of a required attribute.
    radios = parse(render_field(form.contact))
    assert "(required)" in radios.find("legend").get_text()
    assert not radios.find(id="contact").has_attr("required")


# --- escaping --------------------------------------------------------------------------------


def test_labels_values_hints_choices_and_errors_are_escaped():
    evil = '<script>alert("x")</script>'

    class Evil(Form):
        text = StringField(evil, [Length(max=3, message=evil)], description=evil)
        choice = RadioField(evil, choices=[SelectChoice(evil, evil), SelectChoice("b", "B")])
        pick = SelectField(evil, choices=[SelectChoice(evil, evil)])

    form = validated({"text": evil, "choice": evil, "pick": evil}, Evil)
    html = "".join(str(render_field(field)) for field in form) + str(error_summary(form))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    doc = parse(html)
    assert doc.find(id="text")["value"] == evil
    assert doc.find(id="choice")["value"] == evil
    assert doc.find("option", value=evil) is not None
    assert doc.find("a", href="#text").get_text() == evil


# --- refused ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        (SubmitField("Send"), "SubmitField"),
        (SelectMultipleField("Many", choices=[SelectChoice("a", "A")]), "SelectMultipleField"),
        (TimeField("At"), "TimeField"),
        (MonthField("Month"), "MonthField"),
    ],
)
def test_a_field_no_component_renders_is_refused_naming_it(field, kind):
    class Odd(Form):
        odd = field

    with pytest.raises(ComponentError, match=f"wtforms: param 'odd': is a {kind}"):
        render_field(bound(form=Odd).odd)


def test_an_unknown_field_class_is_refused():
    from wtforms import Field

    class Colour(Field):
        pass

    class Odd(Form):
        shade = Colour("Shade")

    with pytest.raises(ComponentError, match="param 'shade': is a Colour, which no component"):
        render_field(bound(form=Odd).shade)


def test_a_date_field_the_picker_cannot_fill_is_refused():
    class Iso(Form):
        day = DateField("Day")  # WTForms' default "%Y-%m-%d"; the picker submits MM/DD/YYYY

    with pytest.raises(ComponentError, match=r"param 'day'.*%m/%d/%Y"):
        render_field(bound(form=Iso).day)


def test_bad_overrides_fail_as_the_component_does():
    with pytest.raises(ComponentError, match="text_input"):
        render_field(bound().name, type="number")


# --- Jinja globals and Flask -----------------------------------------------------------------


def test_install_adds_the_globals_rendering_with_that_environment():
    env = configure_environment(
        jinja2.Environment(autoescape=True), static_url="/own-static", assets_url="/own-assets"
    )
    assert install(env) is env
    template = env.from_string(
        "{{ uswds_error_summary(form) }}{{ uswds_field(form.name, width='sm') }}"
    )
    html = template.render(form=validated({}))
    assert 'src="/own-static/error-summary.js"' in html
    assert 'href="#name"' in html
    assert "usa-input--sm" in control(html, "name")["class"]
    assert template.render(form=validated(GOOD)).startswith('<div class="usa-form-group">')


def test_a_flask_form_posts_back_with_errors_then_succeeds():
    app = flask.Flask(__name__)
    app.config["SECRET_KEY"] = "test"
    USWDS(app)
    install(app.jinja_env)
    page = (
        '{% extends "uswds/layouts/page.html" %}{% block content %}'
        "{{ uswds_error_summary(form) }}"
        '<form class="usa-form" method="post" novalidate>'
        "{% for field in form %}{{ uswds_field(field) }}{% endfor %}</form>{% endblock %}"
    )

    @app.route("/", methods=["GET", "POST"])
    def apply() -> str:
        form = Application(flask.request.form)
        if flask.request.method == "POST" and form.validate():
            return flask.redirect("/done")
        return flask.render_template_string(page, title="Apply", form=form, errors=form.errors)

    client = app.test_client()
    fresh = parse(client.get("/").get_data(as_text=True))
    assert fresh.find(attrs={"data-uswds-components-error-summary": True}) is None
    assert fresh.find("title").get_text() == "Apply"
    reply = parse(client.post("/", data={"name": "<Ada>", "age": "x"}).get_data(as_text=True))
    assert reply.find("title").get_text() == "Error: Apply"
    assert reply.find(id="name")["value"] == "<Ada>"
    assert reply.find("a", href="#age").get_text() == "Not a valid integer value."
    assert len(reply.find_all(class_="usa-form-group--error")) == len(
        reply.find(attrs={"data-uswds-components-error-summary": True}).find_all("li")
    )
    done = client.post("/", data=GOOD)
    assert done.status_code == 302 and done.headers["Location"] == "/done"


# --- MemorableDateField ----------------------------------------------------------------------


class Birth(Form):
    dob = MemorableDateField(
        "Date of birth",
        [DataRequired("Enter your date of birth")],
        description="For example: January 19 2000",
        messages={"incomplete": "Date of birth must include a month, day and year"},
        render_kw={"autocomplete": "bday"},
    )


def dob(month: str = "", day: str = "", year: str = "") -> dict[str, str]:
    return {"dob-month": month, "dob-day": day, "dob-year": year}


def test_a_memorable_date_renders_three_parts_the_month_carrying_the_fields_id():
    html = render_field(bound(dob("7", "4", "1990"), Birth).dob)
    doc = parse(html)
    assert "usa-memorable-date" in html
    assert doc.find("legend").get_text().startswith("Date of birth")
    assert doc.find("fieldset")["aria-describedby"] == "dob-hint"
    month, day, year = doc.find(id="dob"), doc.find(id="dob-day"), doc.find(id="dob-year")
    assert (month.name, month["name"], month["autocomplete"]) == (
        "select",
        "dob-month",
        "bday-month",
    )
    assert [o["value"] for o in month.find_all("option", selected=True)] == ["7"]
    assert (day["name"], day["value"], year["name"], year["value"]) == (
        "dob-day",
        "4",
        "dob-year",
        "1990",
    )
    assert year.has_attr("required")
    # Spanish words come from the component.
    spanish = parse(render_field(bound(form=Birth).dob, lang="es"))
    assert spanish.find("label", attrs={"for": "dob"}).get_text() == "Mes"


@pytest.mark.parametrize(
    ("data", "date"),
    [
        (dob("7", "4", "1990"), datetime.date(1990, 7, 4)),
        (dob("07", " 04 ", "1990"), datetime.date(1990, 7, 4)),
        (dob("2", "29", "2000"), datetime.date(2000, 2, 29)),
    ],
)
def test_a_memorable_date_parses_to_a_date(data, date):
    form = validated(data, Birth)
    assert form.errors == {}
    assert form.dob.data == date


@pytest.mark.parametrize(
    ("data", "message", "parts"),
    [
        ({}, "Enter your date of birth", None),
        (dob(), "Enter your date of birth", None),
        (dob("7", "", "1990"), "Date of birth must include a month, day and year", ["day"]),
        (dob("", "", "1990"), "Date of birth must include a month, day and year", ["month", "day"]),
        (dob("13", "4", "1990"), "Enter a real date", ["month"]),
        (dob("7", "4", "90"), "Enter a real date", ["year"]),
        (dob("7", "x", "199O"), "Enter a real date", ["day", "year"]),
        (dob("2", "30", "2001"), "Enter a real date", ["day"]),
        (dob("7", "٤", "1990"), "Enter a real date", ["day"]),  # a non-ASCII digit
    ],
)
def test_a_wrong_memorable_date_has_one_error_marking_the_wrong_parts(data, message, parts):
    form = validated(data, Birth)
    assert form.errors == {"dob": [message]}  # one error: DataRequired adds none to a part-date
    assert form.dob.data is None
    doc = parse(render_field(form.dob))
    assert doc.find(id="dob-error").get_text() == f"Error: {message}"
    invalid = [
        p
        for p in ("month", "day", "year")
        if doc.find(attrs={"name": f"dob-{p}"}).get("aria-invalid")
    ]
    assert invalid == (parts or ["month", "day", "year"])
    # The summary links to the month, the first part.
    assert parse(error_summary(form)).find("a")["href"] == "#dob"


def test_a_memorable_date_keeps_what_was_typed_and_a_validators_error_marks_every_part():
    def in_the_past(form, field):
        if field.data and field.data >= datetime.date(2026, 1, 1):
            raise ValidationError("Date of birth must be in the past")

    class Past(Form):
        dob = MemorableDateField("Date of birth", [Optional(), in_the_past], month_select=False)

    form = validated(dob("12", "31", "2030"), Past)
    doc = parse(render_field(form.dob))
    assert doc.find(id="dob-error").get_text() == "Error: Date of birth must be in the past"
    assert [i.get("aria-invalid") for i in doc.find_all("input")] == ["true"] * 3
    assert doc.find(id="dob").name == "input"  # month_select=False: digits
    # What was typed comes back, even a month the select could not show.
    typed = validated(dob("14", "1", "1990"), Past)
    assert parse(render_field(typed.dob)).find(id="dob")["value"] == "14"
    selected = parse(render_field(validated(dob("14", "1", "1990"), Birth).dob))
    assert selected.find("option", selected=True) is None
    assert validated({}, Past).errors == {}  # Optional: all blank is fine


def test_a_memorable_date_shows_its_default_and_escapes_what_was_typed():
    class WithDefault(Form):
        dob = MemorableDateField("Date of birth", default=datetime.date(1815, 12, 10))

    doc = parse(render_field(WithDefault().dob))
    assert doc.find("option", selected=True)["value"] == "12"
    assert doc.find(id="dob-year")["value"] == "1815"
    evil = '"><script>x</script>'
    html = render_field(validated(dob("1", evil, "1990"), Birth).dob)
    assert "<script>x" not in html
    assert parse(html).find(id="dob-day")["value"] == evil
    plain = str(validated(dob("1", evil, "1990"), Birth).dob())  # WTForms' own widget
    assert "<script>x" not in plain and 'name="dob-day"' in plain


def test_a_memorable_date_refuses_unknown_messages_and_render_kw():
    class Misspelt(Form):
        dob = MemorableDateField("Date of birth", messages={"invalide": "Wrong"})

    with pytest.raises(ComponentError, match=r"dob\.messages.*'invalide'"):
        Misspelt()

    class Styled(Form):
        dob = MemorableDateField("Date of birth", render_kw={"class": "big"})

    with pytest.raises(ComponentError, match=r"param 'dob'.*render_kw \['class'\]"):
        render_field(Styled().dob)


# --- choices and groups: what no component draws is refused, never dropped --------------------


def test_a_disabled_choice_is_a_disabled_option_radio_and_checkbox():
    choices = [SelectChoice("a", "A"), SelectChoice("b", "B", render_kw={"disabled": True})]

    class Picks(Form):
        pick = SelectField("Pick", choices=choices)
        one = RadioField("One", choices=choices)
        many = MultiCheckboxField("Many", choices=choices)

    form = bound(form=Picks)
    doc = parse("".join(str(render_field(field)) for field in form))
    assert doc.find("option", value="b").has_attr("disabled")
    assert not doc.find("option", value="a").has_attr("disabled")
    for name in ("one", "many"):
        inputs = {tag["value"]: tag for tag in doc.find_all("input", attrs={"name": name})}
        assert inputs["b"].has_attr("disabled") and not inputs["a"].has_attr("disabled")


@pytest.mark.parametrize("kind", [SelectField, RadioField, MultiCheckboxField])
def test_a_choice_with_other_render_kw_is_refused_naming_it(kind):
    class Picks(Form):
        pick = kind(
            "Pick",
            choices=[SelectChoice("a", "A"), SelectChoice("b", "B", render_kw={"class": "wide"})],
        )

    with pytest.raises(ComponentError, match=r"param 'pick': choice 'b' has render_kw \['class'\]"):
        render_field(bound(form=Picks).pick)


@pytest.mark.parametrize("kind", [SelectField, RadioField, MultiCheckboxField])
def test_grouped_choices_are_refused_not_flattened(kind):
    class Picks(Form):
        pick = kind(
            "Pick",
            choices=[
                SelectChoice("ak", "Alaska", optgroup="North"),
                SelectChoice("al", "Alabama", optgroup="South"),
            ],
        )

    with pytest.raises(ComponentError, match=r"param 'pick': is a \w+ with grouped choices"):
        render_field(bound(form=Picks).pick)


@pytest.mark.parametrize(
    ("field", "inputs"),
    [
        (
            RadioField(
                "One",
                choices=[SelectChoice("a", "A"), SelectChoice("b", "B")],
                render_kw={"disabled": True},
            ),
            2,
        ),
        (BooleanField("Agree", render_kw={"disabled": ""}), 1),
    ],
)
def test_render_kw_disabled_disables_every_radio_or_checkbox(field, inputs):
    class Picks(Form):
        pick = field

    found = parse(str(render_field(bound(form=Picks).pick))).find_all(
        "input", attrs={"name": "pick"}
    )
    assert len(found) == inputs and all(tag.has_attr("disabled") for tag in found)


@pytest.mark.parametrize(
    "field",
    [
        RadioField("One", choices=[SelectChoice("a", "A")], render_kw={"class": "wide"}),
        MultiCheckboxField("Many", choices=[SelectChoice("a", "A")], render_kw={"data-x": "1"}),
        BooleanField("Agree", render_kw={"onclick": "go()"}),
    ],
)
def test_a_group_or_checkbox_with_other_render_kw_is_refused(field):
    class Picks(Form):
        pick = field

    with pytest.raises(ComponentError, match=r"param 'pick': is a \w+ with render_kw \['"):
        render_field(bound(form=Picks).pick)
