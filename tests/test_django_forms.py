"""uswds_components.django.forms: each Django widget through its component, with the field's
label, help text, first error, required state and value; the form's errors in the error summary;
the renderer behind `{{ form }}` and `{{ field }}`; the date widgets reading what USWDS posts;
and the example project's /apply/ page through Django's test client.

Django is configured once per process, by test_django_integration's fixture.
"""

from __future__ import annotations

import datetime

import jinja2
import pytest
from conftest import parse, root_element
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.safestring import mark_safe
from markupsafe import Markup
from test_django_integration import django_ready  # noqa: F401 - the module's autouse fixture

from examples.django_site.forms import Application
from uswds_components import ComponentError, configure_environment
from uswds_components.django.forms import (
    DatePickerWidget,
    EnteredDate,
    MemorableDateWidget,
    USWDSRenderer,
    error_summary,
    form_errors,
    install,
    render_field,
)

SUMMARY = {"data-uswds-components-error-summary": True}
GOOD = {
    "name": "Ada Lovelace",
    "email": "ada@example.com",
    "state": "AL",
    "contact": "email",
    "benefits": ["housing", "food"],
    "agree": "on",
    "born-month": "12",
    "born-day": "10",
    "born-year": "1815",
    "start": "07/04/2026",
}
# The example's fields in order, with the error each gets when the form is posted empty.
EMPTY_ERRORS = [
    ("id_name", "Enter your full name"),
    ("id_email", "Enter your email address"),
    ("id_state", "Select your state"),
    ("id_contact", "Select how we should contact you"),
    ("id_benefits", "Select at least one benefit"),
    ("id_agree", "Agree to the terms to continue"),
    ("id_born", "Enter your date of birth"),
    ("id_start", "Enter a start date"),
]


class Kinds(forms.Form):
    """One field of every kind the issue lists, none required unless said."""

    text = forms.CharField(label="Text", required=False)
    email = forms.EmailField(label="Email", required=False)
    url = forms.URLField(label="Web address", required=False, assume_scheme="https")
    tel = forms.CharField(label="Phone", required=False, widget=forms.TextInput({"type": "tel"}))
    password = forms.CharField(label="Password", required=False, widget=forms.PasswordInput)
    count = forms.IntegerField(label="Count", required=False, min_value=0, max_value=9)
    amount = forms.DecimalField(label="Amount", required=False, decimal_places=2)
    notes = forms.CharField(label="Notes", required=False, widget=forms.Textarea)
    pick = forms.ChoiceField(label="Pick", required=False, choices=[("a", "A"), ("b", "B")])
    radio = forms.ChoiceField(
        label="Radio", required=False, choices=[("a", "A")], widget=forms.RadioSelect
    )
    boxes = forms.MultipleChoiceField(
        label="Boxes", required=False, choices=[("a", "A")], widget=forms.CheckboxSelectMultiple
    )
    agree = forms.BooleanField(label="Agree", required=False)
    born = forms.DateField(label="Born", required=False, widget=MemorableDateWidget())
    start = forms.DateField(label="Start", required=False, widget=DatePickerWidget())
    proof = forms.FileField(label="Proof", required=False)


def bound(data: dict | None = None, form: type[forms.Form] = Kinds, **kwargs) -> forms.Form:
    return form(data if data is not None else None, **kwargs)


def validated(data: dict, form: type[forms.Form] = Application, **kwargs) -> forms.Form:
    bound_form = form(data, **kwargs)
    bound_form.is_valid()
    return bound_form


def control(html: str, element_id: str):
    return parse(html).find(id=element_id)


