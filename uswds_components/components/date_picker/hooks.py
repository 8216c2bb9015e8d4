"""Date picker rules: a format hint that is always there, dates in order, and the shared wiring.

Without JS the date picker is a plain text input, so the hint must say the format the answer
is read in: USWDS's own "mm/dd/yyyy" (Spanish "mm/dd/aaaa") when the caller gives no hint.
USWDS's JS empties the input as it starts and fills it from `data-default-value` (ISO), so a
`value` (the user's answer when the form comes back) is written both ways: ISO for the JS,
MM/DD/YYYY in the input for a visitor without it. A minimum after the maximum would leave no
date to pick, so it is refused.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ...registry import get_spec
from ..fields import prepare_control

COMPONENT = "date_picker"


def check_range(params: dict[str, Any], component: str = COMPONENT, where: str = "") -> None:
    """`min_date` not after `max_date`, and `value` and `range_date` between them. `where`
    prefixes the dates' param paths in errors: "start." for a date range's start."""
    low, high = params["min_date"], params["max_date"]
    if low is not None and high is not None and low > high:
        raise ComponentError(component, "min_date", "is after max_date; no date could be chosen")
    for name in ("value", "range_date"):
        date = params.get(name)
        if date is None:
            continue
        if low is not None and date < low:
            raise ComponentError(component, where + name, f"{date.isoformat()} is before min_date")
        if high is not None and date > high:
            raise ComponentError(component, where + name, f"{date.isoformat()} is after max_date")


def format_hint(lang: str) -> str:
    """USWDS's format hint, "mm/dd/yyyy", in the page's language."""
    return get_spec(COMPONENT).strings[lang]["format_hint"]


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_range(params)
    hint = format_hint(params["lang"]) if params["hint"] is None else params["hint"]
    prepared = prepare_control(COMPONENT, {**params, "hint": hint})
    value = params["value"]
    # Digits only: strftime's month names would follow the process locale.
    prepared["value_text"] = None if value is None else value.strftime("%m/%d/%Y")
    return prepared
