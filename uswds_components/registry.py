"""Finds the components: one folder each under components/, described by its spec.toml."""

from __future__ import annotations

import functools
import importlib
import os
from typing import TYPE_CHECKING

from . import precompiled
from .errors import ComponentError
from .spec import ComponentSpec, Example, parse_spec

if TYPE_CHECKING:
    from pathlib import Path

# As text on the path every render takes: pathlib is about 3 ms of a cold start.
_COMPONENTS_FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "components")


def __getattr__(name: str) -> Path:
    # COMPONENTS_DIR, a Path for the gallery and the tests, made when first asked for (PEP 562).
    if name == "COMPONENTS_DIR":
        from pathlib import Path

        return Path(_COMPONENTS_FOLDER)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def component_names() -> tuple[str, ...]:
    """Every component's name, in alphabetical order, without reading any spec."""
    # os.scandir, not Path.glob: a third of the time, and every first render pays it.
    with os.scandir(_COMPONENTS_FOLDER) as entries:
        return tuple(
            sorted(
                entry.name
                for entry in entries
                if os.path.isfile(os.path.join(entry.path, "spec.toml"))
            )
        )


def _load_spec(name: str) -> ComponentSpec:
    # One spec at a time: a first render reads only the specs it uses (a cold start matters).
    folder = os.path.join(_COMPONENTS_FOLDER, name)
    with open(os.path.join(folder, "spec.toml"), "rb") as handle:
        raw = handle.read()
    data = precompiled.SHIPPED.spec_data(name, raw)
    if data is None:  # no build ran, or the spec changed since
        import tomllib

        data = tomllib.loads(raw.decode("utf-8"))
    prepare = per_page_rule = None
    if os.path.isfile(os.path.join(folder, "hooks.py")):
        hooks = importlib.import_module(f"{__package__}.components.{name}.hooks")
        prepare = hooks.prepare
        per_page_rule = getattr(hooks, "per_page", None)
    return parse_spec(name, data, prepare, per_page_rule)


@functools.cache
def all_specs() -> dict[str, ComponentSpec]:
    """Every component, by the name `render()` takes, in alphabetical order."""
    return {name: get_spec(name) for name in component_names()}


# The specs loaded so far, the one cache of them: a render looks its spec up several times.
_LOADED: dict[str, ComponentSpec] = {}


def get_spec(name: str) -> ComponentSpec:
    """The spec of component `name`; ComponentError if there is no such component."""
    spec = _LOADED.get(name) if type(name) is str else None
    if spec is not None:
        return spec
    if not isinstance(name, str) or name not in component_names():
        known = ", ".join(component_names())
        raise ComponentError(None, None, f"unknown component {name!r} (known: {known})")
    # setdefault: where two threads load a spec at once, both keep the first one stored.
    return _LOADED.setdefault(name, _load_spec(name))


def all_examples(include_hidden: bool = True) -> list[Example]:
    """Every example of every component: what the tests, the gallery and the docs iterate."""
    return [
        example
        for spec in all_specs().values()
        for example in spec.examples
        if include_hidden or not example.hidden
    ]