# --- each widget kind through its component --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "tag", "attrs"),
    [
        ("text", "input", {"type": "text", "class": ["usa-input"]}),
        ("email", "input", {"type": "email", "class": ["usa-input"]}),
        ("url", "input", {"type": "url", "class": ["usa-input"]}),
        ("tel", "input", {"type": "tel", "class": ["usa-input"]}),
        ("password", "input", {"type": "password", "class": ["usa-input"]}),
        ("count", "input", {"type": "text", "inputmode": "numeric"}),
        ("amount", "input", {"type": "text", "inputmode": "decimal"}),
        ("notes", "textarea", {"class": ["usa-textarea"]}),
        ("pick", "select", {"class": ["usa-select"]}),
        ("radio", "input", {"type": "radio", "class": ["usa-radio__input"]}),
        ("boxes", "input", {"type": "checkbox", "class": ["usa-checkbox__input"]}),
        ("agree", "input", {"type": "checkbox", "class": ["usa-checkbox__input"]}),
        ("born", "select", {"class": ["usa-select"], "name": "born-month"}),
        ("start", "input", {"type": "text", "class": ["usa-input"]}),
        ("proof", "input", {"type": "file", "class": ["usa-file-input"]}),
    ],
)
def test_every_widget_kind_renders_its_component(name, tag, attrs):
    html = render_field(bound()[name])
    assert isinstance(html, Markup)
    assert "usa-form-group" in root_element(html)["class"]
    element = control(html, f"id_{name}")
    assert element.name == tag
    for key, value in {"name": name, **attrs}.items():
        assert element.get(key) == value, (key, element)
    assert 'type="number"' not in html  # never type=number, as USWDS advises


def test_labels_hints_groups_and_the_date_parts_come_from_the_field():
    form = Application()
    text = parse(render_field(form["name"]))
    assert text.find("label", attrs={"for": "id_name"}).get_text().startswith("Full name")
    assert text.find(id="id_name-hint").get_text() == "As on your ID"
    assert text.find(id="id_name")["aria-describedby"] == "id_name-hint"
    assert text.find(id="id_name")["autocomplete"] == "name"  # from the widget's attrs
    assert text.find(id="id_name")["maxlength"] == "100"  # from max_length, via the attrs
    radios = parse(render_field(form["contact"]))
    assert radios.find("legend").get_text().startswith("How should we contact you?")
    assert [i["id"] for i in radios.find_all("input")] == ["id_contact", "id_contact-2"]
    assert [i["value"] for i in radios.find_all("input")] == ["email", "phone"]
    agree = parse(render_field(form["agree"]))
    assert agree.find("fieldset") is None  # one checkbox labelled by the field's label
    assert agree.find("label", attrs={"for": "id_agree"}).get_text().startswith("I agree")
    born = parse(render_field(form["born"]))
    assert born.find("legend").get_text().startswith("Date of birth")
    names = [e["name"] for e in born.find_all(["select", "input"])]
    assert names == ["born-month", "born-day", "born-year"]
    assert born.find(id="id_born")["autocomplete"] == "bday-month"
    start = parse(render_field(form["start"]))
    assert start.find(class_="usa-date-picker") is not None
    assert start.find(id="id_start-hint").get_text() == "mm/dd/yyyy"


def test_number_inputs_lose_min_max_and_step_and_textareas_keep_chosen_rows():
    count = control(render_field(bound()["count"]), "id_count")
    assert {"min", "max", "step"}.isdisjoint(count.attrs)
    assert bound()["count"].field.widget.attrs["max"] == 9  # Django did set them

    class Sized(forms.Form):
        note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))

    assert control(render_field(bound(form=Sized)["note"]), "id_note")["rows"] == "3"
    assert not control(render_field(bound()["notes"]), "id_notes").has_attr("cols")


