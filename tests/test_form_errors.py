"""The shared hint/error wiring of every form control (components/fields.py, field.html).

Every component with an `error` param is checked here, the later ones too, with no edit: each
of its examples, and each again with an error (and a hint) added. `wiring_problems` is the
check; the broken cases at the end prove it fails on the mistakes it is for.
"""

from __future__ import annotations

import pytest
from conftest import parse

from uswds_components import ComponentError, all_specs, render
from uswds_components.components.fields import error_title, wire

FORM_CONTROLS = sorted(name for name, spec in all_specs().items() if "error" in spec.params)
EXAMPLES = [
    pytest.param(example, id=example.id)
    for name in FORM_CONTROLS
    for example in all_specs()[name].examples
]


def wiring_problems(html: str) -> list[str]:
    """What is wrong with the hint and error wiring of one rendered control, or []."""
    soup = parse(html)
    problems = []
    group = soup.find(class_="usa-form-group")
    errors = soup.select(".usa-form-group > .usa-error-message, fieldset > .usa-error-message")
    hints = soup.select(".usa-form-group > .usa-hint, fieldset > .usa-hint")
    describers = soup.find_all(attrs={"aria-describedby": True})
    named = {token: tag for tag in describers for token in tag["aria-describedby"].split()}
    for message in [*hints, *errors]:
        if message.get("id") not in named:
            problems.append(f"{message.get('id')!r} is in no aria-describedby")
    if errors:
        error = errors[0]
        owner = named.get(error.get("id"))
        if group is None or "usa-form-group--error" not in group["class"]:
            problems.append("an error without usa-form-group--error")
        if not error.find(class_="usa-sr-only"):
            problems.append("an error without its hidden prefix")
        if owner is not None:
            order = owner["aria-describedby"].split()
            if order[-1] != error["id"]:
                problems.append(f"the error is not named last: {order}")
            if owner.name != "fieldset" and owner.get("aria-invalid") != "true":
                problems.append(f"{owner.name}#{owner.get('id')} has no aria-invalid")
            choices = ".usa-checkbox__input[aria-invalid], .usa-radio__input[aria-invalid]"
            if owner.name == "fieldset" and soup.select(choices):
                problems.append("a group's options are marked invalid one by one")
    elif group is not None and "usa-form-group--error" in group["class"]:
        problems.append("usa-form-group--error without an error message")
    if hints and errors:
        for tag in describers:
            order = tag["aria-describedby"].split()
            ids = (hints[0]["id"], errors[0]["id"])
            if set(ids) <= set(order) and order.index(ids[0]) > order.index(ids[1]):
                problems.append(f"the hint is named after the error: {order}")
    return problems


def with_error(example) -> dict:
    params = dict(example.params)
    params.setdefault("hint", "A hint.")
    params["error"] = "Something is wrong."
    if params.get("id") is None and "id" in all_specs()[example.component].params:
        params["id"] = "added-id"
    return params


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_is_wired(example):
    assert wiring_problems(str(render(example.component, **example.params))) == []


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_with_an_error_added_is_wired(example):
    html = str(render(example.component, **with_error(example)))
    assert wiring_problems(html) == []
    assert "usa-form-group--error" in html
    assert html.count('class="usa-error-message"') == 1


def test_the_form_controls_are_found():
    expected = {"text_input", "textarea", "select", "checkbox", "radio", "fieldset"}
    assert expected <= set(FORM_CONTROLS)


def test_describedby_is_hint_then_extras_then_error():
    field = wire("x", {"id": "q", "hint": "h", "error": "e"}, extra_describedby=["q-info"])
    assert field == {
        "hint_id": "q-hint",
        "error_id": "q-error",
        "describedby": "q-hint q-info q-error",
        "invalid": True,
        "group": False,
    }
    assert wire("x", {"id": "q", "hint": None, "error": None})["describedby"] == ""
    group = wire("x", {"id": "q", "hint": None, "error": "e"}, group=True)
    assert group["describedby"] == "q-error"
    assert group["invalid"] is False


@pytest.mark.parametrize("name", ["hint", "error"])
def test_a_blank_hint_or_error_is_refused(name):
    with pytest.raises(ComponentError, match=f"text_input: param '{name}': is empty"):
        render("text_input", label="Name", id="name", **{name: "  "})


