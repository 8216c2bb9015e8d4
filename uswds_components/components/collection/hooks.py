"""Collection rules: a thumbnail needs its alt text, a body needs its words, and a calendar date
is shown with the month abbreviated in the component's language.

The calendar box shows "SEP 30"; its month comes from the component's strings (`months`), not
from strftime, which names months in the process locale (see last_updated/hooks.py).
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..icon.hooks import check_name

COMPONENT = "collection"


def check_item(index: int, item: dict[str, Any]) -> None:
    where = f"items[{index}]"
    if not item["heading"].strip():
        raise ComponentError(COMPONENT, f"{where}.heading", "is empty")
    if item["image_src"] is not None and item["image_alt"] is None:
        raise ComponentError(
            COMPONENT,
            f"{where}.image_alt",
            'is required with image_src: say what the image shows, or "" if it adds nothing',
        )
    if item["image_alt"] is not None and item["image_src"] is None:
        raise ComponentError(COMPONENT, f"{where}.image_alt", "goes with image_src")
    if item["image_src"] is not None and item["calendar_date"] is not None:
        raise ComponentError(
            COMPONENT, f"{where}.calendar_date", "give a thumbnail or a calendar date, not both"
        )
    for m, meta in enumerate(item["meta"]):
        if not meta["text"].strip():
            raise ComponentError(COMPONENT, f"{where}.meta[{m}].text", "is empty")
        if meta["icon"] is not None:
            check_name(COMPONENT, f"{where}.meta[{m}].icon", meta["icon"])
    for t, tag in enumerate(item["tags"]):
        if not tag["text"].strip():
            raise ComponentError(COMPONENT, f"{where}.tags[{t}].text", "is empty")


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    if not params["items"]:
        raise ComponentError(COMPONENT, "items", "is empty: a collection needs at least one item")
    for index, item in enumerate(params["items"]):
        check_item(index, item)
    return params
