"""The page layout and page(): landmarks in USWDS's order, blocks, nonce, language."""

from __future__ import annotations

import jinja2
import pytest
from conftest import parse
from markupsafe import Markup

from uswds_components import ComponentError, create_environment, get_spec, page

REGIONS = {
    "header": {"title": "Agency", "items": [{"text": "News", "href": "/news"}]},
    "site_alert": {"status": "info", "text": "Scheduled maintenance tonight."},
    "breadcrumb": {"items": [{"text": "Home", "href": "/"}, {"text": "News"}]},
    "archive_notice": {"site_name": "agency.gov", "heading_level": 2},
    "last_updated": {"date": "2018-09-20"},
    "page_feedback": {"action": "/feedback", "page_url": "/news"},
    "footer": {"agency_name": "Agency"},
    "identifier": {
        "domain": "agency.gov",
        "agencies": [{"name": "Agency", "url": "/"}],
        "links": {
            "about": "/about",
            "accessibility": "/accessibility",
            "foia": "/foia",
            "no_fear": "/no-fear",
            "oig": "/oig",
            "performance": "/performance",
            "privacy": "/privacy",
        },
    },
}
# The regions in the order USWDS's page template puts them.
ORDER = [
    "skipnav",
    "banner",
    "header",
    "site_alert",
    "breadcrumb",
    "archive_notice",
    "content",
    "last_updated",
    "page_feedback",
    "footer",
    "identifier",
]
CONTENT = Markup('<h1 data-region="content">News</h1>')


def tagged(regions: dict) -> dict:
    """Each region's params plus a data-region attribute, to find its root in the output."""
    return {
        name: {**params, "attributes": {"data-region": name}} for name, params in regions.items()
    }


def full_page(**overrides) -> str:
    regions = tagged({"skipnav": {}, "banner": {}, **REGIONS})
    return str(page(title="News", content=CONTENT, **{**regions, **overrides}))


def class_positions(html: str) -> list[str]:
    return [tag["data-region"] for tag in parse(html).find_all(attrs={"data-region": True})]


def test_regions_come_in_uswds_order_with_main_around_the_middle():
    html = full_page()
    assert class_positions(html) == ORDER
    doc = parse(html)
    main = doc.find("main", id="main-content")
    inside = {tag["data-region"] for tag in main.find_all(attrs={"data-region": True})}
    assert inside == {"breadcrumb", "archive_notice", "content", "last_updated", "page_feedback"}
    assert doc.find("html")["lang"] == "en"
    assert doc.find("title").get_text() == "News"
    assert doc.find("meta", attrs={"name": "viewport"})["content"].startswith("width=device-width")


def test_assets_come_from_the_configured_prefix_and_init_script_is_in_the_head():
    env = create_environment(assets_url="/static/uswds", static_url="/static/ours")
    doc = parse(str(page(title="T", content=CONTENT, environment=env)))
    head_scripts = [s["src"] for s in doc.head.find_all("script")]
    assert head_scripts == ["/static/uswds/js/uswds-init.min.js"]
    assert [s["src"] for s in doc.body.find_all("script", src=True)][-1] == (
        "/static/uswds/js/uswds.min.js"
    )
    stylesheets = [link["href"] for link in doc.find_all("link", rel="stylesheet")]
    assert stylesheets == ["/static/uswds/css/uswds.min.css", "/static/ours/uswds-components.css"]
    assert doc.find("link", rel="icon")["href"] == "/static/uswds/img/favicons/favicon.ico"


def test_the_favicon_follows_images_url_like_every_other_image():
    env = create_environment(assets_url="/static/uswds", images_url="https://cdn.example.gov/i")
    doc = parse(str(page(title="T", content=CONTENT, environment=env)))
    assert doc.find("link", rel="icon")["href"] == "https://cdn.example.gov/i/favicons/favicon.ico"
    flags = [img["src"] for img in doc.find_all("img") if "us_flag" in img["src"]]
    assert flags == ["https://cdn.example.gov/i/us_flag_small.png"]


def test_every_script_tag_carries_the_nonce():
    doc = parse(full_page(nonce="r4nd0mN0nce=="))
    scripts = doc.find_all("script")
    assert len(scripts) >= 3  # init, uswds, and the feedback script
    assert {s.get("nonce") for s in scripts} == {"r4nd0mN0nce=="}


def test_regions_switch_off_and_default_on():
    html = full_page(skipnav=False, banner=False, header=False)
    assert "usa-skipnav" not in html and "usa-banner" not in html and "usa-header" not in html
    bare = parse(str(page(title="T", content=CONTENT)))
    assert bare.find(class_="usa-skipnav") and bare.find(class_="usa-banner")
    for css_class in (
        "usa-header",
        "usa-breadcrumb",
        "uswds-components-page-feedback",
        "usa-footer",
    ):
        assert bare.find(class_=css_class) is None


def test_region_language_follows_the_page():
    doc = parse(full_page(lang="es"))
    assert doc.find("html")["lang"] == "es"
    assert doc.find(class_="usa-banner")["lang"] == "es"
    assert "Saltar al contenido principal" in doc.find(class_="usa-skipnav").get_text()
    explicit = parse(full_page(lang="es", banner={"lang": "en"}))
    assert not explicit.find(class_="usa-banner").has_attr("lang")


