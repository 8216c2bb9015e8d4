"""Every constraint a spec documents is enforced: walked over every param of every component."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

import pytest
from markupsafe import Markup

from uswds_components import ComponentError, all_specs, render
from uswds_components.spec import Param

# A value of the wrong type for each param type, and what the error must say was expected.
WRONG_TYPE: dict[str, tuple[Any, str]] = {
    "text": (42, "expected text"),
    "id": (42, "expected text"),
    "url": (42, "expected text"),
    "classes": (["a", "b"], "expected text"),
    "nonce": (42, "expected text"),
    "html": ("<b>plain str</b>", "expected markupsafe.Markup"),
    "bool": ("yes", "expected True or False"),
    "int": ("3", "expected an integer"),
    "list": ("a string", "expected a list"),
    "mapping": (["not", "a", "mapping"], "expected a mapping"),
    "attributes": ("data-x=1", "expected a mapping"),
    "date": (20240101, "expected a date"),
}


def walk(params: dict[str, Param], prefix: tuple = ()) -> Iterator[tuple[tuple, Param]]:
    """(path, param) for every param and nested field; list fields sit under item 0."""
    for name, param in params.items():
        yield (*prefix, name), param
        if param.type == "list" and param.fields:
            yield from walk(param.fields, (*prefix, name, 0))
        elif param.type == "mapping":
            yield from walk(param.fields, (*prefix, name))


def error_path(path: tuple) -> str:
    """How ComponentError names a path: items[0].text, links.about."""
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else key)
    return text


def reaching_example(component: str, path: tuple) -> dict[str, Any] | None:
    """Params of the first example whose values reach `path`'s container (and fill the slot,
    where one does)."""
    fallback = None
    for example in all_specs()[component].examples:
        params = copy.deepcopy(dict(example.params))
        container: Any = params
        for key in path[:-1]:
            if isinstance(key, int):
                if not isinstance(container, list) or len(container) <= key:
                    break
            elif not isinstance(container.get(key), dict | list):
                break
            container = container[key]
        else:
            if path[-1] in container:
                return params
            fallback = fallback or params
    return fallback


def with_change(params: dict[str, Any], path: tuple, value: Any, *, drop: bool = False):
    changed = copy.deepcopy(params)
    container: Any = changed
    for key in path[:-1]:
        container = container[key]
    if drop:
        container.pop(path[-1], None)
    else:
        container[path[-1]] = value
    return changed


CASES = [
    pytest.param(name, path, param, id=f"{name}:{error_path(path)}")
    for name, spec in sorted(all_specs().items())
    for path, param in walk(dict(spec.params))
    if reaching_example(name, path) is not None
]


def refusal(component: str, params: dict[str, Any]) -> ComponentError:
    with pytest.raises(ComponentError) as caught:
        render(component, **params)
    return caught.value


def test_the_walk_reaches_every_param():
    reached = {(case.values[0], case.values[1]) for case in CASES}
    every = {(name, path) for name, spec in all_specs().items() for path, _ in walk(spec.params)}
    assert every - reached == set()


@pytest.mark.parametrize(("component", "path", "param"), CASES)
def test_a_wrong_type_is_refused_naming_component_param_and_expectation(component, path, param):
    wrong, expected = WRONG_TYPE[param.type]
    error = refusal(component, with_change(reaching_example(component, path), path, wrong))
    assert error.component == component
    assert error.param == error_path(path)
    assert str(error).startswith(f"{component}: param '{error_path(path)}': {expected}")


REQUIRED = [case for case in CASES if case.values[2].required]
ALLOWED = [case for case in CASES if case.values[2].allowed is not None]
RANGED = [
    case
    for case in CASES
    if case.values[2].minimum is not None or case.values[2].maximum is not None
]
LISTS = [case for case in CASES if case.values[2].type == "list" and case.values[2].fields]


@pytest.mark.parametrize(("component", "path", "param"), REQUIRED)
def test_leaving_out_a_required_param_is_refused(component, path, param):
    error = refusal(
        component, with_change(reaching_example(component, path), path, None, drop=True)
    )
    assert error.param == error_path(path)
    assert "is required" in str(error)


@pytest.mark.parametrize(("component", "path", "param"), ALLOWED)
def test_a_value_outside_allowed_is_refused(component, path, param):
    error = refusal(component, with_change(reaching_example(component, path), path, "zz-none"))
    assert error.param == error_path(path)
    assert re.search(r"must be one of .*; got 'zz-none'", str(error))


@pytest.mark.parametrize(("component", "path", "param"), RANGED)
def test_out_of_range_numbers_are_refused(component, path, param):
    params = reaching_example(component, path)
    for outside in (param.minimum - 1, param.maximum + 1):
        error = refusal(component, with_change(params, path, outside))
        assert error.param == error_path(path)
        assert re.search(r"must be at (least|most) -?\d+", str(error))


@pytest.mark.parametrize(("component", "path", "param"), LISTS)
def test_a_list_of_non_mappings_is_refused(component, path, param):
    error = refusal(component, with_change(reaching_example(component, path), path, ["text"]))
    assert error.param == f"{error_path(path)}[0]"
    assert "expected a mapping, got str" in str(error)


@pytest.mark.parametrize("component", sorted(all_specs()))
def test_an_unknown_param_is_refused(component):
    params = dict(all_specs()[component].examples[0].params)
    error = refusal(component, {**params, "colour": "blue"})
    assert (error.component, error.param) == (component, "colour")
    assert "unknown param" in str(error)


def test_a_markup_where_text_is_expected_stays_text():
    # Markup passes the text check (it is a str) but is escaped: not a type error, not HTML.
    assert "<b>" not in str(render("alert", text=Markup("<b>x</b>")))


def containers(params: dict[str, Any], path: tuple) -> bool:
    container: Any = params
    for key in path[:-1]:
        if isinstance(key, int):
            if not isinstance(container, list) or len(container) <= key:
                return False
        elif not isinstance(container, dict) or not isinstance(container.get(key), dict | list):
            return False
        container = container[key]
    return isinstance(container, dict)


NONE_CASES = [
    pytest.param(example, path, id=f"{example.id}:{error_path(path)}")
    for spec in sorted(all_specs().values(), key=lambda s: s.name)
    for example in spec.examples
    for path, param in walk(dict(spec.params))
    if not param.required and containers(dict(example.params), path)
]


@pytest.mark.parametrize(("example", "path"), NONE_CASES)
def test_none_is_the_default_never_the_text_none(example, path):
    params = dict(example.params)
    with_none = with_change(params, path, None)
    left_out = with_change(params, path, None, drop=True)
    try:
        output = str(render(example.component, **with_none))
    except ComponentError as error:
        # Only a cross-param rule may refuse the default (e.g. "text or html is required").
        with pytest.raises(ComponentError, match=re.escape(str(error).split(": ", 2)[-1])):
            render(example.component, **left_out)
        return
    assert output.count("None") <= str(render(example.component, **params)).count("None")
    assert output == str(render(example.component, **left_out))
