"""Validators generated from a component's spec: the exact-type case inline, `_check` otherwise.

`ComponentSpec.validate_full` (the reference) walks every param through `spec._check`, which
decides each value's type with isinstance chains and builds a closure per call. Most values are
of exactly the type the spec asks for, so each spec gets one generated function that handles
those exact types with a few inline tests. Any value it is not sure of (a subclass, a mapping
that is not a dict, None for a required param, a value that would fail a rule) makes it give up
on that param: `_check` then validates the param from scratch, so it raises the very error the
reference raises, or returns what the reference returns. tests/test_fast_validation.py compares
both on generated valid and invalid inputs for every component.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .urls import unsafe_url_reason

if TYPE_CHECKING:
    from .spec import ComponentSpec, Param

Validator = Callable[[Mapping[str, Any]], dict[str, Any]]

_TEXT_KINDS = frozenset({"text", "id", "url", "classes", "nonce"})
# Immutable defaults are shared as they are; _check deep-copies, which returns these unchanged.
_IMMUTABLE = (str, int, float, bool, type(None))


class _Slow(Exception):
    """The fast path is not sure of a value: `_check` decides it."""


@functools.lru_cache(maxsize=4096)
def url_reason(url: str) -> str | None:
    """unsafe_url_reason, kept per URL: the same links come on every page of a site."""
    return unsafe_url_reason(url)


class _Writer:
    """Python source of one validator, with the constants it refers to."""

    def __init__(self, namespace: dict[str, Any]) -> None:
        self.lines: list[str] = []
        self.namespace = namespace
        self.counter = 0

    def emit(self, indent: int, line: str) -> None:
        self.lines.append("    " * indent + line)

    def fresh(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}{self.counter}"

    def constant(self, value: Any) -> str:
        name = self.fresh("K")
        self.namespace[name] = value
        return name


def _default(writer: _Writer, param: Param) -> str:
    default = param.default
    if isinstance(default, _IMMUTABLE):
        return writer.constant(default)
    if type(default) is list and not default:
        return "[]"
    if type(default) is dict and not default:
        return "{}"
    return f"_deepcopy({writer.constant(default)})"


def _value(writer: _Writer, param: Param, source: str, target: str, indent: int) -> None:
    """Code setting `target` to `source` checked as `param`, or raising _Slow."""
    emit = writer.emit
    emit(indent, f"if {source} is None:")
    if param.required:
        emit(indent + 1, "raise _Slow")
    else:
        emit(indent + 1, f"{target} = {_default(writer, param)}")
    emit(indent, "else:")
    body = indent + 1
    kind = param.type
    if kind in _TEXT_KINDS:
        emit(body, f"if type({source}) is not str: raise _Slow")
        if kind == "id":
            # str.split() splits on exactly what str.isspace() calls whitespace.
            emit(body, f"if {source}.split() != [{source}]: raise _Slow")
        elif kind == "url":
            emit(body, f"if _url_reason({source}) is not None: raise _Slow")
        elif kind == "nonce":
            emit(body, f"if _nonce({source}) is None: raise _Slow")
        if kind == "classes":
            emit(body, f"{target} = ' '.join({source}.split()) if {source} else ''")
        else:
            emit(body, f"{target} = {source}")
    elif kind == "html":
        emit(body, f"if type({source}) is not _Markup: raise _Slow")
        emit(body, f"{target} = {source}")
    elif kind == "bool":
        emit(body, f"if type({source}) is not bool: raise _Slow")
        emit(body, f"{target} = {source}")
    elif kind == "int":
        emit(body, f"if type({source}) is not int: raise _Slow")
        if param.minimum is not None:
            emit(body, f"if {source} < {param.minimum!r}: raise _Slow")
        if param.maximum is not None:
            emit(body, f"if {source} > {param.maximum!r}: raise _Slow")
        emit(body, f"{target} = {source}")
    elif kind == "attributes":
        # Only the empty case inline: attributes are rare, and _check_attributes has many rules.
        emit(body, f"if type({source}) is not dict or {source}: raise _Slow")
        emit(body, f"{target} = {{}}")
    elif kind == "mapping" and param.component is not None:
        emit(body, "raise _Slow")  # another component's params: its own spec checks them
    elif kind == "mapping":
        _fields(writer, param, source, target, body)
    elif kind == "list":
        emit(body, f"if type({source}) is not list and type({source}) is not tuple: raise _Slow")
        if param.min_items is not None:
            emit(body, f"if len({source}) < {param.min_items!r}: raise _Slow")
        if param.fields:
            item, checked = writer.fresh("item"), writer.fresh("checked")
            emit(body, f"{target} = []")
            emit(body, f"for {item} in {source}:")
            _fields(writer, param, item, checked, body + 1)
            emit(body + 1, f"{target}.append({checked})")
        else:
            emit(body, f"{target} = list({source})")
    elif kind == "date":
        emit(body, f"if type({source}) is _date: {target} = {source}")
        emit(body, f"elif type({source}) is _datetime: {target} = {source}.date()")
        emit(body, "else: raise _Slow")
    else:  # pragma: no cover - parse_spec refuses unknown types
        emit(body, "raise _Slow")
    if param.allowed is not None:
        emit(body, f"if {target} not in {writer.constant(param.allowed)}: raise _Slow")


def _fields(writer: _Writer, param: Param, source: str, target: str, indent: int) -> None:
    known = writer.constant(frozenset(param.fields))
    writer.emit(indent, f"if type({source}) is not dict or not {source}.keys() <= {known}:")
    writer.emit(indent + 1, "raise _Slow")
    names = []
    for name, field in param.fields.items():
        value, checked = writer.fresh("v"), writer.fresh("c")
        writer.emit(indent, f"{value} = {source}.get({name!r})")
        _value(writer, field, value, checked, indent)
        names.append(f"{name!r}: {checked}")
    writer.emit(indent, f"{target} = {{{', '.join(names)}}}")


def _namespace(spec: ComponentSpec, full: Validator | None) -> dict[str, Any]:
    from .spec import NONCE_PATTERN, _check

    return {
        "_Slow": _Slow,
        "_Markup": Markup,
        "_date": dt.date,
        "_datetime": dt.datetime,
        "_deepcopy": copy.deepcopy,
        "_url_reason": url_reason,
        "_nonce": NONCE_PATTERN.match,
        "_check": _check,
        "_full": full,
        "_spec": spec,
        "_prepare": spec.prepare,
    }


def build_validator(spec: ComponentSpec, full: Validator) -> Validator:
    """The generated validator of `spec`; `full` (the reference) takes what it does not."""
    namespace = _namespace(spec, full)
    writer = _Writer(namespace)
    names = writer.constant(frozenset(spec.params))
    writer.emit(0, "def validate(given):")
    # Unknown names, or a mapping that is not a dict: the reference says what is wrong.
    writer.emit(1, f"if type(given) is not dict or not given.keys() <= {names}:")
    writer.emit(2, "return _full(given)")
    results = []
    for name, param in spec.params.items():
        value, checked = writer.fresh("v"), writer.fresh("c")
        writer.emit(1, f"{value} = given.get({name!r})")
        writer.emit(1, "try:")
        _value(writer, param, value, checked, 2)
        writer.emit(1, "except _Slow:")
        writer.emit(2, f"{checked} = _check(_spec, {writer.constant(param)}, {name!r}, {value})")
        results.append(f"{name!r}: {checked}")
    writer.emit(1, f"values = {{{', '.join(results)}}}")
    writer.emit(1, "return values if _prepare is None else _prepare(values)")
    source = "\n".join(writer.lines)
    exec(compile(source, f"<validator of {spec.name}>", "exec"), namespace)
    validate = namespace["validate"]
    validate.source = source  # for debugging: print(spec.validate.source)
    return validate


def build_param_checks(spec: ComponentSpec) -> dict[str, Callable[[Any], Any]]:
    """One generated check per param: what `_check(spec, param, name, value)` returns or raises.

    A per-page slot re-checks only the param that holds it (environment.py).
    """
    namespace = _namespace(spec, None)
    writer = _Writer(namespace)
    functions = {}
    for name, param in spec.params.items():
        function, checked = writer.fresh("check"), writer.fresh("c")
        writer.emit(0, f"def {function}(value):")
        writer.emit(1, "try:")
        _value(writer, param, "value", checked, 2)
        writer.emit(1, "except _Slow:")
        writer.emit(2, f"return _check(_spec, {writer.constant(param)}, {name!r}, value)")
        writer.emit(1, f"return {checked}")
        functions[name] = function
    source = "\n".join(writer.lines)
    exec(compile(source, f"<param checks of {spec.name}>", "exec"), namespace)
    return {name: namespace[function] for name, function in functions.items()}
