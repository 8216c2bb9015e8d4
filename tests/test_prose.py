"""Prose: a neutral wrapper for trusted HTML; a plain string or blank HTML is refused."""

from __future__ import annotations

import pytest
from conftest import root_element
from markupsafe import Markup

from uswds_components import ComponentError, render


def test_the_html_is_wrapped_as_it_is():
    wrapper = root_element(render("prose", html=Markup("<h2>Title</h2><p>Text</p>")))
    assert (wrapper.name, wrapper["class"]) == ("div", ["usa-prose"])
    assert [child.name for child in wrapper.find_all(True)] == ["h2", "p"]


@pytest.mark.parametrize("html", ["<p>Not trusted</p>", Markup("  "), None])
def test_untrusted_or_blank_html_is_refused(html):
    params = {} if html is None else {"html": html}
    with pytest.raises(ComponentError, match=r"prose: param 'html'"):
        render("prose", **params)
