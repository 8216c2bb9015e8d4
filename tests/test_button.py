"""The button's rules: a <button> needs a type, a link has none, disabled means aria-disabled."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, render


def test_a_button_needs_its_type():
    with pytest.raises(ComponentError, match=r"button: param 'type': is required for a <button>"):
        render("button", text="Save")


def test_a_link_takes_no_type():
    with pytest.raises(ComponentError, match=r"param 'type': a link \(href\) has no type"):
        render("button", text="Apply", href="/apply", type="button")


@pytest.mark.parametrize("kind", ["submit", "reset"])
def test_a_disabled_button_that_would_still_act_is_refused(kind):
    with pytest.raises(ComponentError, match=f"cannot be type='{kind}'"):
        render("button", text="Send", type=kind, disabled=True)


def test_disabled_is_aria_disabled_not_the_disabled_attribute():
    button = root_element(render("button", text="Continue", type="button", disabled=True))
    assert button.name == "button"
    assert button["aria-disabled"] == "true"
    assert not button.has_attr("disabled")


def test_the_disabled_attribute_cannot_come_in_through_attributes():
    with pytest.raises(ComponentError, match=r"attributes\[\"disabled\"\]"):
        render("button", text="Go", type="button", attributes={"disabled": True})


def test_a_disabled_link_loses_its_href_and_stays_a_focusable_link():
    link = root_element(render("button", text="Download", href="/form.pdf", disabled=True))
    assert link.name == "a"
    assert not link.has_attr("href")
    assert (link["role"], link["aria-disabled"], link["tabindex"]) == ("link", "true", "0")


def test_a_link_button_is_an_a_with_its_href():
    link = root_element(render("button", text="Apply", href="/apply", variant="outline", big=True))
    assert link.name == "a"
    assert link["href"] == "/apply"
    assert link["class"] == ["usa-button", "usa-button--outline", "usa-button--big"]
    assert not link.has_attr("type")


@pytest.mark.parametrize(
    ("variant", "classes"),
    [
        ("default", ["usa-button"]),
        ("secondary", ["usa-button", "usa-button--secondary"]),
        ("accent-cool", ["usa-button", "usa-button--accent-cool"]),
        ("accent-warm", ["usa-button", "usa-button--accent-warm"]),
        ("base", ["usa-button", "usa-button--base"]),
        ("outline", ["usa-button", "usa-button--outline"]),
        ("outline-inverse", ["usa-button", "usa-button--outline", "usa-button--inverse"]),
        ("unstyled", ["usa-button", "usa-button--unstyled"]),
    ],
)
def test_each_variant_has_uswds_classes(variant, classes):
    assert (
        root_element(render("button", text="Go", type="button", variant=variant))["class"]
        == classes
    )


def test_an_unsafe_href_is_refused():
    with pytest.raises(ComponentError, match=r"param 'href': unsafe URL"):
        render("button", text="Go", href="javascript:alert(1)")


@pytest.mark.parametrize("params", [{}, {"text": " "}, {"text": "a", "html": "b"}])
def test_the_label_is_one_non_blank_text_or_html(params):
    from markupsafe import Markup

    if "html" in params:
        params = {**params, "html": Markup(params["html"])}
    with pytest.raises(ComponentError, match=r"param '(text|html)'"):
        render("button", type="button", **params)
