"""Icon list rules: each item's icon is a sprite name (checked by the icon's own hook), its
colour a single utility-colour token, and its body exactly one of text or html.

The item's colour becomes the class `text-<icon_color>` on the icon's box; a token of letters,
digits and hyphens keeps that one class, never two, or an attribute.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import ComponentError
from ..icon.hooks import check_name
from ..rules import text_or_html

COMPONENT = "icon_list"
COLOR_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def check_item(index: int, item: dict[str, Any]) -> None:
    where = f"items[{index}]"
    check_name(COMPONENT, f"{where}.icon", item["icon"])
    color = item["icon_color"]
    if color is not None and not COLOR_TOKEN.fullmatch(color):
        raise ComponentError(
            COMPONENT,
            f"{where}.icon_color",
            f"{color!r} is not a USWDS colour token: give one such as 'green' or 'primary-dark'",
        )
    text_or_html(COMPONENT, f"{where}.", item)
    for name in ("title", "icon_title"):
        value = item[name]
        if value is not None and not str(value).strip():
            raise ComponentError(COMPONENT, f"{where}.{name}", "is empty")


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    if not params["items"]:
        raise ComponentError(COMPONENT, "items", "is empty: an icon list needs at least one item")
    for index, item in enumerate(params["items"]):
        check_item(index, item)
    return params
