"""Whole pages: the layout's helpers, and page() to render a page from a mapping."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2
from markupsafe import Markup

from .errors import ComponentError
from .registry import get_spec
from .spec import NONCE_PATTERN

REGIONS = (
    "skipnav",
    "banner",
    "header",
    "site_alert",
    "breadcrumb",
    "archive_notice",
    "last_updated",
    "page_feedback",
    "footer",
    "identifier",
)
PAGE_FIELDS = frozenset({"title", "lang", "content", "nonce", *REGIONS})
LANGUAGES = ("en", "es")


def nonce_attribute(nonce: Any) -> Markup:
    """` nonce="…"` for a script tag, or nothing when there is no nonce."""
    if nonce is None or isinstance(nonce, jinja2.Undefined):
        return Markup("")
    if not isinstance(nonce, str) or not NONCE_PATTERN.match(nonce):
        raise ComponentError("page", "nonce", f"expected a base64 CSP nonce, got {nonce!r}")
    return Markup(' nonce="{}"').format(nonce)


def region_params(
    component: str,
    value: Any,
    lang: str,
    *,
    default_on: bool = False,
    nonce: Any = None,
) -> dict[str, Any] | None:
    """The params of one layout region, or None when it is off.

    `value` is the component's params, False (off) or None/undefined (its default); the page's
    `lang` (and `nonce`, where the component takes one) fill in what the value leaves out.
    """
    if value is False:
        return None
    if value is None or isinstance(value, jinja2.Undefined):
        if not default_on:
            return None
        value = {}
    if not isinstance(value, Mapping):
        raise ComponentError(
            "page", component, f"expected a mapping of params, False or None; got {value!r}"
        )
    params = dict(value)
    spec_params = get_spec(component).params
    if "lang" in spec_params and lang is not None:
        params.setdefault("lang", lang)
    if "nonce" in spec_params and nonce is not None and not isinstance(nonce, jinja2.Undefined):
        params.setdefault("nonce", nonce)
    return params


def page(
    data: Mapping[str, Any] | None = None,
    /,
    *,
    environment: jinja2.Environment | None = None,
    **fields: Any,
) -> Markup:
    """Render a whole page: the layout's regions from `data` (and/or keyword fields).

    `title` is required; `content` (Markup) fills the main column; each region takes the params
    of its component, False to switch it off, or None for its default.
    """
    from .environment import default_environment

    values = {**(data or {}), **fields}
    unknown = sorted(set(values) - PAGE_FIELDS)
    if unknown:
        known = ", ".join(sorted(PAGE_FIELDS))
        raise ComponentError("page", unknown[0], f"unknown field (known: {known})")
    title = values.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ComponentError("page", "title", f"is required text, got {title!r}")
    lang = values.get("lang") or "en"
    if lang not in LANGUAGES:
        raise ComponentError("page", "lang", f"must be one of 'en', 'es'; got {lang!r}")
    content = values.get("content", Markup(""))
    if not hasattr(content, "__html__"):
        raise ComponentError(
            "page", "content", f"expected markupsafe.Markup, got {type(content).__name__}"
        )
    env = environment or default_environment()
    html = env.get_template("uswds/layouts/content.html").render(
        {**values, "title": str.__str__(title), "lang": lang, "content": content}
    )
    return Markup(html)
