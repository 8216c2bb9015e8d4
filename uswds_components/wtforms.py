"""WTForms fields rendered through this library's form controls, and a form's errors in an error
summary.

`render_field(field)` picks the component for the field's type and gives it the field's id,
name, label, description (as the hint), first error, required state and value, so a WTForms
form gets the same accessible markup as a hand-written one: the label's `for`, the hint and
error in `aria-describedby`, USWDS's error state, the required asterisk. `error_summary(form)`
lists each field's error as a link to the field (`#<field.id>`; for checkboxes and radios the
group's first input, which the checkbox and radio components give the group's `id`), and is
empty when the form has no errors, so a template can always call it.

    from uswds_components.wtforms import MultiCheckboxField, error_summary, install, render_field

    install(app.jinja_env)       # Flask; or any jinja2.Environment (after configure_environment)

    {# in a template #}
    {{ uswds_error_summary(form) }}
    <form class="usa-form" method="post" novalidate>
      {% for field in form %}{{ uswds_field(field) }}{% endfor %}
      <button class="usa-button" type="submit">Continue</button>
    </form>

`uswds_field(field, **overrides)` and `uswds_error_summary(form, lang="en", **options)` are the
two globals `install(env)` adds; they render with that environment (its asset URLs). Overrides
are the component's own params and win over what the field gives: `uswds_field(form.email,
autocomplete="email", width="md")`, `uswds_field(form.contact, tile=True)`.

The fields and what renders them (a subclass renders as its nearest listed base):

- StringField: text_input; EmailField, TelField, URLField, SearchField, PasswordField as
  text_input with that `type` (a password's value is never written back).
- IntegerField: text_input with `inputmode="numeric"`; DecimalField, FloatField with
  `inputmode="decimal"`. Never `type="number"`, as USWDS advises: browsers change its value on a
  scroll, and screen readers announce it badly.
- TextAreaField: textarea. SelectField: select (a blank "- Select -" option first when no
  choice is selected and none has an empty value, so the browser does not pick the first
  choice for the user). RadioField: radio, the label as the fieldset's legend.
- BooleanField: one checkbox, no fieldset. MultiCheckboxField (below): checkboxes in a
  fieldset.
- DateField: date_picker. USWDS's date picker submits MM/DD/YYYY, so the field's `format` must
  accept "%m/%d/%Y" (e.g. `format=["%m/%d/%Y", "%Y-%m-%d"]`); one that does not is refused.
- MemorableDateField (below): memorable_date, for a date the user knows by heart (a birthday).
- FileField, MultipleFileField: file_input (`multiple` for the latter; `accept` from the
  field's `render_kw`).
- HiddenField (and a CSRF token): WTForms' own hidden input, so `{% for field in form %}` works.

MemorableDateField asks for a date in three parts, submitted as `<name>-month`, `<name>-day`
and `<name>-year` (the month as 1-12 from a select, or as typed with `month_select=False`). Its
`data` is a `datetime.date`, or None when all three are blank (then DataRequired, InputRequired
or Optional decide, as for any field). A date given only in part, or not a real one (month 13,
February 30, a 2-digit year), is the field's error, one of `messages` (keys `incomplete` and
`invalid`: pass your own words, in your language), and the parts at fault are marked in the
error state (`field.error_parts`); an error from a validator (say, "must be in the past") marks
all three. The month carries the field's id, so the error summary's link lands on it:

    dob = MemorableDateField(
        "Date of birth",
        [DataRequired("Enter your date of birth")],
        messages={"incomplete": "Date of birth must include a month, day and year",
                  "invalid": "Date of birth must be a real date"},
        description="For example: January 19 2000",
        render_kw={"autocomplete": "bday"},
    )

Anything else (SubmitField, SelectMultipleField, MonthField, TimeField, FormField, ...) raises
ComponentError naming the field: render it yourself rather than get a control that does not fit.
A field's `render_kw` goes to the control's `control_attributes` where the component has them
(`autocomplete` and `inputmode` to those params); keys a component sets itself are refused by
it, as with any call. A RadioField's, MultiCheckboxField's or BooleanField's render_kw takes only
`disabled` (every item), as does a choice's (`SelectChoice(..., render_kw={"disabled": True})`,
that option or item). Grouped choices (optgroups) are refused: no component draws them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from typing import Any, ClassVar

import jinja2
from markupsafe import Markup
from wtforms import Form, SelectMultipleField, widgets
from wtforms import fields as wtf
from wtforms.utils import unset_value
from wtforms.validators import DataRequired, InputRequired, StopValidation

from . import _formfields as shared
from ._formfields import DATE_PARTS, USWDS_DATE_FORMAT, Params
from .errors import ComponentError

__all__ = ["MemorableDateField", "MultiCheckboxField", "error_summary", "install", "render_field"]

WHERE = "wtforms"


class MultiCheckboxField(SelectMultipleField):
    """A SelectMultipleField shown as checkboxes: `render_field` renders it as USWDS checkboxes
    in a fieldset, the field's label as the legend. Its own `__call__` renders a plain list of
    checkboxes, for use without this library."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def _parts_widget(field: MemorableDateField, **kwargs: Any) -> Markup:
    """Three plain text inputs, for a MemorableDateField rendered without this library."""
    html = []
    for part, value in field.part_values().items():
        part_id = field.id if part == "month" else f"{field.id}-{part}"
        params = {"id": part_id, "name": f"{field.name}-{part}", "value": value or ""}
        html.append(f'<input type="text" inputmode="numeric" {widgets.html_params(**params)}>')
    return Markup("".join(html))


