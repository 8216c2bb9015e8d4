"""Combo box rules: options that say something, one chosen at most, values that are unique,
and the shared wiring.

Without JS the combo box is USWDS's own markup, a `<select>`, so every option is reachable
and submits as any select does. USWDS's JS empties the select as it starts and chooses again
from `data-default-value`, so the chosen option is written both ways. It finds that option by
its value: two options with one value could not be told apart, so they are refused. The blank
first option (“- Select -”) is what a select without JS starts on; USWDS's JS leaves it out of
its list.

The input USWDS's JS creates takes the select's id, label and `required`, but not
`aria-describedby` or `aria-invalid` (uswds #6315), and its JS writes its words in English
only. The form group carries the wiring and the words in the page's language in `data-*`
attributes, and `combo-box.js` (our script) gives them to the input and buttons USWDS adds.
The time picker, a combo box once USWDS's JS runs, does the same through `script_root()`.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ...page import nonce_attribute
from ...registry import get_spec
from ..fields import check_not_blank, prepare_control

COMPONENT = "combo_box"

# The words of USWDS's combo box JS, by the data-* attribute combo-box.js reads them from.
SCRIPT_WORDS = (
    "clear_input",
    "toggle_list",
    "no_results_found",
    "results_one",
    "results_many",
    "no_results",
)


def script_root(component: str, prepared: dict[str, Any]) -> dict[str, Any]:
    """`prepared` with the form group's data-* attributes for combo-box.js and the script's
    nonce: the wiring, kept in the form group because the time picker's input is removed by
    USWDS's JS, and USWDS's words in the page's language (the combo box's strings)."""
    if prepared["nonce"] is not None and not prepared["script"]:
        raise ComponentError(
            component, "nonce", "is for the script tag: leave it out with script=False"
        )
    words = get_spec(COMPONENT).strings[prepared["lang"]]
    field = prepared["field"]
    data: dict[str, Any] = {"data-uswds-components-combo-box": True}
    if field["describedby"]:
        data["data-describedby"] = field["describedby"]
    if field["invalid"]:
        data["data-invalid"] = "true"
    data.update({f"data-{key.replace('_', '-')}": words[key] for key in SCRIPT_WORDS})
    return {
        **prepared,
        "attributes": {**prepared["attributes"], **data},
        "nonce_attribute": nonce_attribute(prepared["nonce"]),
    }


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
    return {**script_root(COMPONENT, prepare_control(COMPONENT, params)), "selected": selected}
