"""Memorable date rules: three parts under one legend, one error for the group.

A date someone knows by heart (a birthday) is quicker typed than picked from a calendar, so
USWDS asks for it in three parts. The parts' ids are chosen so that an error summary links to
the first part by the `id` it was given (as for a group of checkboxes): the month is `<id>`, the
day `<id>-day`, the year `<id>-year`. The group's hint and error go on the fieldset through the
shared group wiring (components/fields.py); each part keeps USWDS's visually hidden hint, and
the parts the error is about (`error_parts`, all three by default) get USWDS's error class and
`aria-invalid`, so a screen reader says which box is wrong as the user reaches it.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..fields import check_not_blank, wire

COMPONENT = "memorable_date"
PARTS = ("month", "day", "year")


def check_error_parts(params: dict[str, Any]) -> tuple[str, ...]:
    parts = params["error_parts"]
    if parts is None:
        return PARTS if params["error"] is not None else ()
    if params["error"] is None:
        raise ComponentError(COMPONENT, "error_parts", "needs an error: give the group's message")
    for index, part in enumerate(parts):
        if part not in PARTS:
            raise ComponentError(
                COMPONENT,
                f"error_parts[{index}]",
                f"must be one of 'month', 'day', 'year'; got {part!r}",
            )
    if not parts:
        raise ComponentError(
            COMPONENT, "error_parts", "is empty; name the wrong parts, or leave it out"
        )
    return tuple(parts)


def check_value(params: dict[str, Any]) -> dict[str, Any]:
    value = params["value"] or {}
    month = value.get("month")
    if params["month_select"] and month is not None and month not in {str(n) for n in range(1, 13)}:
        raise ComponentError(
            COMPONENT, "value.month", f"must be '1' to '12' for the month select; got {month!r}"
        )
    return value


def part(params: dict[str, Any], kind: str, value: dict[str, Any], wrong: tuple[str, ...]) -> dict:
    base, name = params["id"], params["name"] or params["id"]
    hint = "month_input_hint" if kind == "month" and not params["month_select"] else f"{kind}_hint"
    # Each part's hidden hint is `<id>-<part>-hint`, as in USWDS's twig.
    field = wire(COMPONENT, {"id": f"{base}-{kind}", "hint": hint})
    return {
        "kind": kind,
        "id": base if kind == "month" else f"{base}-{kind}",
        "name": f"{name}-{kind}",
        "hint": hint,
        "value": value.get(kind),
        "autocomplete": None
        if params["autocomplete"] is None
        else f"{params['autocomplete']}-{kind}",
        "field": {**field, "invalid": kind in wrong},
    }


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_not_blank(COMPONENT, params, ("legend",))
    wrong = check_error_parts(params)
    value = check_value(params)
    return {
        **params,
        "parts": [part(params, kind, value, wrong) for kind in PARTS],
        "field": wire(COMPONENT, params, group=True),
    }
