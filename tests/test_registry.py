"""The registry: every component folder is complete and every example is valid."""

from __future__ import annotations

import pytest

from uswds_components import all_examples, all_specs, get_spec
from uswds_components.registry import COMPONENTS_DIR
from uswds_components.spec import SpecError, parse_spec

SPECS = list(all_specs().values())


def test_every_component_folder_is_registered():
    folders = sorted(p.name for p in COMPONENTS_DIR.iterdir() if p.is_dir() and p.name[0] != "_")
    assert folders == sorted(all_specs())
    assert {"banner", "gov_notice", "https_notice"} <= set(folders)


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_component_folder_has_macro_spec_and_examples(spec):
    folder = COMPONENTS_DIR / spec.name
    assert (folder / "macro.html").is_file()
    assert f"macro {spec.macro_name}()" in (folder / "macro.html").read_text()
    assert spec.examples, "every component needs at least one example"
    assert spec.summary and spec.accessibility
    for param in spec.params.values():
        assert param.description, f"{spec.name}.{param.name} is undocumented"


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_every_deliberate_difference_from_uswds_has_a_reason(spec):
    for case in spec.conformance:
        if case.overrides or case.replace or case.root_attributes:
            assert case.reason, f"{spec.name}: {case.content} differs from USWDS with no reason"


@pytest.mark.parametrize("spec", SPECS, ids=lambda s: s.name)
def test_strings_exist_for_every_language(spec):
    lang = spec.params.get("lang")
    if lang is None:
        return
    keys = {code: _keys(spec.strings.get(code, {})) for code in lang.allowed}
    first = next(iter(keys.values()))
    for code, code_keys in keys.items():
        assert code_keys == first, f"{spec.name}: strings for {code!r} differ in keys"


def _keys(strings, prefix=""):
    keys = set()
    for key, value in strings.items():
        keys |= _keys(value, f"{prefix}{key}.") if isinstance(value, dict) else {prefix + key}
    return keys


def test_examples_validate_against_their_spec():
    for example in all_examples():
        get_spec(example.component).validate(example.params)


def test_spec_format_errors_are_caught():
    with pytest.raises(SpecError, match="unknown key"):
        parse_spec("x", {"title": "X", "parms": {}})
    with pytest.raises(SpecError, match="unknown type"):
        parse_spec("x", {"params": {"a": {"type": "string"}}})
    with pytest.raises(SpecError, match="unknown state"):
        parse_spec("x", {"examples": [{"name": "a", "states": ["open"]}]})
    with pytest.raises(SpecError, match="duplicate example"):
        parse_spec("x", {"examples": [{"name": "a"}, {"name": "a"}]})
    with pytest.raises(SpecError, match="common to every component"):
        parse_spec("x", {"params": {"classes": {"type": "classes"}}})
    with pytest.raises(SpecError, match="preview placement 'footer'"):
        parse_spec("x", {"preview": {"placement": "footer"}})


def test_a_state_may_name_a_viewport_width_and_nothing_unknown():
    spec = parse_spec("x", {"states": {"menu": {"click": [".b"], "width": 320}}})
    assert spec.states["menu"].width == 320
    assert parse_spec("x", {"states": {"open": {"click": [".b"]}}}).states["open"].width is None
    with pytest.raises(SpecError, match=r"states\.menu has unknown key"):
        parse_spec("x", {"states": {"menu": {"click": [".b"], "viewport": 320}}})
    with pytest.raises(SpecError, match="width must be a CSS pixel width"):
        parse_spec("x", {"states": {"menu": {"width": "320px"}}})


def test_spec_records_are_immutable_values_with_a_changed_copy() -> None:
    from uswds_components.spec import FrozenRecordError, Param, State, changed

    param = Param("title", "text", "The title", required=True)
    assert param == Param(name="title", type="text", description="The title", required=True)
    assert param != changed(param, required=False)
    open_state = State("open", "Opened", (".usa-accordion__button",))
    assert hash(open_state) == hash(State("open", "Opened", (".usa-accordion__button",)))
    assert "required=True" in repr(param) and repr(param).startswith("Param(")
    assert param.fields == {} and param.fields is not Param("a", "text", "").fields
    with pytest.raises(FrozenRecordError):
        param.required = False  # type: ignore[misc]
    with pytest.raises(FrozenRecordError):
        del param.required
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Param("title", "text", "", colour="red")
    with pytest.raises(TypeError, match="missing required argument 'description'"):
        Param("title", "text")
    with pytest.raises(TypeError, match="multiple values for argument 'type'"):
        Param("title", "text", type="text")
    banner = get_spec("banner")
    fewer = changed(banner, examples=banner.examples[:1])
    assert fewer.examples == banner.examples[:1] and fewer.params is banner.params
