"""Accordion rules: what each panel holds, unique panel ids, and which panels may start open.

USWDS's JS, when it starts, walks the buttons in order and opens each one marked
`aria-expanded="true"`; in an accordion without `data-allow-multiple`, opening a panel closes the
others. Two panels asked open in a single-select accordion would therefore end with only the last
one open, silently: that is refused here, naming the second one.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..rules import item_ids, text_or_html

COMPONENT = "accordion"


def check_item(index: int, item: dict[str, Any]) -> None:
    """A heading that is not blank, and exactly one of `text` or `html` for the panel."""
    where = f"items[{index}]"
    if not item["heading"].strip():
        raise ComponentError(COMPONENT, f"{where}.heading", "is empty: it names the button")
    text_or_html(COMPONENT, f"{where}.", item, empty="is empty: the panel would be blank")


def panel_ids(accordion_id: str, items: list[dict[str, Any]]) -> list[str]:
    """Each panel's id: the item's own, or `<id>-<n>` (n counts from 1); all different."""
    return [str(panel) for panel in item_ids(COMPONENT, accordion_id, items, "panel")]


def check_expanded(items: list[dict[str, Any]], multiselectable: bool) -> None:
    opened = [index for index, item in enumerate(items) if item["expanded"]]
    if len(opened) > 1 and not multiselectable:
        raise ComponentError(
            COMPONENT,
            f"items[{opened[1]}].expanded",
            "only one panel can start open unless multiselectable=True "
            "(USWDS's JS would close all but the last)",
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    items = params["items"]
    for index, item in enumerate(items):
        check_item(index, item)
    check_expanded(items, params["multiselectable"])
    ids = panel_ids(params["id"], items)
    return {
        **params,
        "items": [{**item, "id": panel_id} for item, panel_id in zip(items, ids, strict=True)],
    }
