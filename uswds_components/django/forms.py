"""Django forms rendered through this library's form controls, and a form's errors in an error
summary.

`USWDSRenderer` is a form renderer: `{{ form }}` renders every field through its component
(template `uswds/django/form.html`), and on Django 5.2+ `{{ field }}` renders one field's whole
form group (label, hint, error, control) rather than the bare widget. `uswds_field(field)` and
`uswds_error_summary(form)` are globals of the Jinja2 environment
(`uswds_components.django.environment` adds them), and `render_field` and `error_summary` their
Python twins.

    # settings.py: every form, or one form at a time (`default_renderer = USWDSRenderer` on a
    # base Form class) when the site also uses the admin, whose templates expect `{{ field }}`
    # to be a bare widget.
    FORM_RENDERER = "uswds_components.django.forms.USWDSRenderer"

    class Application(forms.Form):
        name = forms.CharField(label="Full name", help_text="As on your ID")
        born = forms.DateField(label="Date of birth", widget=MemorableDateWidget())
        start = forms.DateField(label="Start date", widget=DatePickerWidget())

    # views.py: `errors` starts the page's <title> with "Error: " when the form has any
    return render(request, "apply.html", {"form": form, "errors": form.errors})

    {# apply.html (Django's Jinja2 backend) #}
    {% extends "uswds/layouts/page.html" %}{% block content %}
    {{ uswds_error_summary(form) }}
    <form class="usa-form" method="post" novalidate>
      {{ csrf_input }}
      {{ form }}  {# or {{ uswds_field(form.name, width="md") }} field by field #}
      <button class="usa-button" type="submit">Continue</button>
    </form>{% endblock %}

`{{ form }}` never shows the error summary: it belongs at the top of the page, before the
form, so a page calls `uswds_error_summary(form)` where it goes. The summary lists the form's
own errors (`non_field_errors()`, and a hidden field's errors) first, as text: no one field
is theirs to link to. Then each visible field's first error (the one the field shows), linked
to the field's id (`#id_name`; for checkboxes and radios the group's first input).

The widgets and what renders them (a subclass renders as its nearest listed base):

- TextInput, EmailInput, URLInput, TelInput, SearchInput, PasswordInput (or any input whose
  `type` is one of those): text_input with that `type` (a password's value is never written
  back). NumberInput (IntegerField's default): text_input with `inputmode="numeric"`,
  `"decimal"` for a DecimalField or FloatField; never `type="number"`, as USWDS advises, and
  its `min`/`max`/`step` are dropped (they mean nothing on a text input: validation is the
  field's).
- Textarea: textarea. Select (ChoiceField): select, a blank "- Select -" option first when no
  choice is selected and none has an empty value. RadioSelect: radio, the label as the legend.
- CheckboxInput (BooleanField): one checkbox, no fieldset. CheckboxSelectMultiple
  (MultipleChoiceField): checkboxes in a fieldset.
- MemorableDateWidget: memorable_date, posting `<name>-month`, `-day`, `-year`.
  DatePickerWidget: date_picker, reading USWDS's MM/DD/YYYY whatever the site's
  DATE_INPUT_FORMATS. A DateField with Django's DateInput is refused: choose one of the two.
- FileInput, ClearableFileInput: file_input (`multiple` when the widget allows it, `accept`
  from its attrs). The form needs `enctype="multipart/form-data"`.
- HiddenInput: Django's own hidden input.

Anything else (SelectMultiple, DateTimeInput, SplitDateTimeWidget, ColorInput, ...) raises
ComponentError naming the field. A widget's `attrs` go to the control's `control_attributes`
where the component has them (`autocomplete`, `inputmode` and a textarea's `rows` to those
params); a RadioSelect's, CheckboxSelectMultiple's or CheckboxInput's attrs take only
`disabled`, as the field's `disabled` does (every item). Grouped choices (optgroups) are refused:
no component draws them. Labels, help text and errors are text, escaped, even where Django
would write `help_text` as HTML: pass `hint`/`label` overrides for anything else.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from django import forms
from django.forms import widgets
from django.forms.boundfield import BoundField
from django.forms.renderers import BaseRenderer, DjangoTemplates
from django.utils.functional import cached_property
from markupsafe import Markup

from .. import _formfields as shared
from .._formfields import USWDS_DATE_FORMAT, Params
from ..errors import ComponentError

__all__ = [
    "DatePickerWidget",
    "EnteredDate",
    "MemorableDateWidget",
    "USWDSBoundField",
    "USWDSRenderer",
    "error_summary",
    "form_errors",
    "install",
    "render_field",
]

WHERE = "django.forms"
FORM_TEMPLATE = "uswds/django/form.html"
FIELD_TEMPLATE = "uswds/django/field.html"

Builder = Callable[[BoundField], tuple[str, Params]]


# --- widgets ---------------------------------------------------------------------------------


class EnteredDate(str):
    """A memorable date as typed that is no date (31 February, a 2-digit year, a part left
    out): kept so the parts come back as the user gave them, and the wrong ones (`faults`) are
    marked. Its text matches no date format, so the DateField reports it invalid whatever its
    `input_formats`."""

    parts: dict[str, str]

    def __new__(cls, month: str, day: str, year: str) -> EnteredDate:
        entered = super().__new__(cls, f"month={month};day={day};year={year}")
        entered.parts = {"month": month, "day": day, "year": year}
        return entered

    @property
    def faults(self) -> list[str]:
        """The parts at fault, in order: those left out, else those that are no month, day or
        4-digit year, else the day (past the end of its month)."""
        return shared.date_from_parts(self.parts)[1] or ["day"]


class MemorableDateWidget(forms.MultiWidget):
    """A DateField's widget asking for a date the user knows (a birthday) as month, day and
    year: the memorable_date component. The value is a `datetime.date`, or an EnteredDate
    when the parts make no date. `month_select=False` asks for the month as digits."""

    def __init__(self, attrs: dict[str, Any] | None = None, *, month_select: bool = True) -> None:
        self.month_select = month_select
        numeric = {"inputmode": "numeric", "pattern": "[0-9]*"}
        month: forms.Widget = (
            forms.Select(choices=[("", "-")] + [(str(n), str(n)) for n in range(1, 13)])
            if month_select
            else forms.TextInput(attrs=numeric)
        )
        parts = [month, forms.TextInput(attrs=numeric), forms.TextInput(attrs=numeric)]
        super().__init__(parts, attrs)
        # The component's names, `<name>-month`, so Django's own rendering posts the same.
        self.widgets_names = ["-month", "-day", "-year"]

    def decompress(self, value: Any) -> list[str | None]:
        if isinstance(value, EnteredDate):
            return [value.parts["month"], value.parts["day"], value.parts["year"]]
        if isinstance(value, datetime.date):
            return [str(value.month), str(value.day), str(value.year)]
        return [None, None, None]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        month, day, year = (
            str(part or "").strip() for part in super().value_from_datadict(data, files, name)
        )
        if not (month or day or year):
            return None
        date, _ = shared.date_from_parts({"month": month, "day": day, "year": year})
        return date if date is not None else EnteredDate(month, day, year)

    @staticmethod
    def component_value(value: Any) -> dict[str, str] | None:
        """The component's `value` ({month, day, year}) for a bound value."""
        if isinstance(value, EnteredDate):
            return dict(value.parts)
        if isinstance(value, datetime.date):
            return shared.date_parts(value)
        return None


