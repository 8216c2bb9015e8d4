"""Header rules: what each navigation item holds, unique submenu ids, one current page and one
current section, the search label's default, and the derived `has_nav` / `has_megamenu`.

A top-level item holding a submenu is a `<button>` (USWDS's JS opens its submenu), so it cannot
also be a link: a link given to it would be lost, so it is refused. Each submenu's id is named by
its button's `aria-controls`; two equal ids would make one button open the other's submenu, so
duplicates are refused, naming the second.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ...registry import get_spec
from ..rules import item_ids

COMPONENT = "header"


def check_text(where: str, text: str) -> None:
    if not text.strip():
        raise ComponentError(COMPONENT, f"{where}.text", "is empty")


def links_of(index: int, item: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(param path, link) for each link in item `index`'s submenu or megamenu columns."""
    where = f"items[{index}]"
    links = [(f"{where}.submenu[{n}]", link) for n, link in enumerate(item["submenu"])]
    for c, column in enumerate(item["megamenu"]):
        links += [
            (f"{where}.megamenu[{c}].items[{n}]", link) for n, link in enumerate(column["items"])
        ]
    return links


def check_item(index: int, item: dict[str, Any]) -> None:
    """A top-level item is a link (`href`) or holds one submenu or one megamenu, not both."""
    where = f"items[{index}]"
    check_text(where, item["text"])
    if item["submenu"] and item["megamenu"]:
        raise ComponentError(
            COMPONENT, f"{where}.megamenu", "give a submenu or a megamenu, not both"
        )
    if item["submenu"] or item["megamenu"]:
        if item["href"] is not None:
            raise ComponentError(
                COMPONENT,
                f"{where}.href",
                "an item with a submenu is a button that opens it, not a link; "
                "put the section's own page in its submenu",
            )
    else:
        if item["href"] is None:
            raise ComponentError(
                COMPONENT, f"{where}.href", "is required for a link (or give a submenu)"
            )
        if item["id"] is not None:
            raise ComponentError(
                COMPONENT, f"{where}.id", "only an item with a submenu or megamenu has an id"
            )
    for path, link in links_of(index, item):
        check_text(path, link["text"])


def submenu_ids(prefix: str, items: list[dict[str, Any]]) -> list[str | None]:
    """Each submenu's id: the item's own, or `<id>-<n>` (n: the item's place, from 1)."""
    return item_ids(
        COMPONENT,
        prefix,
        items,
        "submenu",
        has_part=lambda item: bool(item["submenu"] or item["megamenu"]),
    )


def current_sections(items: list[dict[str, Any]], secondary: list[dict[str, Any]]) -> list[bool]:
    """Which top-level items are the current section: marked so, or holding the current page.

    Refuses a second current page (anywhere in the nav) and a second current section.
    """
    pages: list[str] = []
    sections: list[bool] = []
    for index, item in enumerate(items):
        links = links_of(index, item)
        if not links and item["current"]:
            pages.append(f"items[{index}].current")
        held = [f"{path}.current" for path, link in links if link["current"]]
        pages += held
        sections.append(item["current"] or bool(held))
    pages += [
        f"secondary_items[{n}].current" for n, link in enumerate(secondary) if link["current"]
    ]
    if len(pages) > 1:
        raise ComponentError(COMPONENT, pages[1], "only one item can be the current page")
    marked = [index for index, current in enumerate(sections) if current]
    if len(marked) > 1:
        raise ComponentError(
            COMPONENT,
            f"items[{marked[1]}].current",
            "only one top-level item can be the current section",
        )
    return sections


def search_label(params: dict[str, Any]) -> str:
    """The search field's label: the caller's, or the search component's word for the language."""
    label = params["search_label"]
    if label is None:
        return get_spec("search").strings[params["lang"]]["label"]
    if not label.strip():
        raise ComponentError(COMPONENT, "search_label", "is empty; leave it out for the default")
    return label


def language_selector(params: dict[str, Any]) -> dict[str, Any] | None:
    """The selector's params, in the header's language unless they name their own."""
    selector = params["language_selector"]
    if selector is None:
        return None
    return {"lang": params["lang"], **selector}


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    if not params["title"].strip():
        raise ComponentError(COMPONENT, "title", "is empty: the site title names the home link")
    items = params["items"]
    secondary = params["secondary_items"]
    for index, item in enumerate(items):
        check_item(index, item)
    for index, link in enumerate(secondary):
        check_text(f"secondary_items[{index}]", link["text"])
    if secondary and not params["extended"]:
        raise ComponentError(
            COMPONENT,
            "secondary_items",
            "only the extended header has secondary links; add extended=True",
        )
    ids = submenu_ids(params["id"], items)
    sections = current_sections(items, secondary)
    if not params["search_name"].strip():
        raise ComponentError(COMPONENT, "search_name", "is empty")
    return {
        **params,
        "items": [
            {**item, "id": submenu_id, "current": current}
            for item, submenu_id, current in zip(items, ids, sections, strict=True)
        ],
        "search_label": search_label(params),
        "language_selector": language_selector(params),
        "has_nav": bool(items or secondary or params["language_selector"])
        or params["search_action"] is not None,
        "has_megamenu": any(item["megamenu"] for item in items),
    }
