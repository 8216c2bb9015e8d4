"""The Jinja environment: package templates, the validating global, and the escaping filters."""

from __future__ import annotations

import datetime as dt
import functools
import marshal
from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .errors import ComponentError
from .page import layout_lang, nonce_attribute, region_params
from .registry import all_specs, get_spec

PACKAGE_DIR = Path(__file__).parent
TEMPLATE_PREFIX = "uswds"
DEFAULT_ASSETS_URL = "/assets/uswds"
DEFAULT_IMAGES_URL = f"{DEFAULT_ASSETS_URL}/img"
DEFAULT_STATIC_URL = "/assets/uswds-components"


def create_environment(
    *,
    assets_url: str = DEFAULT_ASSETS_URL,
    images_url: str | None = None,
    static_url: str = DEFAULT_STATIC_URL,
    **jinja_options: Any,
) -> jinja2.Environment:
    """A Jinja environment with autoescape on and every component available.

    `jinja_options` go to `jinja2.Environment`; a `loader` given there is searched before the
    package templates, so a site's own templates and ours live side by side. This signature also
    fits Django's Jinja2 backend (`"environment": "uswds_components.create_environment"`).
    URL prefixes: `assets_url` is where USWDS's `dist/` (css, js, img, fonts) is served,
    `images_url` its images (default `<assets_url>/img`), and `static_url` this package's own
    `static/` files (our scripts and CSS fixes).
    """
    jinja_options.setdefault("autoescape", True)
    env = jinja2.Environment(**jinja_options)
    return configure_environment(
        env, assets_url=assets_url, images_url=images_url, static_url=static_url
    )


def configure_environment(
    env: jinja2.Environment,
    *,
    assets_url: str = DEFAULT_ASSETS_URL,
    images_url: str | None = None,
    static_url: str = DEFAULT_STATIC_URL,
) -> jinja2.Environment:
    """Add the package templates, globals and filters to an existing environment (e.g. Flask's).

    The components escape their own output, so they stay safe even where autoescape is off.
    """
    package_loader = jinja2.PrefixLoader(
        {
            TEMPLATE_PREFIX: jinja2.ChoiceLoader(
                [jinja2.FunctionLoader(_generated_template), jinja2.FileSystemLoader(PACKAGE_DIR)]
            )
        }
    )
    env.loader = (
        package_loader if env.loader is None else jinja2.ChoiceLoader([env.loader, package_loader])
    )
    env.globals.update(
        uswds_params=component_params,
        uswds_strings=component_strings,
        uswds_assets_url=assets_url.rstrip("/"),
        uswds_images_url=(images_url or f"{assets_url.rstrip('/')}/img").rstrip("/"),
        uswds_static_url=static_url.rstrip("/"),
        uswds_region=region_global,
        uswds_nonce_attribute=nonce_attribute,
        uswds_layout_lang=layout_lang,
    )
    env.filters.update(
        uswds_attributes=attributes_html,
        uswds_classes=classes_html,
        uswds_region=region_html,
        uswds_nonce_attribute=nonce_attribute,
    )
    # A new loader may serve other templates: nothing rendered before may be reused.
    env.__dict__.pop(_MEMO_ATTRIBUTE, None)
    return env


def component_params(component: str, given: Mapping[str, Any], positional: tuple = ()) -> dict:
    """Called at the top of every macro: validates its keyword arguments against the spec."""
    if positional:
        raise ComponentError(
            component, None, f"takes keyword arguments only, got {len(positional)} positional"
        )
    return get_spec(component).validate(given)


def component_strings(component: str, lang: str) -> Mapping[str, Any]:
    """The component's built-in strings in `lang` (already validated by the param)."""
    return get_spec(component).strings[lang]