def test_values_come_back_from_the_submitted_data():
    data = {**GOOD, "name": "", "age": "42", "notes": "Hi", "phone": "555"}
    form = validated(data)
    assert not form.is_valid()
    assert control(render_field(form["age"]), "id_age")["value"] == "42"
    assert control(render_field(form["notes"]), "id_notes").get_text().strip() == "Hi"
    select = parse(render_field(form["state"]))
    assert [o["value"] for o in select.find_all("option", selected=True)] == ["AL"]
    radios = parse(render_field(form["contact"]))
    assert [i["value"] for i in radios.find_all("input", checked=True)] == ["email"]
    boxes = parse(render_field(form["benefits"]))
    assert [i["value"] for i in boxes.find_all("input", checked=True)] == ["housing", "food"]
    assert control(render_field(form["agree"]), "id_agree").has_attr("checked")
    born = parse(render_field(form["born"]))
    assert born.find(id="id_born").find("option", selected=True)["value"] == "12"
    assert born.find(id="id_born-day")["value"] == "10"
    assert born.find(id="id_born-year")["value"] == "1815"
    start = parse(render_field(form["start"]))
    assert start.find(class_="usa-date-picker")["data-default-value"] == "2026-07-04"
    assert start.find(id="id_start")["value"] == "07/04/2026"

    secret = validated({"password": "hunter2", "count": "x"}, Kinds)
    assert control(render_field(secret["password"]), "id_password").get("value") is None

    class Typed(forms.Form):
        pin = forms.CharField(widget=forms.TextInput({"type": "password"}))
        kept = forms.CharField(widget=forms.PasswordInput(render_value=True))

    typed = validated({"pin": "1234", "kept": "5678"}, Typed)
    assert control(render_field(typed["pin"]), "id_pin").get("value") is None
    assert control(render_field(typed["kept"]), "id_kept")["value"] == "5678"  # as asked


def test_an_unanswered_select_starts_with_a_blank_option_unless_it_has_one():
    select = parse(render_field(bound()["pick"]))
    assert select.find("option")["value"] == "" and select.find("option").get_text() == "- Select -"
    assert select.find("option", selected=True) is None
    # The example's choices start with their own "" choice: no second blank.
    state = parse(render_field(Application()["state"]))
    assert [o["value"] for o in state.find_all("option")] == ["", "AK", "AL"]


def test_files_accept_and_multiple_come_from_the_widget():
    class Several(forms.ClearableFileInput):
        allow_multiple_selected = True

    class Upload(forms.Form):
        one = forms.FileField(widget=forms.ClearableFileInput(attrs={"accept": ".pdf"}))
        many = forms.FileField(widget=Several(attrs={"multiple": True}))

    form = bound(form=Upload)
    one = control(render_field(form["one"]), "id_one")
    assert one["accept"] == ".pdf" and not one.has_attr("multiple")
    assert control(render_field(form["many"]), "id_many").has_attr("multiple")


def test_disabled_fields_and_a_prefix():
    class Locked(forms.Form):
        name = forms.CharField(disabled=True, initial="Ada")
        kind = forms.ChoiceField(choices=[("a", "A")], disabled=True, widget=forms.RadioSelect)

    form = Locked(prefix="app")
    name = control(render_field(form["name"]), "id_app-name")
    assert name["name"] == "app-name" and name.has_attr("disabled") and name["value"] == "Ada"
    assert control(render_field(form["kind"]), "id_app-kind").has_attr("disabled")


def test_overrides_win_over_the_field():
    form = Application()
    element = control(render_field(form["email"], autocomplete="email", width="md"), "id_email")
    assert element["autocomplete"] == "email"
    assert "usa-input--md" in element["class"]
    html = render_field(form["contact"], tile=True, lang="es")
    assert "usa-radio__input--tile" in html
    assert 'title="obligatorio"' in html


def test_hidden_fields_render_as_djangos_hidden_input():
    class WithToken(forms.Form):
        token = forms.CharField(widget=forms.HiddenInput, initial="abc")

    form = WithToken()
    element = control(render_field(form["token"]), "id_token")
    assert (element.name, element["type"], element["value"]) == ("input", "hidden", "abc")
    assert control(str(form), "id_token")["type"] == "hidden"  # {{ form }} too
    with pytest.raises(ComponentError, match=r"django.forms: param 'token': .*no overrides"):
        render_field(form["token"], label="Token")


