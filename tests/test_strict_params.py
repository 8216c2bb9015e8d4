"""Every constraint a spec documents is enforced: walked over every param of every component."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable, Iterator
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


# Every (component, path, param) a spec documents that some example reaches, by component. One
# test per component and check walks its cases: thousands of one-case tests cost pytest and its
# workers more than the checks themselves (20 s of a 22 s file under -n 2).
CASES: dict[str, list[tuple[tuple, Param]]] = {
    name: [
        (path, param)
        for path, param in walk(dict(spec.params))
        if reaching_example(name, path) is not None
    ]
    for name, spec in sorted(all_specs().items())
}
COMPONENTS = sorted(CASES)


def refusal(component: str, params: dict[str, Any]) -> ComponentError:
    with pytest.raises(ComponentError) as caught:
        render(component, **params)
    return caught.value


def failures(cases: Iterable[tuple[str, tuple]], check: Callable[..., None]) -> list[str]:
    """Run `check(*arguments)` for each (case id, arguments); each case that fails, as
    "id: why" on one line. Every case runs, so one report names all the params at fault."""
    found = []
    for case_id, arguments in cases:
        try:
            check(*arguments)
        except (AssertionError, pytest.fail.Exception) as failure:
            found.append(f"{case_id}: {' | '.join(str(failure).splitlines())}")
    return found


def paths_where(component: str, keep: Callable[[Param], bool]) -> list[tuple[str, tuple]]:
    """(id, (component, path, param)) of the component's cases whose param `keep` accepts."""
    return [
        (error_path(path), (component, path, param))
        for path, param in CASES[component]
        if keep(param)
    ]


def test_a_walk_reports_every_failing_case_and_only_those():
    def at_most_one(value: int) -> None:
        assert value <= 1, f"{value} is more than one"

    def refused(value: int) -> None:
        with pytest.raises(ValueError):
            int(str(value))

    cases = [("a", (1,)), ("b", (2,)), ("c", (3,))]
    found = failures(cases, at_most_one)
    assert [line.split(" | ")[0] for line in found] == [
        "b: 2 is more than one",
        "c: 3 is more than one",
    ]
    assert [line.split(":")[0] for line in failures(cases, refused)] == ["a", "b", "c"]


def test_the_walk_reaches_every_param():
    reached = {(name, path) for name, cases in CASES.items() for path, _ in cases}
    every = {(name, path) for name, spec in all_specs().items() for path, _ in walk(spec.params)}
    assert every - reached == set()


def wrong_type_is_refused(component: str, path: tuple, param: Param) -> None:
    wrong, expected = WRONG_TYPE[param.type]
    error = refusal(component, with_change(reaching_example(component, path), path, wrong))
    assert error.component == component
    assert error.param == error_path(path)
    assert str(error).startswith(f"{component}: param '{error_path(path)}': {expected}")


@pytest.mark.parametrize("component", COMPONENTS)
def test_a_wrong_type_is_refused_naming_component_param_and_expectation(component):
    cases = paths_where(component, lambda param: True)
    assert cases
    assert failures(cases, wrong_type_is_refused) == []


def leaving_out_is_refused(component: str, path: tuple, param: Param) -> None:
    error = refusal(
        component, with_change(reaching_example(component, path), path, None, drop=True)
    )
    assert error.param == error_path(path)
    assert "is required" in str(error)


def outside_allowed_is_refused(component: str, path: tuple, param: Param) -> None:
    error = refusal(component, with_change(reaching_example(component, path), path, "zz-none"))
    assert error.param == error_path(path)
    assert re.search(r"must be one of .*; got 'zz-none'", str(error))


def out_of_range_is_refused(component: str, path: tuple, param: Param) -> None:
    params = reaching_example(component, path)
    for outside in (param.minimum - 1, param.maximum + 1):
        error = refusal(component, with_change(params, path, outside))
        assert error.param == error_path(path)
        assert re.search(r"must be at (least|most) -?\d+", str(error))


def non_mapping_items_are_refused(component: str, path: tuple, param: Param) -> None:
    error = refusal(component, with_change(reaching_example(component, path), path, ["text"]))
    assert error.param == f"{error_path(path)}[0]"
    assert "expected a mapping, got str" in str(error)


# Each documented kind of constraint, the params that have it, and what breaking it must do.
CONSTRAINTS = {
    "required": (lambda param: param.required, leaving_out_is_refused),
    "allowed": (lambda param: param.allowed is not None, outside_allowed_is_refused),
    "range": (
        lambda param: param.minimum is not None or param.maximum is not None,
        out_of_range_is_refused,
    ),
    "list-of-mappings": (
        lambda param: param.type == "list" and bool(param.fields),
        non_mapping_items_are_refused,
    ),
}
CONSTRAINT_CASES = [
    pytest.param(component, kind, id=f"{component}:{kind}")
    for kind, (has, _) in CONSTRAINTS.items()
    for component in COMPONENTS
    if paths_where(component, has)
]


@pytest.mark.parametrize(("component", "constraint"), CONSTRAINT_CASES)
def test_breaking_a_documented_constraint_is_refused(component, constraint):
    has, check = CONSTRAINTS[constraint]
    assert failures(paths_where(component, has), check) == []


def test_every_kind_of_constraint_is_walked():
    assert {case.values[1] for case in CONSTRAINT_CASES} == set(CONSTRAINTS)


@pytest.mark.parametrize("component", COMPONENTS)
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


NONE_CASES: dict[str, list[tuple[str, tuple]]] = {
    spec.name: [
        (f"{example.id}:{error_path(path)}", (example, path))
        for example in spec.examples
        for path, param in walk(dict(spec.params))
        if not param.required and containers(dict(example.params), path)
    ]
    for spec in sorted(all_specs().values(), key=lambda s: s.name)
}


def none_is_the_default(example: Any, path: tuple) -> None:
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


@pytest.mark.parametrize("component", [name for name, cases in NONE_CASES.items() if cases])
def test_none_is_the_default_never_the_text_none(component):
    assert failures(NONE_CASES[component], none_is_the_default) == []
