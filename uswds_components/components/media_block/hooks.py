"""Media block rules, shared with the graphic list: an image with a deliberate alt, one body.

`alt` is required but may be `""`: a decorative image (the text beside it says it all) must be
marked so on purpose, never by leaving alt out. Exactly one of `text` or `html` is the body.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..rules import text_or_html


def check_block(component: str, where: str, block: dict[str, Any]) -> None:
    """`where` is "" for a media block's own params, or "items[2]." in a graphic list."""
    if not block["image"]["src"].strip():
        raise ComponentError(component, f"{where}image.src", "is empty; give the image's URL")
    text_or_html(component, where, block)
    if block["heading"] is not None and not block["heading"].strip():
        raise ComponentError(component, f"{where}heading", "is empty")


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_block("media_block", "", params)
    return params
