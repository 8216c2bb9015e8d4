"""The slim footer: return to top, links, tel: and mailto: contacts, agency, and bad input."""

from __future__ import annotations

import pytest
from conftest import root_element

from uswds_components import ComponentError, get_spec, render


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
    ],
)
def test_bad_input_is_refused(params, message):
    if params and "agency_name" not in params:
        params = {"agency_name": "Agency", **params}
    with pytest.raises(ComponentError, match=message):
        render("footer", **params)
