"""Component specs: the params, examples, strings and conformance cases of one component.

Each component folder holds a `spec.toml`. It is the single source for what `render()` and the
macro accept, for the tests, for the gallery and for the docs.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from markupsafe import Markup

from .errors import ComponentError
from .urls import unsafe_url_reason

if TYPE_CHECKING:
    import datetime as dt

PARAM_TYPES = frozenset(
    {
        "text",
        "html",
        "bool",
        "int",
        "id",
        "url",
        "classes",
        "attributes",
        "list",
        "mapping",
        "date",
        "nonce",
    }
)

# A CSP nonce is base64 (either alphabet): anything else is refused rather than escaped.
NONCE_PATTERN = re.compile(r"^[A-Za-z0-9+/_-]+={0,2}$")
# An attribute name the HTML tokenizer reads back as exactly one name.
_ATTRIBUTE_NAME = re.compile(r"^[A-Za-z_:][A-Za-z0-9_:.\-]*$")
# Attributes whose value the browser follows as a URL: checked like every href.
_URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "ping"}
)
_SPEC_PARAM_KEYS = frozenset(
    {
        "type",
        "description",
        "required",
        "default",
        "allowed",
        "min",
        "max",
        "fields",
        "min_items",
        "per_page",
        "component",
    }
)
_SPEC_EXAMPLE_KEYS = frozenset({"name", "description", "params", "states", "hidden", "axe_disable"})
_SPEC_KEYS = frozenset(
    {
        "title",
        "summary",
        "uswds",
        "reserved_attributes",
        "params",
        "examples",
        "states",
        "strings",
        "conformance",
        "conformance_not_covered",
        "preview",
        "accessibility",
        "per_page",
    }
)


MISSING = object()


def value_at(container: Any, path: tuple[str | int, ...]) -> Any:
    """The value at `path` in dicts and lists, or MISSING."""
    for key in path:
        kind = type(container)
        if kind is dict and type(key) is str:
            container = container.get(key, MISSING)
        elif (
            (kind is list or kind is tuple)
            and type(key) is int
            and -len(container) <= key < len(container)
        ):
            container = container[key]
        else:
            return MISSING
    return container


def with_value(container: Any, path: tuple[str | int, ...], value: Any) -> Any:
    """A copy of `container` with `value` at `path` (which `value_at` reached), copying only
    the containers on the path."""
    key, rest = path[0], path[1:]
    if type(container) is dict:
        return {**container, key: with_value(container[key], rest, value) if rest else value}
    copied = list(container)
    copied[key] = with_value(copied[key], rest, value) if rest else value  # type: ignore[index]
    return copied if type(container) is list else tuple(copied)


class FrozenRecordError(AttributeError):
    """A spec record was assigned to: specs are shared by every render, so they never change."""


class _Default:
    """A field's default made afresh for each record, like dataclasses' default_factory."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def _fresh(make: Callable[[], Any]) -> Any:
    return _Default(make)