def test_a_field_showing_its_hidden_initial_value_keeps_it():
    class Changed(forms.Form):
        name = forms.CharField(initial="Ada", show_hidden_initial=True)

    html = render_field(Changed()["name"])
    assert control(html, "initial-id_name")["value"] == "Ada"
    assert control(html, "id_name")["value"] == "Ada"
    assert not Changed({"name": "Ada", "initial-name": "Ada"}).has_changed()


# --- errors and the error summary ------------------------------------------------------------


def test_errors_render_in_the_error_state():
    form = validated({"age": "12", "born-month": "2", "born-day": "31", "born-year": "1990"})
    for name, message in [
        *[(target[3:], text) for target, text in EMPTY_ERRORS if target != "id_born"],
        ("age", "You must be 18 or older"),
        ("born", "Date of birth must be a real date"),
    ]:
        html = render_field(form[name])
        assert "usa-form-group--error" in root_element(html)["class"], name
        assert parse(html).find(id=f"id_{name}-error").get_text() == f"Error: {message}", name
    name = control(render_field(form["name"]), "id_name")
    assert name["aria-describedby"] == "id_name-hint id_name-error"
    assert name["aria-invalid"] == "true"
    radios = parse(render_field(form["contact"]))
    assert radios.find("fieldset")["aria-describedby"] == "id_contact-error"
    assert radios.find(id="id_contact").get("aria-invalid") is None


def test_the_summary_lists_form_errors_as_text_then_each_field_linked_in_order():
    form = validated({"contact": "phone", "age": "12"})
    assert form_errors(form)[0] == {
        "text": "Give a phone number to be contacted by phone",
        "target": None,
    }
    summary = parse(error_summary(form)).find(attrs=SUMMARY)
    assert summary.find(class_="usa-alert__heading").get_text() == "There is a problem"
    items = summary.find_all("li")
    assert items[0].find("a") is None
    assert items[0].get_text() == "Give a phone number to be contacted by phone"
    links = [(a["href"], a.get_text()) for a in summary.find_all("a")]
    expected = [(f"#{t}", text) for t, text in EMPTY_ERRORS if t != "id_contact"]
    expected.insert(2, ("#id_age", "You must be 18 or older"))
    assert links == expected
    # Each target is an element of the rendered form: a group's first input, the month.
    page = parse(str(form))
    for href, _ in links:
        assert page.find(id=href[1:]) is not None, href


def test_a_hidden_fields_error_is_listed_as_text_after_the_forms_own():
    class WithToken(forms.Form):
        token = forms.CharField(widget=forms.HiddenInput)
        name = forms.CharField(error_messages={"required": "Enter a name"})

        def clean(self):
            raise forms.ValidationError("Try again")

    assert form_errors(validated({}, WithToken)) == [
        {"text": "Try again", "target": None},
        {"text": "(Hidden field token) This field is required.", "target": None},
        {"text": "Enter a name", "target": "id_name"},
    ]


def test_the_summary_is_empty_without_errors_or_unbound_and_in_spanish_on_request():
    form = validated(GOOD)
    assert form.is_valid(), form.errors
    assert error_summary(form) == Markup("")
    assert error_summary(Application()) == Markup("")
    spanish = parse(error_summary(validated({}), lang="es", heading_level=3))
    assert spanish.find("h3").get_text() == "Hay un problema"
    assert spanish.find(attrs={"lang": "es"}) is not None


# --- the date widgets ------------------------------------------------------------------------


