"""The footer: slim (the default), medium and big; return to top, links, sections, social links,
contacts, the sign-up form, strings in both languages, and bad input."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, get_spec, render

BIG_SECTIONS = [{"heading": "Topic", "links": [{"text": "Link", "href": "/link"}]}]
SOCIAL = {"icon": "facebook", "text": "Facebook", "href": "https://www.facebook.com/agency"}


def test_default_example_structure():
    root = root_element(render("footer", **get_spec("footer").example("default").params))
    assert root.name == "footer"
    assert set(root["class"]) == {"usa-footer", "usa-footer--slim"}
    top = root.select_one(".usa-footer__return-to-top a")
    assert top["href"] == "#" and top.get_text(strip=True) == "Return to top"
    nav = root.find("nav")
    assert nav["aria-label"] == "Footer navigation" and nav["class"] == ["usa-footer__nav"]
    links = nav.select("li.usa-footer__primary-content > a.usa-footer__primary-link")
    assert (links[0].get_text(strip=True), links[0]["href"]) == ("About", "/about")
    contacts = root.select("address.usa-footer__address .usa-footer__contact-info a")
    assert [(a["href"], a.get_text(strip=True)) for a in contacts] == [
        ("tel:800555-0100", "(800) 555-0100"),
        ("mailto:info@benefits.example.gov", "info@benefits.example.gov"),
    ]
    assert root.select_one(".usa-footer__logo-heading").get_text(strip=True) == (
        "Federal Benefits Office"
    )
    assert root.find("img") is None


def test_logo_is_decorative():
    img = root_element(render("footer", agency_name="Agency", logo="/logo.png")).find("img")
    assert img["src"] == "/logo.png" and img["alt"] == "" and "usa-footer__logo-img" in img["class"]


def test_phone_with_letters_dials_phone_number():
    root = root_element(
        render("footer", agency_name="A", phone="1-800-FED-INFO", phone_number="+1 (800) 333-4636")
    )
    link = root.select_one(".usa-footer__contact-info a")
    assert link["href"] == "tel:+1800333-4636" and link.get_text(strip=True) == "1-800-FED-INFO"


def test_no_links_and_no_contacts_leave_out_nav_and_address():
    root = root_element(render("footer", agency_name="A"))
    assert root.find("nav") is None and root.find("address") is None


def test_spanish_strings():
    root = root_element(
        render("footer", agency_name="A", lang="es", links=[{"text": "B", "href": "/"}])
    )
    assert root["lang"] == "es"
    assert (
        root.select_one(".usa-footer__return-to-top a").get_text(strip=True) == "Volver al inicio"
    )
    assert root.find("nav")["aria-label"] == "Navegación del pie de página"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, r"footer: param 'agency_name': is required"),
        ({"agency_name": " "}, r"param 'agency_name': is empty"),
        ({"email": "not an email"}, r"param 'email': expected an email address"),
        ({"email": "a@b.gov?cc=x@y.gov"}, r"param 'email': expected an email address"),
        ({"email": "javascript:alert(1)//@x.gov"}, r"param 'email': expected an email address"),
        ({"phone": "call us"}, r"param 'phone': expected a phone number.*give phone_number"),
        ({"phone": "1-800-FED-INFO", "phone_number": "x"}, r"param 'phone_number': expected"),
        ({"phone_number": "18005550100"}, r"param 'phone_number': needs phone"),
        ({"phone": " "}, r"param 'phone': is empty"),
        ({"links": [{"text": "A", "href": "vbscript:x"}]}, r"links\[0\].href': unsafe URL"),
        ({"links": [{"text": "", "href": "/"}]}, r"param 'links\[0\].text': is empty"),
        ({"return_to_top_href": "javascript:scrollTo(0,0)"}, r"return_to_top_href': unsafe URL"),
        ({"lang": "fr"}, r"param 'lang': must be one of"),
        ({"variant": "mini"}, r"param 'variant': must be one of"),
        ({"variant": "big"}, r"param 'sections': the big footer's links are sections"),
        (
            {"variant": "big", "sections": BIG_SECTIONS, "links": [{"text": "A", "href": "/"}]},
            r"param 'links': the big footer has no place for it; "
            r"use variant='slim' or variant='medium'",
        ),
        (
            {"sections": BIG_SECTIONS},
            r"param 'sections': the slim footer has no place for it; use variant='big'",
        ),
        ({"variant": "medium", "sections": BIG_SECTIONS}, r"param 'sections': the medium footer"),
        ({"sign_up_action": "/sign-up"}, r"param 'sign_up_action': the slim footer has no place"),
        ({"variant": "medium", "sign_up_action": "/s"}, r"'sign_up_action': the medium footer"),
        (
            {"contact_heading": "Help"},
            r"param 'contact_heading': the slim footer has no place for it; "
            r"use variant='medium' or variant='big'",
        ),
        ({"social_links": [SOCIAL]}, r"param 'social_links': the slim footer has no place"),
        ({"variant": "medium", "contact_heading": " "}, r"param 'contact_heading': is empty"),
        (
            {"variant": "medium", "social_links": [{**SOCIAL, "icon": "facebok"}]},
            r"param 'social_links\[0\].icon': 'facebok' is not an icon of USWDS 3.14's sprite",
        ),
        (
            {"variant": "medium", "social_links": [{**SOCIAL, "text": " "}]},
            r"param 'social_links\[0\].text': is empty: it names the icon-only link",
        ),
        (
            {"variant": "medium", "social_links": [{**SOCIAL, "href": "javascript:x"}]},
            r"param 'social_links\[0\].href': unsafe URL",
        ),
        (
            {"variant": "medium", "social_links": [{"icon": "x", "href": "/"}]},
            r"param 'social_links\[0\].text': is required",
        ),
        (
            {
                "variant": "big",
                "sections": [{"heading": " ", "links": [{"text": "A", "href": "/"}]}],
            },
            r"param 'sections\[0\].heading': is empty",
        ),
        (
            {"variant": "big", "sections": [{"heading": "H", "links": []}]},
            r"param 'sections\[0\].links'",
        ),
        (
            {
                "variant": "big",
                "sections": [{"heading": "H", "links": [{"text": " ", "href": "/"}]}],
            },
            r"param 'sections\[0\].links\[0\].text': is empty",
        ),
        (
            {
                "variant": "big",
                "sections": [{"heading": "H", "links": [{"text": "A", "href": "javascript:x"}]}],
            },
            r"param 'sections\[0\].links\[0\].href': unsafe URL",
        ),
        (
            {"variant": "big", "sections": BIG_SECTIONS, "sign_up_action": "javascript:alert(1)"},
            r"param 'sign_up_action': unsafe URL",
        ),
        (
            {"variant": "big", "sections": BIG_SECTIONS, "heading_level": 1},
            r"param 'heading_level': must be at least 2",
        ),
        (
            {"variant": "big", "sections": BIG_SECTIONS, "heading_level": 7},
            r"param 'heading_level': must be at most 6",
        ),
    ],
)
def test_bad_input_is_refused(params, message):
    if params and "agency_name" not in params:
        params = {"agency_name": "Agency", **params}
    with pytest.raises(ComponentError, match=message):
        render("footer", **params)


def test_the_slim_footer_stays_the_default():
    root = root_element(render("footer", agency_name="A", links=[{"text": "B", "href": "/b"}]))
    assert root == root_element(
        render("footer", variant="slim", agency_name="A", links=[{"text": "B", "href": "/b"}])
    )
    assert set(root["class"]) == {"usa-footer", "usa-footer--slim"}


def test_medium_example_structure():
    root = root_element(render("footer", **get_spec("footer").example("medium").params))
    assert root["class"] == ["usa-footer"]
    assert root.select_one(".usa-footer__return-to-top a").get_text(strip=True) == "Return to top"
    nav = root.select_one(".usa-footer__primary-section > nav.usa-footer__nav")
    assert nav["aria-label"] == "Footer navigation"
    items = nav.select("ul.grid-row > li.usa-footer__primary-content")
    assert [li.a.get_text(strip=True) for li in items] == ["About", "Benefits", "News", "Contact"]
    assert all("mobile-lg:grid-col-4" in li["class"] for li in items)
    secondary = root.select_one(".usa-footer__secondary-section")
    assert secondary.select_one(".usa-footer__logo-heading").get_text(strip=True) == (
        "Federal Benefits Office"
    )
    assert secondary.select_one(".usa-footer__logo-img")["alt"] == ""
    contact = secondary.select_one(".usa-footer__contact-links")
    assert contact.select_one("p.usa-footer__contact-heading").get_text(strip=True) == (
        "Agency Contact Center"
    )
    links = contact.select("address.usa-footer__address .usa-footer__contact-info a")
    assert [a["href"] for a in links] == ["tel:800555-0100", "mailto:info@benefits.example.gov"]


def test_social_links_are_named_by_their_icons_title():
    root = root_element(render("footer", **get_spec("footer").example("medium").params))
    social = root.select(".usa-footer__social-links .usa-social-link")
    assert [a["href"] for a in social][:2] == [
        "https://www.facebook.com/example",
        "https://x.com/example",
    ]
    icons = [a.find("svg") for a in social]
    assert [svg["aria-label"] for svg in icons] == ["Facebook", "X", "YouTube", "Instagram", "RSS"]
    assert all(svg["role"] == "img" and "aria-hidden" not in svg.attrs for svg in icons)
    assert all("usa-social-link__icon" in svg["class"] for svg in icons)
    assert icons[-1].use["href"].endswith("/sprite.svg#rss_feed")


def test_medium_without_contacts_or_social_links_leaves_out_their_markup():
    root = root_element(render("footer", variant="medium", agency_name="A"))
    assert root.find("nav") is None and root.select_one(".usa-footer__contact-links") is None
    root = root_element(render("footer", variant="medium", agency_name="A", email="a@b.gov"))
    assert root.select_one(".usa-footer__social-links") is None
    assert root.select_one(".usa-footer__contact-heading") is None
    assert root.select_one("address a")["href"] == "mailto:a@b.gov"


def test_big_example_structure():
    root = root_element(render("footer", **get_spec("footer").example("big").params))
    assert set(root["class"]) == {"usa-footer", "usa-footer--big"}
    nav = root.select_one(".usa-footer__primary-section nav.usa-footer__nav")
    assert nav["aria-label"] == "Footer navigation"
    sections = nav.select(
        "section.usa-footer__primary-content.usa-footer__primary-content--collapsible"
    )
    assert len(sections) == 4
    heading = sections[0].find("h2")
    assert heading["class"] == ["usa-footer__primary-link"]
    assert heading.get_text(strip=True) == "Benefits"
    # USWDS's JS names the list after the heading: it must come right after it.
    links = heading.find_next_sibling()
    assert links.name == "ul" and links["class"] == ["usa-list", "usa-list--unstyled"]
    first = links.find("li")
    assert (first["class"], first.a["href"]) == (
        ["usa-footer__secondary-link"],
        "/benefits/eligibility",
    )


def test_big_footer_markup_has_no_hidden_or_toggle_state():
    html = str(render("footer", **get_spec("footer").example("big").params))
    assert "hidden" not in html and "aria-expanded" not in html and "<button type" not in html


def test_sign_up_form_posts_to_its_action():
    root = root_element(render("footer", **get_spec("footer").example("big").params))
    sign_up = root.select_one(".usa-sign-up")
    assert sign_up.find("h2", class_="usa-sign-up__heading").get_text(strip=True) == "Sign up"
    form = sign_up.find("form")
    assert (form["class"], form["action"], form["method"]) == (["usa-form"], "/sign-up", "post")
    label, field = form.find("label"), form.find("input")
    assert label.get_text(strip=True) == "Your email address" and label["class"] == ["usa-label"]
    assert label["for"] == field["id"] == "footer-sign-up-email"
    assert (field["type"], field["name"], field["autocomplete"]) == ("email", "email", "email")
    button = form.find("button")
    assert (button["type"], button.get_text(strip=True)) == ("submit", "Sign up")


def test_sign_up_field_id_comes_from_the_id_param():
    root = root_element(
        render(
            "footer",
            variant="big",
            id="site-news",
            agency_name="A",
            sections=BIG_SECTIONS,
            sign_up_action="https://lists.example.gov/subscribe",
        )
    )
    assert root.find("form")["action"] == "https://lists.example.gov/subscribe"
    assert root.find("label")["for"] == root.find("input")["id"] == "site-news-email"


def test_big_footer_without_sign_up_action_has_no_form():
    root = root_element(render("footer", **get_spec("footer").example("big-no-sign-up").params))
    assert root.find("form") is None and root.select_one(".usa-sign-up") is None


@pytest.mark.parametrize("level", [2, 3, 4, 6])
def test_heading_level_sets_section_and_sign_up_headings(level):
    root = root_element(
        render(
            "footer",
            variant="big",
            agency_name="A",
            sections=BIG_SECTIONS,
            sign_up_action="/s",
            heading_level=level,
        )
    )
    assert root.find(f"h{level}", class_="usa-footer__primary-link")
    assert root.find(f"h{level}", class_="usa-sign-up__heading")


def test_heading_level_defaults_to_uswds_h4():
    root = root_element(
        render("footer", variant="big", agency_name="A", sections=BIG_SECTIONS, sign_up_action="/s")
    )
    assert root.find("h4", class_="usa-footer__primary-link")
    assert root.find("h4", class_="usa-sign-up__heading")


def test_big_footer_spanish_strings():
    root = root_element(render("footer", **get_spec("footer").example("big-lang-es").params))
    assert root["lang"] == "es"
    assert (
        root.select_one(".usa-footer__return-to-top a").get_text(strip=True) == "Volver al inicio"
    )
    assert root.find("nav")["aria-label"] == "Navegación del pie de página"
    assert root.select_one(".usa-sign-up__heading").get_text(strip=True) == "Suscríbase"
    assert root.select_one(".usa-sign-up label").get_text(strip=True) == "Su correo electrónico"
    assert root.select_one(".usa-sign-up button").get_text(strip=True) == "Suscribirse"
    assert root.find("label")["for"] == "pie-suscripcion-email"


def test_caller_text_is_escaped_everywhere():
    evil = "<script>x</script>"
    html = str(
        render(
            "footer",
            variant="big",
            agency_name=evil,
            contact_heading=evil,
            sections=[{"heading": evil, "links": [{"text": evil, "href": "/"}]}],
            social_links=[{"icon": "x", "text": evil, "href": "/"}],
        )
    )
    assert "<script>" not in html and html.count("&lt;script&gt;") == 5
