"""Link rules: words to click and somewhere to go.

A link with blank text has no accessible name (screen readers read out the URL instead), and one
with a blank href is a link to the page itself: both are refused.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    text, html = params["text"], params["html"]
    if text is None and html is None:
        raise ComponentError("link", "text", "one of text or html is required")
    if text is not None and html is not None:
        raise ComponentError("link", "html", "give text or html, not both")
    for name in ("text", "html"):
        value = params[name]
        if value is not None and not str(value).strip():
            raise ComponentError(
                "link", name, "is empty: a link needs words that say where it goes"
            )
    if not params["href"].strip():
        raise ComponentError("link", "href", "is empty; give the page's URL")
    return params
