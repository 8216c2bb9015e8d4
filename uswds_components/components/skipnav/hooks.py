"""The skip link's target must be a fragment naming an id on the same page."""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    target = params["target"]
    # USWDS's JS focuses the element whose id the fragment names; anything else skips nowhere.
    if not target.startswith("#") or len(target) < 2 or any(ch.isspace() for ch in target):
        raise ComponentError(
            "skipnav",
            "target",
            f"expected a fragment naming an id, like '#main-content'; got {target!r}",
        )
    return params