def test_the_same_error_renders_the_same_in_every_control():
    """One code path: the message element is byte-for-byte the same in each control."""
    rendered = [
        render("text_input", label="L", id="q", error="Wrong"),
        render("textarea", label="L", id="q", error="Wrong"),
        render("select", label="L", id="q", error="Wrong", options=[{"value": "a", "text": "A"}]),
        render("checkbox", name="q", id="q", error="Wrong", items=[{"label": "A", "value": "a"}]),
        render(
            "radio",
            name="q",
            id="q",
            error="Wrong",
            legend="L",
            items=[{"label": "A", "value": "a"}],
        ),
        render(
            "fieldset",
            legend="L",
            id="q",
            error="Wrong",
            html=render("text_input", label="A", id="a"),
        ),
    ]
    messages = {str(parse(str(html)).find(class_="usa-error-message")) for html in rendered}
    assert messages == {
        '<span class="usa-error-message" id="q-error">'
        '<span class="usa-sr-only">Error: </span>Wrong</span>'
    }
    assert str(render("error_message", id="q-error", text="Wrong")) in messages


def test_spanish_words_of_the_wiring():
    html = str(render("text_input", lang="es", label="Nombre", id="n", required=True, error="Mal"))
    asterisk = '<abbr title="obligatorio" class="usa-hint usa-hint--required" aria-hidden="true">'
    assert f"{asterisk}*</abbr>" in html
    assert '<span class="usa-sr-only">Error: </span>Mal' in html
    assert 'lang="es"' in html


# --- error_title: the page title's prefix ---------------------------------------------------


def test_error_title_prefixes_only_with_errors():
    assert error_title("Apply for benefits", [{"text": "Enter your name"}]) == (
        "Error: Apply for benefits"
    )
    assert error_title("Solicite beneficios", {"name": "x"}, "es") == "Error: Solicite beneficios"
    assert error_title("Apply for benefits", []) == "Apply for benefits"
    assert error_title("Apply for benefits", None, "es") == "Apply for benefits"


def test_error_title_refuses_an_unknown_language():
    with pytest.raises(ComponentError, match="must be one of 'en', 'es'"):
        error_title("Apply", ["x"], "fr")


# --- broken cases: the check fails where it should -------------------------------------------


def broken(html: str, old: str, new: str) -> str:
    assert old in html, f"{old!r} is not in the markup"
    return html.replace(old, new)


def test_the_check_catches_an_error_missing_from_describedby():
    html = str(render("text_input", label="Email", id="email", hint="H", error="E"))
    assert wiring_problems(html) == []
    html = broken(
        html, 'aria-describedby="email-hint email-error"', 'aria-describedby="email-hint"'
    )
    assert wiring_problems(html) == ["'email-error' is in no aria-describedby"]


def test_the_check_catches_hint_and_error_in_the_wrong_order():
    html = str(
        render(
            "select", label="S", id="s", hint="H", error="E", options=[{"value": "a", "text": "A"}]
        )
    )
    html = broken(html, '"s-hint s-error"', '"s-error s-hint"')
    assert "the error is not named last: ['s-error', 's-hint']" in wiring_problems(html)


def test_the_check_catches_a_missing_aria_invalid():
    html = str(render("textarea", label="T", id="t", error="E"))
    html = broken(html, ' aria-invalid="true"', "")
    assert wiring_problems(html) == ["textarea#t has no aria-invalid"]


def test_the_check_catches_an_error_without_the_error_state():
    html = str(
        render(
            "radio", name="r", id="r", legend="L", error="E", items=[{"label": "A", "value": "a"}]
        )
    )
    html = broken(html, "usa-form-group usa-form-group--error", "usa-form-group")
    assert wiring_problems(html) == ["an error without usa-form-group--error"]


def test_the_check_catches_a_group_not_naming_its_error():
    html = str(
        render(
            "checkbox",
            name="c",
            id="c",
            legend="L",
            error="E",
            items=[{"label": "A", "value": "a"}, {"label": "B", "value": "b"}],
        )
    )
    html = broken(html, ' aria-describedby="c-error"', "")
    assert wiring_problems(html) == ["'c-error' is in no aria-describedby"]


def test_the_check_catches_options_marked_invalid_one_by_one():
    items = [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}]
    html = str(render("radio", name="r", id="r", legend="L", error="E", items=items))
    html = broken(html, 'value="a"', 'value="a" aria-invalid="true"')
    assert wiring_problems(html) == ["a group's options are marked invalid one by one"]