class DatePickerWidget(forms.DateInput):
    """A DateField's widget for a date near today: the date_picker component. USWDS's picker
    posts MM/DD/YYYY, read here as such whatever the site's DATE_INPUT_FORMATS (which in
    "en-gb" read 07/04 as 7 April); other text is left to the field's `input_formats`."""

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format=USWDS_DATE_FORMAT)

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        value = super().value_from_datadict(data, files, name)
        if isinstance(value, str) and re.fullmatch(
            r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}", value.strip()
        ):
            try:
                return datetime.datetime.strptime(value.strip(), USWDS_DATE_FORMAT).date()
            except ValueError:
                pass
        return value


# --- fields to components --------------------------------------------------------------------


def _str(value: Any) -> str:
    """`value` as an exact str. Labels, choices and errors are often lazy translations or
    SafeStrings; the components escape those as text anyway, but validate and memoise only
    exact types on their fast path."""
    return str.__str__(str(value))


def _plain(value: Any) -> str | None:
    return None if value is None or value == "" else _str(value)


def first_error(bound: BoundField) -> str | None:
    errors = bound.errors
    return _plain(errors[0]) if errors else None


def _common(bound: BoundField) -> Params:
    return {
        "id": bound.auto_id or bound.html_name,
        "hint": _plain(bound.help_text),
        "error": first_error(bound),
        "required": bool(bound.field.required),
    }


