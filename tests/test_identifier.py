"""The identifier: required links, agencies, logos, disclaimer, Spanish, and bad input."""

from __future__ import annotations

import pytest
from conftest import parse, root_element
from test_conformance import apply_replacements, reference_context, render_with_twig_js

from uswds_components import ComponentError, get_spec, render
from uswds_components.assets import uswds_package
from uswds_components.testing.canonical import canonical_html

LINKS = {
    "about": "/about",
    "accessibility": "/accessibility",
    "foia": "/foia",
    "no_fear": "/no-fear",
    "oig": "/oig",
    "performance": "/performance",
    "privacy": "/privacy",
}
PARENT = {"name": "Department of Example", "shortname": "DOE", "url": "https://example.gov/"}
OTHER = {"name": "Benefits Office", "url": "https://benefits.example.gov/"}
BASE = {"domain": "example.gov", "agencies": [PARENT], "links": LINKS}


def test_three_named_landmarks_and_the_identity_is_a_section():
    root = root_element(render("identifier", **BASE))
    assert root["class"] == ["usa-identifier"]
    sections = root.find_all(class_="usa-identifier__section", recursive=False)
    assert [(s.name, s["aria-label"]) for s in sections] == [
        ("section", "Agency identifier"),
        ("nav", "Important links"),
        ("section", "U.S. government information and services"),
    ]
    identity = root.find(class_="usa-identifier__identity")
    # uswds #4952: an aria-label on a div is not announced; it must be a section.
    assert identity.name == "section" and identity["aria-label"] == "Agency description"
    assert root.find(class_="usa-identifier__logos") is None


def test_the_seven_required_links_in_order():
    links = parse(render("identifier", **BASE)).select(".usa-identifier__required-link")
    assert [(a.get_text(" ", strip=True), a["href"]) for a in links] == [
        ("About DOE", "/about"),
        ("Accessibility statement", "/accessibility"),
        ("FOIA requests", "/foia"),
        ("No FEAR Act data", "/no-fear"),
        ("Office of the Inspector General", "/oig"),
        ("Performance reports", "/performance"),
        ("Privacy policy", "/privacy"),
    ]


def test_about_uses_the_name_when_there_is_no_short_name():
    html = render("identifier", **{**BASE, "agencies": [OTHER]})
    assert parse(html).select_one(".usa-identifier__required-link").get_text(" ", strip=True) == (
        "About Benefits Office"
    )


def test_disclaimer_hides_an_and_names_both_agencies():
    disclaimer = parse(render("identifier", **{**BASE, "agencies": [PARENT, OTHER]})).find(
        class_="usa-identifier__identity-disclaimer"
    )
    assert disclaimer.find("span")["aria-hidden"] == "true"
    assert " ".join(disclaimer.get_text(" ").split()) == (
        "An official website of the Department of Example and the Benefits Office"
    )
    assert [a["href"] for a in disclaimer.find_all("a")] == [PARENT["url"], OTHER["url"]]


def test_second_agency_renders_without_a_short_name():
    # USWDS's twig tests `mashead.agency.name`, so only a short name shows the link; not here.
    assert "shortname" not in OTHER
    html = render("identifier", **{**BASE, "agencies": [PARENT, OTHER]})
    assert "Benefits Office" in parse(html).find(class_="usa-identifier__identity").get_text()


def test_logos_link_to_their_agencies_with_alt_text():
    logos = [{"src": "/a.svg", "alt": "DOE logo"}, {"src": "/b.svg", "alt": "Benefits logo"}]
    html = render("identifier", **{**BASE, "agencies": [PARENT, OTHER], "logos": logos})
    links = parse(html).select(".usa-identifier__logos > a.usa-identifier__logo")
    assert [(a["href"], a.img["src"], a.img["alt"]) for a in links] == [
        (PARENT["url"], "/a.svg", "DOE logo"),
        (OTHER["url"], "/b.svg", "Benefits logo"),
    ]


def test_taxpayer_disclaimer_follows_the_agency():
    disclaimer = parse(render("identifier", **BASE, taxpayer_disclaimer=True)).find(
        class_="usa-identifier__identity-disclaimer"
    )
    assert " ".join(disclaimer.get_text(" ").split()).endswith(
        "Department of Example . Produced and published at taxpayer expense."
    )
    assert "</a>. Produced" in str(disclaimer)


