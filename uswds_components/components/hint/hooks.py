"""Hint rules: exactly one of text, html or the required-fields instructions.

The hint's markup is field.html's `hint_markup`, the same every control prints for its `hint`
param, so a hint written by hand beside a custom control looks and reads the same.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..rules import text_or_html

COMPONENT = "hint"


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    if params["required_instructions"]:
        if params["text"] is not None or params["html"] is not None:
            raise ComponentError(
                COMPONENT,
                "required_instructions",
                "the instructions are the hint's whole text: leave text and html out",
            )
        return params
    text_or_html(COMPONENT, "", params, empty="is empty: the hint would say nothing")
    return params