def test_the_date_picker_reads_mm_dd_yyyy_whatever_the_fields_formats():
    class British(forms.Form):
        picked = forms.DateField(input_formats=["%d/%m/%Y"], widget=DatePickerWidget())
        typed = forms.DateField(input_formats=["%d/%m/%Y"])

    form = validated({"picked": "07/04/2026", "typed": "07/04/2026"}, British)
    assert form.cleaned_data["picked"] == datetime.date(2026, 7, 4)
    # The check can fail: Django's own DateInput reads the same text as 7 April.
    assert form.cleaned_data["typed"] == datetime.date(2026, 4, 7)
    # Not MM/DD/YYYY: left to the field's formats (ISO here), else refused.
    assert validated({"start": "2026-07-04"}, Kinds).cleaned_data["start"] == datetime.date(
        2026, 7, 4
    )
    bad = validated({"start": "02/30/2026"}, Kinds)
    assert bad.errors["start"] == ["Enter a valid date."]
    assert control(render_field(bad["start"]), "id_start").get("value") is None


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("7", "4", "2026"), datetime.date(2026, 7, 4)),
        ((" 07", "04 ", "2026"), datetime.date(2026, 7, 4)),
        (("", "", ""), None),
    ],
)
def test_the_memorable_date_reads_its_three_parts(parts, expected):
    data = dict(zip(("born-month", "born-day", "born-year"), parts, strict=True))
    form = validated(data, Kinds)
    assert form.errors.get("born") is None
    assert form.cleaned_data["born"] == expected


@pytest.mark.parametrize(
    ("parts", "faults"),
    [
        (("2", "31", "1990"), ["day"]),  # no such day
        (("1", "19", "20"), ["year"]),  # a 2-digit year, which "%m/%d/%y" would read as 2020
        (("1", "", "2000"), ["day"]),  # a part left out
        (("", "1", ""), ["month", "year"]),
        (("1", "١٩", "2000"), ["day"]),  # not ASCII digits, though str.isdigit takes them
        (("13", "1", "2000"), ["month"]),  # no such month
    ],
)
def test_a_memorable_date_that_is_no_date_is_invalid_and_comes_back_as_typed(parts, faults):
    class Loose(forms.Form):
        born = forms.DateField(
            widget=MemorableDateWidget(month_select=False),
            input_formats=["%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d", "%d/%m/%Y"],
        )

    data = dict(zip(("born-month", "born-day", "born-year"), parts, strict=True))
    form = validated(data, Loose)
    assert form.errors["born"] == ["Enter a valid date."]
    assert isinstance(form["born"].value(), EnteredDate)
    html = parse(render_field(form["born"]))
    ids = {"month": "id_born", "day": "id_born-day", "year": "id_born-year"}
    assert [html.find(id=i).get("value", "") for i in ids.values()] == list(parts)
    # Only the wrong parts are marked invalid.
    marked = [part for part, i in ids.items() if html.find(id=i).get("aria-invalid") == "true"]
    assert marked == faults


def test_a_validators_error_on_a_real_memorable_date_marks_all_three_parts():
    class Past(forms.Form):
        born = forms.DateField(widget=MemorableDateWidget())

        def clean_born(self):
            raise forms.ValidationError("Date of birth must be in the past")

    form = validated({"born-month": "1", "born-day": "2", "born-year": "2030"}, Past)
    html = parse(render_field(form["born"]))
    assert len(html.find_all(attrs={"aria-invalid": "true"})) == 3


def test_the_memorable_date_widget_alone_posts_the_components_names():
    # Django's own rendering (field.as_widget()) names its parts as the component does.
    html = Kinds()["born"].as_widget()
    assert [e["name"] for e in parse(html).find_all(["select", "input"])] == [
        "born-month",
        "born-day",
        "born-year",
    ]


# --- refused ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (forms.DateField(), "is a DateField with a DateInput.*MemorableDateWidget"),
        (forms.DateField(widget=forms.SelectDateWidget), "SelectDateWidget.*DatePickerWidget"),
        (forms.MultipleChoiceField(choices=[("a", "A")]), "SelectMultiple.*CheckboxSelectMultiple"),
        (forms.DateTimeField(), "is a DateTimeField with a DateTimeInput"),
        (forms.SplitDateTimeField(), "SplitDateTimeWidget"),
        (forms.TimeField(), "TimeInput"),
        (forms.CharField(widget=forms.TextInput({"type": "color"})), 'type "color"'),
    ],
)
def test_a_widget_no_component_renders_is_refused_naming_the_field(field, message):
    class Odd(forms.Form):
        odd = field

    with pytest.raises(ComponentError, match=f"django.forms: param 'odd': .*{message}"):
        render_field(Odd()["odd"])
    with pytest.raises(ComponentError, match="param 'odd'"):
        str(Odd())


