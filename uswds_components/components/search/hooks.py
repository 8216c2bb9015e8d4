"""Search rules: the label and button text default to the language's word, and none is blank.

The label is visually hidden and the small variant's button shows only an icon, so a blank
label or button text would leave the field or the button with no name at all: refused.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ...registry import get_spec

COMPONENT = "search"


def word_or_default(params: dict[str, Any], name: str, default: str) -> str:
    """The param's text, or `default` when it is left out; blank text is refused."""
    value = params[name]
    if value is None:
        return default
    if not value.strip():
        raise ComponentError(COMPONENT, name, "is empty; leave it out for the default")
    return value


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    if not params["name"].strip():
        raise ComponentError(COMPONENT, "name", "is empty: it is the query parameter")
    label = word_or_default(params, "label", get_spec(COMPONENT).strings[params["lang"]]["label"])
    return {
        **params,
        "label": label,
        "button_text": word_or_default(params, "button_text", label),
    }
