"""Radio rules: a group needs a legend; item ids; the shared wiring (components/fields.py).

The rules are the same for checkboxes and radios, so both live in fields.prepare_choices; only
what `required` and `checked` mean differs, and that is said there.
"""

from __future__ import annotations

from typing import Any

from ..fields import prepare_choices

COMPONENT = "radio"


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    return prepare_choices(COMPONENT, params, "radio")
