"""Whole pages: the layout's helpers, and page() to render a page from a mapping."""

from __future__ import annotations

import functools
import types
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
OTHER_FIELDS = ("title", "lang", "content", "nonce", "errors")
PAGE_FIELDS = frozenset({*OTHER_FIELDS, *REGIONS})
LANGUAGES = ("en", "es")
# Types that are never a mapping: checked by type first, as isinstance(…, Mapping) goes through
# the ABC machinery (about 0.5 µs a value on every page).
_NOT_REGION_VALUES = frozenset(
    {
        str,
        int,
        float,
        list,
        tuple,
        type(None),
        Markup,
        # The environment's globals, which every template's context holds too.
        type,
        types.FunctionType,
        types.BuiltinFunctionType,
    }
)
# How close a name must be to a region's to be taken for a misspelling of it (difflib's ratio):
# "heder", "breadcrumbs", "skip_nav" and "feedback" are caught; "heading" and "alerts" are not.
_MISSPELT = 0.75


def page_fields(
    where: str,
    values: Mapping[str, Any],
    *,
    own_variables: bool = False,
    ignore: Mapping[str, Any] | None = None,
) -> str:
    """Check the page-level fields in `values` and return the page's language.

    `where` names the caller in errors ("page", "layout"). page() takes page fields only, so any
    other name is refused. A template extending the layout has variables of its own
    (`own_variables`): there, only a name that looks like a misspelt region is refused, one
    close to a region's name whose value is what a region takes (params, or False). Entries
    that are `ignore`'s own (the environment's globals) are not the page's.
    """
    # A template's own variables: only names close to a region's need a look, and the names a
    # site uses are few and the same on every page, so those found far from every region are
    # kept and taken out of each page's names at once (a set difference, in C).
    names = values.keys() - _FAR_FROM_REGIONS if own_variables else values.keys() - PAGE_FIELDS
    unknown = []
    for name in names:  # never a page field: _FAR_FROM_REGIONS starts as PAGE_FIELDS
        if own_variables:
            if misspelt_region(name) is None:
                if len(_FAR_FROM_REGIONS) < _FAR_FROM_REGIONS_LIMIT:
                    _FAR_FROM_REGIONS.add(name)
                continue
            value = values[name]
            if type(value) in _NOT_REGION_VALUES or not (
                value is False or isinstance(value, Mapping)
            ):
                continue
        if ignore is not None and name in ignore and ignore[name] is values[name]:
            continue
        unknown.append(name)
    for name in sorted(unknown):
        close = misspelt_region(name)
        hint = f"; did you mean {close!r}?" if close else ""
        raise ComponentError(
            where,
            name,
            f"unknown field{hint} (regions: {', '.join(REGIONS)}; "
            f"other fields: {', '.join(OTHER_FIELDS)})",
        )
    lang = values.get("lang") or "en"
    if lang not in LANGUAGES:
        raise ComponentError(where, "lang", f"must be one of 'en', 'es'; got {lang!r}")
    return lang


# Names that are neither a page field nor close to a region's (misspelt_region is None): a
# template variable with one of them is never taken for a region. Bounded, as a template could
# make names without end.
_FAR_FROM_REGIONS: set[str] = set(PAGE_FIELDS)
_FAR_FROM_REGIONS_LIMIT = 4096


@functools.lru_cache(maxsize=1024)
def misspelt_region(name: str) -> str | None:
    """The region `name` looks like a misspelling of, if any. Cached: a template's own variable
    names are the same on every page, and difflib costs 100 µs or more a name."""
    import difflib  # here: most processes never need it, and it is slow to import

    close = difflib.get_close_matches(name.lower(), REGIONS, n=1, cutoff=_MISSPELT)
    return close[0] if close else None


@jinja2.pass_context
def layout_lang(context: jinja2.runtime.Context, *unused: Any) -> str:
    """The layout's language, once its context passed page_fields(): called at its top.

    The layout calls it as a filter (`lang|uswds_layout_lang`), which Jinja calls directly; a
    global function goes through Context.call, about 1.4 µs more a page. The global stays for
    layouts of a site's own that call `uswds_layout_lang()`.
    """
    return page_fields(
        "layout", context.get_all(), own_variables=True, ignore=context.environment.globals
    )


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
    lang: str | None,
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
    lang = page_fields("page", values)
    title = values.get("title")
    if not isinstance(title, str) or not title.strip():
        raise ComponentError("page", "title", f"is required text, got {title!r}")
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
