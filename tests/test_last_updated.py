"""“Last Updated”: the seed's markup, date inputs, languages, formats, bad input, escaping."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import root_element

from uswds_components import ComponentError, create_environment, get_spec, render

SPEC = get_spec("last_updated")
EXAMPLES = [pytest.param(e, id=e.name) for e in SPEC.examples]
SEED_HTML = (
    '<p class="uswds-components-last-updated usa-last-updated">Last Updated: '
    '<time datetime="2018-09-20">09/20/2018</time></p>'
)


def test_seed_markup_exactly():
    assert str(render("last_updated", date=dt.date(2018, 9, 20))) == SEED_HTML
    assert root_element(SEED_HTML).get_text() == "Last Updated: 09/20/2018"  # as the DHS page


@pytest.mark.parametrize(
    "date",
    [
        dt.date(2018, 9, 20),
        dt.datetime(2018, 9, 20, 14, 30),
        dt.datetime(2018, 9, 20, 23, 59, tzinfo=dt.UTC),
        "2018-09-20",
        " 2018-09-20 ",
        "2018-09-20T14:30:00",
        "2018-09-20T14:30:00-04:00",
    ],
)
def test_date_datetime_and_iso_strings_give_the_same_markup(date):
    assert str(render("last_updated", date=date)) == SEED_HTML


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_has_a_machine_readable_date(example):
    params = SPEC.validate(example.params)
    root = root_element(render("last_updated", **example.params))
    assert root.name == "p"
    assert root["class"][:2] == ["uswds-components-last-updated", "usa-last-updated"]
    time = root.find("time")
    assert time["datetime"] == params["date"].isoformat()
    assert root.get_text().endswith(time.get_text())
    assert (root.get("lang") == "es") == (params["lang"] == "es")


def test_spanish_label_date_order_and_lang():
    root = root_element(render("last_updated", date="2018-09-20", lang="es"))
    assert root.get_text() == "Última actualización: 20/09/2018"
    assert root["lang"] == "es"
    assert root.time["datetime"] == "2018-09-20"


def test_custom_label():
    root = root_element(render("last_updated", date="2018-09-20", label="Page reviewed"))
    assert root.get_text() == "Page reviewed: 09/20/2018"


@pytest.mark.parametrize(
    ("lang", "pattern", "text"),
    [
        ("en", "%B %-d, %Y", "September 20, 2018"),
        ("en", "%A, %b %d %y", "Thursday, Sep 20 18"),
        ("es", "%-d de %B de %Y", "20 de septiembre de 2018"),
        ("es", "%A %-d %b", "jueves 20 sep"),
        ("en", "%Y-%m-%d (day %j)", "2018-09-20 (day 263)"),
        ("en", "100%% on %-m/%-d", "100% on 9/20"),
        ("en", "no directives", "no directives"),
    ],
)
def test_date_format_in_each_language(lang, pattern, text):
    root = root_element(render("last_updated", date="2018-09-20", lang=lang, date_format=pattern))
    assert root.time.get_text() == text
    assert root.time["datetime"] == "2018-09-20"


def test_unpadded_directives_on_single_digit_dates():
    root = root_element(render("last_updated", date="2018-01-02", date_format="%-m/%-d/%Y %-j"))
    assert root.time.get_text() == "1/2/2018 2"


def test_month_names_do_not_depend_on_the_server_locale():
    for month in range(1, 13):
        day = dt.date(2018, month, 1)
        text = root_element(render("last_updated", date=day, lang="es", date_format="%B"))
        assert text.time.get_text() == SPEC.strings["es"]["months"][month - 1]


def test_hostile_label_and_format_are_escaped():
    hostile = '"><script>alert(1)</script>'
    html = str(render("last_updated", date="2018-09-20", label=hostile, date_format=hostile))
    assert "<script>" not in html
    root = root_element(html)
    assert root.get_text() == f"{hostile}: {hostile}"
    assert root.find_all(True) == [root.time]


def test_the_macro_works_from_a_template_with_a_toml_date():
    env = create_environment()
    template = env.from_string(
        '{% import "uswds/components.html" as usa %}{{ usa.last_updated(date=page.updated) }}'
    )
    assert template.render(page={"updated": dt.date(2018, 9, 20)}) == SEED_HTML
    with pytest.raises(ComponentError, match=r"last_updated: param 'date': is undefined"):
        template.render(page={})


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, r"last_updated: param 'date': is required"),
        ({"date": None}, r"last_updated: param 'date': is required"),
        ({"date": "09/20/2018"}, r"last_updated: param 'date': expected an ISO date"),
        ({"date": "2018-13-01"}, r"last_updated: param 'date': expected an ISO date"),
        ({"date": "2018-02-30"}, r"last_updated: param 'date': expected an ISO date"),
        ({"date": "yesterday"}, r"last_updated: param 'date': expected an ISO date"),
        ({"date": ""}, r"last_updated: param 'date': expected an ISO date"),
        ({"date": 20180920}, r"last_updated: param 'date': expected a date, datetime or ISO"),
        ({"date": 1537401600.0}, r"last_updated: param 'date': expected a date, datetime"),
        ({"date": "2018-09-20", "date_format": "%H:%M"}, r"'date_format': unknown directive '%H'"),
        ({"date": "2018-09-20", "date_format": "%Y%"}, r"'date_format': unknown directive '%'"),
        ({"date": "2018-09-20", "date_format": "%-Y"}, r"'date_format': unknown directive"),
        ({"date": "2018-09-20", "date_format": "%c"}, r"last_updated: param 'date_format'"),
        ({"date": "2018-09-20", "date_format": ""}, r"last_updated: param 'date_format': is em"),
        ({"date": "2018-09-20", "date_format": " "}, r"last_updated: param 'date_format': is em"),
        ({"date": "2018-09-20", "date_format": 5}, r"last_updated: param 'date_format': expect"),
        ({"date": "2018-09-20", "label": ""}, r"last_updated: param 'label': is empty"),
        ({"date": "2018-09-20", "lang": "fr"}, r"last_updated: param 'lang': must be one of"),
        ({"date": "2018-09-20", "format": "%Y"}, r"last_updated: param 'format': unknown param"),
        ({"date": "2018-09-20", "attributes": {"lang": "es"}}, r"param 'attributes\[\"lang\"\]'"),
    ],
)
def test_bad_input_names_the_component_and_the_param(params, message):
    with pytest.raises(ComponentError, match=message):
        render("last_updated", **params)


def test_a_date_subclass_cannot_write_markup_into_the_time_element():
    # The datetime attribute is date's own isoformat, whatever a subclass says it is.
    class Sneaky(dt.date):
        def isoformat(self) -> str:
            return '"><script>alert(1)</script>'

    html = str(render("last_updated", date=Sneaky(2018, 9, 20)))
    assert '<time datetime="2018-09-20">09/20/2018</time>' in html
    assert "<script>" not in html
