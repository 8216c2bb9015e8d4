"""Accessible Jinja2 components for U.S. government websites, built on USWDS 3.14.0."""

from __future__ import annotations

from .environment import (
    DEFAULT_ASSETS_URL,
    DEFAULT_IMAGES_URL,
    DEFAULT_STATIC_URL,
    configure_environment,
    create_environment,
    render,
    render_in,
)
from .errors import ComponentError
from .page import page
from .registry import all_examples, all_specs, get_spec

__version__ = "0.1.0"
USWDS_VERSION = "3.14.0"

__all__ = [
    "DEFAULT_ASSETS_URL",
    "DEFAULT_IMAGES_URL",
    "DEFAULT_STATIC_URL",
    "USWDS_VERSION",
    "ComponentError",
    "__version__",
    "all_examples",
    "all_specs",
    "configure_environment",
    "create_environment",
    "get_spec",
    "page",
    "render",
    "render_in",
]
