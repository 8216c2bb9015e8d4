"""The breadcrumb: the trail's DOM, structured data (RDFa, JSON-LD), bad input, escaping."""

from __future__ import annotations

import json

import pytest
from conftest import parse, root_element
from test_conformance import render_reference

from uswds_components import ComponentError, create_environment, get_spec, render
from uswds_components.assets import uswds_package
from uswds_components.testing.canonical import canonical_html

SPEC = get_spec("breadcrumb")
EXAMPLES = [pytest.param(e, id=e.name) for e in SPEC.examples]
SEED = SPEC.example("dhs-archived-news").params["items"]
SHORT = [{"text": "Home", "href": "/"}, {"text": "News", "href": "/news"}, {"text": "Today"}]
HOSTILE = '"><script>alert(1)</script>'


def json_ld_of(html: str) -> dict:
    scripts = parse(html).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


@pytest.mark.parametrize("example", EXAMPLES)
def test_every_example_links_each_ancestor_and_marks_the_current_page(example):
    items = SPEC.validate(example.params)["items"]
    root = root_element(render("breadcrumb", **example.params))
    assert root.name == "nav"
    ol = root.find("ol", recursive=False)
    assert ol["class"] == ["usa-breadcrumb__list"]
    entries = ol.find_all("li", recursive=False)
    assert len(entries) == len(items)
    for entry, item in zip(entries[:-1], items[:-1], strict=True):
        assert entry["class"] == ["usa-breadcrumb__list-item"]
        assert not entry.has_attr("aria-current")
        link = entry.find("a", recursive=False)
        assert link["class"] == ["usa-breadcrumb__link"]
        assert link["href"] == item["href"]
        assert link.span.get_text() == item["text"]
    current = entries[-1]
    assert current["class"] == ["usa-breadcrumb__list-item", "usa-current"]
    assert current["aria-current"] == "page"
    assert current.find("a") is None
    assert current.find("span", recursive=False).get_text() == items[-1]["text"]
    assert "usa-breadcrumb--wrap" not in root["class"]  # deprecated in 3.14, no CSS


def test_seed_trail_reads_as_on_the_dhs_page():
    root = root_element(render("breadcrumb", items=SEED))
    texts = [li.get_text(strip=True) for li in root.find_all("li")]
    assert texts == [
        "Home",
        "About Us",
        "Site Links",
        "Archived",
        "News Archive",
        "Blue Campaign-Initiated Project Leads to Arrests in Connection with International "
        "Sex Trafficking Ring",
    ]
    assert [a["href"] for a in root.find_all("a")] == [
        "/",
        "/about-us",
        "/site-links",
        "/archive",
        "/news-archive",
    ]
    assert root["aria-label"] == "Breadcrumbs"
    assert root["class"] == ["usa-breadcrumb"]
    assert not root.has_attr("lang")
    assert root.find("script") is None and root.find(attrs={"property": True}) is None


def test_links_hold_a_span_and_no_stray_whitespace():
    html = str(render("breadcrumb", items=SHORT))
    assert '<a class="usa-breadcrumb__link" href="/"><span>Home</span></a>' in html


def test_truncate_is_opt_in():
    assert root_element(render("breadcrumb", items=SHORT))["class"] == ["usa-breadcrumb"]
    truncated = root_element(render("breadcrumb", items=SHORT, truncate=True))
    assert truncated["class"] == ["usa-breadcrumb", "usa-breadcrumb--truncate"]


def test_truncation_warning_is_documented_where_people_read():
    for text in (SPEC.accessibility, SPEC.params["truncate"].description):
        assert "6689" in text and "zoom" in text


@pytest.mark.parametrize(
    ("params", "label", "lang"),
    [
        ({}, "Breadcrumbs", None),
        ({"lang": "es"}, "Migas de pan", "es"),
        ({"label": "You are here"}, "You are here", None),
        ({"lang": "es", "label": "Ruta de navegación"}, "Ruta de navegación", "es"),
    ],
)
def test_label_and_language(params, label, lang):
    root = root_element(render("breadcrumb", items=SHORT, **params))
    assert root["aria-label"] == label
    assert root.get("lang") == lang