def attributes_html(attributes: Mapping[str, Any]) -> Markup:
    """` name="value"` pairs, escaped; True gives a bare boolean attribute, False/None nothing."""
    parts = []
    for name, value in attributes.items():
        if value is None or value is False:
            continue
        if value is True:
            parts.append(Markup(" {}").format(name))
        else:
            parts.append(Markup(' {}="{}"').format(name, value))
    return Markup("").join(parts)


def classes_html(classes: str) -> Markup:
    """Extra classes appended inside a class attribute, with the separating space."""
    return Markup(" {}").format(classes) if classes else Markup("")


def _generated_template(name: str) -> str | None:
    # "uswds/components.html" exposes every component under its short name: usa.banner(...).
    if name != "components.html":
        return None
    lines = []
    for component in all_specs().values():
        lines.append(
            f'{{% from "{component.template}" import {component.macro_name} %}}'
            f"{{% set {component.name} = {component.macro_name} %}}"
        )
    return "\n".join(lines)


@functools.cache
def default_environment() -> jinja2.Environment:
    """The environment `render()` uses: package templates only, so never reloaded."""
    return create_environment(auto_reload=False)


def render_in(env: jinja2.Environment, name: str, /, **params: Any) -> Markup:
    """Render component `name` with keyword `params`, using the given environment."""
    return memoised_render(env, name, params)


# --- memoised renders ------------------------------------------------------------------------
#
# A component's output is a pure function of its params and of the environment's settings, so a
# render is kept and reused when the same params come again: the banner, skip link, header and
# footer of a site then cost a lookup after the first page. The memo is filled only after a
# render succeeded, so a hit means these exact params were validated before, and bad params
# always take the full path and raise. The key is a lossless form of the params: exact types
# only (str and Markup, 1 and True, 0.0 and -0.0 never share an entry); anything else is
# rendered without the memo.

MEMO_SIZE = 1024
_MEMO_ATTRIBUTE = "_uswds_memo"
_MAX_DEPTH = 32
_EXACT_SCALARS = frozenset({str, int, bool, type(None), bytes})


class _RenderMemo:
    """One environment's kept renders (first in, first out once full)."""

    __slots__ = ("entries", "owner")

    def __init__(self, owner: jinja2.Environment) -> None:
        self.owner = owner
        self.entries: dict[Hashable, Markup] = {}

    def store(self, key: Hashable, html: Markup) -> None:
        if len(self.entries) >= MEMO_SIZE:
            del self.entries[next(iter(self.entries))]
        self.entries[key] = html


def _memo_of(env: jinja2.Environment) -> _RenderMemo:
    memo = env.__dict__.get(_MEMO_ATTRIBUTE)
    # Environment.overlay() copies __dict__: an overlay gets a memo of its own.
    if memo is None or memo.owner is not env:
        memo = _RenderMemo(env)
        setattr(env, _MEMO_ATTRIBUTE, memo)
    return memo


class _NotCanonical(Exception):
    pass


def canonical_params(params: Mapping[str, Any]) -> Hashable | None:
    """A hashable form of `params` equal only for params that render the same, or None."""
    try:
        # marshal takes exact builtin types only (no str subclass such as Markup, no dates),
        # keeps dict order and tells True from 1 and 0.0 from -0.0: a lossless key, made in C.
        return marshal.dumps(params, 2)
    except ValueError:
        pass
    try:
        return _frozen(params, 0)
    except _NotCanonical:
        return None


def _frozen(value: Any, depth: int) -> Hashable:
    kind = type(value)
    if kind in _EXACT_SCALARS:
        return (kind, value)
    if depth > _MAX_DEPTH:
        raise _NotCanonical
    if kind is Markup:
        return (Markup, str.__str__(value))
    if kind is float:
        return (float, repr(value))
    if kind is dict:
        return (
            dict,
            tuple((_frozen(k, depth + 1), _frozen(v, depth + 1)) for k, v in value.items()),
        )
    if kind is list or kind is tuple:
        return (kind, tuple(_frozen(item, depth + 1) for item in value))
    if kind is dt.date:
        return (dt.date, value.isoformat())
    if kind is dt.datetime:
        # Aware datetimes compare equal across zones; their local dates (what renders) differ.
        return (dt.datetime, value.isoformat())
    raise _NotCanonical