def _control(bound: BoundField, drop: tuple[str, ...] = (), **params: Any) -> Params:
    """A labelled control's params: label, name, disabled, and the widget's attrs."""
    attrs = {k: v for k, v in bound.field.widget.attrs.items() if k not in drop}
    params = shared.control_params(
        _common(bound), _plain(bound.label), bound.html_name, attrs, params
    )
    if bound.field.disabled:
        params["disabled"] = True
    return params


def _formatted(bound: BoundField) -> str | None:
    value = bound.field.widget.format_value(bound.value())
    return _plain(value)


def _text(bound: BoundField) -> tuple[str, Params]:
    input_type = bound.field.widget.input_type
    if input_type not in {"text", "email", "url", "tel", "search", "password"}:
        raise ComponentError(
            WHERE,
            bound.html_name,
            f'is an input of type "{input_type}", which no component renders; render it yourself',
        )
    params = _control(bound, type=input_type)
    # PasswordInput writes the value back only when asked to (render_value=True).
    if input_type != "password" or getattr(bound.field.widget, "render_value", False):
        params["value"] = _formatted(bound)
    return "text_input", params


def _number(bound: BoundField) -> tuple[str, Params]:
    # DecimalField and FloatField are IntegerFields in Django: ask about them first.
    fractional = isinstance(bound.field, (forms.DecimalField, forms.FloatField))
    inputmode = "decimal" if fractional else "numeric"
    params = _control(bound, drop=("min", "max", "step"), type="text")
    params.setdefault("inputmode", inputmode)
    params["value"] = _formatted(bound)
    return "text_input", params


def _textarea(bound: BoundField) -> tuple[str, Params]:
    # Django's Textarea always carries cols="40" rows="10"; USWDS sizes the box itself.
    attrs = bound.field.widget.attrs
    params = _control(bound, drop=("cols", "rows"), value=_formatted(bound))
    if attrs.get("rows") not in (None, "10"):
        params["rows"] = int(attrs["rows"])
    return "textarea", params


def _choices(bound: BoundField) -> list[shared.Choice]:
    """The choices as (value, label, selected, disabled), selected as Django's own widget
    selects them. Grouped choices are refused: no component draws them."""
    widget = bound.field.widget
    groups = widget.optgroups(bound.html_name, widget.format_value(bound.value()))
    if any(name is not None for name, _, _ in groups):
        raise ComponentError(
            WHERE,
            bound.html_name,
            f"is a {type(bound.field).__name__} with {shared.GROUPED_CHOICES}",
        )
    return [
        (_str(option["value"]), _str(option["label"]), bool(option["selected"]), False)
        for _, options, _ in groups
        for option in options
    ]


def _items_disabled(bound: BoundField, component: str) -> bool:
    """Whether the field's checkboxes or radios are disabled: the field's `disabled`, or the
    widget's attrs, whose only key a group takes (the component's params go in as overrides)."""
    widget = bound.field.widget
    disabled = shared.items_disabled(
        WHERE, bound.html_name, type(widget).__name__, "attrs", widget.attrs, component
    )
    return disabled or bool(bound.field.disabled)


def _select(bound: BoundField) -> tuple[str, Params]:
    return "select", _control(bound, **shared.select_params(_choices(bound)))


def _group(component: str) -> Builder:
    def build(bound: BoundField) -> tuple[str, Params]:
        items = shared.choice_items(_choices(bound), disabled=_items_disabled(bound, component))
        params = {**_common(bound), "legend": _plain(bound.label), "name": bound.html_name}
        return component, {**params, "items": items}

    return build


