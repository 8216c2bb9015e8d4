"""Cross-param rules of the page feedback form, and the values both it and the receiver use.

The form's fields are the radio, checkbox and character_count components, so their label, hint
and error wiring is the one every form control shares (components/fields.py). `prepare()` gives
each its params. The reasons' group id is `<id>-reasons` (its error `<id>-reasons-error`), not
`<id>-reason`: the checkboxes are `<id>-reason-<value>`, and a reason valued `error` or `hint`
would otherwise take the id of the group's message.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any
from urllib.parse import urlsplit

from ...errors import ComponentError
from ...page import nonce_attribute
from ...registry import get_spec
from ...urls import unsafe_url_reason

COMPONENT = "page_feedback"
# Field names the form itself uses: a CSRF field may not take one of them.
FORM_FIELDS = frozenset(
    {
        "helpful",
        "reason",
        "comment",
        "page_url",
        "lang",
        "step",
        "form_id",
        "website",
        "submission_id",
    }
)
HONEYPOT_FIELD = "website"
_TOKEN = re.compile(r"^[A-Za-z0-9_-]+$")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_STATE_ERRORS = {"ask": {"helpful", "form"}, "reasons": {"reason", "comment", "form"}}


def page_url_problem(url: str, allowed_hosts: Collection[str] | None = None) -> str | None:
    """Why `url` cannot be the page a feedback is about, or None when it can.

    The one rule for both the component and the receiver: a path on this site ("/about/",
    "about/", "?q=1") or an absolute http(s) URL with a host. `allowed_hosts` (the receiver's
    setting, lowercase host names) limits absolute URLs to those hosts; None (the component)
    lets any host through. Refused everywhere: control characters (CR and LF included),
    backslashes (browsers read "/\\evil" as "//evil"), "//host" with no scheme (another site),
    "https:host" with no "//", and user info ("https://good@evil").
    """
    if not url.strip():
        return "is empty"
    if len(url) > 2048:
        return "is longer than 2048 characters"
    # unsafe_url_reason drops tab, CR and LF as browsers do; here they are refused outright: a
    # page address has none, and they would split a log line or a header.
    if _CONTROL.search(url):
        return "control characters (tab, CR, LF, ...) are not allowed"
    reason = unsafe_url_reason(url)
    if reason:
        return reason
    if "\\" in url:
        return "backslashes are not allowed (browsers read them as '/')"
    # Browsers trim surrounding spaces: judge what they will follow.
    trimmed = url.strip()
    scheme = _SCHEME.match(trimmed)
    if not scheme:
        if trimmed.startswith("//"):
            return "a URL starting with '//' is another site's: give a path or an https:// URL"
        return None
    if scheme.group(1).lower() not in ("http", "https"):
        return f"scheme {scheme.group(1)!r} is not allowed (http, https, or relative)"
    if not trimmed[scheme.end() :].startswith("//"):
        return f"expected {scheme.group(1)}://host/..., with '//' and a host"
    parts = urlsplit(trimmed)
    try:
        host, _ = parts.hostname, parts.port
    except ValueError:
        return "has a port that is not a number"
    if not host:
        return "has no host"
    if "@" in parts.netloc:
        return "user info ('name@') is not allowed before the host"
    if allowed_hosts is not None and host not in allowed_hosts:
        return f"host {host!r} is not one of the allowed hosts"
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


def check_errors(errors: dict[str, Any], state: str) -> None:
    """Each error belongs to a field the state shows, and says something."""
    allowed = _STATE_ERRORS.get(state, set())
    for name, message in errors.items():
        if name not in allowed:
            where = f"the {state} state" if allowed else "the thanks state"
            raise ComponentError(COMPONENT, f"errors.{name}", f"is not shown in {where}")
        if not message.strip():
            raise ComponentError(
                COMPONENT, f"errors.{name}", "is blank; give the message, or leave it out"
            )


def fields(params: dict[str, Any], strings: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The params of the form's controls: `helpful` (radio), `reason` (checkbox) and
    `comment_field` (character_count)."""
    base = params["id"]
    lang = params["lang"]
    errors = params["errors"]
    selected = set(params["selected_reasons"])
    return {
        "helpful": {
            "id": f"{base}-helpful",
            "name": "helpful",
            "legend": strings["question"],
            "legend_large": True,
            "lang": lang,
            "error": errors.get("helpful"),
            "items": [
                {"label": strings[value], "value": value, "id": f"{base}-helpful-{value}"}
                for value in ("yes", "no")
            ],
        },
        "reason": {
            "id": f"{base}-reasons",
            "name": "reason",
            "legend": strings["reasons_legend"],
            "lang": lang,
            "error": errors.get("reason"),
            "items": [
                {
                    "label": reason["text"],
                    "value": reason["value"],
                    "id": f"{base}-reason-{reason['value']}",
                    "checked": reason["value"] in selected,
                }
                for reason in params["reasons"]
            ],
        },
        "comment_field": {
            "id": f"{base}-comment",
            "name": "comment",
            "element": "textarea",
            "rows": 5,
            "maxlength": params["comment_limit"],
            "label": strings["comment_label"],
            "hint": strings["comment_hint"],
            "value": params["comment_text"],
            "lang": lang,
            "error": errors.get("comment"),
            # page-feedback.js is the form's one script (a layout passing script=False loads
            # only it); it says USWDS's count in Spanish itself.
            "script": False,
        },
    }


def checked_page_url(url: str) -> str:
    problem = page_url_problem(url)
    if problem:
        raise ComponentError(COMPONENT, "page_url", problem)
    return url


def per_page(page_url: str, held: dict[str, Any]) -> str:
    """The page's URL, the form's per-page slot: page_url is the only rule that reads it."""
    return checked_page_url(page_url)


def prepare(params: dict[str, Any]) -> dict[str, Any]:
    checked_page_url(params["page_url"])
    reasons = params["reasons"]
    if reasons is None:
        reasons = default_reasons(params["lang"])
    check_reasons(reasons)
    values = {reason["value"] for reason in reasons}
    for index, selected in enumerate(params["selected_reasons"]):
        if not isinstance(selected, str) or selected not in values:
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
    check_errors(errors, params["state"])
    prepared = {**params, "reasons": reasons, "errors": errors}
    return {
        **prepared,
        **fields(prepared, get_spec(COMPONENT).strings[params["lang"]]),
        # The nonce param's type has already refused anything but base64.
        "nonce_attribute": nonce_attribute(params["nonce"]),
    }
