"""The alert: statuses, roles, heading levels, the spoken status prefix, bad input, escaping."""

from __future__ import annotations

import pytest
from conftest import parse, root_element
from markupsafe import Markup
from test_conformance import load_content, render_reference

from uswds_components import ComponentError, create_environment, get_spec, render
from uswds_components.assets import uswds_package
from uswds_components.spec import changed
from uswds_components.testing.canonical import canonical_html

SPEC = get_spec("alert")
EXAMPLES = [pytest.param(e, id=e.name) for e in SPEC.examples]
STATUSES = ("info", "warning", "error", "success", "emergency")
PREFIXES = {
    "en": ("Information:", "Warning:", "Error:", "Success:", "Emergency:"),
    "es": ("Información:", "Advertencia:", "Error:", "Éxito:", "Emergencia:"),
}


@pytest.mark.parametrize("example", EXAMPLES)
def test_example_dom_follows_its_params(example):
    params = SPEC.validate(example.params)
    root = root_element(render("alert", **example.params))
    assert root.name == "div"
    classes = root["class"]
    assert classes[:2] == ["usa-alert", f"usa-alert--{params['status']}"]
    assert ("usa-alert--slim" in classes) == params["slim"]
    assert ("usa-alert--no-icon" in classes) == (not params["icon"])
    assert root.get("role") == params["role"]
    body = root.find(class_="usa-alert__body", recursive=False)
    heading = body.find(class_="usa-alert__heading")
    text = body.find("p", class_="usa-alert__text", recursive=False)
    assert text is not None
    prefixes = root.find_all(class_="usa-sr-only")
    if params["heading"] is None:
        assert heading is None
    else:
        assert heading.name == f"h{params['heading_level']}"
        assert heading.get_text().endswith(params["heading"])
    if params["announce_status"]:
        assert len(prefixes) == 1
        home = text if heading is None else heading
        assert home.find(True) is prefixes[0]
    else:
        assert prefixes == []
    message = params["text"] if params["html"] is None else parse(params["html"]).get_text()
    assert " ".join(text.get_text().split()).endswith(" ".join(message.split()))


def test_examples_cover_every_status_and_variant():
    seen = [SPEC.validate(e.params) for e in SPEC.examples]
    assert {p["status"] for p in seen} == set(STATUSES)
    assert any(p["slim"] for p in seen)
    assert any(not p["icon"] for p in seen)
    assert any(p["heading"] is None and not p["slim"] for p in seen)
    assert any(p["html"] is not None for p in seen)
    assert any(p["lang"] == "es" for p in seen)
    assert any(not p["announce_status"] for p in seen)
    # The preview puts each example under an h1: a heading must be an h2 there.
    assert all(p["heading_level"] == 2 for p in seen if p["heading"] is not None)


@pytest.mark.parametrize(
    ("status", "role"),
    [
        ("info", None),
        ("warning", None),
        ("error", "alert"),
        ("success", "status"),
        ("emergency", "alert"),
    ],
)
def test_default_role_follows_uswds_guidance(status, role):
    assert root_element(render("alert", status=status, text="x")).get("role") == role


@pytest.mark.parametrize("role", ["alert", "status"])
def test_role_can_be_set(role):
    assert root_element(render("alert", status="info", text="x", role=role))["role"] == role


def test_role_none_leaves_the_role_out():
    html = render("alert", status="error", text="x", role="none")
    assert "role=" not in html


def test_region_role_with_a_name():
    root = root_element(
        render("alert", text="x", role="region", attributes={"aria-label": "Filing deadline"})
    )
    assert root["role"] == "region"
    assert root["aria-label"] == "Filing deadline"
    labelled = render("alert", text="x", role="region", attributes={"aria-labelledby": "h"})
    assert root_element(labelled)["aria-labelledby"] == "h"


def test_default_status_is_info_and_default_heading_level_is_uswds_h4():
    root = root_element(render("alert", heading="Note", text="x"))
    assert "usa-alert--info" in root["class"]
    assert root.find("h4", class_="usa-alert__heading") is not None


@pytest.mark.parametrize("level", [2, 3, 4, 5, 6])
def test_heading_level_sets_the_heading_element(level):
    root = root_element(render("alert", heading="Note", text="x", heading_level=level))
    headings = root.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])
    assert [h.name for h in headings] == [f"h{level}"]


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("index", range(len(STATUSES)))
def test_status_prefix_in_each_language(lang, index):
    status, prefix = STATUSES[index], PREFIXES[lang][index]
    with_heading = root_element(render("alert", status=status, heading="H", text="T", lang=lang))
    span = with_heading.find(class_="usa-alert__heading").span
    assert span["class"] == ["usa-sr-only"]
    assert span.get_text() == f"{prefix} "
    assert with_heading.find(class_="usa-alert__heading").get_text() == f"{prefix} H"
    without = root_element(render("alert", status=status, text="T", lang=lang))
    assert without.find("p").get_text().split() == [*prefix.split(), "T"]
    assert (without.get("lang") == "es") == (lang == "es")


def test_announce_status_false_is_uswds_markup_exactly():
    ours = render("alert", status="warning", heading="H", text="T", announce_status=False)
    assert "usa-sr-only" not in ours
    assert "usa-sr-only" in render("alert", status="warning", heading="H", text="T")


