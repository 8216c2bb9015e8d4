"""Modal rules: one description, a way out of a forced action, and footer buttons that close.

USWDS's JS names the dialog by its heading (`aria-labelledby`) and describes it by its text
(`aria-describedby`), and throws at start-up if either is missing, so both are required and their
ids derive from the `id` param (`<id>-heading`, `<id>-description`). A forced-action modal has no
close button and ignores Escape and the overlay: without a footer button the user would be stuck,
so one is required. Every footer button gets USWDS's `data-close-modal` (the JS closes the dialog
on it) and is a `<button type="button">` unless it is a link or says otherwise.
"""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError

COMPONENT = "modal"


def check_description(params: dict[str, Any]) -> None:
    text, html = params["text"], params["html"]
    if text is None and html is None:
        raise ComponentError(
            COMPONENT, "text", "one of text or html is required: it describes the dialog"
        )
    if text is not None and html is not None:
        raise ComponentError(COMPONENT, "html", "give text or html, not both")
    for name in ("heading", "opener_text", "text", "html"):
        value = params[name]
        if value is not None and not str(value).strip():
            raise ComponentError(COMPONENT, name, "is empty")


def footer_item(index: int, item: Any) -> dict[str, Any]:
    """The button component's params for one footer button, with USWDS's closing hook."""
    if not isinstance(item, dict):
        raise ComponentError(
            COMPONENT, f"footer[{index}]", "expected a mapping of the button component's params"
        )
    attributes = item.get("attributes") or {}
    if not isinstance(attributes, dict):
        raise ComponentError(COMPONENT, f"footer[{index}].attributes", "expected a mapping")
    button = {**item, "attributes": {**attributes, "data-close-modal": True}}
    if button.get("href") is None:
        button.setdefault("type", "button")
    return button


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_description(params)
    if params["forced_action"] and not params["footer"]:
        raise ComponentError(
            COMPONENT,
            "footer",
            "a forced-action modal has no close button and ignores Escape: give at least one "
            "footer button, or drop forced_action",
        )
    return {
        **params,
        "heading_id": f"{params['id']}-heading",
        "description_id": f"{params['id']}-description",
        "footer_items": [footer_item(i, item) for i, item in enumerate(params["footer"])],
    }
