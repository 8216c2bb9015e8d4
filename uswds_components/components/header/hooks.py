"""Header rules: at most one current item, no blank text, and the derived `has_nav`."""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ...registry import get_spec


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    if not params["title"].strip():
        raise ComponentError("header", "title", "is empty: the site title names the home link")
    items = params["items"]
    for index, item in enumerate(items):
        if not item["text"].strip():
            raise ComponentError("header", f"items[{index}].text", "is empty")
    current = [index for index, item in enumerate(items) if item["current"]]
    if len(current) > 1:
        raise ComponentError(
            "header", f"items[{current[1]}].current", "only one item can be the current page"
        )
    search_label = params["search_label"]
    if search_label is None:
        search_label = get_spec("header").strings[params["lang"]]["search"]
    elif not search_label.strip():
        raise ComponentError("header", "search_label", "is empty; leave it out for the default")
    if not params["search_name"].strip():
        raise ComponentError("header", "search_name", "is empty")
    return {
        **params,
        "search_label": search_label,
        "has_nav": bool(items) or params["search_action"] is not None,
    }