def memoised_render(env: jinja2.Environment, component: str, params: dict[str, Any]) -> Markup:
    """Component `component` rendered with `params` as Markup, reused when the same params and
    settings come again, and around its per-page params when only they change."""
    macro = component_macro(env, component)
    key_params = canonical_params(params)
    if key_params is None:
        return Markup(macro(**params))
    # The macro belongs to this environment's compiled template, whose module took the
    # environment's globals (asset URLs) when it was made; a reloaded template is a new macro.
    key = (macro, key_params)
    memo = _memo_of(env)
    html = memo.entries.get(key)
    if html is None:
        per_page = get_spec(component).per_page_params
        values = {name: params[name] for name in per_page if type(params.get(name)) is str}
        # A finalize hook could change the placeholder as it prints it: render whole there.
        if values and env.finalize is None:
            html = _render_around(memo, component, macro, params, values)
        else:
            html = Markup(macro(**params))
        memo.store(key, html)
    return html


# A per-page param (spec.toml: per_page) is rendered as this placeholder: a relative URL that
# escaping leaves as it is. The memo keeps the render around it; each page's own value,
# validated with all the other params, is escaped into its place.
_PER_PAGE_PLACEHOLDER = "/uswds-components-per-page-{}/"


def _render_around(
    memo: _RenderMemo, component: str, macro: Any, params: dict[str, Any], values: dict[str, str]
) -> Markup:
    component_params(component, params)  # every check, with this page's values
    placeholders = {name: _PER_PAGE_PLACEHOLDER.format(name) for name in values}
    held_params = {**params, **placeholders}
    held_key = (macro, canonical_params(held_params))
    held = memo.entries.get(held_key)
    if held is None:
        try:
            held = Markup(macro(**held_params))
        except ComponentError:
            return Markup(macro(**params))  # a rule the placeholder fails: render it whole
        if any(held.count(placeholder) > 1 for placeholder in placeholders.values()):
            return Markup(macro(**params))  # another param holds the placeholder's text
        memo.store(held_key, held)
    html = str(held)
    for name, placeholder in placeholders.items():
        html = html.replace(placeholder, str(escape(values[name])))
    return Markup(html)


def component_macro(env: jinja2.Environment, name: str) -> Any:
    """The macro of component `name` in `env`, looked up once unless templates may reload."""
    macros = env.__dict__.get("_uswds_macros")
    if macros is None or macros[0] is not env:
        macros = (env, {})
        env._uswds_macros = macros  # type: ignore[attr-defined]
    macro = macros[1].get(name)
    if macro is None:
        spec = get_spec(name)
        macro = getattr(env.get_template(spec.template).module, spec.macro_name)
        if not env.auto_reload:
            macros[1][name] = macro
    return macro


@jinja2.pass_environment
def region_html(
    env: jinja2.Environment,
    value: Any,
    component: str,
    lang: str,
    *,
    default_on: bool = False,
    nonce: Any = None,
) -> Markup:
    """The layout's filter for one region: `value` is the component's params, False or None."""
    params = region_params(component, value, lang, default_on=default_on, nonce=nonce)
    if params is None:
        return Markup("")
    return memoised_render(env, component, params)


def region_global(macro: Any, value: Any, lang: str, **options: Any) -> Markup:
    """The former `uswds_region(usa.x, value, lang)` global, kept for templates that call it."""
    return region_html(macro._environment, value, macro.name.removeprefix("usa_"), lang, **options)


def render(name: str, /, **params: Any) -> Markup:
    """Render component `name` (e.g. "banner") with keyword `params`."""
    return render_in(default_environment(), name, **params)
