"""Table rules: each cell is text, a number or a mapping; a sortable table's JS needs its parts.

A cell is given as a `str` (escaped text), an `int` or `float` (printed as text), or a mapping
with `text` or `html` (trusted Markup) and optional `sort_value` (USWDS's `data-sort-value`, which
the sort compares instead of the words: "Jun. 27, 1959" sorts by a timestamp) and `classes`. A
spec param has one type, so the rows are checked here. A Markup given as a bare cell is still
text, as in every text param: HTML enters only through `html`.

USWDS's sort script throws unless the table has a caption and is directly followed by its
announcement region; the caption is required here and the macro writes the region.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from ...errors import ComponentError

COMPONENT = "table"
_CELL_KEYS = frozenset({"text", "html", "sort_value", "classes"})


def _one_of_text_or_html(where: str, text: Any, html: Any, text_name: str, html_name: str):
    if (text is None) == (html is None):
        raise ComponentError(
            COMPONENT,
            where,
            f"give exactly one of {text_name} (plain text) or {html_name} (Markup)",
        )


def _number_text(where: str, value: Any) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ComponentError(
            COMPONENT, where, f"expected text or a number, got {type(value).__name__}"
        )
    return str.__str__(str(value))


def check_cell(where: str, cell: Any) -> dict[str, Any]:
    """One body cell, normalised to {text, html, sort_value, classes}."""
    if isinstance(cell, bool) or cell is None:
        raise ComponentError(
            COMPONENT,
            where,
            f'expected text, a number or a mapping, got {cell!r}; use "" for an empty cell',
        )
    if isinstance(cell, int | float | str):
        return {"text": _number_text(where, cell), "html": None, "sort_value": None, "classes": ""}
    if not isinstance(cell, Mapping):
        raise ComponentError(
            COMPONENT, where, f"expected text, a number or a mapping, got {type(cell).__name__}"
        )
    unknown = sorted(set(cell) - _CELL_KEYS)
    if unknown:
        known = ", ".join(sorted(_CELL_KEYS))
        raise ComponentError(COMPONENT, f"{where}.{unknown[0]}", f"unknown key (known: {known})")
    text, html = cell.get("text"), cell.get("html")
    _one_of_text_or_html(where, text, html, "text", "html")
    if html is not None and not hasattr(html, "__html__"):
        raise ComponentError(
            COMPONENT,
            f"{where}.html",
            f"expected markupsafe.Markup, got {type(html).__name__}; "
            "pass HTML you trust as Markup(...), or use text for plain text",
        )
    sort_value = cell.get("sort_value")
    classes = cell.get("classes", "")
    if not isinstance(classes, str):
        raise ComponentError(COMPONENT, f"{where}.classes", "expected text (str)")
    return {
        "text": None if text is None else _number_text(f"{where}.text", text),
        "html": None if html is None else Markup(html.__html__()),
        "sort_value": None
        if sort_value is None
        else _number_text(f"{where}.sort_value", sort_value),
        "classes": " ".join(classes.split()),
    }


def check_headers(headers: list[dict[str, Any]]) -> None:
    sorted_headers = []
    for index, header in enumerate(headers):
        where = f"headers[{index}]"
        _one_of_text_or_html(where, header["text"], header["html"], "text", "html")
        if header["sort"] is not None:
            if not header["sortable"]:
                raise ComponentError(
                    COMPONENT, f"{where}.sort", "is only for a sortable column: set sortable=True"
                )
            sorted_headers.append(where)
        # The stacked layout's data-label is plain text: an html header gives its words.
        header["label"] = header["text"] if header["html"] is None else header["html"].striptags()
    if len(sorted_headers) > 1:
        raise ComponentError(
            COMPONENT, f"{sorted_headers[1]}.sort", "only one column can be sorted at a time"
        )


def check_rows(rows: list[Any], columns: int) -> list[list[dict[str, Any]]]:
    checked = []
    for r, row in enumerate(rows):
        where = f"rows[{r}]"
        if isinstance(row, str | bytes | Mapping) or not isinstance(row, list | tuple):
            raise ComponentError(
                COMPONENT, where, f"expected a list of cells, got {type(row).__name__}"
            )
        if len(row) != columns:
            raise ComponentError(
                COMPONENT,
                where,
                f"has {len(row)} cell(s) but there are {columns} headers: "
                'give one cell per column (use "" for an empty cell)',
            )
        checked.append([check_cell(f"{where}[{c}]", cell) for c, cell in enumerate(row)])
    return checked


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    _one_of_text_or_html(
        "caption", params["caption"], params["caption_html"], "caption", "caption_html"
    )
    check_headers(params["headers"])
    params["rows"] = check_rows(params["rows"], len(params["headers"]))
    params["sortable"] = any(header["sortable"] for header in params["headers"])
    if params["scrollable"] and params["id"] is None:
        raise ComponentError(
            COMPONENT,
            "id",
            'is required for a scrollable table: its caption (id "<id>-caption") '
            "names the focusable scroll region",
        )
    params["caption_id"] = f"{params['id']}-caption" if params["scrollable"] else None
    return params
