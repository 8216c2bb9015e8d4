"""Language selector rules: each option names its language in that language, and says so.

Every option carries the BCP 47 tag of the page it leads to twice: `lang` on its text, so a
screen reader reads “Español” with a Spanish voice, and `hreflang` on the link, which says what
language the linked page is in. A tag is checked for its shape only (`es`, `zh-Hans`, `pt-BR`),
since a wrong shape (`spanish`, `es_MX`) makes the reader fall back to the page's own voice
silently. Two options with the same tag would be two ways to one language: refused.

One option is the two-language case: a single link to the other language. Two or more make the
dropdown, whose submenu stays in the HTML unhidden (see language-selector.js in the package's
static files for how it is hidden once USWDS's JS is present).
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import ComponentError
from ...page import nonce_attribute
from ...registry import get_spec

COMPONENT = "language_selector"
# BCP 47's common shape: a language of 2 or 3 letters, then subtags (script, region, variant).
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def check_item(index: int, item: dict[str, Any], seen: dict[str, int]) -> None:
    where = f"items[{index}]"
    if not item["text"].strip():
        raise ComponentError(COMPONENT, f"{where}.text", "is empty: it names the language")
    tag = item["lang"]
    if not _LANGUAGE_TAG.match(tag):
        raise ComponentError(
            COMPONENT,
            f"{where}.lang",
            f"{tag!r} is not a BCP 47 language tag; use one such as 'es', 'zh-Hans' or 'pt-BR'",
        )
    if tag.lower() in seen:
        raise ComponentError(
            COMPONENT,
            f"{where}.lang",
            f"{tag!r} is already the language of items[{seen[tag.lower()]}]; "
            "give each language one option",
        )
    seen[tag.lower()] = index
    if not item["href"].strip():
        raise ComponentError(COMPONENT, f"{where}.href", "is empty; give the translated page's URL")
    translation = item["translation"]
    if translation is not None and not translation.strip():
        raise ComponentError(COMPONENT, f"{where}.translation", "is empty; leave it out")


def check_dropdown_only(params: dict[str, Any]) -> None:
    """`label`, `more` and a translation belong to the dropdown: one option has none."""
    for name in ("label", "more"):
        if params[name] is not None:
            raise ComponentError(
                COMPONENT,
                name,
                "is for the dropdown of two or more languages; with one option the link's "
                "text is the language's own name",
            )
    if params["items"][0]["translation"] is not None:
        raise ComponentError(
            COMPONENT,
            "items[0].translation",
            "is for the dropdown; the single link shows only the language's own name",
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    items = params["items"]
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        check_item(index, item, seen)
    strings = get_spec(COMPONENT).strings[params["lang"]]
    label = params["label"]
    if label is not None and not label.strip():
        raise ComponentError(COMPONENT, "label", "is empty; leave it out (None) for the default")
    more = params["more"]
    if len(items) == 1:
        check_dropdown_only(params)
    elif more is not None:
        if more["text"] is not None and not more["text"].strip():
            raise ComponentError(COMPONENT, "more.text", "is empty; leave it out for the default")
        more = {**more, "text": more["text"] or strings["more"]}
    return {
        **params,
        "dropdown": len(items) > 1,
        "button_label": strings["label"] if label is None else label,
        "more": more,
        "nonce_attribute": nonce_attribute(params["nonce"]),
    }
