"""The banner's own DOM: language, ids, the notices it is built from, and no `hidden`."""

from __future__ import annotations

from conftest import parse, root_element

from uswds_components import render


def test_english_banner_matches_the_seed_page_wording():
    root = root_element(render("banner"))
    assert root.name == "section"
    assert root["aria-label"] == "Official website of the United States government"
    assert not root.has_attr("lang")
    assert root.find(class_="usa-banner__header-text").get_text() == (
        "An official website of the United States government"
    )
    button = root.find("button")
    assert button.get_text(strip=True) == "Here’s how you know"
    assert button["aria-expanded"] == "false"
    notices = root.find_all(class_="usa-banner__guidance")
    assert [n.strong.get_text() for n in notices] == [
        "Official websites use .gov",
        "Secure .gov websites use HTTPS",
    ]


def test_spanish_banner_is_marked_spanish_throughout():
    root = root_element(render("banner", lang="es"))
    assert root["lang"] == "es"
    assert root["aria-label"] == "Un sitio oficial del Gobierno de Estados Unidos"
    assert root.find("button").get_text(strip=True) == "Así es como usted puede verificarlo"
    assert root.find("title").get_text() == "Candado"


def test_mil_banner_names_the_mil_domain():
    root = root_element(render("banner", tld="mil"))
    assert "Official websites use .mil" in root.get_text()
    assert ".gov" not in root.get_text()


def test_content_is_not_hidden_on_the_server():
    # USWDS's JS hides it; hidden here would lose it for users without JS.
    content = root_element(render("banner")).find(class_="usa-banner__content")
    assert not content.has_attr("hidden")


def test_ids_derive_from_the_banner_id_so_two_banners_do_not_collide():
    page = parse(str(render("banner")) + str(render("banner", id="second-banner")))
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids)) == 6
    for banner in page.find_all("section"):
        button = banner.find("button")
        assert banner.find(id=button["aria-controls"]) is not None
        svg = banner.find("svg")
        assert banner.find(id=svg["aria-labelledby"]).name == "desc"
    assert page.find(id="second-banner-lock-title") is not None


def test_banner_uses_the_notice_components_markup():
    banner = root_element(render("banner", lang="es", tld="mil", id="b"))
    gov = root_element(render("gov_notice", lang="es", tld="mil"))
    https = root_element(render("https_notice", lang="es", tld="mil", id_prefix="b"))
    assert [str(n) for n in banner.find_all(class_="usa-banner__guidance")] == [
        str(gov),
        str(https),
    ]


def test_images_url_is_configurable():
    from uswds_components import create_environment, render_in

    env = create_environment(images_url="https://cdn.example.gov/uswds/img/")
    html = render_in(env, "banner")
    srcs = [img["src"] for img in parse(html).find_all("img")]
    assert srcs == [
        "https://cdn.example.gov/uswds/img/us_flag_small.png",
        "https://cdn.example.gov/uswds/img/icon-dot-gov.svg",
        "https://cdn.example.gov/uswds/img/icon-https.svg",
    ]
