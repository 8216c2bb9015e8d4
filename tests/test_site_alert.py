"""The site alert: its landmark label, list content, shared alert rules, bad input, escaping."""

from __future__ import annotations

import pytest
from conftest import parse, root_element
from markupsafe import Markup
from test_conformance import load_content, render_reference

from uswds_components import ComponentError, get_spec, render
from uswds_components.assets import uswds_package
from uswds_components.components.alert import hooks as alert_hooks
from uswds_components.components.site_alert import hooks as site_alert_hooks
from uswds_components.spec import changed
from uswds_components.testing.canonical import canonical_html

SPEC = get_spec("site_alert")
EXAMPLES = [pytest.param(e, id=e.name) for e in SPEC.examples]


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_dom_follows_its_params(example):
    params = SPEC.validate(example.params)
    root = root_element(render("site_alert", **example.params))
    assert root.name == "section"
    classes = root["class"]
    assert classes[:2] == ["usa-site-alert", f"usa-site-alert--{params['status']}"]
    assert ("usa-site-alert--slim" in classes) == params["slim"]
    assert ("usa-site-alert--no-icon" in classes) == (not params["icon"])
    assert root["aria-label"] == params["label"] or (
        params["label"] is None
        and root["aria-label"] == {"en": "Site alert", "es": "Alerta del sitio"}[params["lang"]]
    )
    assert "," not in root["aria-label"]
    assert not root.has_attr("role")
    body = root.find(class_="usa-alert", recursive=False).find(class_="usa-alert__body")
    heading = body.find(class_="usa-alert__heading")
    if params["heading"] is None:
        assert heading is None
    else:
        assert heading.name == f"h{params['heading_level']}"
        assert heading.get_text().endswith(params["heading"])
    prefixes = root.find_all(class_="usa-sr-only")
    assert len(prefixes) == (1 if params["announce_status"] else 0)
    if params["html"] is None:
        assert body.find("p", class_="usa-alert__text").get_text().endswith(params["text"])
    else:
        given = parse(params["html"]).find(True)
        placed = body.find(given.name, recursive=False)
        assert placed is not None and placed.get("class") == given.get("class")


def test_examples_cover_both_statuses_and_every_variant():
    seen = [SPEC.validate(e.params) for e in SPEC.examples]
    assert {p["status"] for p in seen} == {"info", "emergency"}
    assert any(p["slim"] for p in seen)
    assert any(not p["icon"] for p in seen)
    assert any(p["heading"] is None and not p["slim"] for p in seen)
    assert any(p["html"] is not None and "<ul" in p["html"] for p in seen)
    assert any(p["lang"] == "es" for p in seen)
    assert any(p["label"] is not None for p in seen)
    assert any(not p["announce_status"] for p in seen)


def test_default_label_and_heading_level():
    root = root_element(render("site_alert", heading="Closed", text="x"))
    assert root["aria-label"] == "Site alert"
    assert root.find("h2", class_="usa-alert__heading").get_text() == "Information: Closed"
    es = root_element(
        render("site_alert", status="emergency", heading="Cerrado", text="x", lang="es")
    )
    assert es["aria-label"] == "Alerta del sitio"
    assert es["lang"] == "es"
    assert es.find("h2").get_text() == "Emergencia: Cerrado"


def test_label_is_settable_and_escaped():
    root = root_element(render("site_alert", text="x", label='Storm "alert" <now>'))
    assert root["aria-label"] == 'Storm "alert" <now>'


def test_text_is_one_paragraph_with_the_prefix_when_there_is_no_heading():
    body = root_element(render("site_alert", status="emergency", text="Closed")).find(
        class_="usa-alert__body"
    )
    paragraph = body.find("p", class_="usa-alert__text")
    assert paragraph.get_text() == "Emergency: Closed"


def test_html_is_placed_as_given_like_the_twigs_list():
    items = Markup('<ul class="usa-list"><li>One</li><li><a href="/two">Two</a></li></ul>')
    body = root_element(render("site_alert", heading="H", html=items)).find(
        class_="usa-alert__body"
    )
    assert [child.name for child in body.find_all(True, recursive=False)] == ["h2", "ul"]
    assert body.find("p") is None
    headless = root_element(render("site_alert", html=items)).find(class_="usa-alert__body")
    children = headless.find_all(True, recursive=False)
    assert [c.name for c in children] == ["span", "ul"]
    assert children[0].get_text() == "Information: "


