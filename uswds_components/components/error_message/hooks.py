"""Error message rules: a message that says something.

The markup is field.html's `error_markup`, the same every control prints for its `error` param.
"""

from __future__ import annotations

from typing import Any

from ..fields import check_not_blank

COMPONENT = "error_message"


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_not_blank(COMPONENT, params, ("text",))
    return params
