"""The tag: a span of text, default or big, never blank."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, render


def test_a_tag_is_a_span_with_its_words():
    tag = root_element(render("tag", text="New"))
    assert (tag.name, tag["class"], tag.string) == ("span", ["usa-tag"], "New")


def test_a_big_tag():
    assert root_element(render("tag", text="New", big=True))["class"] == ["usa-tag", "usa-tag--big"]


@pytest.mark.parametrize("params", [{}, {"text": "  "}])
def test_a_tag_needs_words(params):
    with pytest.raises(ComponentError, match=r"tag: param 'text'"):
        render("tag", **params)
