"""Time picker rules: times as HH:MM, a list that has times in it, a format hint, the wiring.

Without JS the time picker is a plain text input, so the hint must say the format: USWDS's
JS lists times as "9:30am", so that is the example the default hint gives. With JS, USWDS
replaces the input with a combo box of times from `min_time` to `max_time`, `step` minutes
apart, submitted as 24-hour "HH:MM"; it chooses the one whose words equal the input's value,
so `value` (24-hour, as it comes back) is written in the list's words, "9:30am".
USWDS's JS removes the input as it builds the combo box: the form group carries the hint and
error for `combo-box.js`, as the combo box's does (`combo_box.hooks.script_root`).
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import ComponentError
from ...registry import get_spec
from ..combo_box.hooks import script_root
from ..fields import prepare_control

COMPONENT = "time_picker"
TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


def minutes(params: dict[str, Any], name: str) -> int | None:
    value = params[name]
    if value is None:
        return None
    match = TIME.match(value)
    if not match:
        raise ComponentError(
            COMPONENT, name, f"expected a 24-hour time HH:MM, like '13:30'; got {value!r}"
        )
    return int(match[1]) * 60 + int(match[2])


def list_words(total: int) -> str:
    """A time as USWDS's list says it: 13:30 is "1:30pm"."""
    hour, minute = divmod(total, 60)
    return f"{hour % 12 or 12}:{minute:02d}{'am' if hour < 12 else 'pm'}"


def check_times(params: dict[str, Any]) -> int | None:
    low, high = minutes(params, "min_time"), minutes(params, "max_time")
    value = minutes(params, "value")
    if low is not None and high is not None and low > high:
        raise ComponentError(COMPONENT, "min_time", "is after max_time; the list would be empty")
    if value is not None:
        start, step = low or 0, params["step"] or 30
        if (low is not None and value < low) or (high is not None and value > high):
            raise ComponentError(COMPONENT, "value", "is outside min_time to max_time")
        if (value - start) % step:
            raise ComponentError(
                COMPONENT,
                "value",
                f"is not in the list: times go {step} minutes apart from {list_words(start)}",
            )
    return value


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    value = check_times(params)
    strings = get_spec(COMPONENT).strings[params["lang"]]
    hint = strings["format_hint"] if params["hint"] is None else params["hint"]
    prepared = script_root(COMPONENT, prepare_control(COMPONENT, {**params, "hint": hint}))
    prepared["value_text"] = None if value is None else list_words(value)
    return prepared
