"""DOM checks that hold for every example of every component."""

from __future__ import annotations

import pytest
from conftest import parse, root_element

from uswds_components import all_examples, get_spec, render

EXAMPLES = [pytest.param(e, id=e.id) for e in all_examples()]


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_renders_one_root_element_with_its_classes_and_attributes(example):
    html = render(example.component, **example.params)
    root = root_element(html)
    for css_class in example.params.get("classes", "").split():
        assert css_class in root["class"]
    for name, value in example.params.get("attributes", {}).items():
        assert root.get(name) == value


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_has_no_none_no_undefined_and_unique_ids(example):
    html = render(example.component, **example.params)
    text = parse(html).get_text(" ")
    assert "None" not in text.split()
    ids = [tag["id"] for tag in parse(html).find_all(id=True)]
    assert len(ids) == len(set(ids)), f"duplicate ids: {ids}"
    referenced = {
        token
        for attr in ("aria-controls", "aria-labelledby", "aria-describedby")
        for tag in parse(html).find_all(attrs={attr: True})
        for token in tag[attr].split()
    }
    assert referenced <= set(ids), f"references to missing ids: {referenced - set(ids)}"


def given_strings(value) -> set[str]:
    """Every string inside an example's params: URLs the caller chose themselves."""
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list | tuple):
        return set().union(*(given_strings(item) for item in value))
    return set()


@pytest.mark.parametrize("example", EXAMPLES)
def test_package_images_come_from_the_configured_prefix(example):
    html = render(example.component, **example.params)
    callers = given_strings(dict(example.params))
    for img in parse(html).find_all("img"):
        if img["src"] not in callers:
            assert img["src"].startswith("/assets/uswds/img/")


def test_every_component_has_a_visible_example():
    for name in ("banner", "gov_notice", "https_notice"):
        assert [e for e in get_spec(name).examples if not e.hidden]
