"""The link against USWDS's usa-link twig, and the shared "external link" / "new tab" wording.

USWDS ships no content file for usa-link: its twig is one demo page of six links. Each link of
ours is compared with the matching link on that page, after our visually hidden text (the one
declared addition) is taken out; the differences are declared below, one reason each.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import parse, root_element
from test_conformance import twig_environment

from uswds_components import ComponentError, create_environment, render
from uswds_components.testing.canonical import canonical_html

GIF = "https://i.giphy.com/media/WPzQF6ruiIIVzHNlwX/source.gif"


def twig_links() -> list:
    html = twig_environment().get_template("usa-link/src/usa-link.twig").render()
    return BeautifulSoup(html, "html.parser").find_all("a")


def without_hint(html: str) -> str:
    link = root_element(html)
    for hint in link.find_all(class_="uswds-components-link-hint"):
        hint.decompose()
    return str(link)


# (index of the twig's link, our params, attributes changed on the reference and why)
CASES = [
    # `javascript:void(0);` is Storybook's placeholder, refused by our URL allow-list.
    (0, {"text": "a text link", "href": "/page"}, {"href": "/page"}),
    (2, {"text": "external website", "href": GIF, "external": True}, {}),
    # A new tab also gets noopener (the opened page gets no window.opener), as browsers now do.
    (
        3,
        {"text": "external website", "href": GIF, "external": True, "new_tab": True},
        {"rel": "noopener noreferrer"},
    ),
    (4, {"text": "a text link on a dark background", "href": "/page"}, {"href": "/page"}),
    (5, {"text": "This", "href": GIF, "external": True, "alt": True}, {}),
]
# Link 1 is "a visited link": `usa-color-text-visited` is a demo class showing the visited colour,
# which the browser applies itself; it is not a variant.


@pytest.mark.parametrize(("index", "params", "changed"), CASES)
def test_each_link_matches_the_twig_apart_from_the_hidden_text(index, params, changed):
    reference = twig_links()[index]
    reference.attrs.update(changed)
    assert canonical_html(without_hint(render("link", **params))) == canonical_html(str(reference))


def test_the_twig_still_has_the_links_compared():
    texts = [link.get_text(" ", strip=True) for link in twig_links()]
    assert texts == [
        "a text link",
        "a visited link",
        "external website",
        "external website",
        "a text link on a dark background",
        "This",
    ]


def test_the_comparison_catches_a_real_difference():
    reference = canonical_html(str(twig_links()[2]))
    ours = without_hint(render("link", text="external website", href=GIF, external=True))
    assert canonical_html(ours) == reference
    assert canonical_html(ours.replace(' rel="noreferrer"', "")) != reference
    assert canonical_html(ours.replace("usa-link--external", "usa-link--ext")) != reference


@pytest.mark.parametrize(
    ("params", "hint"),
    [
        ({"external": True}, " (external link)"),
        ({"new_tab": True}, " (opens in a new tab)"),
        ({"external": True, "new_tab": True}, " (external link, opens in a new tab)"),
        ({"external": True, "lang": "es"}, " (enlace externo)"),
        ({"new_tab": True, "lang": "es"}, " (se abre en una pestaña nueva)"),
        (
            {"external": True, "new_tab": True, "lang": "es"},
            " (enlace externo, se abre en una pestaña nueva)",
        ),
    ],
)
def test_external_and_new_tab_links_say_so_in_hidden_text_inside_the_link(params, hint):
    link = root_element(render("link", text="Benefits", href="https://www.usa.gov/", **params))
    spans = link.find_all("span")
    assert len(spans) == 1
    assert spans[0]["class"] == ["usa-sr-only", "uswds-components-link-hint"]
    assert spans[0].string == hint
    assert link.get_text() == "Benefits" + hint
    assert ("usa-link--external" in link["class"]) == bool(params.get("external"))


def test_a_new_tab_is_target_blank_with_noopener_noreferrer():
    link = root_element(render("link", text="Help", href="/help", new_tab=True))
    assert (link["target"], link["rel"]) == ("_blank", ["noopener", "noreferrer"])
    plain = root_element(render("link", text="Help", href="/help"))
    assert not plain.has_attr("target") and not plain.has_attr("rel")


def test_the_shared_macros_are_importable_by_other_components():
    # The one place for this wording: a component imports it rather than writing its own.
    template = create_environment().from_string(
        '{% from "uswds/components/link/macro.html" import link_hint, link_target_attributes %}'
        '<a href="/x"{{ link_target_attributes(true, true) }}>'
        'X{{ link_hint(true, true, "es") }}</a>'
    )
    link = parse(template.render()).find("a")
    assert link["target"] == "_blank"
    assert link.get_text() == "X (enlace externo, se abre en una pestaña nueva)"


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"href": "/x"}, "text"),
        ({"text": " ", "href": "/x"}, "text"),
        ({"text": "X"}, "href"),
        ({"text": "X", "href": " "}, "href"),
        ({"text": "X", "href": "javascript:alert(1)"}, "href"),
        ({"text": "X", "href": "/x", "attributes": {"target": "_top"}}, 'attributes["target"]'),
    ],
)
def test_bad_input_names_the_param(params, param):
    with pytest.raises(ComponentError, match=re.escape(f"link: param '{param}'")):
        render("link", **params)