def test_spanish_label_source_is_documented():
    assert "Migas de pan" in SPEC.accessibility
    assert "react-spectrum" in SPEC.accessibility and "usagov" in SPEC.accessibility


def test_classes_and_attributes_go_on_the_nav():
    root = root_element(
        render("breadcrumb", items=SHORT, truncate=True, classes="a b", attributes={"id": "t"})
    )
    assert root["class"] == ["usa-breadcrumb", "usa-breadcrumb--truncate", "a", "b"]
    assert root["id"] == "t"


def test_a_single_item_is_just_the_current_page():
    root = root_element(render("breadcrumb", items=[{"text": "Home"}]))
    assert root.find("a") is None
    assert root.find("li")["aria-current"] == "page"


# --- structured data -----------------------------------------------------------------------


def test_rdfa_follows_uswds_metadata_markup():
    root = root_element(render("breadcrumb", items=SHORT, structured_data="rdfa"))
    ol = root.ol
    assert (ol["vocab"], ol["typeof"]) == ("http://schema.org/", "BreadcrumbList")
    entries = ol.find_all("li")
    for position, entry in enumerate(entries, start=1):
        assert (entry["property"], entry["typeof"]) == ("itemListElement", "ListItem")
        assert entry.find("span")["property"] == "name"
        meta = entry.find("meta", recursive=False)
        assert (meta["property"], meta["content"]) == ("position", str(position))
    for entry in entries[:-1]:
        assert (entry.a["property"], entry.a["typeof"]) == ("item", "WebPage")
    assert root.find("script") is None


def test_json_ld_is_a_breadcrumb_list_with_absolute_urls():
    html = render(
        "breadcrumb", items=SEED, structured_data="json-ld", base_url="https://www.dhs.gov/news/"
    )
    data = json_ld_of(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "BreadcrumbList"
    elements = data["itemListElement"]
    assert [e["position"] for e in elements] == [1, 2, 3, 4, 5, 6]
    assert [e["name"] for e in elements] == [item["text"] for item in SEED]
    assert [e.get("item") for e in elements] == [
        "https://www.dhs.gov/",
        "https://www.dhs.gov/about-us",
        "https://www.dhs.gov/site-links",
        "https://www.dhs.gov/archive",
        "https://www.dhs.gov/news-archive",
        None,  # the current page needs no URL
    ]
    assert all(e["@type"] == "ListItem" for e in elements)
    assert parse(html).find(attrs={"property": True}) is None  # no RDFa as well


def test_json_ld_needs_no_base_url_when_every_href_is_absolute():
    items = [{"text": "Home", "href": "https://www.dhs.gov/"}, {"text": "News"}]
    data = json_ld_of(render("breadcrumb", items=items, structured_data="json-ld"))
    assert data["itemListElement"][0]["item"] == "https://www.dhs.gov/"


def test_json_ld_script_takes_the_nonce():
    html = render(
        "breadcrumb", items=SHORT, structured_data="json-ld", base_url="https://a.gov", nonce="n0="
    )
    assert parse(html).find("script")["nonce"] == "n0="
    assert 'type="application/ld+json" nonce="n0="' in html


def test_nonce_without_json_ld_has_no_effect():
    # The page layout hands its nonce to every region that takes one.
    assert render("breadcrumb", items=SHORT, nonce="n0=") == render("breadcrumb", items=SHORT)


@pytest.mark.parametrize(
    "title",
    [
        "</script><script>alert(1)</script>",
        "</SCRIPT >x",
        "<!--<script>",
        "a & b > c",
        'quote " and \\ backslash',
        "line\u2028separator",
    ],
)
def test_json_ld_cannot_be_broken_out_of(title):
    html = str(
        render(
            "breadcrumb",
            items=[{"text": "Home", "href": "/"}, {"text": title}],
            structured_data="json-ld",
            base_url="https://a.gov/",
        )
    )
    body = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    for character in "<>&\u2028":
        assert character not in body
    assert html.count("</script>") == 1
    assert json.loads(body)["itemListElement"][1]["name"] == title
    # The visible crumb is escaped as HTML, as ever.
    assert parse(html).find(class_="usa-current").get_text(strip=True) == title.strip()


def test_no_structured_data_by_default():
    html = render("breadcrumb", items=SHORT)
    assert "ld+json" not in html and "schema.org" not in html


# --- conformance ----------------------------------------------------------------------------


def test_every_uswds_breadcrumb_twig_and_content_file_has_a_case():
    package = uswds_package() / "packages" / "usa-breadcrumb" / "src"
    twigs = {f"usa-breadcrumb/src/{p.relative_to(package)}" for p in package.rglob("*.twig")}
    content = {f"usa-breadcrumb/src/content/{p.name}" for p in package.glob("content/*.json")}
    assert {case.twig for case in SPEC.conformance} == twigs
    assert {c for case in SPEC.conformance for c in case.content} == content
    assert all(case.reason for case in SPEC.conformance)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (' aria-current="page"', ""),
        ("usa-breadcrumb__link", "usa-link"),
        ('<span property="name">Home</span>', "Home"),
        ('content="2"', 'content="3"'),
        ("<ol", '<ol role="list"'),
    ],
)
def test_conformance_catches_a_real_difference(old, new):
    case = next(c for c in SPEC.conformance if c.params.get("structured_data") == "rdfa")
    reference = canonical_html(render_reference(case))
    ours = str(render("breadcrumb", **case.params))
    assert canonical_html(ours) == reference
    broken = ours.replace(old, new, 1)
    assert broken != ours
    assert canonical_html(broken) != reference


