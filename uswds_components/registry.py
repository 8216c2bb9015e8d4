"""Finds the components: one folder each under components/, described by its spec.toml."""

from __future__ import annotations

import functools
import importlib
import tomllib
from pathlib import Path

from .errors import ComponentError
from .spec import ComponentSpec, Example, parse_spec

COMPONENTS_DIR = Path(__file__).parent / "components"


@functools.cache
def all_specs() -> dict[str, ComponentSpec]:
    """Every component, by the name `render()` takes, in alphabetical order."""
    specs = {}
    for spec_file in sorted(COMPONENTS_DIR.glob("*/spec.toml")):
        name = spec_file.parent.name
        with spec_file.open("rb") as handle:
            data = tomllib.load(handle)
        prepare = None
        if (spec_file.parent / "hooks.py").is_file():
            hooks = importlib.import_module(f"{__package__}.components.{name}.hooks")
            prepare = hooks.prepare
        specs[name] = parse_spec(name, data, prepare)
    return specs


def get_spec(name: str) -> ComponentSpec:
    """The spec of component `name`; ComponentError if there is no such component."""
    specs = all_specs()
    if not isinstance(name, str) or name not in specs:
        known = ", ".join(specs)
        raise ComponentError(None, None, f"unknown component {name!r} (known: {known})")
    return specs[name]


def all_examples(include_hidden: bool = True) -> list[Example]:
    """Every example of every component: what the tests, the gallery and the docs iterate."""
    return [
        example
        for spec in all_specs().values()
        for example in spec.examples
        if include_hidden or not example.hidden
    ]
