"""Summary box rules: exactly one body (a list, text or HTML), no blank text, and the heading's id.

The box is `role="region"` named by its heading through `aria-labelledby`, so the heading's id
must exist and be unique on the page: it derives from the `id` param (`<id>-heading`).
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..rules import text_or_html

COMPONENT = "summary_box"
BODIES = ("items", "text", "html")


def check_body(params: dict[str, Any]) -> None:
    given = [name for name in BODIES if params[name] not in (None, [])]
    if not given:
        raise ComponentError(COMPONENT, "items", "one of items, text or html is required")
    if len(given) > 1:
        raise ComponentError(COMPONENT, given[1], f"give one of items, text or html, not {given}")
    for name in ("heading", "text", "html"):
        value = params[name]
        if value is not None and not str(value).strip():
            raise ComponentError(COMPONENT, name, "is empty")


def check_item(index: int, item: dict[str, Any]) -> None:
    """Exactly one of `text` or `html`; `href` links the text (HTML carries its own links)."""
    where = f"items[{index}]"
    text_or_html(COMPONENT, f"{where}.", item)
    if item["html"] is not None and item["href"] is not None:
        raise ComponentError(
            COMPONENT, f"{where}.href", "goes with text; put links inside html yourself"
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_body(params)
    for index, item in enumerate(params["items"]):
        check_item(index, item)
    return {**params, "heading_id": f"{params['id']}-heading"}
