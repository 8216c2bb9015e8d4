"""Process list rules: no blank heading or text, at most one body per step, and heading tags.

A step's heading is a real heading (`h2` to `h6`) only when some step has text under it: a list of
bare headings would put empty sections into the page's outline, so then every heading is a `<p>`
with the same `usa-process-list__heading` look, as in USWDS's no-text variant.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..rules import text_or_html

COMPONENT = "process_list"


def check_item(index: int, item: dict[str, Any]) -> None:
    where = f"items[{index}]"
    if not item["heading"].strip():
        raise ComponentError(COMPONENT, f"{where}.heading", "is empty")
    text_or_html(COMPONENT, f"{where}.", item, required=False)


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    for index, item in enumerate(params["items"]):
        check_item(index, item)
    headings = any(item["text"] is not None or item["html"] is not None for item in params["items"])
    return {**params, "headings": headings}
