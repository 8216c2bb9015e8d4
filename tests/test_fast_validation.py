"""The generated validators agree with the reference (`validate_full`) on every input tried.

Inputs are generated: every example of every component, with each param and nested field in
turn replaced by each value of a pool of right, wrong, odd and hostile values (and left out),
plus unknown names and mappings that are not dicts; then hypothesis mixes changes at random.
Both paths must raise the same ComponentError message, or return the same values with the same
exact types. A deliberately wrong fast path must be caught.
"""

from __future__ import annotations

import collections
import copy
import datetime as dt
import random
from collections.abc import Iterator, Mapping
from typing import Any

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from uswds_components import ComponentError, all_specs
from uswds_components import validators as validators_module
from uswds_components.spec import ComponentSpec, Param
from uswds_components.validators import build_validator


class Text(str):
    """A str subclass: never taken by the fast path."""


def undefined() -> Any:
    return jinja2.Undefined(name="missing")


POOL: list[Any] = [
    None, "", " ", "x", "Home", "a b", "  two   words ", "#main-content", "#", "# x", "main",
    "en", "es", "fr", "info", "json-ld", "rdfa", "ask", "thanks", "%B %-d, %Y", "%Q",
    "/", "/news/1/", "https://www.dhs.gov/", "mailto:a@b.gov", "tel:+1 202", "javascript:x()",
    "java\tscript:x()", "&#106;avascript:x()", "/a?b=1&c=<2>", "\x00", "abc+/=", "a==b=",
    "2018-09-20", "2018-09-20T10:00:00", "2018-09-20x", "  2018-09-20 ",
    Markup("<b>x</b>"), Markup(""), Text("x"), Text("#t"), b"bytes",
    0, 1, -1, 2, 3, 10**6, True, False, 1.5, float("nan"),
    [], (), ["text"], [{}], [{"text": "Home", "href": "/"}, {"text": "News"}], ({"text": "A"},),
    [{"text": "A", "colour": "b"}], {}, {"text": "x"}, {"data-x": "1"}, {"href": "javascript:x"},
    {"aria-label": "Name"}, {"onclick": "x"}, collections.OrderedDict(),
    dt.date(2018, 9, 20), dt.datetime(2018, 9, 20, 23, 30), dt.datetime(2018, 9, 20, tzinfo=dt.UTC),
    object(),
]  # fmt: skip
POOL.append(undefined())


def walk(params: Mapping[str, Param], prefix: tuple = ()) -> Iterator[tuple[tuple, Param]]:
    """(path, param) for every param and nested field; list fields sit under item 0."""
    for name, param in params.items():
        yield (*prefix, name), param
        if param.type == "list" and param.fields:
            yield from walk(param.fields, (*prefix, name, 0))
        elif param.type == "mapping":
            yield from walk(param.fields, (*prefix, name))


def changed(params: dict[str, Any], path: tuple, value: Any, drop: bool = False) -> Any:
    """`params` with the value at `path` replaced (or dropped); None if the path is not there."""
    result = copy.deepcopy(params)
    container: Any = result
    for key in path[:-1]:
        try:
            container = container[key]
        # The pool's jinja2.Undefined refuses indexing with its own error.
        except (KeyError, IndexError, TypeError, jinja2.UndefinedError):
            return None
    if not isinstance(container, dict):
        return None
    if drop:
        container.pop(path[-1], None)
    else:
        container[path[-1]] = value
    return result


_LEFT_OUT = object()


def variants(spec: ComponentSpec) -> Iterator[tuple[str, Any]]:
    """What to try on an example's params, unbuilt: as it is, with an unknown name, as an
    OrderedDict, and each param and nested field left out and set to each pool value."""
    yield from (("as it is", None), ("unknown name", None), ("ordered", None))
    for path, _ in walk(spec.params):
        yield path, _LEFT_OUT
        for value in POOL:
            yield path, value


def built(base: dict[str, Any], change: Any, value: Any) -> Any:
    """The params a variant stands for; None where its path is not in them."""
    if change == "as it is":
        return base
    if change == "unknown name":
        return {**base, "colour": "blue"}
    if change == "ordered":
        return collections.OrderedDict(base)
    return (
        changed(base, change, None, drop=True)
        if value is _LEFT_OUT
        else changed(base, change, value)
    )


