"""examples/apply_service through Flask's test client: every step and every error, in English and
Spanish; posts without the session's token refused with nothing kept; the upload checked and
only its name kept. tests/test_apply_service_browser.py walks the same journey in Chromium."""

from __future__ import annotations

import io
import re
import sys

import flask
import pytest
from conftest import parse
from werkzeug.datastructures import FileStorage

from examples.apply_service import __main__ as main_module
from examples.apply_service import create_app
from examples.apply_service.app import file_name, phone_digits
from examples.apply_service.strings import STRINGS

SUMMARY = {"data-uswds-components-error-summary": True}
PDF = b"%PDF-1.7\n% a bill\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
DETAILS = {
    "name": "Ada Lovelace",
    "dob-month": "12",
    "dob-day": "10",
    "dob-year": "1985",
    "contact": "email",
    "email": "ada@example.com",
    "phone": "",
}
ADDRESS = {
    "street": "1600 Pennsylvania Ave NW",
    "city": "Washington",
    "state": "DC",
    "zip": "20500",
}


# One app for the module: each app compiles its templates on first use (about 0.6 s). Each
# test client has its own cookies, so its own session.
APP = create_app({"SECRET_KEY": "test", "TESTING": True})


@pytest.fixture
def client() -> flask.testing.FlaskClient:
    return APP.test_client()


def prefix(lang: str) -> str:
    return "/es" if lang == "es" else ""


def token_of(html: str) -> str:
    return parse(html).find("input", attrs={"name": "csrf_token"})["value"]


def get(client, url: str):
    reply = client.get(url)
    assert reply.status_code == 200, (url, reply.status_code)
    return reply, parse(reply.get_data(as_text=True))


def post(client, url: str, data: dict, proof: tuple[bytes, str] | None = None, token: bool = True):
    """Post `data` to `url` as the page's own form would: with the token from a fresh GET."""
    body = dict(data)
    if token:
        body["csrf_token"] = token_of(client.get(url).get_data(as_text=True))
    if proof is not None:
        body["proof"] = (io.BytesIO(proof[0]), proof[1])
        return client.post(url, data=body, content_type="multipart/form-data")
    return client.post(url, data=body)


def summary_links(doc) -> list[tuple[str, str]]:
    root = doc.find(attrs=SUMMARY)
    return [(a["href"], a.get_text()) for a in root.find_all("a")] if root else []


def answered(client, lang: str = "en", address: bool = True) -> None:
    """Answer step 1 (and step 2) correctly."""
    assert post(client, f"{prefix(lang)}/details", DETAILS).status_code == 302
    if address:
        reply = post(client, f"{prefix(lang)}/address", ADDRESS, (PDF, "bill.pdf"))
        assert reply.headers["Location"] == f"{prefix(lang)}/check"


# --- the words -------------------------------------------------------------------------------