class MemorableDateField(wtf.Field):
    """A date asked for in three parts, month, day and year, as USWDS's memorable date:
    `render_field` renders it through memorable_date. See the module docstring."""

    widget = staticmethod(_parts_widget)
    MESSAGES: ClassVar[dict[str, str]] = {
        "incomplete": "Enter a month, day and year",
        "invalid": "Enter a real date",
    }

    def __init__(
        self,
        label: str | None = None,
        validators: Any = None,
        *,
        month_select: bool = True,
        messages: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(label, validators, **kwargs)
        unknown = sorted(set(messages or {}) - set(self.MESSAGES))
        if unknown:
            raise ComponentError(
                WHERE,
                f"{self.name}.messages",
                f"has unknown key {unknown[0]!r}; the keys are 'incomplete' and 'invalid'",
            )
        self.month_select = month_select
        self.messages = {**self.MESSAGES, **(messages or {})}
        self.typed: dict[str, str] = {}
        self.error_parts: tuple[str, ...] = ()

    def process(self, formdata: Any, data: Any = unset_value, extra_filters: Any = None) -> None:
        # Three inputs under one field: WTForms reads only `self.name` from the form data.
        super().process(None, data, extra_filters)
        self.typed, self.error_parts = {}, ()
        names = [f"{self.name}-{part}" for part in DATE_PARTS]
        if formdata is None:
            return
        if not any(name in formdata for name in names):
            self.raw_data = []  # not posted: the default stays, as for WTForms' own fields
            return
        self.typed = {
            p: str(formdata.get(n, "")).strip() for p, n in zip(DATE_PARTS, names, strict=True)
        }
        # InputRequired reads raw_data[0]: it is set only when something was typed.
        self.raw_data = [value for value in self.typed.values() if value]
        self.data = None
        try:
            self.data = self._parse(self.typed)
        except ValueError as error:
            self.process_errors = [*self.process_errors, error.args[0]]

    def _parse(self, typed: dict[str, str]) -> datetime.date | None:
        if not any(typed.values()):
            return None  # unanswered: the validators say whether that is allowed
        date, faults = shared.date_from_parts(typed)
        if date is None:
            self.error_parts = tuple(faults)
            incomplete = not all(typed.values())
            raise ValueError(self.messages["incomplete" if incomplete else "invalid"])
        return date

    def pre_validate(self, form: Any) -> None:
        # A part-date already has its error: DataRequired would add a second, misleading one.
        if self.process_errors:
            raise StopValidation()

    def part_values(self) -> dict[str, str | None]:
        """Each part's value to show: as typed when posted, else from `data`. With the month
        select, a month that is not 1-12 shows as unselected."""
        if self.typed:
            values: dict[str, str | None] = {p: self.typed[p] or None for p in DATE_PARTS}
            month = values["month"]
            if month is not None and shared.date_part_ok("month", month):
                values["month"] = str(int(month))
            elif self.month_select:
                values["month"] = None
            return values
        date = self.data
        if isinstance(date, datetime.date):
            return {**shared.date_parts(date)}
        return dict.fromkeys(DATE_PARTS)


Builder = Callable[[Any], tuple[str, Params]]


def is_required(field: Any) -> bool:
    """Whether the field asks for an answer: a DataRequired or InputRequired validator (or a
    custom one that sets the `required` flag, as they do)."""
    if any(isinstance(v, (DataRequired, InputRequired)) for v in field.validators):
        return True
    return bool(getattr(field.flags, "required", False))


def first_error(field: Any) -> str | None:
    errors = field.errors
    if isinstance(errors, Mapping) or not errors:
        return None
    return str(errors[0])


def _common(field: Any) -> Params:
    description = field.description
    params: Params = {
        "id": field.id,
        "hint": str(description) if description else None,
        "error": first_error(field),
        "required": is_required(field),
    }
    return params


def _render_kw(field: Any) -> dict[str, Any]:
    return dict(field.render_kw or {})


def _control(field: Any, **params: Any) -> Params:
    """A labelled control's params: label, name, and render_kw as its attributes."""
    return shared.control_params(
        _common(field), field.label.text, field.name, _render_kw(field), params
    )


def _value(field: Any) -> str | None:
    value = field._value()
    return None if value in (None, "") else str(value)


def _text(input_type: str = "text", inputmode: str | None = None) -> Builder:
    def build(field: Any) -> tuple[str, Params]:
        params = _control(field, type=input_type)
        if inputmode is not None:
            params.setdefault("inputmode", inputmode)
        if input_type != "password":
            params["value"] = _value(field)
        return "text_input", params

    return build


def _textarea(field: Any) -> tuple[str, Params]:
    return "textarea", _control(field, value=_value(field))


def _choices(field: Any) -> list[shared.Choice]:
    """The field's choices as (value, label, selected, disabled). Grouped choices and a
    choice's render_kw other than `disabled` are refused: no component draws them."""
    if field.has_groups():
        raise ComponentError(
            WHERE,
            field.name,
            f"is a {type(field).__name__} with {shared.GROUPED_CHOICES}",
        )
    choices = []
    for choice in field.iter_choices():
        value = str(choice[0])
        render_kw = dict(choice[3] or {}) if len(choice) > 3 else {}
        disabled = shared.attribute_on(render_kw.pop("disabled", False))
        if render_kw:
            raise ComponentError(
                WHERE,
                field.name,
                f"choice {value!r} has render_kw {sorted(render_kw)}: a choice takes only disabled",
            )
        choices.append((value, str(choice[1]), bool(choice[2]), disabled))
    return choices


def _items_disabled(field: Any, component: str) -> bool:
    """Whether the field's render_kw disables its checkboxes or radios."""
    return shared.items_disabled(
        WHERE, field.name, type(field).__name__, "render_kw", _render_kw(field), component
    )


def _select(field: Any) -> tuple[str, Params]:
    return "select", _control(field, **shared.select_params(_choices(field)))


def _group(component: str) -> Builder:
    def build(field: Any) -> tuple[str, Params]:
        disabled = _items_disabled(field, component)
        items = shared.choice_items(_choices(field), disabled=disabled)
        params = {**_common(field), "legend": field.label.text, "name": field.name}
        return component, {**params, "items": items}

    return build


def _boolean(field: Any) -> tuple[str, Params]:
    item = {"label": field.label.text, "value": _value(field) or "y", "checked": bool(field.data)}
    if _items_disabled(field, "checkbox"):
        item["disabled"] = True
    return "checkbox", {**_common(field), "name": field.name, "items": [item]}


def _date(field: Any) -> tuple[str, Params]:
    formats = field.format if isinstance(field.format, (list, tuple)) else [field.format]
    if USWDS_DATE_FORMAT not in formats:
        raise ComponentError(
            WHERE,
            field.name,
            f"is a DateField with format {field.format!r}, but USWDS's date picker submits "
            f'MM/DD/YYYY; give format=["{USWDS_DATE_FORMAT}", ...]',
        )
    data = field.data
    value = data if isinstance(data, datetime.date) and not field.errors else None
    if isinstance(value, datetime.datetime):
        value = value.date()
    return "date_picker", _control(field, value=value)


def _memorable_date(field: MemorableDateField) -> tuple[str, Params]:
    render_kw = _render_kw(field)
    autocomplete = render_kw.pop("autocomplete", None)
    if render_kw:
        raise ComponentError(
            WHERE,
            field.name,
            f"is a MemorableDateField with render_kw {sorted(render_kw)}: it takes only "
            "autocomplete; give the memorable_date component's params as overrides",
        )
    params = {
        **_common(field),
        "legend": field.label.text,
        "name": field.name,
        "month_select": field.month_select,
        "value": field.part_values(),
        "autocomplete": autocomplete,
    }
    # The parse error names its parts; a validator's error is about the whole date.
    errors = field.errors
    if (
        field.error_parts
        and errors
        and field.process_errors
        and errors[0] == field.process_errors[0]
    ):
        params["error_parts"] = list(field.error_parts)
    return "memorable_date", params


def _file(multiple: bool) -> Builder:
    def build(field: Any) -> tuple[str, Params]:
        return "file_input", shared.lift_accept(_control(field, multiple=multiple))

    return build


# By class; a field renders as the first class of its MRO listed here. None: refused, though a
# base class is listed (a submit button is no checkbox, a month no date).
BUILDERS: dict[type, Builder | None] = {
    MemorableDateField: _memorable_date,
    MultiCheckboxField: _group("checkbox"),
    wtf.SelectMultipleField: None,
    wtf.SelectField: _select,
    wtf.RadioField: _group("radio"),
    wtf.SubmitField: None,
    wtf.BooleanField: _boolean,
    wtf.TextAreaField: _textarea,
    wtf.PasswordField: _text("password"),
    wtf.EmailField: _text("email"),
    wtf.TelField: _text("tel"),
    wtf.URLField: _text("url"),
    wtf.SearchField: _text("search"),
    wtf.ColorField: None,
    wtf.StringField: _text(),
    wtf.IntegerField: _text(inputmode="numeric"),
    wtf.DecimalField: _text(inputmode="decimal"),
    wtf.FloatField: _text(inputmode="decimal"),
    wtf.MonthField: None,
    wtf.WeekField: None,
    wtf.DateField: _date,
    wtf.MultipleFileField: _file(multiple=True),
    wtf.FileField: _file(multiple=False),
}


def field_component(field: Any) -> tuple[str, Params]:
    """The component that renders `field` and its params (before overrides)."""
    for cls in type(field).__mro__:
        if cls in BUILDERS:
            builder = BUILDERS[cls]
            if builder is not None:
                return builder(field)
            break
    raise ComponentError(
        WHERE,
        getattr(field, "name", None),
        f"is a {type(field).__name__}, which no component renders; render it yourself (a "
        "SubmitField with the button component, a SelectMultipleField as a MultiCheckboxField)",
    )


def _render_field(env: jinja2.Environment | None, field: Any, overrides: Params) -> Markup:
    if isinstance(field, wtf.HiddenField):
        if overrides:
            raise ComponentError(WHERE, field.name, "is a HiddenField: it takes no overrides")
        return Markup(field())
    component, params = field_component(field)
    return shared.render_component(env, component, {**params, **overrides})


def render_field(field: Any, /, **overrides: Any) -> Markup:
    """Render a bound WTForms `field` through its component; `overrides` are the component's
    params and win over the field's. Raises ComponentError for a field no component renders."""
    return _render_field(None, field, overrides)


def form_errors(form: Form) -> list[dict[str, Any]]:
    """The error summary's `errors` for `form`: the form's own errors (`form.form_errors`, as
    text), then each field's first error (the one the field shows) linked to the field's id, in
    the fields' order; fields of a FormField or FieldList in their place."""
    own = [str(text) for text in getattr(form, "form_errors", ())]
    return shared.summary_errors(own, _field_errors(form))


def _field_errors(fields: Any) -> Iterator[tuple[str, str]]:
    """Each field's first error and its id, in order, into FormFields and FieldLists."""
    for field in fields:
        if isinstance(field, (wtf.FormField, wtf.FieldList)):
            yield from _field_errors(field)
            continue
        text = first_error(field)
        if text is not None:
            yield text, field.id


def _error_summary(
    env: jinja2.Environment | None, form: Form, lang: str, options: Params
) -> Markup:
    return shared.render_summary(env, form_errors(form), lang, options)


def error_summary(form: Form, lang: str = "en", **options: Any) -> Markup:
    """The error summary for `form` (see `form_errors`), or empty Markup when it has no errors.
    `options` are the error_summary component's other params (`heading`, `heading_level`,
    `nonce`, `script`)."""
    return _error_summary(None, form, lang, options)


def install(env: jinja2.Environment) -> jinja2.Environment:
    """Add `uswds_field(field, **overrides)` and `uswds_error_summary(form, lang="en",
    **options)` to `env`'s globals, rendering with `env`. Returns `env`."""
    env.globals.update(shared.form_globals(env, _render_field, _error_summary))
    return env
