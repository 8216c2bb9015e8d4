"""In-page navigation rules: the server-rendered list, and data attributes USWDS's JS can read.

USWDS's JS builds the list in the browser from the content's headings, so without JS, and for
search engines, there is none. Given `headings`, the list is rendered here instead, and the
aside carries `data-enhanced="true"`: USWDS's JS skips an aside so marked (its `createInPageNav`
returns at once), so no second list is built.

USWDS's JS passes every data attribute through its HTML escaper before use: a content selector
holding `>` or `&` would reach `querySelector` as `&gt;` and throw. Such values are refused here.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import ComponentError
from ...registry import get_spec

COMPONENT = "in_page_navigation"
DEFAULT_HEADING_ELEMENTS = ("h2", "h3")
DEFAULT_MINIMUM_HEADING_COUNT = 2
HEADING_ELEMENTS = ("h1", "h2", "h3", "h4", "h5", "h6")
# What USWDS's Sanitizer.escapeHTML changes: a value holding one would not survive it.
_ESCAPED_BY_USWDS = re.compile(r"[&<>\"'`]")
# IntersectionObserver's rootMargin: one to four lengths in px or %.
_ROOT_MARGIN = re.compile(r"^-?\d+(\.\d+)?(px|%)( -?\d+(\.\d+)?(px|%)){0,3}$")


def not_blank(name: str, value: str | None, what: str) -> None:
    if value is not None and not value.strip():
        raise ComponentError(COMPONENT, name, f"is empty; {what}")


def heading_elements(value: str | None) -> tuple[str, ...]:
    if value is None:
        return DEFAULT_HEADING_ELEMENTS
    names = tuple(value.lower().split())
    wrong = [name for name in names if name not in HEADING_ELEMENTS]
    if not names or wrong:
        raise ComponentError(
            COMPONENT,
            "heading_elements",
            f"expected heading names from {' '.join(HEADING_ELEMENTS)} separated by spaces, "
            f"as USWDS's JS reads them (no commas); got {value!r}",
        )
    return names


def check_script_safe(params: dict[str, Any]) -> None:
    for name in ("main_content_selector", "title"):
        value = params[name]
        if value is not None and _ESCAPED_BY_USWDS.search(value):
            raise ComponentError(
                COMPONENT,
                name,
                f"holds one of & < > \" ' `, which USWDS's JS HTML-escapes before use "
                f"(a selector then fails, a title shows the escape); got {value!r}",
            )


def check_observer(root_margin: str, threshold: str) -> None:
    if not _ROOT_MARGIN.match(root_margin):
        raise ComponentError(
            COMPONENT,
            "root_margin",
            f"expected one to four lengths in px or %, as IntersectionObserver's rootMargin "
            f'("0px 0px -50% 0px"); got {root_margin!r}',
        )
    try:
        number = float(threshold)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise ComponentError(
            COMPONENT, "threshold", f'expected a number from 0 to 1 ("0.5"); got {threshold!r}'
        )


def has_id(html: str, target: str) -> bool:
    pattern = r"""\sid\s*=\s*(["']?)""" + re.escape(target) + r"""\1(?=[\s/>])"""
    return re.search(pattern, html) is not None


def check_headings(params: dict[str, Any], accepted: tuple[str, ...]) -> list[dict[str, Any]]:
    """The server-rendered links: each names a heading of an accepted level, ids unique."""
    headings = params["headings"]
    seen: dict[str, int] = {}
    for index, heading in enumerate(headings):
        where = f"headings[{index}]"
        not_blank(f"{where}.text", heading["text"], "it is the link's text")
        if f"h{heading['level']}" not in accepted:
            raise ComponentError(
                COMPONENT,
                f"{where}.level",
                f"h{heading['level']} is not among the heading elements ({' '.join(accepted)}); "
                "USWDS's JS would leave it out of the list it builds",
            )
        if heading["id"] in seen:
            raise ComponentError(
                COMPONENT,
                f"{where}.id",
                f"{heading['id']!r} is already headings[{seen[heading['id']]}]'s id; "
                "each heading needs its own",
            )
        seen[heading["id"]] = index
        html = params["html"]
        if html is not None and not has_id(str(html), heading["id"]):
            raise ComponentError(
                COMPONENT,
                f"{where}.id",
                f"no element in html has id {heading['id']!r}: the link would lead nowhere",
            )
    minimum = params["minimum_heading_count"] or DEFAULT_MINIMUM_HEADING_COUNT
    if len(headings) < minimum:
        raise ComponentError(
            COMPONENT,
            "headings",
            f"has {len(headings)} heading(s), fewer than minimum_heading_count ({minimum}): "
            "USWDS shows no in-page navigation then; leave the component out",
        )
    top = headings[0]["level"]
    return [{**heading, "primary": heading["level"] == top} for heading in headings]


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    not_blank("title", params["title"], "leave it out (None) for the default")
    not_blank("main_content_selector", params["main_content_selector"], "leave it out for main")
    check_script_safe(params)
    check_observer(params["root_margin"], params["threshold"])
    accepted = heading_elements(params["heading_elements"])
    if params["main"] and params["html"] is None:
        raise ComponentError(COMPONENT, "main", "wraps the html param's content; give html too")
    html = params["html"]
    if html is not None and not str(html).strip():
        raise ComponentError(COMPONENT, "html", "is empty; leave it out instead")
    headings = None if params["headings"] is None else check_headings(params, accepted)
    strings = get_spec(COMPONENT).strings[params["lang"]]
    return {
        **params,
        "headings": headings,
        "title": strings["title"] if params["title"] is None else params["title"],
        "heading_elements": None
        if params["heading_elements"] is None
        else " ".join(heading_elements(params["heading_elements"])),
    }
