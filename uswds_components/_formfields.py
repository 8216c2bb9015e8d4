"""What the framework form integrations (`uswds_components.wtforms`, `.django.forms`) share.

Each integration reads its framework's fields (a WTForms Field, a Django BoundField) into plain
values; from there the rules are the same and live here once: a labelled control's params and
its leftover attributes, the select's blank option, choice items for radios and checkboxes, the
file input's `accept`, the memorable date's three parts and which of them are at fault, the
error summary's items and its render, and the two Jinja2 globals `install(env)` adds. Nothing
here imports WTForms or Django.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import jinja2
from markupsafe import Markup

from .environment import render, render_in
from .errors import ComponentError

Params = dict[str, Any]
# A choice as (value, label, selected, disabled).
Choice = tuple[str, str, bool, bool]
# (env, field, overrides) -> the field's form group; env None: the integration's default.
FieldRenderer = Callable[[jinja2.Environment | None, Any, Params], Markup]
# (env, form, lang, options) -> the form's error summary.
SummaryRenderer = Callable[[jinja2.Environment | None, Any, str, Params], Markup]

USWDS_DATE_FORMAT = "%m/%d/%Y"  # what USWDS's date picker submits
DATE_PARTS = ("month", "day", "year")
# The part's largest value; the year is checked as 4 digits instead.
_PART_MAX = {"month": 12, "day": 31}
# Widget attributes the text-like components take as params of their own.
_ATTRIBUTE_PARAMS = ("autocomplete", "inputmode")


def render_component(env: jinja2.Environment | None, component: str, params: Params) -> Markup:
    """Render `component` with `env`, or with the library's default environment when None."""
    if env is None:
        return render(component, **params)
    return render_in(env, component, **params)


# --- controls --------------------------------------------------------------------------------


def control_params(
    common: Params, label: str | None, name: str, attributes: Mapping[str, Any], params: Params
) -> Params:
    """A labelled control's params: `common` (id, hint, error, required), label and name, then
    `params`; `autocomplete` and `inputmode` from the widget's `attributes` as params unless
    `params` sets them, and the other attributes as `control_attributes`."""
    attributes = dict(attributes)
    params = dict(params)
    for key in _ATTRIBUTE_PARAMS:
        if key in attributes and key not in params:
            params[key] = attributes.pop(key)
    params = {**common, "label": label, "name": name, **params}
    if attributes:
        params["control_attributes"] = attributes
    return params


def select_params(choices: Iterable[Choice]) -> Params:
    """The select's `options` and `blank`: a blank "- Select -" option first when no choice is
    selected and none has an empty value, so the browser does not pick the first for the user."""
    choices = list(choices)
    options = [
        {"value": v, "text": t, "selected": s, **({"disabled": True} if d else {})}
        for v, t, s, d in choices
    ]
    blank = not any(s for _, _, s, _ in choices) and not any(v == "" for v, _, _, _ in choices)
    return {"options": options, "blank": blank}


# What a field with grouped choices is told: no component draws an optgroup.
GROUPED_CHOICES = (
    "grouped choices (optgroups), which the select, radio and checkbox components do not draw; "
    "give its choices ungrouped"
)


def attribute_on(value: Any) -> bool:
    """Whether a boolean HTML attribute's value in render_kw or a widget's attrs turns it on:
    False and None leave it out, as WTForms writes them."""
    return value is not False and value is not None


def items_disabled(
    where: str, name: str, owner: str, kind: str, attributes: Mapping[str, Any], component: str
) -> bool:
    """Whether a checkbox or radio group's `attributes` (WTForms' render_kw, Django's widget
    attrs) disable its items. `disabled` is the only key a group takes; any other is a
    ComponentError naming the field (the component's params go in as overrides)."""
    attributes = dict(attributes)
    disabled = attribute_on(attributes.pop("disabled", False))
    if attributes:
        raise ComponentError(
            where,
            name,
            f"is a {owner} with {kind} {sorted(attributes)}: it takes only disabled; give the "
            f"{component} component's params as overrides",
        )
    return disabled


def choice_items(choices: Iterable[Choice], *, disabled: bool = False) -> list[Params]:
    """Radio or checkbox `items` for the choices; each `disabled` when it or the field is."""
    return [
        {"label": t, "value": v, "checked": s, **({"disabled": True} if disabled or d else {})}
        for v, t, s, d in choices
    ]


def lift_accept(params: Params) -> Params:
    """A file input's params with `accept` moved from `control_attributes` to its own param
    (the component checks it), dropping `control_attributes` if nothing else is left."""
    attributes = params.get("control_attributes", {})
    if "accept" in attributes:
        params["accept"] = attributes.pop("accept")
        if not attributes:
            del params["control_attributes"]
    return params


# --- the memorable date ----------------------------------------------------------------------


def date_part_ok(part: str, text: str) -> bool:
    """Whether `text` is a month (1-12), day (1-31) or 4-digit year, in ASCII digits (a bare
    str.isdigit takes "²" and "١٩")."""
    if not text.isascii() or not text.isdigit():
        return False
    if part == "year":
        return len(text) == 4
    return len(text) <= 2 and 1 <= int(text) <= _PART_MAX[part]


def date_from_parts(parts: Mapping[str, str]) -> tuple[datetime.date | None, list[str]]:
    """The date the typed `parts` (month, day, year) make and the parts at fault: `(date, [])`,
    or `(None, faults)` where the faults are those left out, else those that are no month, day
    or 4-digit year, else the day (past the end of its month). All three blank is all three
    left out: callers that allow no answer check for it first."""
    missing = [part for part in DATE_PARTS if not parts[part]]
    if missing:
        return None, missing
    wrong = [part for part in DATE_PARTS if not date_part_ok(part, parts[part])]
    if wrong:
        return None, wrong
    try:
        return datetime.date(int(parts["year"]), int(parts["month"]), int(parts["day"])), []
    except ValueError:
        return None, ["day"]  # each part is in range: the day is past the month's end


def date_parts(date: datetime.date) -> dict[str, str]:
    """The memorable date component's `value` for `date`."""
    return {"month": str(date.month), "day": str(date.day), "year": str(date.year)}


# --- the error summary -----------------------------------------------------------------------


def summary_errors(own: Iterable[str | None], fields: Iterable[tuple[str, str]]) -> list[Params]:
    """The error summary's `errors`: the form's `own` errors first, as text (no one field is
    theirs to link to), then each `(text, field id)` linked to the field."""
    errors: list[Params] = [{"text": text, "target": None} for text in own]
    errors += [{"text": text, "target": target} for text, target in fields]
    return errors


def render_summary(
    env: jinja2.Environment | None, errors: list[Params], lang: str, options: Params
) -> Markup:
    """The error summary for `errors`, or empty Markup when there are none, so a template can
    always call it."""
    if not errors:
        return Markup("")
    return render_component(env, "error_summary", {"errors": errors, "lang": lang, **options})


# --- the Jinja2 globals ----------------------------------------------------------------------


def form_globals(
    env: jinja2.Environment, render_field: FieldRenderer, error_summary: SummaryRenderer
) -> dict[str, Callable[..., Markup]]:
    """`uswds_field(field, **overrides)` and `uswds_error_summary(form, lang="en", **options)`,
    rendering with `env`."""

    def uswds_field(field: Any, /, **overrides: Any) -> Markup:
        return render_field(env, field, overrides)

    def uswds_error_summary(form: Any, lang: str = "en", **options: Any) -> Markup:
        return error_summary(env, form, lang, options)

    return {"uswds_field": uswds_field, "uswds_error_summary": uswds_error_summary}
