"""Date range picker rules: two date pickers, each wired like one, the start not after the end.

Each end is a whole field of its own, label, format hint and error, through the same wiring
as the date picker (components/fields.py), so an error summary links to the end that is
wrong by its id. The range's `min_date`, `max_date`, `required`, `disabled` and `lang` apply
to both. A start after the end is refused: USWDS's JS would offer no date for either.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..date_picker.hooks import check_range, format_hint
from ..fields import check_not_blank, prepare_control

COMPONENT = "date_range_picker"
ENDS = ("start", "end")


def end_field(params: dict[str, Any], which: str) -> dict[str, Any]:
    given = params[which]
    check_not_blank(COMPONENT, given, ("label", "hint", "error", "name"), f"{which}.")
    check_range({**params, "value": given["value"], "range_date": None}, COMPONENT, f"{which}.")
    field = {
        "id": f"{params['id']}-{which}",
        "label": given["label"],
        "name": given["name"],
        "hint": format_hint(params["lang"]) if given["hint"] is None else given["hint"],
        "error": given["error"],
        "value": given["value"],
        "value_text": None if given["value"] is None else given["value"].strftime("%m/%d/%Y"),
        "autocomplete": None,
        "required": params["required"],
        "disabled": params["disabled"],
        "lang": params["lang"],
        "control_attributes": {},
        "classes": "",
        "attributes": {},
    }
    return prepare_control(COMPONENT, field)


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    start, end = params["start"], params["end"]
    if start["value"] is not None and end["value"] is not None and start["value"] > end["value"]:
        raise ComponentError(
            COMPONENT, "start.value", "is after end.value; give the earlier date first"
        )
    return {**params, "parts": [end_field(params, which) for which in ENDS]}