def _boolean(bound: BoundField) -> tuple[str, Params]:
    widget = bound.field.widget
    item: Params = {
        "label": _plain(bound.label),
        "value": "on",  # what a browser posts for a checkbox without a value; Django reads it
        "checked": bool(widget.check_test(bound.value())),
    }
    if _items_disabled(bound, "checkbox"):
        item["disabled"] = True
    return "checkbox", {**_common(bound), "name": bound.html_name, "items": [item]}


def _memorable_date(bound: BoundField) -> tuple[str, Params]:
    widget = bound.field.widget
    value = bound.value()
    params = {
        **_common(bound),
        "legend": _plain(bound.label),
        "name": bound.html_name,
        "value": MemorableDateWidget.component_value(value),
        "month_select": widget.month_select,
    }
    if params["error"] and isinstance(value, EnteredDate):
        params["error_parts"] = value.faults  # else (a validator's error) all three
    if bound.field.disabled:
        params["disabled"] = True
    if widget.attrs.get("autocomplete"):
        params["autocomplete"] = widget.attrs["autocomplete"]
    return "memorable_date", params


def _date_picker(bound: BoundField) -> tuple[str, Params]:
    value = bound.value()
    if isinstance(value, datetime.datetime):
        value = value.date()
    # Text that is no date cannot be the picker's value: it comes back empty, with the error.
    value = value if isinstance(value, datetime.date) else None
    return "date_picker", _control(bound, value=value)


def _file(bound: BoundField) -> tuple[str, Params]:
    multiple = bool(getattr(bound.field.widget, "allow_multiple_selected", False))
    return "file_input", shared.lift_accept(_control(bound, drop=("multiple",), multiple=multiple))


def _refuse(advice: str) -> Builder:
    def build(bound: BoundField) -> tuple[str, Params]:
        widget = type(bound.field.widget).__name__
        raise ComponentError(
            WHERE,
            bound.html_name,
            f"is a {type(bound.field).__name__} with a {widget}, which no component renders; "
            f"{advice}",
        )

    return build


_DATE_ADVICE = (
    "give it widget=MemorableDateWidget() for a date the user knows (a birthday) or "
    "widget=DatePickerWidget() for a date near today"
)
_YOURSELF = "render it yourself, or give the field a widget listed in uswds_components.django.forms"

# By widget class: a widget renders as the first class of its MRO listed here.
BUILDERS: dict[type, Builder] = {
    MemorableDateWidget: _memorable_date,
    DatePickerWidget: _date_picker,
    forms.DateInput: _refuse(_DATE_ADVICE),
    forms.SelectDateWidget: _refuse(_DATE_ADVICE),
    widgets.DateTimeBaseInput: _refuse(_YOURSELF),
    forms.MultiWidget: _refuse(_YOURSELF),
    forms.CheckboxSelectMultiple: _group("checkbox"),
    forms.RadioSelect: _group("radio"),
    forms.SelectMultiple: _refuse("use CheckboxSelectMultiple for a MultipleChoiceField"),
    forms.Select: _select,
    forms.CheckboxInput: _boolean,
    forms.Textarea: _textarea,
    forms.FileInput: _file,
    forms.NumberInput: _number,
    widgets.Input: _text,
}


def field_component(bound: BoundField) -> tuple[str, Params]:
    """The component that renders the bound field and its params (before overrides)."""
    for cls in type(bound.field.widget).__mro__:
        if cls in BUILDERS:
            return BUILDERS[cls](bound)
    return _refuse(_YOURSELF)(bound)


def _render_field(env: jinja2.Environment | None, bound: BoundField, overrides: Params) -> Markup:
    if not isinstance(bound, BoundField):
        raise ComponentError(
            WHERE, None, f"expected a bound field (form['name']), got {type(bound).__name__}"
        )
    if bound.is_hidden:
        if overrides:
            raise ComponentError(WHERE, bound.html_name, "is a hidden field: it takes no overrides")
        return Markup(bound.as_widget())
    component, params = field_component(bound)
    html = shared.render_component(env or site_environment(), component, {**params, **overrides})
    if bound.field.show_hidden_initial:
        # As Django's `{{ field }}`: the initial value too, for the form's has_changed().
        html += Markup(bound.as_hidden(only_initial=True))
    return html


