"""Validation rules: a checklist USWDS's JS can tick, and the field's description kept.

USWDS's JS ticks each checklist item whose `data-validate-<name>` pattern matches the value,
says "<item> status complete/incomplete" through a polite live summary, and replaces the
field's `aria-describedby` with that summary, dropping its hint and error. The field here names
its hint, the checklist (so the requirements are read with the field, with or without JS) and
its error (`fields.wire`), keeps that list in `data-describedby`, and `validation.js` (our
script) names the summary after it again once USWDS's JS has run (and gives a summary a unique
id where the same form is on the page twice).
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ...page import nonce_attribute
from ..fields import check_not_blank, prepare_control, wire

COMPONENT = "validation"
# USWDS matches each data-validate-<name> on the field to the item data-validator="<name>"
# through the dataset, which lower-cases the name: the names are made here, letters only
# ("rulea", "ruleb", …), so no caller text ever becomes part of an attribute's name.
MAX_ITEMS = 26


def validator_names(items: list[dict[str, Any]]) -> list[str]:
    if len(items) > MAX_ITEMS:
        raise ComponentError(
            COMPONENT, "items", f"has {len(items)} requirements; give at most {MAX_ITEMS}"
        )
    for index, item in enumerate(items):
        check_not_blank(COMPONENT, item, ("text", "pattern"), f"items[{index}].")
    return [f"rule{chr(ord('a') + index)}" for index in range(len(items))]


def check_fields(params: dict[str, Any]) -> None:
    if params["type"] != "text" and params["element"] == "textarea":
        raise ComponentError(COMPONENT, "type", "is for element='input'; leave it out")
    if params["nonce"] is not None and not params["script"]:
        raise ComponentError(
            COMPONENT, "nonce", "is for the script tag: leave it out with script=False"
        )
    check_not_blank(COMPONENT, params, ("heading",))


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    names = validator_names(params["items"])
    check_fields(params)
    checklist_id = f"{params['id']}-checklist"
    prepared = prepare_control(COMPONENT, params)
    return {
        **prepared,
        "items": [
            {**item, "validator": name} for item, name in zip(params["items"], names, strict=True)
        ],
        "checklist_id": checklist_id,
        "field": wire(COMPONENT, params, extra_describedby=(checklist_id,)),
        "nonce_attribute": nonce_attribute(params["nonce"]),
    }