def test_site_alert_reuses_the_alerts_rules_and_strings():
    assert site_alert_hooks.check_body is alert_hooks.check_body
    assert "status" not in SPEC.strings["en"]  # the prefixes live in alert's spec.toml only
    alert_heading = root_element(
        render("alert", status="emergency", heading="H", text="x", heading_level=2)
    ).find("h2")
    site_heading = root_element(render("site_alert", status="emergency", heading="H", text="x"))
    assert str(site_heading.find("h2")) == str(alert_heading)


# --- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, r"site_alert: param 'text': one of text or html is required"),
        ({"text": "a", "html": Markup("b")}, r"site_alert: param 'html': give text or html"),
        ({"text": ""}, r"site_alert: param 'text': is empty"),
        ({"text": "a", "heading": "H", "slim": True}, r"site_alert: param 'heading': a slim"),
        ({"text": "a", "status": "warning"}, r"site_alert: param 'status': must be one of"),
        ({"text": "a", "label": " "}, r"site_alert: param 'label': is empty"),
        ({"text": "a", "label": 5}, r"site_alert: param 'label': expected text"),
        ({"text": "a", "heading_level": 1}, r"site_alert: param 'heading_level': must be at"),
        ({"text": "a", "heading_level": 7}, r"site_alert: param 'heading_level': must be at"),
        ({"text": "a", "lang": "de"}, r"site_alert: param 'lang': must be one of"),
        ({"text": "a", "role": "alert"}, r"site_alert: param 'role': unknown param"),
        ({"text": "a", "attributes": {"aria-label": "x"}}, r"site_alert: param 'attributes"),
    ],
)
def test_bad_input_names_the_component_and_the_param(params, message):
    with pytest.raises(ComponentError, match=message):
        render("site_alert", **params)


def test_html_given_a_plain_string_is_refused():
    with pytest.raises(ComponentError, match=r"site_alert: param 'html': expected markupsafe"):
        render("site_alert", html="<ul><li>x</li></ul>")


def test_hostile_text_heading_and_label_are_escaped():
    hostile = '"><script>alert(1)</script>'
    html = render("site_alert", heading=hostile, text=hostile, label=hostile)
    page = parse(html)
    assert page.find("script") is None
    assert page.find("h2").get_text() == f"Information: {hostile}"
    assert page.find("p").get_text() == hostile
    assert page.section["aria-label"] == hostile


# --- conformance with USWDS's own markup ------------------------------------------------------

CONTENT_DIR = uswds_package() / "packages" / "usa-site-alert" / "src" / "content"


def test_every_site_alert_content_file_has_a_conformance_case():
    shipped = {f"usa-site-alert/src/content/{p.name}" for p in CONTENT_DIR.glob("*.json")}
    assert {case.content[-1] for case in SPEC.conformance} == shipped


def test_no_conformance_case_keeps_a_stray_comma_in_the_label():
    for case in SPEC.conformance:
        label = case.overrides.get("aria_label", load_content(case.content)["aria_label"])
        assert label == "Site alert", case.content


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.content[-1].rsplit("/", 1)[-1]) for c in SPEC.conformance]
)
def test_html_param_matches_the_twig_with_its_own_markup(case):
    # The twig's `list` is raw block content and its `text` a raw paragraph: our `html` is the
    # former, so the paragraph is passed with its class, exactly as the twig renders it.
    content = load_content(case.content)
    kept = {k: v for k, v in case.overrides.items() if k not in ("text", "list")}
    faithful = changed(
        case, overrides=kept, params={k: v for k, v in case.params.items() if k != "text"}
    )
    if content.get("list"):
        html = Markup(content["list"])
    else:
        html = Markup('<p class="usa-alert__text">{}</p>').format(Markup(content["text"]))
    expected = canonical_html(render_reference(faithful), root_attributes=case.root_attributes)
    assert "javascript:void(0);" in expected
    assert canonical_html(render("site_alert", **faithful.params, html=html)) == expected


def test_the_comparison_notices_stray_commas():
    case = SPEC.conformance[1]  # ~info, whose demo label is "Site alert,"
    without_override = changed(
        case, overrides={k: v for k, v in case.overrides.items() if k != "aria_label"}
    )
    ours = canonical_html(render("site_alert", **case.params))
    assert ours == canonical_html(render_reference(case))
    assert ours != canonical_html(render_reference(without_override))
