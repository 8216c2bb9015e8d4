"""Select rules: options that say something, one selected at most, and the shared wiring.

A select shows one value: two options marked `selected` would leave the browser to pick the
last one silently, so the second is refused. The blank first option (USWDS's "- Select -")
makes "no answer yet" visible and submittable as empty; a required select without it would
submit its first real option unseen.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..fields import check_not_blank, prepare_control

COMPONENT = "select"


def check_options(options: list[dict[str, Any]]) -> None:
    selected = [index for index, option in enumerate(options) if option["selected"]]
    if len(selected) > 1:
        raise ComponentError(
            COMPONENT, f"options[{selected[1]}].selected", "only one option can be selected"
        )
    for index, option in enumerate(options):
        check_not_blank(COMPONENT, option, ("text",), f"options[{index}].")


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_options(params["options"])
    check_not_blank(COMPONENT, params, ("blank_text",))
    if not params["blank"] and params["blank_text"] is not None:
        raise ComponentError(COMPONENT, "blank_text", "needs blank=True (the blank option)")
    return prepare_control(COMPONENT, params)