def test_every_string_is_in_both_languages_and_translated():
    en, es = STRINGS["en"], STRINGS["es"]
    assert set(en) == set(es)
    assert all(en.values()) and all(es.values())
    same = {key for key in en if en[key] == es[key]}
    assert same == set(), same  # every word is the service's own, so each has its Spanish


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_journey_with_errors_then_without(client, lang):
    t, at = STRINGS[lang], prefix(lang)
    heading = {"en": "There is a problem", "es": "Hay un problema"}[lang]
    assert client.get(f"{at}/").headers["Location"] == f"{at}/details"

    # Step 1, fresh: no errors, the page in its language.
    _, doc = get(client, f"{at}/details")
    assert doc.find("html")["lang"] == lang
    assert doc.find("title").get_text() == f"{t['details_title']} | {t['service']}"
    assert doc.find("h1").get_text() == t["details_title"]
    assert doc.find(attrs=SUMMARY) is None
    assert doc.find("label", attrs={"for": "name"}).get_text(strip=True).startswith(t["name"])
    assert doc.find("label", attrs={"for": "dob"}).get_text() == {"en": "Month", "es": "Mes"}[lang]
    assert doc.find(id="dob-hint").get_text() == t["dob_hint"]
    assert [
        label.get_text(strip=True) for label in doc.select("#contact ~ label, .usa-radio__label")
    ][:2] == [
        t["contact_email"],
        t["contact_phone"],
    ]
    other = {"en": ("/es/details", "es", "Español"), "es": ("/details", "en", "English")}[lang]
    switch = doc.select_one(".usa-language-container a")
    assert (switch["href"], switch["hreflang"], switch.get_text(strip=True)) == other

    # Step 1 with nothing answered: every required question's error, in the summary and at it.
    reply = post(client, f"{at}/details", {})
    doc = parse(reply.get_data(as_text=True))
    assert reply.status_code == 200
    assert doc.find("title").get_text() == f"Error: {t['details_title']} | {t['service']}"
    assert doc.find(attrs=SUMMARY).find("h2").get_text() == heading
    expected = [
        ("#name", t["name_required"]),
        ("#dob", t["dob_required"]),
        ("#contact", t["contact_required"]),
    ]
    assert summary_links(doc) == expected
    for target, message in expected:
        assert doc.find(id=f"{target[1:]}-error").get_text() == f"Error: {message}"

    # Step 1 answered: on to step 2.
    reply = post(client, f"{at}/details", DETAILS)
    assert (reply.status_code, reply.headers["Location"]) == (302, f"{at}/address")

    # Step 2 with a wrong file and nothing else.
    reply = post(client, f"{at}/address", {}, (b"plain text", "notes.txt"))
    doc = parse(reply.get_data(as_text=True))
    assert doc.find("title").get_text() == f"Error: {t['address_title']} | {t['service']}"
    assert summary_links(doc) == [
        ("#street", t["street_required"]),
        ("#city", t["city_required"]),
        ("#state", t["state_required"]),
        ("#zip", t["zip_required"]),
        ("#proof", t["proof_type"]),
    ]
    assert (
        doc.find("select", id="state").find("option").get_text()
        == ({"en": "- Select -", "es": "- Seleccionar -"}[lang])
    )

    # Step 2 answered: the check page lists every answer with a link back to it.
    reply = post(client, f"{at}/address", ADDRESS, (PDF, "bill.pdf"))
    assert reply.headers["Location"] == f"{at}/check"
    _, doc = get(client, f"{at}/check")
    assert doc.find("title").get_text() == f"{t['check_title']} | {t['service']}"
    rows = [
        (row.find("th").get_text(), row.find_all("td")[0].get_text(" "), row.find("a")["href"])
        for row in doc.find("tbody").find_all("tr")
    ]
    dob = {"en": "December 10, 1985", "es": "10 de diciembre de 1985"}[lang]
    assert rows == [
        (t["name"], "Ada Lovelace", f"{at}/details#name"),
        (t["dob"], dob, f"{at}/details#dob"),
        (t["contact"], f"{t['contact_email']}: ada@example.com", f"{at}/details#contact"),
        (
            t["address"],
            "1600 Pennsylvania Ave NW Washington, District of Columbia 20500",
            f"{at}/address#street",
        ),
        (t["proof"], "bill.pdf", f"{at}/address#proof"),
    ]
    change = doc.find("tbody").find("a")
    assert change.get_text() == f"{t['change']}: {t['name']}"  # each link says what it changes

    # Sent: the reference number, and the answers gone.
    reply = post(client, f"{at}/check", {})
    assert reply.headers["Location"] == f"{at}/done"
    _, doc = get(client, f"{at}/done")
    assert doc.find("h1").get_text() == t["done_title"]
    assert doc.find(class_="usa-summary-box__heading").get_text(strip=True) == t["reference"]
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", doc.find(id="reference").get_text())
    with client.session_transaction() as session:
        assert "answers" not in session
    assert client.get(f"{at}/check").headers["Location"] == f"{at}/details"


