"""Breadcrumb rules: every ancestor links, the current page does not; JSON-LD built safely.

The JSON-LD is made here with json.dumps, then `<`, `>` and `&` are written as \\u escapes, so a
title holding `</script>` or `<!--` cannot end or alter the script element it sits in.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from ...errors import ComponentError
from ...page import nonce_attribute
from ...registry import get_spec

COMPONENT = "breadcrumb"
# In a <script> element only these can end it or open a comment; JSON allows \u escapes for all.
# U+2028/2029 too: they end a line in older JavaScript, should a script ever eval the JSON.
_SCRIPT_SAFE = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def is_absolute(url: str) -> bool:
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def checked_text(text: str, index: int) -> str:
    if not text.strip():
        raise ComponentError(COMPONENT, f"items[{index}].text", "is empty")
    return text


def per_page(text: str, held: dict[str, Any]) -> str:
    """The current page's title, the per-page slot: only its emptiness is a rule of its own
    (the hrefs' rules read where an item is, not its text)."""
    return checked_text(text, len(held["items"]) - 1)


def check_items(items: list[dict[str, Any]]) -> None:
    last = len(items) - 1
    for index, item in enumerate(items):
        checked_text(item["text"], index)
        href = item["href"]
        where = f"items[{index}].href"
        if index == last and href is not None:
            raise ComponentError(
                COMPONENT,
                where,
                "the last item is the current page and has no href (USWDS shows it as text "
                'with aria-current="page"); leave the href out',
            )
        if index < last and href is None:
            raise ComponentError(
                COMPONENT, where, "is required: every item before the current page links to it"
            )
        if href is not None and not href.strip():
            raise ComponentError(COMPONENT, where, "is empty; give the page's URL")


def json_ld(items: list[dict[str, Any]], base_url: str | None) -> Markup:
    """A schema.org BreadcrumbList, safe to place inside <script type="application/ld+json">."""
    elements = []
    for index, item in enumerate(items):
        element: dict[str, Any] = {"@type": "ListItem", "position": index + 1, "name": item["text"]}
        href = item["href"]
        if href is not None:  # the current page's entry needs no URL
            if is_absolute(href):
                element["item"] = href.strip()
            elif base_url is None:
                raise ComponentError(
                    COMPONENT,
                    "base_url",
                    f"is required for structured_data='json-ld' when an href is relative "
                    f"(items[{index}].href is {href!r}): JSON-LD needs absolute URLs",
                )
            else:
                element["item"] = urljoin(base_url, href.strip())
        elements.append(element)
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": elements,
    }
    return Markup(json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE))


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_items(params["items"])
    label = params["label"]
    if label is not None and not label.strip():
        raise ComponentError(COMPONENT, "label", "is empty; leave it out (None) for the default")
    base_url = params["base_url"]
    if base_url is not None:
        if params["structured_data"] != "json-ld":
            raise ComponentError(
                COMPONENT, "base_url", "is used only with structured_data='json-ld'"
            )
        if not is_absolute(base_url):
            raise ComponentError(
                COMPONENT,
                "base_url",
                f"expected an absolute http(s) URL such as 'https://www.dhs.gov/'; "
                f"got {base_url!r}",
            )
    strings = get_spec(COMPONENT).strings[params["lang"]]
    structured = params["structured_data"] == "json-ld"
    return {
        **params,
        "aria_label": strings["aria_label"] if label is None else label,
        "json_ld": json_ld(params["items"], base_url) if structured else None,
        "nonce_attribute": nonce_attribute(params["nonce"]),
    }
