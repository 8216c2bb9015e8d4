"""Tag rule: the tag's words are its only content, so blank text is refused."""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    if not params["text"].strip():
        raise ComponentError("tag", "text", "is empty: a tag shows a word or two, such as “New”")
    return params