def generated_inputs(spec: ComponentSpec, stride: int = 1) -> Iterator[Any]:
    """Every variant of every example; with a `stride`, one in `stride` of them, drawn by a
    generator seeded with the component's name before any is built: a run repeats, and no pool
    value is always skipped (every fifth of a sequence that cycles through the pool could keep
    the same values at every path)."""
    draw = random.Random(spec.name).random
    for example in spec.examples:
        base = copy.deepcopy(dict(example.params))
        for change, value in variants(spec):
            if stride == 1 or draw() * stride < 1:
                params = built(base, change, value)
                if params is not None:
                    yield params


# The pool scales with hypothesis's profile as the property tests do: every input at the
# default, CI and thorough profiles; one in five in `make test-fast`'s inner-loop profile of 10
# examples (this file's test time there: 45 s down to 11).
POOL_STRIDE = 5 if settings().max_examples < settings.get_profile("default").max_examples else 1


def exact(value: Any) -> Any:
    """A comparable form that tells apart types Python calls equal (1/True, str/Markup)."""
    kind = type(value)
    if kind is dict:
        return (dict, tuple((k, exact(v)) for k, v in value.items()))
    if kind in (list, tuple):
        return (kind, tuple(exact(v) for v in value))
    if kind is float:
        return (float, repr(value))
    return (kind, value)


def outcome(validate: Any, params: Any) -> Any:
    try:
        return ("ok", exact(validate(params)))
    except ComponentError as error:
        return ("error", str(error))
    except Exception as error:
        return ("crash", type(error).__name__, str(error))


def mismatches(spec: ComponentSpec, fast: Any, inputs: Any) -> tuple[int, list[Any]]:
    """How many inputs were tried, and (params, full outcome, fast outcome) where they differ."""
    count, found, _ = compared(spec, fast, inputs)
    return count, found


def compared(
    spec: ComponentSpec, fast: Any, inputs: Any
) -> tuple[int, list[Any], dict[str, list[Any]]]:
    """mismatches(), and every input by the kind of the full validator's outcome ("ok",
    "error", "crash"): one pass over the pool for all the checks below."""
    count, found, by_kind = 0, [], {}
    for params in inputs:
        count += 1
        full = outcome(spec.validate_full, params)
        ours = outcome(fast, params)
        if full != ours:
            found.append((params, full, ours))
        by_kind.setdefault(full[0], []).append((params, full))
    return count, found, by_kind


@pytest.mark.parametrize("name", sorted(all_specs()))
def test_fast_and_full_validation_agree_on_generated_inputs(name):
    """The two validators agree on a pool of valid and invalid inputs, which reaches both
    outcomes; and bad input gets a clear error naming the component and the param, never a
    TypeError (page_feedback's selected_reasons=[{}] once raised "unhashable type: 'dict'").
    Where they agree, a crash of one is a crash of both."""
    spec = all_specs()[name]
    count, found, by_kind = compared(spec, spec.fast_validate, generated_inputs(spec, POOL_STRIDE))
    assert count > 500 // POOL_STRIDE
    assert found == [], f"{len(found)} of {count} differ; first: {found[0]}"
    crashes = by_kind.get("crash", [])
    assert crashes == [], f"{len(crashes)} crash; first: {crashes[0]}"
    assert {"ok", "error"} <= by_kind.keys(), f"the pool reaches only {sorted(by_kind)}"


@st.composite
def mixed_changes(draw: st.DrawFn) -> tuple[str, Any]:
    name = draw(st.sampled_from(sorted(all_specs())))
    spec = all_specs()[name]
    params: Any = copy.deepcopy(dict(draw(st.sampled_from(spec.examples)).params))
    paths = [path for path, _ in walk(spec.params)]
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(paths))
        value = draw(st.sampled_from(POOL) | st.text(max_size=8))
        params = changed(params, path, value, drop=draw(st.booleans())) or params
    return name, params


@given(mixed_changes())
def test_fast_and_full_validation_agree_on_random_mixes(case):
    name, params = case
    spec = all_specs()[name]
    assert outcome(spec.fast_validate, params) == outcome(spec.validate_full, params)


