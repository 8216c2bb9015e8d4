"""The shared rules of the framework form integrations, where the integrations' own tests do not
reach them: the WTForms and Django tests cover the rest through real fields."""

from __future__ import annotations

import datetime

import pytest

from uswds_components import _formfields as shared


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (("2", "29", "2024"), (datetime.date(2024, 2, 29), [])),
        (("", "", ""), (None, ["month", "day", "year"])),  # blank is all three left out
        (("2", "29", "2023"), (None, ["day"])),  # past the month's end
        (("0", "00", "２０２４"), (None, ["month", "day", "year"])),  # 0 and full-width digits
        (("12", "1", "20245"), (None, ["year"])),
    ],
)
def test_date_from_parts_gives_the_date_or_the_parts_at_fault(parts, expected):
    typed = dict(zip(shared.DATE_PARTS, parts, strict=True))
    assert shared.date_from_parts(typed) == expected


def test_accept_leaves_the_other_attributes_where_they_were():
    params = {"control_attributes": {"accept": ".pdf", "data-kind": "proof"}}
    assert shared.lift_accept(params) == {
        "accept": ".pdf",
        "control_attributes": {"data-kind": "proof"},
    }
    assert shared.lift_accept({"control_attributes": {"accept": ".pdf"}}) == {"accept": ".pdf"}


def test_a_control_keeps_its_own_autocomplete_over_the_widgets():
    attributes = {"autocomplete": "off", "inputmode": "email", "data-x": "1"}
    params = shared.control_params(
        {"id": "e"}, "Email", "email", attributes, {"autocomplete": "email"}
    )
    assert params == {
        "id": "e",
        "label": "Email",
        "name": "email",
        "autocomplete": "email",
        "inputmode": "email",
        # The widget's own autocomplete is not dropped silently: the component refuses it.
        "control_attributes": {"autocomplete": "off", "data-x": "1"},
    }
    assert attributes == {"autocomplete": "off", "inputmode": "email", "data-x": "1"}  # a copy