# --- from a template ------------------------------------------------------------------------


def test_the_macro_works_from_a_template_and_validates():
    env = create_environment()
    template = env.from_string(
        '{% import "uswds/components.html" as usa %}{{ usa.breadcrumb(items=items, lang="es") }}'
    )
    root = root_element(template.render(items=SHORT))
    assert root["aria-label"] == "Migas de pan"
    with pytest.raises(ComponentError, match=r"breadcrumb: param 'items\[2\].href'"):
        template.render(items=[*SHORT[:2], {"text": "Today", "href": "/today"}])


# --- bad input: each names the component and the param --------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, r"breadcrumb: param 'items': is required"),
        ({"items": []}, r"breadcrumb: param 'items': needs at least 1 item"),
        ({"items": "Home"}, r"breadcrumb: param 'items': expected a list"),
        ({"items": ["Home"]}, r"breadcrumb: param 'items\[0\]': expected a mapping"),
        ({"items": [{"href": "/"}, {"text": "A"}]}, r"param 'items\[0\].text': is required"),
        ({"items": [{"text": ""}]}, r"breadcrumb: param 'items\[0\].text': is empty"),
        ({"items": [{"text": " \n"}]}, r"breadcrumb: param 'items\[0\].text': is empty"),
        ({"items": [{"text": "A", "href": "/a"}]}, r"param 'items\[0\].href': the last item"),
        ({"items": [*SHORT[:2], {"text": "C", "href": "/c"}]}, r"'items\[2\].href': the last"),
        ({"items": [{"text": "A"}, {"text": "B"}]}, r"param 'items\[0\].href': is required"),
        ({"items": [SHORT[0], {"text": "B"}, SHORT[2]]}, r"'items\[1\].href': is required"),
        ({"items": [{"text": "A", "href": " "}, {"text": "B"}]}, r"'items\[0\].href': is empty"),
        ({"items": [{"text": "A", "url": "/"}]}, r"param 'items\[0\].url': unknown key"),
        ({"items": [{"text": 1}]}, r"breadcrumb: param 'items\[0\].text': expected text"),
        ({"items": SHORT, "truncate": "yes"}, r"breadcrumb: param 'truncate': expected True"),
        ({"items": SHORT, "wrap": True}, r"breadcrumb: param 'wrap': unknown param"),
        ({"items": SHORT, "structured_data": "microdata"}, r"param 'structured_data': must be"),
        ({"items": SHORT, "structured_data": "json-ld"}, r"'base_url': is required for struct"),
        ({"items": SHORT, "base_url": "https://a.gov/"}, r"param 'base_url': is used only with"),
        (
            {"items": SHORT, "structured_data": "rdfa", "base_url": "https://a.gov/"},
            r"breadcrumb: param 'base_url': is used only with structured_data='json-ld'",
        ),
        (
            {"items": SHORT, "structured_data": "json-ld", "base_url": "/"},
            r"breadcrumb: param 'base_url': expected an absolute http\(s\) URL",
        ),
        (
            {"items": SHORT, "structured_data": "json-ld", "base_url": "//a.gov/"},
            r"breadcrumb: param 'base_url': expected an absolute http\(s\) URL",
        ),
        (
            {"items": SHORT, "structured_data": "json-ld", "base_url": "mailto:a@a.gov"},
            r"breadcrumb: param 'base_url': expected an absolute http\(s\) URL",
        ),
        (
            {"items": SHORT, "structured_data": "json-ld", "base_url": "javascript:x//a.gov"},
            r"breadcrumb: param 'base_url': unsafe URL",
        ),
        ({"items": SHORT, "nonce": "a b"}, r"breadcrumb: param 'nonce': expected a base64"),
        ({"items": SHORT, "nonce": '"><x'}, r"breadcrumb: param 'nonce': expected a base64"),
        ({"items": SHORT, "label": ""}, r"breadcrumb: param 'label': is empty"),
        ({"items": SHORT, "label": "  "}, r"breadcrumb: param 'label': is empty"),
        ({"items": SHORT, "lang": "fr"}, r"breadcrumb: param 'lang': must be one of 'en', 'es'"),
        ({"items": SHORT, "attributes": {"aria-label": "x"}}, r"'attributes\[\"aria-label\"\]'"),
        ({"items": SHORT, "attributes": {"lang": "es"}}, r"param 'attributes\[\"lang\"\]'"),
    ],
)
def test_bad_input_names_the_component_and_the_param(params, message):
    with pytest.raises(ComponentError, match=message):
        render("breadcrumb", **params)


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "  javascript:alert(1)",
        "\tjavascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "jav&#x09;ascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
    ],
)
def test_unsafe_hrefs_are_refused_naming_the_item(href):
    with pytest.raises(ComponentError, match=r"breadcrumb: param 'items\[0\].href': unsafe URL"):
        render("breadcrumb", items=[{"text": "Home", "href": href}, {"text": "Here"}])


def test_safe_hrefs_pass():
    for href in ("/", "https://www.dhs.gov/", "http://a.gov", "?page=2", "#top", "news.html"):
        render("breadcrumb", items=[{"text": "Home", "href": href}, {"text": "Here"}])


def test_hostile_text_and_label_are_escaped():
    html = str(
        render(
            "breadcrumb",
            items=[{"text": HOSTILE, "href": "/?a=1&b=2"}, {"text": HOSTILE}],
            label=HOSTILE,
            structured_data="rdfa",
        )
    )
    assert "<script>" not in html
    root = root_element(html)
    assert root["aria-label"] == HOSTILE
    assert [span.get_text() for span in root.find_all("span")] == [HOSTILE, HOSTILE]
    assert root.a["href"] == "/?a=1&b=2"
    assert 'href="/?a=1&amp;b=2"' in html
