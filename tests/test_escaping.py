"""Escaping is the components' own job: it holds in an environment with autoescape off."""

from __future__ import annotations

import jinja2
import pytest
from conftest import parse, root_element
from test_escaping_properties import SLOTS, with_value

from uswds_components import (
    ComponentError,
    all_examples,
    configure_environment,
    create_environment,
    render,
)

HOSTILE = '"><script>alert(1)</script>'


def test_hostile_attribute_values_are_escaped():
    html = render(
        "banner", attributes={"data-x": '"><script>', "data-flag": True, "data-no": False}
    )
    assert "<script>" not in html
    root = root_element(html)
    assert root["data-x"] == '"><script>'
    assert root["data-flag"] == ""
    assert not root.has_attr("data-no")


def test_hostile_id_is_escaped_everywhere_it_appears():
    html = render("banner", id=HOSTILE.replace(" ", ""))
    assert "<script>" not in html
    page = parse(html)
    assert page.find("script") is None
    content = page.find(class_="usa-banner__content")
    assert content["id"] == HOSTILE.replace(" ", "")
    assert page.find("button")["aria-controls"] == content["id"]


CALL_WITH_PARAMS = '{% import "uswds/components.html" as usa %}{{ usa[name](**params) }}'


@pytest.fixture(scope="module")
def environments() -> tuple[jinja2.Environment, ...]:
    """A careless site's environment with ours added, and ours with autoescape off and on:
    built once, since each compiles every component's templates on first use."""
    careless = jinja2.Environment(autoescape=False)  # how a site might have set things up
    assert careless.from_string("{{ x }}").render(x="<b>") == "<b>"
    configure_environment(careless)
    return careless, create_environment(autoescape=False), create_environment()


@pytest.mark.parametrize("example", all_examples(), ids=lambda e: e.id)
def test_escaping_does_not_depend_on_the_callers_autoescape(example, environments):
    hostile = {**example.params, "classes": HOSTILE, "attributes": {"data-x": HOSTILE}}
    outputs = [
        env.from_string(CALL_WITH_PARAMS).render(name=example.component, params=hostile)
        for env in environments
    ]
    assert "<script>" not in outputs[0]
    assert outputs == [str(render(example.component, **hostile))] * 3


# Every text slot of every component, once each, with markup that must come out as text: a
# `|safe` (or a Markup() around a param) on any slot shows here in well under a second, where
# the property tests take their many examples to find it.
SENTINEL = '<b id="unescaped-sentinel">x</b>'


@pytest.mark.parametrize(("component", "path"), SLOTS)
def test_every_text_slot_escapes_markup(component, path):
    try:
        output = str(render(component, **with_value(component, path, SENTINEL)))
    except ComponentError:
        return  # a slot that refuses markup-like text (an id, classes) is as safe
    assert parse(output).find(id="unescaped-sentinel") is None, output
    assert "&lt;b id=" in output or "&lt;b id&#61;" in output or "\\u003cb" in output, output


def test_the_text_slot_check_catches_an_unescaped_slot():
    careless = jinja2.Environment(autoescape=False)
    output = careless.from_string("<p>{{ text }}</p>").render(text=SENTINEL)
    assert parse(output).find(id="unescaped-sentinel") is not None