# --- every error -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(
    ("changes", "target", "key"),
    [
        ({"name": "x" * 101}, "name", "name_long"),
        ({"name": "   "}, "name", "name_required"),
        ({"dob-day": ""}, "dob", "dob_incomplete"),
        ({"dob-month": "2", "dob-day": "30"}, "dob", "dob_invalid"),
        ({"dob-year": "85"}, "dob", "dob_invalid"),
        ({"dob-year": "2999"}, "dob", "dob_future"),
        ({"dob-year": "1899"}, "dob", "dob_too_early"),
        ({"contact": "fax"}, "contact", "contact_required"),
        ({"email": ""}, "email", "email_required"),
        ({"email": "ada.example.com"}, "email", "email_format"),
        ({"contact": "phone"}, "phone", "phone_required"),
        ({"contact": "phone", "phone": "555-0123"}, "phone", "phone_format"),
        ({"phone": "202-555-012x"}, "phone", "phone_format"),  # given, so checked, though unused
    ],
)
def test_each_details_error(client, lang, changes, target, key):
    reply = post(client, f"{prefix(lang)}/details", {**DETAILS, **changes})
    doc = parse(reply.get_data(as_text=True))
    assert summary_links(doc) == [(f"#{target}", STRINGS[lang][key])]
    group = doc.find(id=target).find_parent(class_="usa-form-group--error")
    assert group is not None
    with client.session_transaction() as session:
        assert "answers" not in session


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(
    ("changes", "proof", "target", "key"),
    [
        ({"street": ""}, (PDF, "bill.pdf"), "street", "street_required"),
        ({"street": "x" * 101}, (PDF, "bill.pdf"), "street", "street_long"),
        ({"city": ""}, (PDF, "bill.pdf"), "city", "city_required"),
        ({"city": "x" * 101}, (PDF, "bill.pdf"), "city", "city_long"),
        ({"state": ""}, (PDF, "bill.pdf"), "state", "state_required"),
        ({"state": "XX"}, (PDF, "bill.pdf"), "state", "state_required"),
        ({"zip": "2050"}, (PDF, "bill.pdf"), "zip", "zip_format"),
        ({"zip": "20500-12"}, (PDF, "bill.pdf"), "zip", "zip_format"),
        ({}, None, "proof", "proof_required"),
        ({}, (b"", ""), "proof", "proof_required"),  # an empty file input, as browsers send it
        ({}, (b"MZ\x90\x00", "bill.exe"), "proof", "proof_type"),
        ({}, (PNG, "bill.pdf"), "proof", "proof_type"),  # the name says PDF, the bytes do not
        ({}, (PDF, "bill"), "proof", "proof_type"),
    ],
)
def test_each_address_error(client, lang, changes, proof, target, key):
    answered(client, lang, address=False)
    reply = post(client, f"{prefix(lang)}/address", {**ADDRESS, **changes}, proof)
    doc = parse(reply.get_data(as_text=True))
    assert summary_links(doc) == [(f"#{target}", STRINGS[lang][key])]
    with client.session_transaction() as session:
        assert "address" not in session["answers"]


def test_accepted_files_and_phone_numbers():
    for name, head in [("a.PDF", PDF), ("b.jpg", b"\xff\xd8\xff\xe0"), ("c.jpeg", b"\xff\xd8\xff")]:
        client = APP.test_client()
        answered(client, address=False)
        reply = post(client, "/address", ADDRESS, (head + b"...", name))
        assert reply.headers["Location"] == "/check", name
    # Old browsers sent the whole path; only the name is shown.
    assert file_name(FileStorage(filename="C:\\Users\\ada\\bill.pdf")) == "bill.pdf"
    assert file_name(FileStorage(filename="a/" + "x" * 200 + ".pdf")) == "x" * 96 + ".pdf"
    assert phone_digits("(202) 555-0123") == phone_digits("+1 202.555.0123") == "2025550123"
    assert phone_digits("202555012") is None
    assert phone_digits("２０２５５５０１２３") is None  # full-width digits are no phone number


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_file_over_the_limit_comes_back_with_its_error(client, lang, monkeypatch):
    monkeypatch.setitem(APP.config, "MAX_CONTENT_LENGTH", 2000)
    answered(client, lang, address=False)
    reply = post(client, f"{prefix(lang)}/address", ADDRESS, (PDF + b"x" * 3000, "big.pdf"))
    assert reply.status_code == 413
    doc = parse(reply.get_data(as_text=True))
    assert doc.find("html")["lang"] == lang
    assert doc.find("title").get_text().startswith("Error: ")
    assert summary_links(doc) == [("#proof", STRINGS[lang]["proof_large"])]
    with client.session_transaction() as session:
        assert set(session["answers"]) == {"details"}
    # The real limit: 2 MB.
    assert create_app().config["MAX_CONTENT_LENGTH"] == 2 * 1024 * 1024


