"""`pytest --component NAME`: every check of one component, and nothing else.

For the inner loop: a change to one component's folder needs its own DOM, conformance, escaping,
string, axe, AX-tree, focus and display checks, not the other components'. A test belongs to a
component when its module is `test_NAME.py` / `test_NAME_browser.py`, or when one of its
parameters is the component's name, one of its examples, or an id such as `NAME/example`,
`NAME/example:state` or `NAME:slot`.
"""

from __future__ import annotations

from typing import Any

import pytest

from uswds_components.registry import all_specs
from uswds_components.spec import Example


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--component",
        action="append",
        default=[],
        metavar="NAME",
        help="run only the tests of this component (repeatable), e.g. --component header",
    )


def _names_component(value: Any, component: str) -> bool:
    if isinstance(value, Example):
        return value.component == component
    if isinstance(value, str):
        return value == component or value.startswith((f"{component}/", f"{component}:"))
    return False


def belongs_to(item: pytest.Item, components: set[str]) -> bool:
    """Whether `item` checks one of `components`."""
    module = item.path.stem
    if any(module in (f"test_{name}", f"test_{name}_browser") for name in components):
        return True
    callspec = getattr(item, "callspec", None)
    values = [*callspec.params.values(), callspec.id] if callspec else []
    return any(_names_component(value, name) for value in values for name in components)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    wanted = set(config.getoption("component"))
    if not wanted:
        return
    unknown = sorted(wanted - set(all_specs()))
    if unknown:
        raise pytest.UsageError(
            f"--component {', '.join(unknown)}: no such component; known: "
            f"{', '.join(sorted(all_specs()))}"
        )
    kept, dropped = [], []
    for item in items:
        (kept if belongs_to(item, wanted) else dropped).append(item)
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept
