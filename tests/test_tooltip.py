"""The tooltip's markup: a button or link whose tooltip text is its description without JS too."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, get_spec, render


def test_a_button_trigger_carries_uswds_hooks_and_an_aria_description():
    button = root_element(render("tooltip", text="Save draft", tooltip="Kept 30 days"))
    assert button.name == "button"
    assert button["type"] == "button"
    assert button["class"] == ["usa-button", "usa-tooltip"]
    assert button["data-position"] == "top"
    assert button["title"] == "Kept 30 days"
    assert button["aria-description"] == "Kept 30 days"
    for absent in ("id", "aria-describedby", "data-classes", "tabindex", "hidden"):
        assert not button.has_attr(absent)
    assert button.get_text() == "Save draft"
    assert button.find(True) is None


def test_href_makes_a_link_trigger():
    link = root_element(render("tooltip", text="Privacy", tooltip="How we use it", href="/privacy"))
    assert link.name == "a"
    assert link["href"] == "/privacy"
    assert link["class"] == ["usa-link", "usa-tooltip"]
    assert not link.has_attr("type")
    assert link["aria-description"] == "How we use it"


@pytest.mark.parametrize("position", ["top", "bottom", "left", "right"])
def test_position(position):
    button = root_element(render("tooltip", text="A", tooltip="B", position=position))
    assert button["data-position"] == position


def test_wrapper_classes_become_data_classes_with_single_spaces():
    button = root_element(
        render(
            "tooltip",
            text="A",
            tooltip="B",
            wrapper_classes=" width-full  tablet:width-auto ",
        )
    )
    assert button["data-classes"] == "width-full tablet:width-auto"


def test_classes_and_attributes_go_on_the_trigger():
    button = root_element(
        render("tooltip", text="A", tooltip="B", classes="x  y", attributes={"data-k": "v"})
    )
    assert button["class"] == ["usa-button", "usa-tooltip", "x", "y"]
    assert button["data-k"] == "v"


def test_text_and_tooltip_are_escaped():
    html = str(render("tooltip", text="<b>A</b>", tooltip='"><script>x</script>'))
    assert "<b>" not in html and "<script>" not in html
    button = root_element(html)
    assert button["title"] == '"><script>x</script>'
    assert button["aria-description"] == '"><script>x</script>'


@pytest.mark.parametrize(
    ("params", "path", "message"),
    [
        ({"text": " ", "tooltip": "B"}, "text", "is empty"),
        ({"text": "A", "tooltip": "  "}, "tooltip", "is empty"),
        ({"text": "Save draft", "tooltip": "save  DRAFT"}, "tooltip", "repeats the label"),
        ({"text": "A", "tooltip": "B", "position": "middle"}, "position", "must be one of"),
        ({"text": "A", "tooltip": "B", "href": "javascript:alert(1)"}, "href", "unsafe URL"),
        ({"text": "A", "tooltip": "B", "attributes": {"title": "x"}}, "attributes", "title"),
        ({"text": "A", "tooltip": "B", "attributes": {"tabindex": "0"}}, "attributes", "tabindex"),
        (
            {"text": "A", "tooltip": "B", "attributes": {"aria-description": "C"}},
            "attributes",
            "aria-description",
        ),
    ],
)
def test_bad_input_names_the_param(params, path, message):
    with pytest.raises(ComponentError) as error:
        render("tooltip", **params)
    assert f"param '{path}" in str(error.value)
    assert message in str(error.value)


@pytest.mark.parametrize("missing", ["text", "tooltip"])
def test_text_and_tooltip_are_required(missing):
    params = {"text": "A", "tooltip": "B"}
    del params[missing]
    with pytest.raises(ComponentError, match=missing):
        render("tooltip", **params)


def test_no_built_in_strings_in_either_language():
    assert dict(get_spec("tooltip").strings) == {"en": {}, "es": {}}


def test_the_accessibility_notes_warn_against_essential_text_in_a_tooltip():
    notes = get_spec("tooltip").accessibility
    assert "Never the only place for essential text." in notes