GROUPED = [("North", [("ak", "Alaska")]), ("South", [("al", "Alabama")])]


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (forms.ChoiceField(choices=GROUPED), "is a ChoiceField with grouped choices"),
        (
            forms.ChoiceField(choices=GROUPED, widget=forms.RadioSelect),
            "is a ChoiceField with grouped choices",
        ),
        (
            forms.MultipleChoiceField(choices=GROUPED, widget=forms.CheckboxSelectMultiple),
            "is a MultipleChoiceField with grouped choices",
        ),
        (
            forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect({"class": "wide"})),
            r"is a RadioSelect with attrs \['class'\]: it takes only disabled",
        ),
        (
            forms.BooleanField(widget=forms.CheckboxInput({"onclick": "go()"})),
            r"is a CheckboxInput with attrs \['onclick'\]",
        ),
    ],
)
def test_what_no_component_draws_is_refused_not_dropped(field, message):
    class Odd(forms.Form):
        odd = field

    with pytest.raises(ComponentError, match=f"django.forms: param 'odd': {message}"):
        render_field(Odd()["odd"])


def test_a_widget_attrs_disabled_disables_every_radio_and_checkbox():
    class Off(forms.Form):
        radio = forms.ChoiceField(
            choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect({"disabled": True})
        )
        agree = forms.BooleanField(widget=forms.CheckboxInput({"disabled": True}))

    form = Off()
    for name, count in (("radio", 2), ("agree", 1)):
        inputs = parse(str(render_field(form[name]))).find_all("input", attrs={"name": name})
        assert len(inputs) == count and all(tag.has_attr("disabled") for tag in inputs)


def test_a_widget_of_no_known_kind_and_a_non_field_are_refused():
    class Dial(forms.Widget):
        pass

    class Odd(forms.Form):
        dial = forms.CharField(widget=Dial)

    with pytest.raises(ComponentError, match="param 'dial': is a CharField with a Dial"):
        render_field(Odd()["dial"])
    with pytest.raises(ComponentError, match="expected a bound field"):
        render_field(Odd.base_fields["dial"])


def test_bad_overrides_fail_as_the_component_does():
    with pytest.raises(ComponentError, match="text_input"):
        render_field(Application()["name"], type="number")


# --- escaping --------------------------------------------------------------------------------


def test_labels_help_text_values_choices_and_errors_are_escaped():
    evil = '<script>alert("x")</script>'

    class Evil(forms.Form):
        text = forms.CharField(
            label=evil, help_text=mark_safe(evil), max_length=3, error_messages={"max_length": evil}
        )
        choice = forms.ChoiceField(
            label=evil, choices=[(evil, mark_safe(evil))], widget=forms.RadioSelect
        )
        pick = forms.ChoiceField(label=mark_safe(evil), choices=[(evil, evil)])

    form = validated({"text": evil, "choice": evil, "pick": evil}, Evil)
    html = str(form) + str(error_summary(form))
    assert "<script>alert" not in html  # mark_safe help text and labels too: text here
    assert "&lt;script&gt;alert" in html
    doc = parse(html)
    assert doc.find(id="id_text")["value"] == evil
    assert doc.find(id="id_choice")["value"] == evil
    assert doc.find("option", value=evil) is not None
    assert doc.find("a", href="#id_text").get_text() == evil


# --- the renderer, the globals and the example page -------------------------------------------


