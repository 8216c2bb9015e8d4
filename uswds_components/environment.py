"""The Jinja environment: package templates, the validating global, and the escaping filters."""

from __future__ import annotations

import copy
import functools
import itertools
import marshal
import sys
from collections import ChainMap
from collections.abc import Callable, Hashable, Mapping
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .errors import ComponentError
from .page import LANGUAGES, REGIONS, layout_lang, misspelt_region, nonce_attribute, region_params
from .precompiled import PackageTemplates
from .registry import all_specs, get_spec
from .spec import MISSING, ComponentSpec, value_at, with_value

TEMPLATE_PREFIX = "uswds"
DEFAULT_ASSETS_URL = "/assets/uswds"
DEFAULT_IMAGES_URL = f"{DEFAULT_ASSETS_URL}/img"
DEFAULT_STATIC_URL = "/assets/uswds-components"


def create_environment(
    *,
    assets_url: str = DEFAULT_ASSETS_URL,
    images_url: str | None = None,
    static_url: str = DEFAULT_STATIC_URL,
    regions: Mapping[str, Any] | None = None,
    **jinja_options: Any,
) -> jinja2.Environment:
    """A Jinja environment with autoescape on and every component available.

    `jinja_options` go to `jinja2.Environment`; a `loader` given there is searched before the
    package templates, so a site's own templates and ours live side by side. This signature also
    fits Django's Jinja2 backend (`"environment": "uswds_components.create_environment"`).
    URL prefixes: `assets_url` is where USWDS's `dist/` (css, js, img, fonts) is served,
    `images_url` its images (default `<assets_url>/img`), and `static_url` this package's own
    `static/` files (our scripts and CSS fixes). `regions` are the site's own: see
    configure_environment().
    """
    jinja_options.setdefault("autoescape", True)
    env = jinja2.Environment(**jinja_options)
    env.template_class = FlatGlobalsTemplate
    return configure_environment(
        env, assets_url=assets_url, images_url=images_url, static_url=static_url, regions=regions
    )


class FlatGlobalsTemplate(jinja2.Template):
    """jinja2.Template, whose globals are copied into each render's context at C speed.

    Jinja keeps a template's globals as a ChainMap, its own over the environment's, so that a
    later change to either shows; each render copies it into the new context through
    ChainMap's Python methods, 10 µs a page for 14 globals. Here the same dict is built from
    the two maps directly, on every render, so changes still show.
    """

    def new_context(
        self,
        vars: dict[str, Any] | None = None,
        shared: bool = False,
        locals: Mapping[str, Any] | None = None,
    ) -> jinja2.runtime.Context:
        globals: Any = self.globals
        if type(globals) is ChainMap and len(globals.maps) == 2:
            own, environment_globals = globals.maps
            # What dict(ChainMap) gives: the environment's keys first, the template's values win.
            globals = {**environment_globals, **own}
        return jinja2.runtime.new_context(
            self.environment, self.name, self.blocks, vars, shared, globals, locals
        )


