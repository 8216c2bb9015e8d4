"""Graphic list rules: each item is a media block (its heading required by the spec), checked by
media_block's own rules (one code path), so an item's errors name its place (`items[2].html`)."""

from __future__ import annotations

from typing import Any

from ..media_block.hooks import check_block

COMPONENT = "graphic_list"


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    for index, item in enumerate(params["items"]):
        check_block(COMPONENT, f"items[{index}].", item)
    return params
