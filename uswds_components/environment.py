"""The Jinja environment: package templates, the validating global, and the escaping filters."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .errors import ComponentError
from .page import nonce_attribute, region
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
        uswds_region=region,
        uswds_nonce_attribute=nonce_attribute,
    )
    env.filters.update(uswds_attributes=attributes_html, uswds_classes=classes_html)
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
    """The environment `render()` uses."""
    return create_environment()


def render_in(env: jinja2.Environment, name: str, /, **params: Any) -> Markup:
    """Render component `name` with keyword `params`, using the given environment."""
    spec = get_spec(name)
    macro = getattr(env.get_template(spec.template).module, spec.macro_name)
    return Markup(macro(**params))


def render(name: str, /, **params: Any) -> Markup:
    """Render component `name` (e.g. "banner") with keyword `params`."""
    return render_in(default_environment(), name, **params)
