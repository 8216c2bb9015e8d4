"""Pagination rules: which pages get a slot, and each page's URL from the `href` pattern.

USWDS's twigs (`_pagination-numbers--default.twig` and `--unbounded.twig`) choose at most seven
slots: the first page, the current page and its neighbours, the last page when the total is
known, and an ellipsis wherever pages are skipped. `page_slots` states those rules once, as
arithmetic, so they hold at 24 pages or at a million (tests/test_pagination.py checks every pair
up to 200 and random ones up to 10⁶). Each ellipsis stands for two or more skipped pages: a gap
of one page would read better as that page, and the rules never make one.

A page's URL is the `href` pattern with `{page}` filled in, then checked again like every href:
the number cannot make a URL unsafe, but the check costs little and keeps the rule in one place.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ...urls import unsafe_url_reason

COMPONENT = "pagination"
PLACEHOLDER = "{page}"
MAX_SLOTS = 7


def page_slots(current: int, total: int | None) -> list[int | None]:
    """The page numbers to show, in order, with None for an ellipsis; `total` None: unbounded."""
    if total is None:
        # The total is unknown: the last slot is always an ellipsis for the pages beyond.
        if current <= 4:
            return [1, 2, 3, 4, 5, None]
        return [1, None, current - 1, current, current + 1, current + 2, None]
    if total <= MAX_SLOTS:
        return list(range(1, total + 1))
    if current <= 4:
        return [1, 2, 3, 4, 5, None, total]
    if current >= total - 3:
        return [1, None, *range(total - 4, total + 1)]
    return [1, None, current - 1, current, current + 1, None, total]


def page_href(pattern: str, page: int) -> str:
    href = pattern.replace(PLACEHOLDER, str(page))
    reason = unsafe_url_reason(href)
    if reason:
        raise ComponentError(COMPONENT, "href", f"unsafe URL {href!r} for page {page}: {reason}")
    return href


def check_pages(current: int, total: int | None) -> None:
    if total is not None and current > total:
        raise ComponentError(
            COMPONENT,
            "current",
            f"is {current}, past the last page (total={total}); give a page from 1 to {total}",
        )


def check_pattern(pattern: str) -> None:
    if PLACEHOLDER not in pattern:
        raise ComponentError(
            COMPONENT,
            "href",
            f"{pattern!r} has no {PLACEHOLDER}: write where the page number goes, "
            "such as '/news?page={page}'",
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    current, total, pattern = params["current"], params["total"], params["href"]
    check_pages(current, total)
    check_pattern(pattern)
    label = params["label"]
    if label is not None and not label.strip():
        raise ComponentError(COMPONENT, "label", "is empty; leave it out (None) for the default")
    slots = [
        None
        if page is None
        else {
            "page": page,
            "href": page_href(pattern, page),
            "current": page == current,
            "last": page == total,
        }
        for page in page_slots(current, total)
    ]
    return {
        **params,
        "slots": slots,
        "previous_href": page_href(pattern, current - 1) if current > 1 else None,
        "next_href": page_href(pattern, current + 1) if current != total else None,
    }