def test_a_good_upload_is_kept_by_name_while_another_answer_is_fixed(client):
    answered(client, address=False)
    reply = post(client, "/address", {**ADDRESS, "zip": "x"}, (PDF, "bill.pdf"))
    doc = parse(reply.get_data(as_text=True))
    assert summary_links(doc) == [("#zip", "Enter a ZIP code with 5 digits, like 20500")]
    assert doc.find(id="proof-hint").get_text() == (
        "You uploaded bill.pdf. Choose a file only to replace it."
    )
    assert doc.find(id="proof").get("aria-required") is None  # no longer required
    with client.session_transaction() as session:
        assert session["answers"]["proof"] == "bill.pdf"
        assert "PDF" not in repr(dict(session))  # the name only, never the file
    # No file this time: the one kept stands.
    assert post(client, "/address", ADDRESS).headers["Location"] == "/check"
    _, fresh = get(client, "/details")
    assert fresh.find(id="name")["value"] == "Ada Lovelace"
    assert fresh.find(id="dob").find("option", selected=True)["value"] == "12"
    assert fresh.find(id="dob-year")["value"] == "1985"
    assert fresh.find("input", attrs={"name": "contact", "checked": True})["value"] == "email"
    _, step2 = get(client, "/address")
    assert step2.find(id="zip")["value"] == "20500"
    assert step2.find(id="state").find("option", selected=True)["value"] == "DC"


def test_a_required_upload_says_so(client):
    answered(client, address=False)
    _, doc = get(client, "/address")
    assert doc.find(id="proof")["aria-required"] == "true"
    assert doc.find(id="proof")["accept"].startswith(".pdf,.jpg")


# --- order of the steps ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_step_out_of_turn_goes_to_the_first_unanswered(client, lang):
    at = prefix(lang)
    assert client.get(f"{at}/address").headers["Location"] == f"{at}/details"
    assert client.get(f"{at}/check").headers["Location"] == f"{at}/details"
    assert client.get(f"{at}/done").headers["Location"] == f"{at}/"
    assert post(client, f"{at}/check", {}, token=False).headers["Location"] == f"{at}/details"
    answered(client, lang, address=False)
    assert client.get(f"{at}/check").headers["Location"] == f"{at}/address"
    assert client.get(f"{at}/").headers["Location"] == f"{at}/address"


# --- cross-site posts ------------------------------------------------------------------------


def _stored(client) -> dict:
    with client.session_transaction() as session:
        return {k: session[k] for k in ("answers", "reference") if k in session}


@pytest.mark.parametrize(
    ("lang", "step"), [("en", "details"), ("en", "address"), ("en", "check"), ("es", "check")]
)
@pytest.mark.parametrize("token", [None, "", "forged##token", "ñ", "other-session"])
def test_a_post_without_this_sessions_token_is_refused_and_keeps_nothing(client, lang, step, token):
    at = prefix(lang)
    if step != "details":
        answered(client, lang, address=step == "check")
    before = _stored(client)
    data = {"details": DETAILS, "address": ADDRESS, "check": {}}[step]
    if token == "other-session":
        other = APP.test_client()
        token = token_of(other.get("/details").get_data(as_text=True))
    body = dict(data) if token is None else {**data, "csrf_token": token}
    if step == "address":
        body["proof"] = (io.BytesIO(PDF), "other.pdf")
    reply = client.post(f"{at}/{step}", data=body)
    assert reply.status_code == 400
    doc = parse(reply.get_data(as_text=True))
    assert doc.find("html")["lang"] == lang
    assert doc.find("h1").get_text() == STRINGS[lang]["problem_title"]
    assert _stored(client) == before


def test_a_post_from_a_browser_with_no_session_is_refused(client):
    reply = client.post("/details", data={**DETAILS, "csrf_token": "x" * 43})
    assert reply.status_code == 400
    assert _stored(client) == {}


def test_the_token_check_can_fail_the_other_way(client):
    # The same post with the page's own token is accepted: the refusals above are the token's.
    assert post(client, "/details", DETAILS).status_code == 302


# --- escaping and running --------------------------------------------------------------------


def test_answers_are_escaped_on_the_check_page(client):
    evil = '<script>alert("x")</script>'
    assert post(client, "/details", {**DETAILS, "name": evil}).status_code == 302
    image = "<img src=x onerror=alert(1)>.pdf"  # a file name has no "/": that is a folder
    reply = post(client, "/address", {**ADDRESS, "city": evil}, (PDF, image))
    assert reply.headers["Location"] == "/check"
    html = client.get("/check").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert html.count("&lt;script&gt;alert") == 2
    assert "&lt;img src=x onerror=alert(1)&gt;.pdf" in html


def test_python_dash_m_serves_it(monkeypatch):
    served = {}
    monkeypatch.setattr(flask.Flask, "run", lambda app, **kw: served.update(app=app, **kw))
    monkeypatch.setattr(sys, "argv", ["apply_service", "--port", "5050"])
    main_module.main()
    assert (served["host"], served["port"]) == ("127.0.0.1", 5050)
    assert served["app"].url_map.bind("").match("/es/details")[0] == "es.details"
