"""List rules: each item is exactly one of `text` or `html`, and never blank.

An empty `<li>` is still announced ("bullet", or a number) with nothing after it, so a blank
item is refused rather than rendered.
"""

from __future__ import annotations

from typing import Any

from ..rules import text_or_html

COMPONENT = "list"


def check_item(index: int, item: dict[str, Any]) -> None:
    text_or_html(COMPONENT, f"items[{index}].", item)


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    for index, item in enumerate(params["items"]):
        check_item(index, item)
    return params
