"""The list: bulleted or numbered, unstyled, items as text or trusted HTML, never blank."""

from __future__ import annotations

import pytest
from conftest import root_element
from markupsafe import Markup

from uswds_components import ComponentError, render

ITEMS = [{"text": "One"}, {"html": Markup("<a href='/two'>Two</a>")}]


def test_a_bulleted_list_by_default():
    ul = root_element(render("list", items=ITEMS))
    assert (ul.name, ul["class"]) == ("ul", ["usa-list"])
    assert [li.get_text() for li in ul.find_all("li")] == ["One", "Two"]
    assert ul.find("a")["href"] == "/two"


def test_ordered_and_unstyled():
    ol = root_element(render("list", items=ITEMS, ordered=True, unstyled=True))
    assert (ol.name, ol["class"]) == ("ol", ["usa-list", "usa-list--unstyled"])


@pytest.mark.parametrize(
    ("items", "path"),
    [
        ([], "items"),
        ([{}], r"items\[0\].text"),
        ([{"text": "a", "html": Markup("b")}], r"items\[0\].html"),
        ([{"text": "  "}], r"items\[0\].text"),
        ([{"text": "a"}, {"html": Markup(" ")}], r"items\[1\].html"),
    ],
)
def test_bad_items_are_refused(items, path):
    with pytest.raises(ComponentError, match=rf"list: param '{path}'"):
        render("list", items=items)
