"""Combo box rules: options that say something, one chosen at most, values that are unique,
and the shared wiring.

Without JS the combo box is USWDS's own markup, a `<select>`, so every option is reachable
and submits as any select does. USWDS's JS empties the select as it starts and chooses again
from `data-default-value`, so the chosen option is written both ways. It finds that option by
its value: two options with one value could not be told apart, so they are refused. The blank
first option (“- Select -”) is what a select without JS starts on; USWDS's JS leaves it out of
its list.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..fields import check_not_blank, prepare_control

COMPONENT = "combo_box"


def chosen_option(options: list[dict[str, Any]]) -> dict[str, Any] | None:
    seen: set[str] = set()
    chosen = [index for index, option in enumerate(options) if option["selected"]]
    if len(chosen) > 1:
        raise ComponentError(
            COMPONENT, f"options[{chosen[1]}].selected", "only one option can be chosen"
        )
    for index, option in enumerate(options):
        check_not_blank(COMPONENT, option, ("text", "value"), f"options[{index}].")
        if option["value"] in seen:
            raise ComponentError(
                COMPONENT,
                f"options[{index}].value",
                f"{option['value']!r} is already an option's value; give each option its own",
            )
        seen.add(option["value"])
    return options[chosen[0]] if chosen else None


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    selected = chosen_option(params["options"])
    check_not_blank(COMPONENT, params, ("blank_text", "placeholder"))
    return {**prepare_control(COMPONENT, params), "selected": selected}