def test_bad_params_raise_through_the_fast_path_every_time():
    spec = all_specs()["breadcrumb"]
    bad = {"items": [{"text": "Home", "href": "javascript:x()"}, {"text": "News"}]}
    for _ in range(3):
        with pytest.raises(ComponentError, match=r"items\[0\]\.href.*unsafe URL"):
            spec.validate(bad)


def test_a_wrong_fast_path_is_caught(monkeypatch):
    # The broken variant: the fast path forgets the URL check. The differential must see it.
    monkeypatch.setattr(validators_module, "url_reason", lambda url: None)
    spec = all_specs()["breadcrumb"]
    broken = build_validator(spec, spec.validate_full)
    _count, found = mismatches(spec, broken, generated_inputs(spec))
    assert found, "a fast path without the URL check went unnoticed"
    assert any(full[0] == "error" and ours[0] == "ok" for _, full, ours in found)


def test_a_fast_path_returning_other_types_is_caught(monkeypatch):
    # The broken variant: a datetime kept as it is, where the reference takes its date.
    spec = all_specs()["last_updated"]
    broken = build_validator(spec, spec.validate_full)
    source = broken.source.replace(".date()", "")
    namespace = dict(broken.__globals__)
    exec(compile(source, "<broken>", "exec"), namespace)
    _count, found = mismatches(spec, namespace["validate"], generated_inputs(spec))
    assert found


# --- last_updated's prepare, made cheaper: the same output as the straightforward version -------


def reference_text_html(day: dt.date, pattern: str, label: str, strings: Mapping) -> Any:
    """The former prepare: a regex callback, strftime and Markup.format (55-60 µs a call)."""
    import re

    numeric = {"d": "%d", "m": "%m", "y": "%y", "Y": "%Y", "j": "%j"}

    def directive(match: re.Match[str]) -> str:
        flag, code = match.groups()
        if code == "%" and not flag:
            return "%"
        if code in ("B", "b", "A", "a") and not flag:
            names = strings["months"] if code in "Bb" else strings["weekdays"]
            name = names[day.month - 1] if code in "Bb" else names[day.weekday()]
            return name if code.isupper() else name[:3]
        if code in numeric and (not flag or code in ("d", "m", "j")):
            text = day.strftime(numeric[code])
            return (text.lstrip("0") or "0") if flag else text
        raise ComponentError("last_updated", "date_format", f"unknown {match.group(0)!r}")

    text = re.sub(r"%(-?)(.?)", directive, pattern)
    time = Markup('<time datetime="{}">{}</time>').format(day.isoformat(), text)
    return Markup("{}: {}").format(label, time)


@given(
    st.dates(),
    st.text(alphabet="%-dmyYjBbAaxq /<&\"'ñ", max_size=10),
    st.sampled_from(["en", "es"]),
    st.sampled_from([None, "Reviewed", "<b>&"]),
)
def test_last_updated_text_matches_the_reference(day, pattern, lang, label):
    spec = all_specs()["last_updated"]
    strings = spec.strings[lang]
    params = {"date": day, "date_format": pattern or None, "lang": lang, "label": label}
    try:
        expected = reference_text_html(
            day, pattern or strings["date_format"], label or strings["label"], strings
        )
    except ComponentError:
        with pytest.raises(ComponentError, match="unknown directive"):
            spec.validate(params)
        return
    if pattern.strip() == "" and pattern:
        return  # a blank pattern is refused before formatting
    assert spec.validate(params)["text_html"] == expected
    assert type(spec.validate(params)["text_html"]) is Markup


def test_the_validator_is_generated_on_a_second_call_and_checks_alike():
    # A cold start renders each component once: that call takes the reference path.
    import tomllib

    from uswds_components.registry import COMPONENTS_DIR
    from uswds_components.spec import parse_spec

    data = tomllib.loads((COMPONENTS_DIR / "skipnav" / "spec.toml").read_text(encoding="utf-8"))
    spec = parse_spec("skipnav", data, all_specs()["skipnav"].prepare)
    good, bad = {"target": "#main"}, {"target": "main"}
    first = spec.validate(good)
    assert "fast_validate" not in spec.__dict__
    for _ in range(3):
        assert spec.validate(good) == first
        with pytest.raises(ComponentError, match="expected a fragment"):
            spec.validate(bad)
    assert "fast_validate" in spec.__dict__
