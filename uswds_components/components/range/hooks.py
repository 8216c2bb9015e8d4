"""Range rules: a value the slider can hold, and the shared field wiring.

USWDS's JS gives the slider `aria-valuetext` ("20 percent of 100") from `data-text-unit` and
`data-text-preposition`; the preposition is the page's language ("of", "de"). Nothing here
renders `aria-valuetext` itself: without JS it would not follow the slider and would announce a
stale value, so the slider then says its plain number.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..fields import check_not_blank, prepare_control

COMPONENT = "range"


def check_bounds(params: dict[str, Any]) -> None:
    low, high, value = params["min"], params["max"], params["value"]
    if low >= high:
        raise ComponentError(COMPONENT, "max", f"must be more than min ({low}); got {high}")
    if params["step"] > high - low:
        raise ComponentError(
            COMPONENT, "step", f"must fit between min and max ({high - low}); got {params['step']}"
        )
    if value is not None and not low <= value <= high:
        raise ComponentError(COMPONENT, "value", f"must be from {low} to {high}; got {value}")
    if value is not None and (value - low) % params["step"]:
        raise ComponentError(
            COMPONENT,
            "value",
            f"{value} is not on a step of {params['step']} from {low}: the slider would move it",
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_bounds(params)
    check_not_blank(COMPONENT, params, ("unit",))
    # A slider always has a value: nothing to require, nothing to autocomplete.
    return {**prepare_control(COMPONENT, params), "autocomplete": None, "required": False}
