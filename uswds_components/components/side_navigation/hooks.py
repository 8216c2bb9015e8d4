"""Side navigation rules: at most one current page, three levels at most, its ancestors marked.

USWDS's twig marks a link current only where its content says so, so a page could end up with
two “current” pages, or with the current page's section left unmarked. Here the caller marks
one item `current` and its ancestors are derived: each gets `usa-current`, the page itself also
`aria-current="page"`. A fourth level has no USWDS style (its sublists nest two deep) and is
refused, as is a second current page.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ...registry import get_spec

COMPONENT = "side_navigation"
MAX_DEPTH = 3


def current_paths(items: list[dict[str, Any]], where: str = "items", depth: int = 1) -> list[str]:
    """Check every item under `items`; return the param paths of those marked current."""
    found: list[str] = []
    for index, item in enumerate(items):
        path = f"{where}[{index}]"
        if not item["text"].strip():
            raise ComponentError(COMPONENT, f"{path}.text", "is empty: it is the link's text")
        if not item["href"].strip():
            raise ComponentError(COMPONENT, f"{path}.href", "is empty; give the page's URL")
        if item["current"]:
            found.append(path)
        children = item.get("items")
        if children is None:
            continue
        if depth == MAX_DEPTH:
            raise ComponentError(
                COMPONENT,
                f"{path}.items",
                f"a fourth level: USWDS's side navigation nests {MAX_DEPTH} levels at most; "
                "link the deeper pages from the third-level page itself",
            )
        if not children:
            raise ComponentError(COMPONENT, f"{path}.items", "is empty; leave it out instead")
        found.extend(current_paths(children, f"{path}.items", depth + 1))
    return found


def mark(items: list[dict[str, Any]], current: str | None, where: str = "items") -> list[dict]:
    """Copies of `items` with `state`: "page" for the current one, "ancestor" on its path."""
    marked = []
    for index, item in enumerate(items):
        path = f"{where}[{index}]"
        if path == current:
            state = "page"
        elif current is not None and current.startswith(f"{path}.items["):
            state = "ancestor"
        else:
            state = None
        children = item.get("items")
        if children is not None:
            children = mark(children, current, f"{path}.items")
        marked.append({**item, "state": state, "items": children})
    return marked


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    found = current_paths(params["items"])
    if len(found) > 1:
        raise ComponentError(
            COMPONENT,
            f"{found[1]}.current",
            f"a second current page ({found[0]} is already current); mark only the page "
            "being shown: its ancestors are marked for you",
        )
    label = params["label"]
    if label is not None and not label.strip():
        raise ComponentError(COMPONENT, "label", "is empty; leave it out (None) for the default")
    strings = get_spec(COMPONENT).strings[params["lang"]]
    return {
        **params,
        "items": mark(params["items"], found[0] if found else None),
        "aria_label": strings["aria_label"] if label is None else label,
    }
