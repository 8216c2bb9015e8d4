"""Character count rules: the shared field wiring, with the count's message between hint and error.

USWDS's JS moves `maxlength` from the field to the wrapper (`data-maxlength`), so typing past
the limit is allowed and the count says by how much, instead of cutting the text off silently.
The visible "You can enter up to N characters" message (`<id>-info`) stays in the field's
`aria-describedby`, after the hint and before the error (`fields.wire`'s `extra_describedby`).

USWDS's JS writes its count in English only, and at load it says "N characters allowed" even
when the answer that came back is over the limit. The count carries its words, in the page's
language, in `data-*` attributes, and `character-count.js` (our script) says the count, its
live status and the "too long" validation message with them, counting the text as it is.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ...page import nonce_attribute
from ..fields import prepare_control, wire

COMPONENT = "character_count"


def check_rows(params: dict[str, Any]) -> None:
    if params["rows"] is not None and params["element"] != "textarea":
        raise ComponentError(COMPONENT, "rows", "is for element='textarea'; leave it out")


def check_script(params: dict[str, Any]) -> None:
    if params["nonce"] is not None and not params["script"]:
        raise ComponentError(
            COMPONENT, "nonce", "is for the script tag: leave it out with script=False"
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_rows(params)
    check_script(params)
    prepared = prepare_control(COMPONENT, params)
    info_id = f"{params['id']}-info"
    field = wire(COMPONENT, params, extra_describedby=(info_id,))
    prepared = {**prepared, "field": field, "info_id": info_id}
    return {
        **prepared,
        # The form group inside the count's wrapper: the root's classes and attributes stay on
        # the wrapper (usa-character-count), the one root.
        "group": {**prepared, "classes": "", "attributes": {}},
        "nonce_attribute": nonce_attribute(params["nonce"]),
    }
