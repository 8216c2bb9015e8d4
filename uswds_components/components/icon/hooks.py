"""Icon rules: the name must be a symbol of USWDS's sprite, and a title may not be blank.

`<use href="sprite.svg#NAME">` with a misspelt NAME fails silently: the browser draws nothing and
logs nothing. So the name is checked against the symbol ids of the sprite this package ships
(USWDS 3.14's `img/sprite.svg`), read once and cached.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ...assets import path as assets_path
from ...errors import ComponentError

COMPONENT = "icon"
_SYMBOL_ID = re.compile(r'<symbol\b[^>]*?\bid="([^"]+)"')


@functools.cache
def sprite_names() -> frozenset[str]:
    """The symbol ids of USWDS's sprite: every icon name `<use href>` can point at."""
    sprite = assets_path() / "img" / "sprite.svg"  # the bundle, its USWDS version checked
    return frozenset(_SYMBOL_ID.findall(sprite.read_text(encoding="utf-8")))


def check_name(component: str, path: str, name: str) -> None:
    """Refuse a name the sprite lacks; shared with every component that draws an icon."""
    if name not in sprite_names():
        raise ComponentError(
            component,
            path,
            f"{name!r} is not an icon of USWDS 3.14's sprite: use a name from "
            "https://designsystem.digital.gov/components/icon/ (e.g. 'check_circle')",
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_name(COMPONENT, "name", params["name"])
    if params["title"] is not None and not params["title"].strip():
        raise ComponentError(COMPONENT, "title", "is empty: leave it out for a decorative icon")
    return params
