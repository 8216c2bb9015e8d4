"""Text input rules: the input types USWDS uses, and the shared label, hint and error wiring.

`type="number"` is refused with the way out: USWDS (like GOV.UK) asks for `type="text"` with
`inputmode="numeric"`, because number inputs round long numbers, take "e" and scroll the value
away under a mouse wheel, and some screen readers misreport them.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..fields import prepare_control

COMPONENT = "text_input"
TYPES = ("text", "email", "password", "search", "tel", "url")


def check_type(kind: str) -> None:
    if kind == "number":
        raise ComponentError(
            COMPONENT,
            "type",
            "'number' is not used by USWDS: give type='text' with inputmode='numeric' "
            "(and a pattern in control_attributes if you check digits)",
        )
    if kind not in TYPES:
        raise ComponentError(
            COMPONENT, "type", f"must be one of {', '.join(map(repr, TYPES))}; got {kind!r}"
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_type(params["type"])
    return prepare_control(COMPONENT, params)
