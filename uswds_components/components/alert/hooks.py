"""Rules the alert and the site alert share: what the body holds, and the default ARIA role."""

from __future__ import annotations

from typing import Any

from ...errors import ComponentError

# USWDS's ARIA role guidance: `alert` for messages that need immediate attention (its twig's
# error and emergency content), `status` for advisory ones such as success. Info and warning get
# no live role by default, exactly as the twig; `region` is for the site to choose, with a name.
DEFAULT_ROLES = {"error": "alert", "emergency": "alert", "success": "status"}
NAMING_ATTRIBUTES = ("aria-label", "aria-labelledby")


def check_body(component: str, params: dict[str, Any]) -> None:
    """Exactly one of `text` or `html`; no blank text; and a slim alert has no heading."""
    text, html = params["text"], params["html"]
    if text is None and html is None:
        raise ComponentError(component, "text", "one of text or html is required")
    if text is not None and html is not None:
        raise ComponentError(component, "html", "give text or html, not both")
    for name in ("text", "html", "heading"):
        value = params[name]
        if value is not None and not str(value).strip():
            raise ComponentError(component, name, "is empty; leave it out (None) instead")
    if params["slim"] and params["heading"] is not None:
        raise ComponentError(
            component, "heading", "a slim alert has no heading; drop slim=True or the heading"
        )


def refuse_blank(component: str, params: dict[str, Any], name: str) -> None:
    value = params[name]
    if value is not None and not value.strip():
        raise ComponentError(component, name, "is empty; leave it out (None) for the default")


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    check_body("alert", params)
    role = params["role"]
    if role is None:
        role = DEFAULT_ROLES.get(params["status"])
    elif role == "none":
        role = None
    elif role == "region" and not any(
        value and name.lower() in NAMING_ATTRIBUTES for name, value in params["attributes"].items()
    ):
        raise ComponentError(
            "alert",
            "role",
            'role="region" needs a name: pass attributes={"aria-label": "…"} or '
            '{"aria-labelledby": "<id>"}',
        )
    return {**params, "role": role}
