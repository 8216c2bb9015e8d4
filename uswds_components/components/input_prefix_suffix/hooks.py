"""Input prefix or suffix rules: decoration on one side or both, the label says the unit.

The prefix and suffix are `aria-hidden` (as in USWDS): a screen reader would otherwise read
"lbs." or "$" in the middle of the field, away from its label. So they must not carry meaning
the label lacks, and each side takes text or an icon, not both.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..fields import check_not_blank, prepare_control
from ..icon.hooks import check_name

COMPONENT = "input_prefix_suffix"


def check_sides(params: dict[str, Any]) -> None:
    check_not_blank(COMPONENT, params, ("prefix", "suffix"))
    for side in ("prefix", "suffix"):
        if params[side] is not None and params[f"{side}_icon"] is not None:
            raise ComponentError(
                COMPONENT, f"{side}_icon", f"give the {side} as text or as an icon, not both"
            )
        if params[f"{side}_icon"] is not None:
            check_name(COMPONENT, f"{side}_icon", params[f"{side}_icon"])
    if all(params[name] is None for name in ("prefix", "prefix_icon", "suffix", "suffix_icon")):
        raise ComponentError(
            COMPONENT,
            "prefix",
            "is missing: give a prefix or suffix (text or icon), or use the text input component",
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_sides(params)
    return prepare_control(COMPONENT, params)
