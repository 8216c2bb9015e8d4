"""File input rules: the shared field wiring, USWDS's words in the page's language, a named input.

USWDS's JS turns the file input into a drop zone and gives the input an `aria-label` of its
instructions ("Drag file here or choose from folder"). An `aria-label` wins over the
`<label>`, so screen readers and voice control lose the question (uswds #5192), and its words
are English only. The form group carries the words of USWDS's JS in the page's language in
`data-*` attributes, and `file-input.js` (our script) says them, and names the input by its
label and then USWDS's instructions (`aria-labelledby`: the label, then the input itself).
The invalid-file message goes in USWDS's own `data-errormessage`, so it needs no script.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ...page import nonce_attribute
from ...registry import get_spec
from ..fields import prepare_control

COMPONENT = "file_input"

# The words of USWDS's JS, by the data-* attribute file-input.js reads them from.
SCRIPT_WORDS = (
    "drag_one",
    "drag_many",
    "choose",
    "choose_start",
    "none_one",
    "none_many",
    "selected_one",
    "selected_many",
    "heading_one",
    "heading_many",
    "change_one",
    "change_many",
)


def check_script(params: dict[str, Any]) -> None:
    if params["nonce"] is not None and not params["script"]:
        raise ComponentError(
            COMPONENT, "nonce", "is for the script tag: leave it out with script=False"
        )


def check_accept(accept: str | None) -> None:
    if accept is None:
        return
    types = [kind.strip() for kind in accept.split(",")]
    for kind in types:
        if not kind or not (kind.startswith(".") or "/" in kind):
            raise ComponentError(
                COMPONENT,
                "accept",
                f"{accept!r} is not a list of file types: give extensions or MIME types "
                "separated by commas, like '.pdf,.txt' or 'image/*'",
            )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_script(params)
    check_accept(params["accept"])
    words = get_spec(COMPONENT).strings[params["lang"]]
    prepared = {**prepare_control(COMPONENT, params), "autocomplete": None}
    data = {f"data-{key.replace('_', '-')}": words[key] for key in SCRIPT_WORDS}
    return {
        **prepared,
        # `aria-required`, not `required`: Chromium exposes an empty required file input as
        # invalid, so a fresh form would be read "invalid". The label keeps the asterisk.
        "required": False,
        "aria_required": params["required"],
        "invalid_file": words["invalid"],
        # The form group is the root: our data-* attributes go on it with the caller's.
        "group": {
            **prepared,
            "attributes": {
                **params["attributes"],
                "data-uswds-components-file-input": True,
                **data,
            },
        },
        "nonce_attribute": nonce_attribute(params["nonce"]),
    }
