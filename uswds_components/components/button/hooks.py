"""Button rules: a <button> needs its type, a link has none, and "disabled" must be true.

A <button> with no `type` submits its form, which a button meant to open something does by
surprise: the type is required, so the page's author chooses. `aria-disabled` (USWDS's way, which
keeps the control focusable) disables nothing by itself: a click still submits or follows. So a
disabled button may only be `type="button"`, and a disabled link is rendered without its href.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError
from ..rules import text_or_html

COMPONENT = "button"
# Our variant names -> USWDS's modifier classes.
VARIANT_CLASSES = {
    "default": "",
    "secondary": "usa-button--secondary",
    "accent-cool": "usa-button--accent-cool",
    "accent-warm": "usa-button--accent-warm",
    "base": "usa-button--base",
    "outline": "usa-button--outline",
    "outline-inverse": "usa-button--outline usa-button--inverse",
    "unstyled": "usa-button--unstyled",
}


def check_content(params: dict[str, Any]) -> None:
    text_or_html(COMPONENT, "", params, empty="is empty: a button needs a visible label")


def check_type(params: dict[str, Any]) -> None:
    kind, href = params["type"], params["href"]
    if href is not None:
        if kind is not None:
            raise ComponentError(
                COMPONENT, "type", "a link (href) has no type; leave type out, or drop href"
            )
        if not href.strip():
            raise ComponentError(COMPONENT, "href", "is empty; give the page's URL")
        return
    if kind is None:
        raise ComponentError(
            COMPONENT,
            "type",
            "is required for a <button>: 'submit' sends its form, 'reset' clears it, "
            "'button' does neither (for a script); or give href for a link",
        )
    if params["disabled"] and kind in ("submit", "reset"):
        raise ComponentError(
            COMPONENT,
            "type",
            f"a disabled button cannot be type={kind!r}: aria-disabled does not stop a click, "
            "so it would still act; use type='button' while it is disabled",
        )


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_content(params)
    check_type(params)
    modifiers = (VARIANT_CLASSES[params["variant"]], "usa-button--big" if params["big"] else "")
    names = " ".join(name for name in ("usa-button", *modifiers) if name)
    return {**params, "class_names": names}
