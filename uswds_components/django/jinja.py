"""The Jinja2 environment for Django's Jinja2 backend: asset URLs under STATIC_URL.

    "OPTIONS": {"environment": "uswds_components.django.environment"}

Settings: USWDS_ASSETS_URL (default STATIC_URL + "uswds"), USWDS_STATIC_URL (default
STATIC_URL + "uswds-components"), USWDS_REGIONS (site-wide layout regions: banner, header,
footer, identifier, ... as template globals that a template's own context overrides).
Globals for Django forms: `uswds_field(field)` and `uswds_error_summary(form)` (see forms.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from ..environment import create_environment
from ..page import LANGUAGES, REGIONS
from .forms import install as install_forms

_WHERE = "uswds_components.django"


def _static_prefix(setting: str) -> str:
    static = getattr(settings, "STATIC_URL", None)
    if not static:
        raise ImproperlyConfigured(
            f"{_WHERE}: set STATIC_URL, or {setting}, so pages can link the USWDS assets."
        )
    return str(static).rstrip("/")


def assets_url() -> str:
    """Where USWDS's css/, js/, img/ and fonts/ are served: USWDS_ASSETS_URL, else
    STATIC_URL + "uswds" (the app's static files there)."""
    return getattr(settings, "USWDS_ASSETS_URL", None) or (
        f"{_static_prefix('USWDS_ASSETS_URL')}/uswds"
    )


def static_url() -> str:
    """Where this package's own files are served: USWDS_STATIC_URL, else STATIC_URL +
    "uswds-components"."""
    return getattr(settings, "USWDS_STATIC_URL", None) or (
        f"{_static_prefix('USWDS_STATIC_URL')}/uswds-components"
    )


def regions(value: Any = None) -> dict[str, Any]:
    """The site-wide regions: `value`, else settings.USWDS_REGIONS, checked."""
    value = getattr(settings, "USWDS_REGIONS", None) if value is None else value
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ImproperlyConfigured(
            f"{_WHERE}: USWDS_REGIONS must be a mapping of region params, got {value!r}"
        )
    unknown = sorted(set(value) - set(REGIONS) - set(LANGUAGES))
    if unknown:
        raise ImproperlyConfigured(
            f"{_WHERE}: USWDS_REGIONS has unknown region {unknown[0]!r} "
            f"(known: {', '.join(REGIONS)})"
        )
    return dict(value)


def environment(
    *,
    assets_url: str | None = None,
    static_url: str | None = None,
    regions: Mapping[str, Any] | None = None,
    **options: Any,
) -> jinja2.Environment:
    """create_environment() with the URLs and regions from Django's settings.

    Django's Jinja2 backend calls it with the loader, autoescape and the backend's other
    OPTIONS; `assets_url`, `static_url` and `regions` may be given there too. The images follow
    `assets_url`, so the CSS, JS, favicon and component images move together.
    """
    env = create_environment(
        assets_url=assets_url or _assets_url(),
        static_url=static_url or _static_url(),
        regions=_regions(regions),
        **options,
    )
    # Django forms through the components: uswds_field(field), uswds_error_summary(form).
    install_forms(env)
    return env


# The keyword arguments above shadow the module's functions inside environment().
_assets_url, _static_url, _regions = assets_url, static_url, regions
