"""Escaping is the components' own job: it holds in an environment with autoescape off."""

from __future__ import annotations

import jinja2
import pytest
from conftest import parse, root_element

from uswds_components import all_examples, configure_environment, create_environment, render

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


@pytest.mark.parametrize("example", all_examples(), ids=lambda e: e.id)
def test_escaping_does_not_depend_on_the_callers_autoescape(example):
    hostile = {**example.params, "classes": HOSTILE, "attributes": {"data-x": HOSTILE}}
    careless = jinja2.Environment(autoescape=False)  # how a site might have set things up
    assert careless.from_string("{{ x }}").render(x="<b>") == "<b>"
    configure_environment(careless)
    outputs = [
        env.from_string(CALL_WITH_PARAMS).render(name=example.component, params=hostile)
        for env in (careless, create_environment(autoescape=False), create_environment())
    ]
    assert "<script>" not in outputs[0]
    assert outputs == [str(render(example.component, **hostile))] * 3
