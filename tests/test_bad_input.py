"""Bad input raises ComponentError naming the component and the parameter."""

from __future__ import annotations

import jinja2
import pytest
from markupsafe import Markup

from uswds_components import ComponentError, create_environment, render


@pytest.mark.parametrize(
    ("component", "params", "message"),
    [
        ("banner", {"colour": "blue"}, r"banner: param 'colour': unknown param"),
        ("banner", {"lang": "fr"}, r"banner: param 'lang': must be one of 'en', 'es'; got 'fr'"),
        ("banner", {"tld": "com"}, r"banner: param 'tld': must be one of 'gov', 'mil'; got 'com'"),
        ("banner", {"lang": 1}, r"banner: param 'lang': expected text \(str\), got int"),
        ("banner", {"id": "two words"}, r"banner: param 'id': expected an id with no spaces"),
        ("banner", {"id": ""}, r"banner: param 'id': expected an id with no spaces"),
        ("banner", {"classes": ["a"]}, r"banner: param 'classes': expected text"),
        ("banner", {"attributes": "data-x=1"}, r"banner: param 'attributes': expected a mapping"),
        ("banner", {"attributes": {"class": "x"}}, r'attributes\["class"\]\': use the classes'),
        ("banner", {"attributes": {"aria-label": "x"}}, r"is set by the component itself"),
        ("banner", {"attributes": {"onclick": "x()"}}, r"event-handler attributes are refused"),
        ("banner", {"attributes": {'a"b': "x"}}, r"is not a valid attribute name"),
        ("banner", {"attributes": {"data-x": [1]}}, r"expected text, a number or a bool"),
        ("banner", {"attributes": {"href": "javascript:alert(1)"}}, r"unsafe URL"),
        ("https_notice", {"id_prefix": "a b"}, r"https_notice: param 'id_prefix'"),
        ("gov_notice", {"lang": "de"}, r"gov_notice: param 'lang'"),
    ],
)
def test_bad_params_are_refused_with_a_clear_message(component, params, message):
    with pytest.raises(ComponentError, match=message):
        render(component, **params)


def test_unknown_component_names_itself_and_the_known_ones():
    with pytest.raises(ComponentError, match=r"unknown component 'bannner' \(known: .*banner"):
        render("bannner")


def test_component_error_is_a_value_error_with_fields():
    with pytest.raises(ValueError) as caught:
        render("banner", lang="fr")
    assert caught.value.component == "banner"
    assert caught.value.param == "lang"


def test_none_means_the_default_not_the_text_none():
    assert render("banner", lang=None, classes=None) == render("banner")


def test_markup_in_a_text_param_is_still_escaped():
    html = render("banner", classes=Markup('x" onclick="alert(1)'))
    assert 'onclick="' not in html
    assert "x&#34; onclick=&#34;alert(1)" in html


def test_the_macro_validates_too():
    env = create_environment()
    template = env.from_string(
        '{% from "uswds/components/banner/macro.html" import usa_banner %}'
        '{{ usa_banner(lang="fr") }}'
    )
    with pytest.raises(ComponentError, match=r"banner: param 'lang'"):
        template.render()
    positional = env.from_string(
        '{% from "uswds/components/banner/macro.html" import usa_banner %}{{ usa_banner("es") }}'
    )
    with pytest.raises(ComponentError, match=r"banner: takes keyword arguments only"):
        positional.render()


def test_an_undefined_template_variable_is_refused_not_dropped():
    env = create_environment()
    template = env.from_string(
        '{% import "uswds/components.html" as usa %}{{ usa.banner(lang=page.lang) }}'
    )
    with pytest.raises(ComponentError, match=r"banner: param 'lang': is undefined"):
        template.render(page={})
    assert isinstance(env.undefined(), jinja2.Undefined)


@pytest.mark.parametrize("value", ["2018-09-20garbage", "2018-09-2", "09/20/2018", "2018-13-01"])
def test_a_date_string_must_parse_whole(value):
    with pytest.raises(ComponentError, match=r"last_updated: param 'date': expected an ISO date"):
        render("last_updated", date=value)


def test_iso_dates_and_datetimes_are_accepted():
    for value in ("2018-09-20", "2018-09-20T14:30:00", "2018-09-20T14:30:00+00:00"):
        assert 'datetime="2018-09-20"' in render("last_updated", date=value)
