"""Rules several components' hooks share, so each is written once."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..errors import ComponentError


def text_or_html(
    component: str,
    where: str,
    values: Mapping[str, Any],
    *,
    required: bool = True,
    empty: str = "is empty",
) -> None:
    """Exactly one of `values`' `text` and `html` (at most one unless `required`), not blank.

    `where` prefixes the param in errors: "" for the component's own params, "items[2]." for
    an item's. `empty` is the message for a blank one (say what would be missing).
    """
    text, html = values["text"], values["html"]
    if text is not None and html is not None:
        raise ComponentError(component, f"{where}html", "give text or html, not both")
    if required and text is None and html is None:
        raise ComponentError(component, f"{where}text", "one of text or html is required")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not str(value).strip():
            raise ComponentError(component, f"{where}{name}", empty)


def item_ids(
    component: str,
    prefix: str,
    items: list[dict[str, Any]],
    part: str,
    *,
    has_part: Callable[[dict[str, Any]], bool] = lambda item: True,
) -> list[str | None]:
    """The id of each item's `part` (an accordion's panel, a header item's submenu): the item's
    own `id`, or `<prefix>-<n>` (n: the item's place, from 1); None where `has_part` says the
    item has none. Two alike would break aria-controls, so they are refused."""
    ids: list[str | None] = []
    for index, item in enumerate(items):
        if not has_part(item):
            ids.append(None)
            continue
        own = item["id"] or f"{prefix}-{index + 1}"
        if own in ids:
            raise ComponentError(
                component,
                f"items[{index}].id",
                f"{own!r} is already the id of items[{ids.index(own)}]'s {part}; "
                f"give each {part} its own id",
            )
        ids.append(own)
    return ids