def test_blocks_can_be_overridden_by_a_child_template():
    env = create_environment(
        loader=jinja2.DictLoader(
            {
                "child.html": '{% extends "uswds/layouts/page.html" %}'
                "{% block banner %}<p>custom banner</p>{% endblock %}"
                '{% block content %}<h1 class="page-content">{{ heading }}</h1>{% endblock %}'
                "{% block identifier %}{% endblock %}",
            }
        )
    )
    html = env.get_template("child.html").render(title="T", heading="Hi <there>", **REGIONS)
    doc = parse(html)
    assert "usa-banner" not in html and doc.find(string="custom banner")
    assert doc.find("h1").get_text() == "Hi <there>"
    assert "usa-identifier" not in html
    assert "usa-footer" in html


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "T", "sidebar": {}}, r"page: param 'sidebar': unknown field"),
        ({"title": ""}, r"page: param 'title': is required"),
        ({"title": "T", "lang": "fr"}, r"page: param 'lang': must be one of"),
        ({"title": "T", "content": "<p>x</p>"}, r"page: param 'content': expected markupsafe"),
        ({"title": "T", "nonce": 'x" onload="y'}, r"page: param 'nonce': expected a base64"),
        ({"title": "T", "header": "Agency"}, r"page: param 'header': expected a mapping"),
        ({"title": "T", "footer": {"agency": "x"}}, r"footer: param 'agency': unknown param"),
    ],
)
def test_bad_page_fields_are_refused(fields, message):
    with pytest.raises(ComponentError, match=message):
        page(fields)


def test_title_is_escaped():
    doc = parse(str(page(title="</title><script>x()</script>")))
    assert doc.find("title").get_text() == "</title><script>x()</script>"
    assert doc.find("script", string="x()") is None


# --- the layout refuses what page() refuses, by one code path ---------------------------------


def layout(**context) -> str:
    return create_environment().get_template("uswds/layouts/page.html").render(**context)


@pytest.mark.parametrize(
    ("name", "value", "meant"),
    [
        ("heder", {"title": "Agency"}, "header"),
        ("breadcrumbs", {"items": [{"text": "Home"}]}, "breadcrumb"),
        ("skip_nav", False, "skipnav"),
        ("feedback", {"action": "/feedback"}, "page_feedback"),
    ],
)
def test_a_misspelt_region_is_refused_by_the_layout_and_by_page(name, value, meant):
    for where, render_it in (("layout", layout), ("page", page)):
        with pytest.raises(ComponentError) as caught:
            render_it(title="T", **{name: value})
        message = str(caught.value)
        assert message.startswith(f"{where}: param '{name}': unknown field; did you mean")
        assert f"did you mean '{meant}'?" in message
        assert "regions: skipnav, banner, header, site_alert, breadcrumb," in message


def test_a_child_templates_own_variables_are_not_taken_for_regions():
    env = create_environment(
        loader=jinja2.DictLoader(
            {
                "child.html": '{% extends "uswds/layouts/page.html" %}'
                "{% block content %}<h1>{{ heading }}</h1>{{ alerts|length }}"
                "{{ sidebar.text }}{% endblock %}"
            }
        )
    )
    # Close to "header" and "site_alert" but not a region's value, or a mapping near no region.
    html = env.get_template("child.html").render(
        title="T", heading="Hi", alerts=[1, 2], sidebar={"text": "Aside"}, config={"DEBUG": 1}
    )
    assert "<h1>Hi</h1>2Aside" in html


def test_names_seen_before_are_checked_again_on_every_page():
    # The layout remembers the names far from every region; a name near one is looked at on
    # every page, so a page giving it a region's value is refused after pages that did not.
    env = create_environment(
        loader=jinja2.DictLoader({"child.html": '{% extends "uswds/layouts/page.html" %}'})
    )
    child = env.get_template("child.html")
    for _ in range(2):
        child.render(title="T", heading="Hi", sidebar={"text": "Aside"}, heder="text")
    with pytest.raises(ComponentError, match="param 'heder': unknown field; did you mean"):
        child.render(title="T", heading="Hi", sidebar={"text": "Aside"}, heder={"title": "A"})


def test_a_sites_own_layout_checks_its_page_as_a_global_or_a_filter():
    # The package layout calls it as a filter; a site's own layout may call the global.
    env = create_environment(
        loader=jinja2.DictLoader(
            {
                "global.html": "{{ uswds_layout_lang() }}",
                "filter.html": "{{ lang|uswds_layout_lang }}",
            }
        )
    )
    for name in ("global.html", "filter.html"):
        template = env.get_template(name)
        assert template.render(lang="es") == "es"
        assert template.render() == "en"
        with pytest.raises(ComponentError, match="param 'heder': unknown field"):
            template.render(heder={"title": "A"})


def test_a_page_language_other_than_en_or_es_is_named_as_the_pages_not_a_regions():
    with pytest.raises(ComponentError) as caught:
        layout(title="T", lang="fr")
    assert str(caught.value) == "layout: param 'lang': must be one of 'en', 'es'; got 'fr'"
    with pytest.raises(ComponentError) as caught:
        page(title="T", lang="fr")
    assert str(caught.value) == "page: param 'lang': must be one of 'en', 'es'; got 'fr'"
    # A region's own lang is still the region's to check.
    with pytest.raises(ComponentError, match=r"^banner: param 'lang'"):
        layout(title="T", lang="es", banner={"lang": "fr"})
    assert '<html lang="es">' in layout(title="T", lang="es")
    assert '<html lang="en">' in layout(title="T", lang=None)


@pytest.mark.parametrize(("lang", "prefix"), [("en", "Error: "), ("es", "Error: ")])
def test_a_page_with_errors_says_so_first_in_its_title(lang, prefix):
    assert get_spec("error_summary").strings[lang]["title_prefix"] == prefix
    errors = [{"text": "Enter your name", "target": "name"}]
    with_errors = parse(str(page(title="Apply", lang=lang, errors=errors)))
    assert with_errors.find("title").get_text() == f"{prefix}Apply"
    for none in ([], None, False):
        assert parse(str(page(title="Apply", lang=lang, errors=none))).find("title").get_text() == (
            "Apply"
        )
