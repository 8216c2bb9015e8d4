"""The date range picker: two date pickers, each wired once, under USWDS's range wrapper."""

from __future__ import annotations

import pytest
from conftest import parse

from uswds_components import ComponentError, render

START = {"label": "Start"}
END = {"label": "End"}


def soup(start=None, end=None, **params):
    given = {"id": "stay", "start": {**START, **(start or {})}, "end": {**END, **(end or {})}}
    given.update(params)
    return parse(str(render("date_range_picker", **given)))


def test_two_date_pickers_each_with_label_and_format_hint():
    page = soup()
    root = page.find("div")
    assert root["class"] == ["usa-date-range-picker"]
    groups = root.find_all("div", class_="usa-form-group", recursive=False)
    assert len(groups) == 2
    inputs = [group.find(class_="usa-date-picker").find("input") for group in groups]
    assert [(i["id"], i["name"], i["aria-describedby"]) for i in inputs] == [
        ("stay-start", "stay-start", "stay-start-hint"),
        ("stay-end", "stay-end", "stay-end-hint"),
    ]
    assert [label["for"] for label in page.find_all("label")] == ["stay-start", "stay-end"]
    assert [page.find(id=h).get_text() for h in ("stay-start-hint", "stay-end-hint")] == [
        "mm/dd/yyyy"
    ] * 2


def test_spanish_hints_and_required():
    page = soup(lang="es", required=True)
    assert page.find("div")["lang"] == "es"
    assert [page.find(id=h).get_text() for h in ("stay-start-hint", "stay-end-hint")] == [
        "mm/dd/aaaa"
    ] * 2
    assert [abbr["title"] for abbr in page.find_all("abbr")] == ["obligatorio"] * 2
    assert all(i.has_attr("required") for i in page.find_all("input"))


def test_each_end_has_its_own_error():
    page = soup(end={"error": "Too early"})
    start, end = page.find_all("input")
    assert start["aria-describedby"] == "stay-start-hint"
    assert not start.has_attr("aria-invalid")
    assert end["aria-describedby"] == "stay-end-hint stay-end-error"
    assert end["aria-invalid"] == "true"
    assert page.find(id="stay-end-error").get_text() == "Error: Too early"
    groups = page.find("div").find_all("div", class_="usa-form-group", recursive=False)
    assert [g["class"] for g in groups] == [
        ["usa-form-group"],
        ["usa-form-group", "usa-form-group--error"],
    ]


def test_dates_for_the_js_and_for_a_visitor_without_it():
    page = soup(start={"value": "2025-01-10"}, end={"value": "2025-01-17"}, min_date="2025-01-01")
    assert page.find("div")["data-min-date"] == "2025-01-01"
    pickers = page.find_all(class_="usa-date-picker")
    assert [p["data-default-value"] for p in pickers] == ["2025-01-10", "2025-01-17"]
    assert [i["value"] for i in page.find_all("input")] == ["01/10/2025", "01/17/2025"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (
            {"start": {"value": "2025-02-01"}, "end": {"value": "2025-01-01"}},
            "start.value': is after end.value",
        ),
        ({"id": None}, "id'"),
        (
            {"start": {"value": "2024-12-31"}, "min_date": "2025-01-01"},
            "start.value': 2024-12-31 is before min_date",
        ),
        ({"min_date": "2025-02-01", "max_date": "2025-01-01"}, "min_date': is after max_date"),
        ({"end": {"label": " "}}, "end.label': is empty"),
        ({"start": {"hint": " "}}, "start.hint': is empty"),
    ],
)
def test_bad_params_are_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        soup(**params)
