"""Button group rule: each item is a button's params, checked by the button component itself.

The button's rules (a required type, no disabled submit, a link's href) live once, in the button;
an error names the item here (`items[1].type`) with the button's own message.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...errors import ComponentError
from ...registry import get_spec


def check_item(index: int, item: Any) -> None:
    where = f"items[{index}]"
    if not isinstance(item, Mapping):
        raise ComponentError(
            "button_group",
            where,
            f"expected a button's params (a mapping), got {type(item).__name__}",
        )
    try:
        get_spec("button").validate(item)
    except ComponentError as error:
        message = str(error).removeprefix(f"button: param '{error.param}': ")
        raise ComponentError("button_group", f"{where}.{error.param}", message) from None


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    for index, item in enumerate(params["items"]):
        check_item(index, item)
    return params
