"""The archive notice: the seed page's sentence, the archive date, Spanish, and its alert base."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import parse, root_element
from markupsafe import Markup

from uswds_components import ComponentError, create_environment, get_spec, render
from uswds_components.registry import COMPONENTS_DIR

# The notice on the seed page (uswds_components/seed/reference.txt), word for word.
SEED_SENTENCE = (
    "In an effort to keep DHS.gov current, the archive contains outdated information that may "
    "not reflect current policy or programs."
)
SPEC = get_spec("archive_notice")


def words(tag) -> str:
    return " ".join(tag.get_text().split())


def test_seed_notice_matches_the_seed_page():
    root = root_element(render("archive_notice", site_name="DHS.gov"))
    assert root["class"] == ["usa-alert", "usa-alert--info"]
    assert not root.has_attr("role")
    heading = root.find("h2", class_="usa-alert__heading")
    assert heading.span.get_text() == "Information: "
    assert heading.get_text() == "Information: Archived Content"
    assert words(root.find("p", class_="usa-alert__text")) == SEED_SENTENCE


def test_it_is_the_alert_components_markup():
    message = Markup("{}").format(SEED_SENTENCE)
    alert = render(
        "alert", status="info", heading="Archived Content", html=message, heading_level=2
    )
    assert render("archive_notice", site_name="DHS.gov") == alert
    macro = (COMPONENTS_DIR / "archive_notice" / "macro.html").read_text(encoding="utf-8")
    assert "usa_alert(" in macro and "usa-alert__" not in macro


def test_spanish_defaults():
    root = root_element(render("archive_notice", site_name="DHS.gov", lang="es"))
    assert root["lang"] == "es"
    assert root.find("h2").get_text() == "Información: Contenido archivado"
    assert words(root.find("p")) == (
        "Con el fin de mantener DHS.gov al día, el archivo contiene información desactualizada "
        "que puede no reflejar las políticas o los programas actuales."
    )


@pytest.mark.parametrize(
    ("lang", "archived_on", "sentence", "spoken"),
    [
        ("en", dt.date(2018, 9, 20), "This page was archived on September 20, 2018.", None),
        ("en", "2021-01-01", "This page was archived on January 1, 2021.", "January 1, 2021"),
        ("en", dt.datetime(2019, 12, 5, 14, 30), "archived on December 5, 2019.", None),
        ("es", dt.date(2018, 9, 20), "Esta página se archivó el 20 de septiembre de 2018.", None),
        ("es", "2020-05-01", "se archivó el 1 de mayo de 2020.", "1 de mayo de 2020"),
    ],
)
def test_archived_on_says_when_in_a_time_element(lang, archived_on, sentence, spoken):
    root = root_element(
        render("archive_notice", site_name="DHS.gov", archived_on=archived_on, lang=lang)
    )
    text = words(root.find("p"))
    assert text.endswith(sentence)
    time = root.find("time")
    if isinstance(archived_on, dt.datetime):
        day = archived_on.date()
    elif isinstance(archived_on, dt.date):
        day = archived_on
    else:
        day = dt.date.fromisoformat(archived_on)
    assert time["datetime"] == day.isoformat()
    if spoken:
        assert time.get_text() == spoken
    assert list(time.attrs) == ["datetime"]


def test_text_and_html_replace_the_default_message_and_keep_the_date():
    root = root_element(
        render("archive_notice", site_name="DHS.gov", text="Kept for the record.", heading="Old")
    )
    assert root.find("h2").get_text() == "Information: Old"
    assert words(root.find("p")) == "Kept for the record."
    linked = root_element(
        render(
            "archive_notice",
            site_name="DHS.gov",
            html=Markup('See <a href="/news">news</a>.'),
            archived_on="2018-09-20",
        )
    )
    paragraph = linked.find("p")
    assert paragraph.a["href"] == "/news"
    assert words(paragraph) == "See news. This page was archived on September 20, 2018."


@pytest.mark.parametrize("level", [2, 3, 6])
def test_heading_level(level):
    root = root_element(render("archive_notice", site_name="x", heading_level=level))
    assert root.find(class_="usa-alert__heading").name == f"h{level}"


def test_examples_include_the_seed_and_the_archive_date():
    assert SPEC.example("seed").params == {"site_name": "DHS.gov"}
    assert SPEC.example("archived-on").params["archived_on"] == dt.date(2018, 9, 20)
    assert any(e.params.get("lang") == "es" for e in SPEC.examples)


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, r"archive_notice: param 'site_name': is required"),
        ({"site_name": ""}, r"archive_notice: param 'site_name': is empty"),
        ({"site_name": "x", "heading": " "}, r"archive_notice: param 'heading': is empty"),
        ({"site_name": "x", "text": "a", "html": Markup("b")}, r"param 'html': give text or"),
        ({"site_name": "x", "archived_on": "20/09/2018"}, r"param 'archived_on': expected an ISO"),
        ({"site_name": "x", "archived_on": 2018}, r"param 'archived_on': expected a date"),
        ({"site_name": "x", "heading_level": 1}, r"param 'heading_level': must be at least 2"),
        ({"site_name": "x", "heading_level": 7}, r"param 'heading_level': must be at most 6"),
        ({"site_name": "x", "lang": "fr"}, r"archive_notice: param 'lang': must be one of"),
        ({"site_name": "x", "status": "warning"}, r"archive_notice: param 'status': unknown"),
        ({"site_name": "x", "attributes": {"role": "alert"}}, r"archive_notice: param 'attri"),
    ],
)
def test_bad_input_names_the_component_and_the_param(params, message):
    with pytest.raises(ComponentError, match=message):
        render("archive_notice", **params)


def test_html_given_a_plain_string_is_refused():
    with pytest.raises(ComponentError, match=r"archive_notice: param 'html': expected markupsafe"):
        render("archive_notice", site_name="x", html="<b>x</b>")


# --- escaping ----------------------------------------------------------------------------------

HOSTILE = '<script>alert(1)</script>{date}{site_name}"'


@pytest.mark.parametrize("lang", ["en", "es"])
def test_hostile_site_name_heading_and_text_are_escaped(lang):
    for params in (
        {"site_name": HOSTILE, "heading": HOSTILE},
        {"site_name": "x", "text": HOSTILE},
    ):
        html = render("archive_notice", **params, archived_on="2018-09-20", lang=lang)
        page = parse(html)
        assert page.find("script") is None
        assert HOSTILE in page.get_text()  # braces were not read as format fields
        assert len(page.find_all("time")) == 1


def test_escaping_holds_with_autoescape_off():
    env = create_environment(autoescape=False)
    template = env.from_string(
        '{% import "uswds/components.html" as usa %}{{ usa.archive_notice(**p) }}'
    )
    html = template.render(p={"site_name": HOSTILE, "archived_on": "2018-09-20"})
    assert "<script>" not in html
    assert html == str(render("archive_notice", site_name=HOSTILE, archived_on="2018-09-20"))
