"""Input mask rules: a mask USWDS's JS can follow, and a hint that says the format.

USWDS's JS reads the mask from `placeholder` (`_`, `#`, `9` and date letters stand for a digit,
`A` for a letter when `charset` is given, anything else is typed for the user), removes the
placeholder and draws the mask beside the value, hidden from screen readers. Without JS the
field is a plain input whose placeholder disappears as soon as the user types, so the format
must be in the hint: `hint` is required.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..fields import check_not_blank, prepare_control

COMPONENT = "input_mask"
SLOTS = "_#dDmMyY9A"


def check_mask(params: dict[str, Any]) -> None:
    check_not_blank(COMPONENT, params, ("placeholder", "charset"))
    mask = params["placeholder"]
    if not any(char in SLOTS for char in mask):
        raise ComponentError(
            COMPONENT,
            "placeholder",
            f"{mask!r} has no character to type: use '_' for each digit, e.g. '___-___-____'",
        )
    charset = params["charset"]
    if charset is not None and len(charset) != len(mask):
        raise ComponentError(
            COMPONENT,
            "charset",
            f"must be as long as the placeholder ({len(mask)} characters); got {len(charset)}",
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_mask(params)
    return prepare_control(COMPONENT, params)
