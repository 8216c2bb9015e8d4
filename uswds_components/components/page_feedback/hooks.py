"""Cross-param rules of the page feedback form, and the values both it and the receiver use."""

from __future__ import annotations

import re
from typing import Any

from ...errors import ComponentError
from ...page import nonce_attribute
from ...registry import get_spec
from ...urls import unsafe_url_reason

COMPONENT = "page_feedback"
# Field names the form itself uses: a CSRF field may not take one of them.
FORM_FIELDS = frozenset(
    {"helpful", "reason", "comment", "page_url", "lang", "step", "form_id", "website"}
)
HONEYPOT_FIELD = "website"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]+$")
_STATE_ERRORS = {"ask": {"helpful", "form"}, "reasons": {"reason", "comment", "form"}}


def page_url_problem(url: str) -> str | None:
    """Why `url` cannot be the page a feedback is about (http, https or relative only)."""
    if not url.strip():
        return "is empty"
    if len(url) > 2048:
        return "is longer than 2048 characters"
    reason = unsafe_url_reason(url)
    if reason:
        return reason
    scheme = url.strip().split(":", 1)[0].lower() if re.match(r"^\s*[A-Za-z][\w+.-]*:", url) else ""
    if scheme and scheme not in ("http", "https"):
        return f"scheme {scheme!r} is not allowed (http, https, or relative)"
    return None


def default_reasons(lang: str) -> list[dict[str, str]]:
    """The built-in reasons in `lang`, as `{value, text}`."""
    strings = get_spec(COMPONENT).strings[lang]["reasons"]
    return [{"value": value, "text": text} for value, text in strings.items()]


def check_reasons(reasons: list[dict[str, Any]], component: str = COMPONENT) -> None:
    """Reason values are unique tokens (they become ids and stored values) with a label."""
    seen: set[str] = set()
    for index, reason in enumerate(reasons):
        value = reason["value"]
        if not _TOKEN.match(value):
            raise ComponentError(
                component,
                f"reasons[{index}].value",
                f"expected letters, digits, '-' or '_', got {value!r}",
            )
        if value in seen:
            raise ComponentError(component, f"reasons[{index}].value", f"duplicate {value!r}")
        if not reason["text"].strip():
            raise ComponentError(component, f"reasons[{index}].text", "is empty")
        seen.add(value)


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    problem = page_url_problem(params["page_url"])
    if problem:
        raise ComponentError(COMPONENT, "page_url", problem)
    reasons = params["reasons"]
    if reasons is None:
        reasons = default_reasons(params["lang"])
    check_reasons(reasons)
    values = {reason["value"] for reason in reasons}
    for index, selected in enumerate(params["selected_reasons"]):
        if selected not in values:
            raise ComponentError(
                COMPONENT, f"selected_reasons[{index}]", f"{selected!r} is not one of the reasons"
            )
    if not _TOKEN.match(params["csrf_field"]) or params["csrf_field"] in FORM_FIELDS:
        raise ComponentError(
            COMPONENT,
            "csrf_field",
            f"expected a field name of letters, digits, '-' or '_' that the form does not use "
            f"({', '.join(sorted(FORM_FIELDS))}); got {params['csrf_field']!r}",
        )
    errors = {name: message for name, message in (params["errors"] or {}).items() if message}
    allowed = _STATE_ERRORS.get(params["state"], set())
    for name in errors:
        if name not in allowed:
            where = f"the {params['state']} state" if allowed else "the thanks state"
            raise ComponentError(COMPONENT, f"errors.{name}", f"is not shown in {where}")
    return {
        **params,
        "reasons": reasons,
        "errors": errors,
        # The nonce param's type has already refused anything but base64.
        "nonce_attribute": nonce_attribute(params["nonce"]),
    }