def test_form_and_field_render_through_the_components_with_the_renderer():
    form = validated({"name": "Ada"})
    assert isinstance(form.renderer, USWDSRenderer)  # FORM_RENDERER in the example settings
    page = parse(str(form))
    assert len(page.find_all(class_="usa-form-group--error")) == len(EMPTY_ERRORS) - 1
    assert page.find(attrs=SUMMARY) is None  # the summary is the page's, not {{ form }}'s
    field = form["name"]
    env = form.renderer.environment
    assert env.from_string("{{ field }}").render(field=field) == str(render_field(field))
    assert str(field.as_field_group()) == str(render_field(field))
    # The bare widget is still Django's.
    assert parse(field.as_widget()).find("input").get("class") is None


def test_without_the_renderer_django_renders_its_own_markup():
    from django.test.utils import override_settings

    class Plain(forms.Form):
        name = forms.CharField(label="Name")

    class Ours(Plain):
        default_renderer = USWDSRenderer

    with override_settings(FORM_RENDERER="django.forms.renderers.DjangoTemplates"):
        plain, ours = str(Plain()), str(Ours())
    # The check can fail: the same field without the renderer has no USWDS markup.
    assert "usa-input" not in plain and parse(plain).find(id="id_name") is not None
    assert control(ours, "id_name")["class"] == ["usa-input"]


def test_a_sites_own_form_template_replaces_ours():
    env = configure_environment(
        jinja2.Environment(
            autoescape=True,
            loader=jinja2.DictLoader(
                {"uswds/django/form.html": "<ol>{% for f in form %}{{ f }}{% endfor %}</ol>"}
            ),
        ),
        static_url="/own",
    )
    form = Application(renderer=USWDSRenderer(environment=env))
    assert str(form).startswith('<ol><div class="usa-form-group">')
    assert 'src="/own/file-input.js"' in str(form)  # rendered with that environment


def test_install_adds_the_globals_rendering_with_that_environment():
    env = configure_environment(jinja2.Environment(autoescape=True), static_url="/own-static")
    assert install(env) is env
    template = env.from_string(
        "{{ uswds_error_summary(form) }}{{ uswds_field(form['name'], width='sm') }}"
    )
    html = template.render(form=validated({}))
    assert 'src="/own-static/error-summary.js"' in html
    assert 'href="#id_name"' in html
    assert "usa-input--sm" in control(html, "id_name")["class"]
    assert template.render(form=validated(GOOD)).startswith('<div class="usa-form-group">')


def test_the_apply_page_posts_back_with_errors_then_succeeds():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    fresh = parse(client.get("/apply/").content.decode())
    assert fresh.find("title").get_text() == "Apply"
    assert fresh.find(attrs=SUMMARY) is None
    token = fresh.find("input", attrs={"name": "csrfmiddlewaretoken"})["value"]
    reply = client.post("/apply/", {"csrfmiddlewaretoken": token, "name": "<Ada>", "age": "x"})
    assert reply.status_code == 200
    page = parse(reply.content.decode())
    assert page.find("title").get_text() == "Error: Apply"
    assert page.find(id="id_name")["value"] == "<Ada>"
    assert page.find(id="id_age")["value"] == "x"
    summary = page.find(attrs=SUMMARY)
    assert summary.find("a", href="#id_age").get_text() == "Enter a whole number."
    assert len(page.find_all(class_="usa-form-group--error")) == len(summary.find_all("li"))
    proof = SimpleUploadedFile("proof.pdf", b"%PDF-1.4", content_type="application/pdf")
    done = client.post("/apply/", {**GOOD, "csrfmiddlewaretoken": token, "proof": proof})
    assert done.status_code == 302 and done["Location"] == "/apply/done/"
    assert "Application received" in client.get("/apply/done/").content.decode()


def test_the_apply_page_refuses_a_cross_site_post():
    from django.test import Client

    refused = Client(enforce_csrf_checks=True).post("/apply/", GOOD)
    assert refused.status_code == 403
