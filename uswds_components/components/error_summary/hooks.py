"""Error summary rules: errors that say something, each field linked once, the CSP nonce.

Each error links to `#<target>`, the id of the field to fix (for a group of checkboxes or
radios, its `id` param: the first input's id). Two errors linking to one field would send the
user to the same place twice and mean the field shows one of them only, so the second is
refused. An error with no target (about the form as a whole) is listed as text.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ...page import nonce_attribute
from ..fields import check_not_blank

COMPONENT = "error_summary"


def check_errors(errors: list[dict[str, Any]]) -> None:
    targets: list[str] = []
    for index, error in enumerate(errors):
        check_not_blank(COMPONENT, error, ("text",), f"errors[{index}].")
        target = error["target"]
        if target is None:
            continue
        if target in targets:
            raise ComponentError(
                COMPONENT,
                f"errors[{index}].target",
                f"{target!r} is already the target of errors[{targets.index(target)}]: "
                "give each field one error",
            )
        targets.append(target)


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_errors(params["errors"])
    check_not_blank(COMPONENT, params, ("heading",))
    if params["nonce"] is not None and not params["script"]:
        raise ComponentError(
            COMPONENT, "nonce", "is for the script tag: leave it out with script=False"
        )
    # The nonce param's type has already refused anything but base64.
    return {**params, "nonce_attribute": nonce_attribute(params["nonce"])}