def configure_environment(
    env: jinja2.Environment,
    *,
    assets_url: str = DEFAULT_ASSETS_URL,
    images_url: str | None = None,
    static_url: str = DEFAULT_STATIC_URL,
    regions: Mapping[str, Any] | None = None,
) -> jinja2.Environment:
    """Add the package templates, globals and filters to an existing environment (e.g. Flask's).

    The components escape their own output, so they stay safe even where autoescape is off.
    `regions` are the site's furniture, the same on every page: region name → the component's
    params (or False), with a language's differences under its code ({"es": {"header": …}}).
    A page that leaves a region out (or gives None) gets the site's; one that gives the region
    params or False gets its own. They are checked here, copied (later changes to the mapping
    do not reach pages), and each is rendered once per language.
    """
    package_loader = jinja2.PrefixLoader(
        {
            TEMPLATE_PREFIX: jinja2.ChoiceLoader(
                [jinja2.FunctionLoader(_generated_template), PackageTemplates()]
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
        uswds_layout_lang=layout_lang,
    )
    env.__dict__[_SITE_ATTRIBUTE] = _site_regions(regions)
    # A new loader may serve other templates: nothing rendered before may be reused.
    env.__dict__.pop(_MEMO_ATTRIBUTE, None)
    return env


_SITE_ATTRIBUTE = "_uswds_site"
_Undefined = jinja2.Undefined


def _site_regions(regions: Mapping[str, Any] | None) -> dict[str, dict[str, Any]]:
    """The site's regions by language: {"en": {region: value}, "es": {...}}, checked."""
    if regions is None:
        return {}
    if not isinstance(regions, Mapping):
        raise ComponentError(
            "site", "regions", f"expected a mapping of region params, got {regions!r}"
        )
    shared = {name: value for name, value in regions.items() if name not in LANGUAGES}
    by_lang = {}
    for lang in LANGUAGES:
        own = regions.get(lang) or {}
        if not isinstance(own, Mapping):
            raise ComponentError(
                "site", "regions", f"{lang!r}: expected a mapping of region params, got {own!r}"
            )
        by_lang[lang] = {**shared, **own}
    for lang, values in by_lang.items():
        for name, value in values.items():
            where = name if lang == "en" or name not in regions.get(lang, {}) else f"{lang}.{name}"
            if name not in REGIONS:
                close = misspelt_region(name)
                hint = f"; did you mean {close!r}?" if close else ""
                known = ", ".join(REGIONS)
                raise ComponentError(
                    "site", "regions", f"unknown region {where!r}{hint} (known: {known})"
                )
            # Checked now, in each language: a site's mistake shows when it starts.
            params = region_params(name, value, lang)
            if params is not None:
                get_spec(name).validate(params)
        # A copy: the memo keeps each region's render under its name, not under its params.
        by_lang[lang] = copy.deepcopy(values)
    return by_lang


# Each component's generated validator, by name: a macro's first call skips get_spec's checks.
_VALIDATORS: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {}


def component_params(component: str, given: Mapping[str, Any], positional: tuple = ()) -> dict:
    """Called at the top of every macro: validates its keyword arguments against the spec."""
    if positional:
        raise ComponentError(
            component, None, f"takes keyword arguments only, got {len(positional)} positional"
        )
    validate = _VALIDATORS.get(component) if type(component) is str else None
    if validate is not None:
        return validate(given)
    spec = get_spec(component)  # refuses an unknown name
    values = spec.validate(given)
    fast = spec.__dict__.get("fast_validate")  # generated from a component's second call on
    if fast is not None:
        _VALIDATORS[component] = fast
    return values


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
# rendered without the memo. The environment's settings that change output (finalize,
# autoescape, loader) are the memo's own: when one changes, the memo starts again.

MEMO_SIZE = 1024
_EVICTED_AT_ONCE = MEMO_SIZE // 8
_SEEN_LIMIT = 4 * MEMO_SIZE  # hashes of keys seen once (ints): forgotten all at once when full
_MEMO_ATTRIBUTE = "_uswds_memo"
_MAX_DEPTH = 32
_EXACT_SCALARS = frozenset({str, int, bool, type(None), bytes})


class _RenderMemo:
    """One environment's kept renders, least recently used evicted first once full."""

    __slots__ = ("entries", "owner", "seen_once", "settings", "site")

    def __init__(self, owner: jinja2.Environment, settings: tuple[Any, ...]) -> None:
        self.owner = owner
        self.settings = settings
        self.entries: dict[Hashable, Any] = {}
        self.seen_once: set[int] = set()
        # The site's regions by (component, lang, nonce), where templates never reload: a few
        # per language (more only with a nonce, which the layout gives per-page regions alone).
        self.site: dict[tuple[str, str, str | None], Markup] = {}

    def get(self, key: Hashable) -> Any:
        # Taken out and put back: dict order is then recency, and the oldest comes first.
        value = self.entries.pop(key, None)
        if value is not None:
            self.entries[key] = value
        return value

    def store_repeated(self, key: Hashable, value: Any) -> None:
        """Store a render made around a per-page slot only when its key comes a second time.

        A static build's pages never come again: storing each page's breadcrumb and form would
        only push out the renders that do (new pages went from 2.32-2.38x the hand-inlined
        template to 2.14-2.19x). A server's page is kept from its second such render on. Only a
        key's hash is remembered; two keys sharing one cost a store, never a wrong render.
        """
        fingerprint = hash(key)
        seen = self.seen_once
        if fingerprint in seen:
            self.store(key, value)
        else:
            if len(seen) >= _SEEN_LIMIT:
                seen.clear()
            seen.add(fingerprint)

    def store(self, key: Hashable, value: Any) -> None:
        entries = self.entries
        if len(entries) >= MEMO_SIZE and key not in entries:
            # The oldest eighth at once: a dict's first entry is found past every entry taken
            # from the front since it last resized, so one at a time each store walked further
            # (a static build's pages store three each). pop, not del: another thread may
            # have evicted the same entries already.
            for oldest in list(itertools.islice(entries, _EVICTED_AT_ONCE)):
                entries.pop(oldest, None)
        entries[key] = value


def _settings(env: jinja2.Environment) -> tuple[Any, ...]:
    return (env.finalize, env.autoescape, env.loader)


def _memo_of(env: jinja2.Environment) -> _RenderMemo:
    memo = env.__dict__.get(_MEMO_ATTRIBUTE)
    settings = _settings(env)
    # Environment.overlay() copies __dict__: an overlay gets a memo of its own. A setting
    # changed after renders were kept (env.finalize = …) makes them stale: start again.
    if memo is None or memo.owner is not env or memo.settings != settings:
        memo = _RenderMemo(env, settings)
        setattr(env, _MEMO_ATTRIBUTE, memo)
    return memo


class _NotCanonical(Exception):
    pass


def canonical_params(params: Any) -> Hashable | None:
    """A hashable form of `params` equal only for params that render the same, or None."""
    try:
        # marshal takes exact builtin types only (no str subclass such as Markup, no dates),
        # keeps dict order and tells True from 1 and 0.0 from -0.0: a lossless key, made in C.
        # Version 4 writes a repeated object as a reference, twice as fast on a big header;
        # its bytes still decode to one value, so equal bytes are equal params. Sharing can
        # make equal params' bytes differ: that costs a render, never a wrong one.
        return marshal.dumps(params, 4)
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
    # A date exists only once datetime is imported: looked up then, never imported here.
    if kind.__module__ == "datetime":
        dt = sys.modules["datetime"]
        if kind is dt.date:
            return (dt.date, value.isoformat())
        if kind is dt.datetime:
            # Aware datetimes compare equal across zones; their local dates (what renders) differ.
            return (dt.datetime, value.isoformat())
    raise _NotCanonical


def memoised_render(env: jinja2.Environment, component: str, params: dict[str, Any]) -> Markup:
    """Component `component` rendered with `params` as Markup, reused when the same params and
    settings come again, and around its per-page slot when only the slot's value changes."""
    macro = component_macro(env, component)
    key_params = canonical_params(params)
    if key_params is None:
        return Markup(macro(**params))
    # The macro belongs to this environment's compiled template, whose module took the
    # environment's globals (asset URLs) when it was made; a reloaded template is a new macro.
    key = (macro, key_params)
    memo = _memo_of(env)
    html = memo.get(key)
    if html is None:
        html = _around_slot(env, memo, component, macro, params, None, None)
        if html is not None:
            memo.store_repeated(key, html)
            return html
        html = Markup(macro(**params))
        memo.store(key, html)
    return html


# --- per-page slots (spec.toml: a per_page param or [per_page] table) ----------------------------
#
# A slot's value differs on every page (the page's URL, its title in the breadcrumb, its date).
# The component is rendered once with a placeholder there and kept ("held"); each page's render
# is that render with the page's printed value in the placeholder's place. The page's params
# differ from the held ones only in the slot's value, and every other param passed its checks
# when the held render was made: the page's value is checked as a whole validation would check
# it (ComponentSpec.printed_slot). A render whose placeholder does not show exactly once is done
# whole, as is every render in an environment with a finalize hook (it would see the placeholder).

_WHOLE = "whole"  # kept for a held render that cannot be used: render these params whole
_SEEN = "seen"  # these params' first page rendered whole; the second makes the held render
_HELD = "held"


def _around_slot(
    env: jinja2.Environment,
    memo: _RenderMemo,
    component: str,
    macro: Any,
    value: dict[str, Any],
    lang: str | None,
    nonce: str | None,
) -> Markup | None:
    """The render of `value` (a region's value, or render()'s params) around its slot, or None
    where the component has none or it cannot be used."""
    spec = get_spec(component)
    slot = spec.slot
    if slot is None or env.finalize is not None:
        return None
    page_value = value_at(value, slot.path)
    if page_value is None or page_value is MISSING:
        return None  # whatever a whole render does with it (the default, or the error)
    # The slot's place holds None in the key: the same for every page, and never a date, which
    # marshal cannot write (the held render has the placeholder there).
    held_key = canonical_params((with_value(value, slot.path, None), lang, nonce))
    if held_key is None:
        return None
    key = (macro, _HELD, held_key)
    held = memo.get(key)
    if held is None:
        # The first page renders whole: a held render costs a second validation, which only a
        # second page with these other params pays back.
        memo.store(key, _SEEN)
        return None
    if held is _SEEN:
        held_value = with_value(value, slot.path, slot.placeholder)
        held_params = region_params(component, held_value, lang, nonce=nonce)
        assert held_params is not None  # held_value is a dict
        held = _hold(spec, macro, held_params)
        memo.store(key, held)
    if held is _WHOLE:
        return None
    before, after, held_values, path_name = held
    printed = spec.printed_slot(page_value, held_values, path_name)
    return Markup(before + str(escape(printed)) + after)


def _hold(spec: ComponentSpec, macro: Any, held_params: dict) -> tuple[str, str, dict, str] | str:
    """The render around the slot as (before, after, the checked params before prepare, the
    slot's name in errors), or _WHOLE when it cannot be used."""
    slot = spec.slot
    assert slot is not None
    try:
        held = str(macro(**held_params))
        values = spec.check_values(held_params)
        printed = value_at(values if spec.prepare is None else spec.prepare(values), slot.output)
    except ComponentError:
        return _WHOLE  # a rule the placeholder fails, or another param's error: render whole
    if printed is MISSING:
        return _WHOLE
    placeholder = str(escape(printed))
    if held.count(placeholder) != 1:
        return _WHOLE  # printed twice (JSON-LD), or another param holds the placeholder's text
    before, _, after = held.partition(placeholder)
    return (before, after, values, spec.slot_path_name(values))


def component_macro(env: jinja2.Environment, name: str) -> Any:
    """The macro of component `name` in `env`, looked up once unless templates may reload."""
    macros: tuple[jinja2.Environment, dict[str, Any]] | None = env.__dict__.get("_uswds_macros")
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
    if nonce is not None and type(nonce) is not str and isinstance(nonce, _Undefined):
        nonce = None  # the page gave none: as region_params reads it
    if type(value) is not dict:
        if value is False:
            return Markup("")
        if value is None or isinstance(value, _Undefined):
            return _site_region(env, component, lang, nonce, default_on)
        return _region_whole(env, value, component, lang, nonce)
    if not (nonce is None or type(nonce) is str):
        return _region_whole(env, value, component, lang, nonce)
    # One key per region, from what the layout has (no params dict built): a hit is a lookup.
    region_key = _region_key(component, value, lang, nonce)
    if region_key is None:
        return _region_whole(env, value, component, lang, nonce)
    memo = env.__dict__.get(_MEMO_ATTRIBUTE)
    if memo is None or memo.owner is not env or memo.settings != _settings(env):
        memo = _memo_of(env)
    # Where templates never reload, the component's macro is the same for the memo's life (a
    # new loader starts a new memo), so the key leaves it out: (component, …) never equals a
    # key that starts with a macro.
    if env.auto_reload:
        key: tuple = (component_macro(env, component), component, region_key)
    else:
        key = (component, region_key)
    html = memo.get(key)
    if html is not None:
        return html
    macro = component_macro(env, component)
    html = _around_slot(env, memo, component, macro, value, lang, nonce)
    if html is not None:
        memo.store_repeated(key, html)
        return html
    params = region_params(component, value, lang, nonce=nonce)
    assert params is not None  # value is a dict
    html = Markup(macro(**params))
    memo.store(key, html)
    return html


# Each component's top-level date params, by name: marshal cannot write a date, and the fallback
# (_frozen) costs 5 to 20 µs a page for the last_updated region alone.
_DATE_PARAMS: dict[str, tuple[str, ...]] = {}


def _region_key(component: str, value: dict, lang: str, nonce: str | None) -> Hashable | None:
    """canonical_params((value, lang, nonce)), with the component's date params taken out of
    what is marshalled and kept beside it, exact type and all."""
    names = _DATE_PARAMS.get(component)
    if names is None:
        params = get_spec(component).params
        names = _DATE_PARAMS[component] = tuple(n for n, p in params.items() if p.type == "date")
    if names:
        datetime = sys.modules.get("datetime")
        stamps = []
        rest = value
        for name in names:
            day: Any = value.get(name)
            kind = type(day)
            if datetime is not None and (kind is datetime.date or kind is datetime.datetime):
                if rest is value:
                    rest = dict(value)
                del rest[name]
                # isoformat: aware datetimes at one instant in two zones stay apart.
                stamps.append((name, kind, day.isoformat()))
        if stamps:
            try:
                return (marshal.dumps((rest, lang, nonce), 4), tuple(stamps))
            except ValueError:
                pass
    return canonical_params((value, lang, nonce))


def _site_region(
    env: jinja2.Environment, component: str, lang: str, nonce: Any, default_on: bool
) -> Markup:
    """A region the page left out: the site's (configure_environment's `regions`), else the
    component's defaults where the region is on by default, else nothing."""
    if type(lang) is not str or not (nonce is None or type(nonce) is str):
        value = _site_value(env, component, lang, default_on)
        return _region_whole(env, value, component, lang, nonce)
    memo = env.__dict__.get(_MEMO_ATTRIBUTE)
    if memo is not None and memo.owner is env and memo.settings == _settings(env):
        html = memo.site.get((component, lang, nonce))
        if html is not None:
            return html
    memo = _memo_of(env)
    value = _site_value(env, component, lang, default_on)
    if value is False:
        html = Markup("")
    else:
        # The value is fixed for the environment's life (a copy, or {}): its name is its key.
        macro = component_macro(env, component)
        key = (macro, _SITE_ATTRIBUTE, component, lang, nonce)
        html = memo.get(key)
        if html is None:
            params = region_params(component, value, lang, nonce=nonce)
            assert params is not None  # value is a mapping
            html = Markup(macro(**params))  # the macro validates its params
            if canonical_params(value) is None:
                return html  # an object of its own in the params may render otherwise next time
            memo.store(key, html)
    # Where templates never reload, the macro is the same for the memo's life: a lookup by name.
    if not env.auto_reload and len(memo.site) < MEMO_SIZE:
        memo.site[(component, lang, nonce)] = html
    return html


def _site_value(env: jinja2.Environment, component: str, lang: Any, default_on: bool) -> Any:
    """The site's value for a region the page left out: its params, {} or False (off)."""
    site = env.__dict__.get(_SITE_ATTRIBUTE)
    value = site.get(lang, {}).get(component, MISSING) if site and type(lang) is str else MISSING
    if value is MISSING:
        return {} if default_on else False
    return value


def _region_whole(
    env: jinja2.Environment, value: Any, component: str, lang: str, nonce: Any
) -> Markup:
    params = region_params(component, value, lang, nonce=nonce)
    return Markup("") if params is None else memoised_render(env, component, params)


def region_global(macro: Any, value: Any, lang: str, **options: Any) -> Markup:
    """The former `uswds_region(usa.x, value, lang)` global, kept for templates that call it."""
    return region_html(macro._environment, value, macro.name.removeprefix("usa_"), lang, **options)


def render(name: str, /, **params: Any) -> Markup:
    """Render component `name` (e.g. "banner") with keyword `params`."""
    return render_in(default_environment(), name, **params)