def test_spanish():
    root = root_element(render("identifier", **BASE, lang="es", taxpayer_disclaimer=True))
    assert root["lang"] == "es"
    assert root.find("span") is None  # no hidden “An” in Spanish
    assert "Un sitio web oficial de" in root.get_text()
    assert "Producido y publicado con dinero de los contribuyentes de impuestos." in root.get_text()
    assert root.select_one(".usa-identifier__required-link").get_text(" ", strip=True) == (
        "Acerca de DOE"
    )
    usagov = root.select_one(".usa-identifier__section--usagov a")
    assert (usagov["href"], usagov.get_text()) == (
        "https://www.usa.gov/es/",
        "Visite USAGov en Español",
    )


def test_examples_cover_logos_two_agencies_disclaimer_and_spanish():
    examples = [e.params for e in get_spec("identifier").examples]
    assert any(len(p.get("logos", [])) == 2 for p in examples)
    assert any(not p.get("logos") for p in examples)
    assert any(p.get("taxpayer_disclaimer") and p.get("lang") == "es" for p in examples)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"domain": None}, r"identifier: param 'domain': is required"),
        ({"domain": " "}, r"param 'domain': is empty"),
        ({"agencies": []}, r"param 'agencies': needs at least 1"),
        ({"agencies": [PARENT, OTHER, OTHER]}, r"param 'agencies': takes one or two"),
        ({"agencies": [{"name": "A"}]}, r"param 'agencies\[0\].url': is required"),
        ({"agencies": [{**PARENT, "shortname": ""}]}, r"agencies\[0\].shortname': is empty"),
        ({"links": {k: v for k, v in LINKS.items() if k != "foia"}}, r"'links.foia': is required"),
        ({"links": {**LINKS, "foia": ""}}, r"param 'links.foia': is empty"),
        ({"links": {**LINKS, "foia": "javascript:x()"}}, r"param 'links.foia': unsafe URL"),
        ({"links": {**LINKS, "sitemap": "/s"}}, r"param 'links.sitemap': unknown key"),
        ({"logos": [{"src": "/a.svg", "alt": " "}]}, r"param 'logos\[0\].alt': is empty"),
        ({"logos": [{"src": "/a.svg"}]}, r"param 'logos\[0\].alt': is required"),
        ({"logos": [{"src": "javascript:x", "alt": "x"}]}, r"logos\[0\].src': unsafe URL"),
        (
            {"logos": [{"src": "/a.svg", "alt": "a"}, {"src": "/b.svg", "alt": "b"}]},
            r"param 'logos': one logo per agency at most",
        ),
        ({"taxpayer_disclaimer": "yes"}, r"param 'taxpayer_disclaimer': expected True or False"),
        ({"lang": "fr"}, r"param 'lang': must be one of"),
    ],
)
def test_bad_input_is_refused(params, message):
    with pytest.raises(ComponentError, match=message):
        render("identifier", **{**BASE, **params})


def test_a_case_for_each_uswds_content_file():
    content_dir = uswds_package() / "packages" / "usa-identifier" / "src" / "content"
    shipped = {f"usa-identifier/src/content/{p.name}" for p in content_dir.glob("*.json")}
    covered = {case.content[-1] for case in get_spec("identifier").conformance}
    assert covered == shipped


def test_the_twig_js_comparison_catches_a_div_identity():
    # uswds #4952 again: the reference (twig.js) has a section; a div must not compare equal.
    case = get_spec("identifier").conformance[0]
    html = render_with_twig_js([{"twig": case.twig, "context": reference_context(case)}])[0]
    reference = canonical_html(apply_replacements(case, html))
    ours = str(render("identifier", **case.params))
    assert canonical_html(ours) == reference
    broken = ours.replace(
        '<section class="usa-identifier__identity" aria-label="Agency description">',
        '<div class="usa-identifier__identity" aria-label="Agency description">',
    ).replace("</p>\n      </section>", "</p>\n      </div>")
    assert broken != ours
    assert canonical_html(broken) != reference
