"""Prose rule: the wrapper holds the site's HTML and nothing else, so blank HTML is refused.

`html` must be `markupsafe.Markup` (the spec's `html` type): the site states that the CMS's HTML
is trusted (sanitised where it was written); a plain string is refused, never guessed at.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    if not str(params["html"]).strip():
        raise ComponentError("prose", "html", "is empty: give the content's HTML as Markup")
    return params