class _Record:
    """An immutable record with keyword construction, equality and a repr.

    What `@dataclass(frozen=True)` gave the spec classes, written once: dataclasses generate
    and compile six functions per class, which cost a process 8 ms at import, half of what
    the package may add to a cold start (issue #21). Fields are the class's annotations, in
    order; a class attribute of the same name is the default.
    """

    _fields: tuple[str, ...] = ()
    _defaults: dict[str, Any] = {}  # noqa: RUF012 - set per class by __init_subclass__

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        # Not inspect.get_annotations: the names are all that is needed, and strings suffice.
        names = tuple(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063
        cls._fields = names
        cls._defaults = {name: cls.__dict__[name] for name in names if name in cls.__dict__}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kind = type(self).__name__
        fields = self._fields
        if len(args) > len(fields):
            raise TypeError(f"{kind}() takes {len(fields)} arguments, got {len(args)}")
        given = dict(zip(fields, args, strict=False))
        for name, value in kwargs.items():
            if name not in fields:
                raise TypeError(f"{kind}() got an unexpected keyword argument {name!r}")
            if name in given:
                raise TypeError(f"{kind}() got multiple values for argument {name!r}")
            given[name] = value
        values = self.__dict__
        for name in fields:
            if name in given:
                values[name] = given[name]
            elif name in self._defaults:
                default = self._defaults[name]
                values[name] = default.make() if type(default) is _Default else default
            else:
                raise TypeError(f"{kind}() missing required argument {name!r}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenRecordError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[Any, ...]:
        return tuple(self.__dict__[name] for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={self.__dict__[name]!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"


RecordT = TypeVar("RecordT", bound=_Record)


def changed(record: RecordT, /, **changes: Any) -> RecordT:
    """A copy of `record` with `changes` (as dataclasses.replace)."""
    return type(record)(**{**{n: record.__dict__[n] for n in record._fields}, **changes})


class Param(_Record):
    """One documented parameter and its constraints."""

    name: str
    type: str
    description: str
    required: bool = False
    default: Any = None
    allowed: tuple[Any, ...] | None = None
    minimum: int | None = None
    maximum: int | None = None
    min_items: int | None = None
    fields: Mapping[str, Param] = _fresh(dict)
    # A mapping that holds another component's params (the header's language selector): checked
    # by that component's spec, its errors named under this param.
    component: str | None = None
    # Differs on every page and fills one escaped text slot: renders are memoised around it.
    per_page: bool = False

    def default_value(self) -> Any:
        return copy.deepcopy(self.default)


# A per-page text slot is rendered as this placeholder: a relative URL that every text and URL
# rule accepts and escaping leaves as it is.
PER_PAGE_PLACEHOLDER = "/uswds-components-per-page-{}/"
# A per-page date slot is rendered as this date: its formatted text is checked to be unique.
PER_PAGE_DATE = (1111, 11, 11)


class Slot(_Record):
    """A per-page value: memoised renders are kept around the one place the output shows it.

    `path` is where the value sits in the params (`("items", -1, "text")`), `output` where its
    printed form sits in the validated params (`("text_html",)` when prepare derives it; by
    default `path`). The template must print `output`, escaped, exactly once, and the value may
    reach the output through nothing else: tests/test_render_cache.py compares the renders
    around each slot with whole renders.
    """

    name: str
    path: tuple[str | int, ...]
    output: tuple[str | int, ...]
    placeholder: Any
    # The param (or list item field) at `path`: the page's value is checked as it.
    param: Param


class State(_Record):
    """A browser state of an example, reached by clicking the given selectors in order.

    `width` (CSS px) opens the page at that viewport width first: a mobile menu or a footer's
    collapsed sections exist only below USWDS's breakpoints.
    """

    name: str
    description: str
    click: tuple[str, ...] = ()
    width: int | None = None


class Example(_Record):
    """A named set of params: a unit test case, an axe run, a gallery preview."""

    component: str
    name: str
    description: str
    params: Mapping[str, Any]
    states: tuple[str, ...] = ()
    hidden: bool = False
    axe_disable: Mapping[str, str] = _fresh(dict)

    @property
    def id(self) -> str:
        return f"{self.component}/{self.name}"


class ConformanceCase(_Record):
    """Our output for `params` must equal USWDS's twig rendered with its content files.

    `overrides` (dotted content keys), `replace` (exact strings in the twig's output) and
    `root_attributes` state each deliberate difference from the twig; `reason` says why.
    `engine` renders the twig: "jinja" for the simple templates, "twig.js" (USWDS's own
    engine, from npm) for those using `embed`, `include … with`, ternaries or namespaces.
    """

    twig: str
    content: tuple[str, ...]
    params: Mapping[str, Any]
    overrides: Mapping[str, Any] = _fresh(dict)
    replace: Mapping[str, str] = _fresh(dict)
    root_attributes: Mapping[str, str] = _fresh(dict)
    reason: str = ""
    engine: str = "jinja"


class ComponentSpec(_Record):
    """Everything known about one component."""

    name: str
    title: str
    summary: str
    uswds: tuple[str, ...]
    params: Mapping[str, Param]
    examples: tuple[Example, ...]
    states: Mapping[str, State]
    strings: Mapping[str, Any]
    conformance: tuple[ConformanceCase, ...]
    reserved_attributes: frozenset[str]
    preview_placement: str = "main"
    accessibility: str = ""
    # USWDS content files of a mirrored twig package with no conformance case: path -> why.
    conformance_not_covered: Mapping[str, str] = _fresh(dict)
    # Params declared `per_page`: memoised renders leave a slot for them.
    per_page_params: tuple[str, ...] = ()
    # The per-page slot (a `per_page` param, or the spec's [per_page] table), if any.
    slot: Slot | None = None
    # The component's hooks.prepare(params) -> params, if it has one: cross-param rules (e.g.
    # "exactly one of text or html") and derived values (e.g. a formatted date) live there.
    prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    # hooks.per_page(value, held) -> printed, if any: what prepare() checks of and makes from
    # the slot's value, the other params being `held` (checked). A page then costs that
    # alone, not the whole prepare(); without it, prepare() runs again (printed_slot()).
    per_page_rule: Callable[[Any, dict[str, Any]], Any] | None = None

    @property
    def macro_name(self) -> str:
        return f"usa_{self.name}"

    @property
    def template(self) -> str:
        return f"uswds/components/{self.name}/macro.html"

    def example(self, name: str) -> Example:
        for example in self.examples:
            if example.name == name:
                return example
        raise KeyError(f"{self.name} has no example {name!r}")

    def validate(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """Check `given` against the params and return every param, defaults filled in."""
        fast = self.__dict__.get("fast_validate")
        if fast is not None:
            return fast(given)
        # Generating a validator costs about a millisecond per component: a process that renders
        # each component once (a cold start) never gets that back, so the second call does it.
        if self.__dict__.get("_validated_once"):
            return self.fast_validate(given)
        self.__dict__["_validated_once"] = True  # frozen: set as cached_property sets its value
        return self.validate_full(given)

    @functools.cached_property
    def fast_validate(self) -> Callable[[Mapping[str, Any]], dict[str, Any]]:
        """validate_full, generated for this spec: exact types inline, `_check` for the rest."""
        from .validators import build_validator

        return build_validator(self, self.validate_full)

    @functools.cached_property
    def fast_param_checks(self) -> dict[str, Callable[[Any], Any]]:
        """Each param's `_check`, generated: exact types inline."""
        from .validators import build_param_checks

        return build_param_checks(self)

    def printed_slot(self, value: Any, held: dict[str, Any], path_name: str) -> Any:
        """What the slot prints for the page's `value`, when every other param is as in `held`
        (checked, before prepare): the error a whole validation of those params raises, or
        the value at the slot's `output` in what prepare() returns. `path_name` is
        slot_path_name(held), kept with the held render."""
        slot = self.slot
        assert slot is not None
        checked = _check(self, slot.param, path_name, value)
        if self.per_page_rule is not None:
            return self.per_page_rule(checked, held)
        values = with_value(held, slot.path, checked)
        return value_at(values if self.prepare is None else self.prepare(values), slot.output)

    def slot_path_name(self, held: Mapping[str, Any]) -> str:
        """The slot's path as a whole validation names it in errors: `items[2].text`."""
        assert self.slot is not None
        name = ""
        container: Any = held
        for key in self.slot.path:
            if isinstance(key, int):
                name += f"[{key if key >= 0 else len(container) + key}]"
            else:
                name += f".{key}" if name else key
            container = container[key]
        return name

    def check_values(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """validate() without the prepare hook: every name known, every param checked."""
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            return self.validate_full(given)  # raises: the unknown name, as validate() says
        checks = self.fast_param_checks
        return {name: checks[name](given.get(name)) for name in self.params}

    def validate_full(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """The reference validation: every value through `_check`, then the prepare hook."""
        unknown = sorted(set(given) - set(self.params))
        if unknown:
            known = ", ".join(sorted(self.params))
            raise ComponentError(self.name, unknown[0], f"unknown param (known params: {known})")
        values: dict[str, Any] = {}
        for name, param in self.params.items():
            values[name] = _check(self, param, name, given.get(name))
        return self.prepare(values) if self.prepare else values


def _is_undefined(value: Any) -> bool:
    # Jinja's Undefined, without importing jinja2 into the spec layer.
    return type(value).__name__.endswith("Undefined") and hasattr(value, "_undefined_name")


def _type_name(value: Any) -> str:
    return type(value).__name__


def _check(spec: ComponentSpec, param: Param, path: str, value: Any) -> Any:
    """Validate and normalise one value; `path` names it in errors (e.g. items[2].href)."""
    fail = _failer(spec.name, path)
    if _is_undefined(value):
        raise fail("is undefined: the template passed a variable that does not exist")
    if value is None:
        if param.required:
            raise fail("is required")
        return param.default_value()

    kind = param.type
    if kind in ("text", "id", "url", "classes", "nonce"):
        if not isinstance(value, str):
            raise fail(f"expected text (str), got {_type_name(value)}")
        # A Markup passed to a text param is still text: turning it back into a plain str
        # makes the template escape it, so HTML enters only through `html` params.
        value = str.__str__(value)
        if kind == "id" and (not value or any(ch.isspace() for ch in value)):
            raise fail(f"expected an id with no spaces, got {value!r}")
        if kind == "url":
            reason = unsafe_url_reason(value)
            if reason:
                raise fail(f"unsafe URL {value!r}: {reason}")
        if kind == "classes":
            value = " ".join(value.split())
        if kind == "nonce" and not NONCE_PATTERN.match(value):
            raise fail(f"expected a base64 CSP nonce, got {value!r}")
    elif kind == "html":
        if not hasattr(value, "__html__"):
            raise fail(
                f"expected markupsafe.Markup, got {_type_name(value)}; pass HTML you trust as "
                "Markup(...), or use the text param for plain text"
            )
        value = Markup(value.__html__())
    elif kind == "bool":
        if not isinstance(value, bool):
            raise fail(f"expected True or False, got {value!r}")
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(f"expected an integer, got {value!r}")
        if param.minimum is not None and value < param.minimum:
            raise fail(f"must be at least {param.minimum}, got {value}")
        if param.maximum is not None and value > param.maximum:
            raise fail(f"must be at most {param.maximum}, got {value}")
    elif kind == "attributes":
        value = _check_attributes(spec, path, value)
    elif kind == "mapping" and param.component is not None:
        value = _check_component_params(spec, param.component, path, value)
    elif kind == "mapping":
        value = _check_fields(spec, param, path, value)
    elif kind == "list":
        if isinstance(value, str | bytes | Mapping) or not isinstance(value, list | tuple):
            raise fail(f"expected a list, got {_type_name(value)}")
        if param.min_items is not None and len(value) < param.min_items:
            raise fail(f"needs at least {param.min_items} item(s), got {len(value)}")
        if param.fields:
            value = [_check_fields(spec, param, f"{path}[{i}]", v) for i, v in enumerate(value)]
        else:
            value = list(value)
    elif kind == "date":
        value = _check_date(spec, path, value)

    if param.allowed is not None and value not in param.allowed:
        allowed = ", ".join(repr(a) for a in param.allowed)
        raise fail(f"must be one of {allowed}; got {value!r}")
    return value


def _check_fields(spec: ComponentSpec, param: Param, path: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ComponentError(spec.name, path, f"expected a mapping, got {_type_name(value)}")
    unknown = sorted(set(value) - set(param.fields))
    if unknown:
        known = ", ".join(sorted(param.fields))
        raise ComponentError(spec.name, f"{path}.{unknown[0]}", f"unknown key (known: {known})")
    return {
        name: _check(spec, sub, f"{path}.{name}", value.get(name))
        for name, sub in param.fields.items()
    }


def _check_component_params(
    spec: ComponentSpec, component: str, path: str, value: Any
) -> dict[str, Any]:
    """Params of another component, which the macro passes on as they are: checked (with its
    hooks) by that component's spec, an error named as this component's param path."""
    from .registry import get_spec

    if not isinstance(value, Mapping):
        raise ComponentError(spec.name, path, f"expected a mapping, got {_type_name(value)}")
    try:
        get_spec(component).validate(dict(value))
    except ComponentError as error:
        inner = f"{path}.{error.param}" if error.param else path
        message = str(error).split(": ", 2)[-1] if error.param else str(error).split(": ", 1)[-1]
        raise ComponentError(spec.name, inner, f"{message} ({component} params)") from error
    return dict(value)


def _check_attributes(spec: ComponentSpec, path: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise ComponentError(spec.name, path, f"expected a mapping, got {_type_name(value)}")
    checked: dict[str, Any] = {}
    for name, attr_value in value.items():
        where = f'{path}["{name}"]'
        if not isinstance(name, str) or not _ATTRIBUTE_NAME.match(name):
            raise ComponentError(spec.name, where, "is not a valid attribute name")
        lowered = name.lower()
        if lowered == "class":
            raise ComponentError(spec.name, where, "use the classes param for CSS classes")
        if lowered in spec.reserved_attributes:
            raise ComponentError(
                spec.name, where, "is set by the component itself; use its own param"
            )
        if lowered.startswith("on"):
            raise ComponentError(
                spec.name, where, "event-handler attributes are refused: they run script"
            )
        if _is_undefined(attr_value):
            raise ComponentError(spec.name, where, "is undefined")
        if attr_value is None or isinstance(attr_value, bool):
            checked[name] = attr_value
            continue
        if not isinstance(attr_value, str | int | float):
            raise ComponentError(
                spec.name, where, f"expected text, a number or a bool, got {_type_name(attr_value)}"
            )
        attr_value = str.__str__(str(attr_value))
        if lowered in _URL_ATTRIBUTES:
            reason = unsafe_url_reason(attr_value)
            if reason:
                raise ComponentError(spec.name, where, f"unsafe URL {attr_value!r}: {reason}")
        checked[name] = attr_value
    return checked


def _check_date(spec: ComponentSpec, path: str, value: Any) -> dt.date:
    # Imported here: a process whose components take no dates never loads datetime (2 ms).
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        # The whole string must parse: a date or datetime with trailing junk is refused, not cut.
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
        raise ComponentError(spec.name, path, f"expected an ISO date (YYYY-MM-DD), got {value!r}")
    raise ComponentError(
        spec.name, path, f"expected a date, datetime or ISO string, got {_type_name(value)}"
    )


def _failer(component: str, path: str):
    def fail(message: str) -> ComponentError:
        return ComponentError(component, path, message)

    return fail


# --- loading spec.toml -----------------------------------------------------------------------

COMMON_PARAMS: dict[str, dict[str, Any]] = {
    "classes": {
        "type": "classes",
        "default": "",
        "description": "Extra CSS classes for the root element, separated by spaces.",
    },
    "attributes": {
        "type": "attributes",
        "default": {},
        "description": (
            "Extra attributes for the root element: names and values are escaped; True renders "
            "a boolean attribute, False or None leaves it out. `class`, event handlers and "
            "attributes the component sets itself are refused; URL-valued ones are checked "
            "like every href."
        ),
    },
}


PREVIEW_PLACEMENTS = ("top", "main", "bottom")


def _parse_not_covered(component: str, raw: Mapping[str, Any]) -> dict[str, str]:
    """`[conformance_not_covered]`: each uncovered USWDS content file with its reason."""
    for path, reason in raw.items():
        if not isinstance(reason, str) or len(reason.strip()) < 20:
            raise SpecError(f"{component}: conformance_not_covered {path!r} needs a real reason")
    return dict(raw)


def _preview_placement(component: str, preview: Mapping[str, Any]) -> str:
    """Where the gallery's preview page puts the component: before, in or after <main>."""
    placement = preview.get("placement", "main")
    if placement not in PREVIEW_PLACEMENTS:
        raise SpecError(
            f"{component}: preview placement {placement!r} is not one of {PREVIEW_PLACEMENTS}"
        )
    return placement


class SpecError(Exception):
    """A spec.toml that does not follow the spec format: a bug in the package, not bad input."""


def parse_spec(
    name: str,
    data: Mapping[str, Any],
    prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    per_page_rule: Callable[[Any, dict[str, Any]], Any] | None = None,
) -> ComponentSpec:
    """Build a ComponentSpec from the parsed contents of a component's spec.toml."""
    _no_unknown_keys(name, "spec", data, _SPEC_KEYS)
    raw_params = dict(data.get("params", {}))
    for common, definition in COMMON_PARAMS.items():
        if common in raw_params:
            raise SpecError(f"{name}: {common!r} is common to every component; do not redeclare")
        raw_params[common] = definition
    params = {key: _parse_param(name, key, value) for key, value in raw_params.items()}

    states = {key: _parse_state(name, key, value) for key, value in data.get("states", {}).items()}
    spec_without_examples = ComponentSpec(
        name=name,
        title=data.get("title", name.replace("_", " ").capitalize()),
        summary=data.get("summary", ""),
        uswds=tuple(data.get("uswds", ())),
        params=params,
        examples=(),
        states=states,
        strings=_mark_html(data.get("strings", {})),
        conformance=tuple(_parse_conformance(c, params) for c in data.get("conformance", ())),
        conformance_not_covered=_parse_not_covered(name, data.get("conformance_not_covered", {})),
        reserved_attributes=frozenset(a.lower() for a in data.get("reserved_attributes", ())),
        preview_placement=_preview_placement(name, data.get("preview", {})),
        per_page_params=tuple(key for key, param in params.items() if param.per_page),
        slot=_parse_slot(name, data.get("per_page"), params),
        accessibility=data.get("accessibility", ""),
        prepare=prepare,
        per_page_rule=per_page_rule,
    )
    if per_page_rule is not None and spec_without_examples.slot is None:
        raise SpecError(f"{name}: hooks.per_page is given, but the spec has no per_page slot")
    examples = tuple(_parse_example(spec_without_examples, raw) for raw in data.get("examples", ()))
    names = [e.name for e in examples]
    if len(set(names)) != len(names):
        raise SpecError(f"{name}: duplicate example names in {names}")
    return ComponentSpec(**{**spec_without_examples.__dict__, "examples": examples})


def _parse_state(component: str, key: str, raw: Mapping[str, Any]) -> State:
    _no_unknown_keys(component, f"states.{key}", raw, frozenset({"description", "click", "width"}))
    width = raw.get("width")
    if width is not None and (not isinstance(width, int) or not 200 <= width <= 2000):
        raise SpecError(f"{component}: states.{key}.width must be a CSS pixel width, 200-2000")
    return State(key, raw.get("description", ""), tuple(raw.get("click", ())), width)


def _parse_slot(
    component: str, raw: Mapping[str, Any] | None, params: Mapping[str, Param]
) -> Slot | None:
    """The component's one per-page slot: its [per_page] table or its `per_page` param."""
    declared = [name for name, param in params.items() if param.per_page]
    if raw is None:
        if not declared:
            return None
        if len(declared) > 1:
            raise SpecError(f"{component}: one per_page param at most, got {declared}")
        path: tuple[str | int, ...] = (declared[0],)
        raw = {"path": list(path)}
    elif declared:
        raise SpecError(f"{component}: declare the per_page slot once, as a param or a table")
    _no_unknown_keys(component, "per_page", raw, frozenset({"path", "output"}))
    path = tuple(raw["path"])
    output = tuple(raw.get("output", path))
    param = params.get(path[0]) if path and isinstance(path[0], str) else None
    for key in path[1:]:
        if param is not None and param.type == "list" and isinstance(key, int):
            continue
        param = param.fields.get(key) if param is not None and isinstance(key, str) else None
    if param is None or param.type not in ("text", "url", "date"):
        raise SpecError(f"{component}: per_page path {list(path)} is not a text, url or date")
    name = "".join(f"[{key}]" if isinstance(key, int) else f".{key}" for key in path).lstrip(".")
    # The placeholder names the slot in letters, digits, _ and - only: nothing escaping changes.
    label = re.sub(r"[^A-Za-z0-9_]+", "-", name).strip("-")
    if param.type == "date":
        import datetime as dt

        placeholder: Any = dt.date(*PER_PAGE_DATE)
    else:
        placeholder = PER_PAGE_PLACEHOLDER.format(label)
    return Slot(name=name, path=path, output=output, placeholder=placeholder, param=param)


def _parse_param(component: str, name: str, raw: Mapping[str, Any]) -> Param:
    _no_unknown_keys(component, f"param {name}", raw, _SPEC_PARAM_KEYS)
    kind = raw.get("type")
    if kind not in PARAM_TYPES:
        raise SpecError(f"{component}: param {name} has unknown type {kind!r}")
    allowed = raw.get("allowed")
    per_page = raw.get("per_page", False)
    if per_page and (kind not in ("text", "url") or "." in name):
        raise SpecError(f"{component}: param {name}: only a top-level text or url can be per_page")
    return Param(
        name=name,
        type=kind,
        description=raw.get("description", ""),
        required=raw.get("required", False),
        default=raw.get("default"),
        allowed=tuple(allowed) if allowed is not None else None,
        minimum=raw.get("min"),
        maximum=raw.get("max"),
        min_items=raw.get("min_items"),
        fields={
            key: _parse_param(component, f"{name}.{key}", value)
            for key, value in raw.get("fields", {}).items()
        },
        per_page=per_page,
        component=raw.get("component"),
    )


def _trusted_html(params: Mapping[str, Param], given: Mapping[str, Any]) -> dict[str, Any]:
    """Spec files cannot hold Markup: their HTML for `html` params is ours, so mark it."""
    marked = dict(given)
    for key, value in marked.items():
        param = params.get(key)
        if param is not None and param.type == "html" and isinstance(value, str):
            marked[key] = Markup(value)
        elif param is not None and param.type == "list" and isinstance(value, list):
            # A list of items, each with its own `html` field (an accordion's panels).
            marked[key] = [
                _trusted_html(param.fields, v) if isinstance(v, Mapping) else v for v in value
            ]
        elif param is not None and param.type == "mapping" and isinstance(value, Mapping):
            marked[key] = _trusted_html(param.fields, value)
    return marked


def _parse_example(spec: ComponentSpec, raw: Mapping[str, Any]) -> Example:
    _no_unknown_keys(spec.name, f"example {raw.get('name')}", raw, _SPEC_EXAMPLE_KEYS)
    params = _trusted_html(spec.params, raw.get("params", {}))
    states = tuple(raw.get("states", ()))
    for state in states:
        if state not in spec.states:
            raise SpecError(f"{spec.name}: example {raw['name']} names unknown state {state!r}")
    return Example(
        component=spec.name,
        name=raw["name"],
        description=raw.get("description", ""),
        params=params,
        states=states,
        hidden=raw.get("hidden", False),
        axe_disable=dict(raw.get("axe_disable", {})),
    )


CONFORMANCE_ENGINES = ("jinja", "twig.js")


def _parse_conformance(raw: Mapping[str, Any], params: Mapping[str, Param]) -> ConformanceCase:
    content = raw["content"]
    engine = raw.get("engine", "jinja")
    if engine not in CONFORMANCE_ENGINES:
        raise SpecError(f"conformance case {raw['twig']}: unknown engine {engine!r}")
    return ConformanceCase(
        twig=raw["twig"],
        content=tuple([content] if isinstance(content, str) else content),
        params=_trusted_html(params, raw.get("params", {})),
        overrides=dict(raw.get("overrides", {})),
        replace=dict(raw.get("replace", {})),
        root_attributes=dict(raw.get("root_attributes", {})),
        reason=raw.get("reason", ""),
        engine=engine,
    )


def _mark_html(strings: Mapping[str, Any]) -> dict[str, Any]:
    """Package strings whose key ends in `_html` carry our own trusted markup."""
    marked: dict[str, Any] = {}
    for key, value in strings.items():
        if isinstance(value, Mapping):
            marked[key] = _mark_html(value)
        elif key.endswith("_html"):
            marked[key] = Markup(value)
        else:
            marked[key] = value
    return marked


def _no_unknown_keys(component: str, where: str, raw: Mapping[str, Any], known: frozenset[str]):
    unknown = sorted(set(raw) - known)
    if unknown:
        raise SpecError(f"{component}: {where} has unknown key(s) {unknown}")