def test_html_goes_inside_the_text_paragraph_as_given():
    html = Markup('Read <a class="usa-link" href="/rules">the rules</a>.')
    root = root_element(render("alert", html=html, announce_status=False))
    paragraph = root.find("p", class_="usa-alert__text")
    assert paragraph.a["href"] == "/rules"
    assert " ".join(paragraph.get_text().split()) == "Read the rules."


# --- bad input: each names the component and the param -----------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, r"alert: param 'text': one of text or html is required"),
        ({"heading": "H"}, r"alert: param 'text': one of text or html is required"),
        ({"text": "a", "html": Markup("b")}, r"alert: param 'html': give text or html, not both"),
        ({"text": "  "}, r"alert: param 'text': is empty"),
        ({"html": Markup(" ")}, r"alert: param 'html': is empty"),
        ({"text": "a", "heading": ""}, r"alert: param 'heading': is empty"),
        ({"text": "a", "heading": "H", "slim": True}, r"alert: param 'heading': a slim alert"),
        ({"text": "a", "heading_level": 1}, r"alert: param 'heading_level': must be at least 2"),
        ({"text": "a", "heading_level": 7}, r"alert: param 'heading_level': must be at most 6"),
        ({"text": "a", "heading_level": "2"}, r"alert: param 'heading_level': expected an integ"),
        ({"text": "a", "heading_level": True}, r"alert: param 'heading_level': expected an integ"),
        ({"text": "a", "status": "danger"}, r"alert: param 'status': must be one of 'info'"),
        ({"text": "a", "role": "dialog"}, r"alert: param 'role': must be one of 'alert'"),
        ({"text": "a", "role": "region"}, r"alert: param 'role': role=\"region\" needs a name"),
        ({"text": "a", "lang": "fr"}, r"alert: param 'lang': must be one of 'en', 'es'"),
        ({"text": "a", "slim": "yes"}, r"alert: param 'slim': expected True or False"),
        ({"text": "a", "icon": 0}, r"alert: param 'icon': expected True or False"),
        ({"text": "a", "announce_status": None, "title": "T"}, r"alert: param 'title': unknown"),
        ({"text": "a", "attributes": {"role": "alert"}}, r"alert: param 'attributes\[\"role\"\]'"),
        ({"text": "a", "attributes": {"lang": "es"}}, r"alert: param 'attributes\[\"lang\"\]'"),
    ],
)
def test_bad_input_names_the_component_and_the_param(params, message):
    with pytest.raises(ComponentError, match=message):
        render("alert", **params)


def test_html_given_a_plain_string_is_refused():
    with pytest.raises(ComponentError, match=r"alert: param 'html': expected markupsafe.Markup"):
        render("alert", html="<b>bold</b>")


def test_the_macro_applies_the_same_rules():
    env = create_environment()
    template = env.from_string('{% import "uswds/components.html" as usa %}{{ usa.alert(**p) }}')
    with pytest.raises(ComponentError, match=r"alert: param 'heading': a slim alert"):
        template.render(p={"text": "a", "heading": "H", "slim": True})
    assert template.render(p={"text": "a"}) == str(render("alert", text="a"))


# --- escaping ----------------------------------------------------------------------------------

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_hostile_text_and_heading_are_escaped():
    html = render("alert", heading=HOSTILE, text=HOSTILE, heading_level=2)
    page = parse(html)
    assert page.find("script") is None and page.find("img") is None
    assert page.find("h2").get_text() == f"Information: {HOSTILE}"
    assert page.find("p").get_text().strip() == HOSTILE


def test_markup_given_to_text_is_still_escaped():
    html = render("alert", text=Markup("<b>not bold</b>"), heading=Markup("<i>h</i>"))
    assert parse(html).find(["b", "i"]) is None


# --- conformance with USWDS's own markup, placeholder links included ---------------------------

CONTENT_DIR = uswds_package() / "packages" / "usa-alert" / "src" / "content"


def test_every_alert_content_file_has_a_conformance_case():
    # test-usa-alert-content.json feeds USWDS's test pages (lists of alerts), not usa-alert.twig.
    shipped = {
        f"usa-alert/src/content/{p.name}"
        for p in CONTENT_DIR.glob("*.json")
        if not p.name.startswith("test-")
    }
    assert {case.content[-1] for case in SPEC.conformance} == shipped


@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.content[-1].rsplit("/", 1)[-1]) for c in SPEC.conformance]
)
def test_html_param_matches_the_twig_with_its_own_link_markup(case):
    # spec.toml cannot hold Markup, so its cases pass the text without the link; here the twig
    # keeps the content file's real text and we pass the same markup through `html`.
    content_text = load_content(case.content)["text"]
    faithful = changed(
        case,
        overrides={k: v for k, v in case.overrides.items() if k != "text"},
        params={k: v for k, v in case.params.items() if k != "text"},
    )
    expected = canonical_html(render_reference(faithful), root_attributes=case.root_attributes)
    actual = canonical_html(render("alert", **faithful.params, html=Markup(content_text)))
    assert "javascript:void(0);" in expected
    assert actual == expected


def test_the_comparison_notices_a_changed_alert():
    case = SPEC.conformance[2]  # error: role="alert"
    expected = canonical_html(render_reference(case))
    ours = str(render("alert", **case.params))
    assert canonical_html(ours) == expected
    for broken in (
        ours.replace(' role="alert"', ""),
        ours.replace("<h4", "<h3").replace("</h4>", "</h3>"),
        ours.replace("usa-alert--error", "usa-alert--warning"),
        str(render("alert", **{**case.params, "announce_status": True})),
    ):
        assert broken != ours
        assert canonical_html(broken) != expected