def render_field(bound: BoundField, /, **overrides: Any) -> Markup:
    """Render a bound Django form field (`form["name"]`) through its component; `overrides`
    are the component's params and win over the field's. Raises ComponentError for a widget no
    component renders."""
    return _render_field(None, bound, overrides)


# --- the error summary -----------------------------------------------------------------------


def form_errors(form: forms.BaseForm) -> list[dict[str, Any]]:
    """The error summary's `errors` for `form`: its own errors (`non_field_errors()`, then any
    hidden field's) as text, then each visible field's first error linked to the field's id, in
    the fields' order."""
    own = [_plain(text) for text in form.non_field_errors()]
    fields: list[tuple[str, str]] = []
    for bound in form:
        text = first_error(bound)
        if text is None:
            continue
        if bound.is_hidden:
            # As Django words it: a hidden field has nowhere on the page to be fixed.
            own.append(f"(Hidden field {bound.name}) {text}")
        else:
            fields.append((text, bound.auto_id or bound.html_name))
    return shared.summary_errors(own, fields)


def _error_summary(
    env: jinja2.Environment | None, form: forms.BaseForm, lang: str, options: Params
) -> Markup:
    return shared.render_summary(env or site_environment(), form_errors(form), lang, options)


def error_summary(form: forms.BaseForm, lang: str = "en", **options: Any) -> Markup:
    """The error summary for `form` (see `form_errors`), or empty Markup when it has no errors
    (or is unbound). `options` are the error_summary component's other params (`heading`,
    `heading_level`, `nonce`, `script`)."""
    return _error_summary(None, form, lang, options)


def install(env: jinja2.Environment) -> jinja2.Environment:
    """Add `uswds_field(field, **overrides)` and `uswds_error_summary(form, lang="en",
    **options)` to `env`'s globals, rendering with `env`. Returns `env`."""
    env.globals.update(_globals(env))
    return env


def _globals(env: jinja2.Environment) -> dict[str, Callable[..., Markup]]:
    return shared.form_globals(env, _render_field, _error_summary)


def site_environment() -> jinja2.Environment:
    """The Jinja2 backend's environment made by ours, else one from the settings alone."""
    from .views import _site_environment  # views imports jinja, which imports this module

    return _site_environment()


# --- the renderer ----------------------------------------------------------------------------


class USWDSBoundField(BoundField):
    """A BoundField whose `{{ field }}` is its component's whole form group. The widget alone
    is still `field.as_widget()`."""

    def __str__(self) -> str:
        return _render_field(_renderer_environment(self.form.renderer), self, {})

    __html__ = __str__


class _Template:
    """A Jinja2 template with the `render(context, request)` Django's renderers call."""

    def __init__(self, template: jinja2.Template) -> None:
        self.template = template

    def render(self, context: Mapping[str, Any] | None = None, request: Any = None) -> str:
        # The globals, for an environment `install` was never run on.
        return self.template.render({**_globals(self.template.environment), **(context or {})})


class USWDSRenderer(BaseRenderer):
    """A form renderer for Django's Jinja2 backend: forms and fields through the components.

    Templates come from the site's Jinja2 environment (`environment`, default: the backend's
    made by `uswds_components.django.environment`), so a site's own `uswds/django/form.html`
    replaces ours. Django's own widget templates (a HiddenInput's) come from Django.
    `bound_field_class` makes `{{ field }}` the whole group (Django 5.2+).
    """

    form_template_name = FORM_TEMPLATE
    field_template_name = FIELD_TEMPLATE
    bound_field_class = USWDSBoundField

    def __init__(self, environment: jinja2.Environment | None = None) -> None:
        self._environment = environment

    @property
    def environment(self) -> jinja2.Environment:
        return self._environment or site_environment()

    @cached_property
    def _django(self) -> DjangoTemplates:
        return DjangoTemplates()

    def get_template(self, template_name: str) -> Any:
        env = self.environment
        try:
            template = env.get_template(template_name)
        except jinja2.TemplateNotFound:
            return self._django.get_template(template_name)
        return _Template(template)


def _renderer_environment(renderer: Any) -> jinja2.Environment | None:
    return renderer.environment if isinstance(renderer, USWDSRenderer) else None
