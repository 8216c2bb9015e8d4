"""Hero rules: no blank words, and a background image URL that cannot leave its CSS `url()`.

A given `image` goes into an inline `style="background-image: url('…')"`. The shared URL
allow-list stops `javascript:` and `data:`, but inside CSS a quote, bracket, backslash, semicolon
or space would end the `url('…')` and let the rest of the value write CSS of its own (another
`background`, or `url()` requests to any host). HTML escaping does not help: the browser unescapes
the attribute before the CSS parser reads it. So such characters are refused (percent-encode them,
as a URL may), and `mailto:`/`tel:`, which are no images, are refused too.
"""

from __future__ import annotations

import re
from typing import Any

from ...errors import ComponentError

COMPONENT = "hero"
_CSS_BREAKING = re.compile(r"[\s\"'()\\;<>{}]")
_NOT_IMAGES = re.compile(r"^\s*(mailto|tel):", re.IGNORECASE)


def check_image(url: str) -> None:
    if not url.strip():
        raise ComponentError(COMPONENT, "image", "is empty: leave it out for USWDS's default image")
    found = _CSS_BREAKING.search(url)
    if found:
        raise ComponentError(
            COMPONENT,
            "image",
            f"holds {found.group()!r}, which would end the CSS url(): percent-encode it",
        )
    if _NOT_IMAGES.match(url):
        raise ComponentError(COMPONENT, "image", "must be an http(s) or relative image URL")


def check_words(params: dict[str, Any]) -> None:
    for name in ("heading", "callout", "text", "label"):
        value = params[name]
        if value is not None and not value.strip():
            raise ComponentError(COMPONENT, name, "is empty: leave it out instead")
    button = params["button"]
    if button is not None and not button["text"].strip():
        raise ComponentError(COMPONENT, "button.text", "is empty: say where the button goes")


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_words(params)
    if params["image"] is not None:
        check_image(params["image"])
    return params
