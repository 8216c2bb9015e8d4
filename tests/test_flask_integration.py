"""uswds_components.flask: the layout in Flask's environment, the assets served, the receiver
mounted with its replies in the site's layout. Through Flask's test client, a real SQLite file,
and once in Chromium behind a real WSGI server."""

from __future__ import annotations

import runpy
from pathlib import Path

import flask
import pytest
from browser_helpers import WHOLE_PAGE, console_errors, open_page
from conftest import parse
from markupsafe import Markup
from selenium.webdriver.common.by import By
from test_integrations import (
    assert_in_site_layout,
    assert_is_the_agency_landing_page,
    assert_is_the_seed_page,
    feedback_form_fields,
    kinds_loaded,
    linked_assets,
    page_loads,
    serve_wsgi,
    wait_for_reply,
    with_broken_page,
    write_snippets,
)

from examples.flask_app.app import SITE_REGIONS, create_app
from uswds_components import ComponentError
from uswds_components.feedback import FeedbackApp, FeedbackStore, double_submit_cookie
from uswds_components.flask import (
    DEFAULT_ASSETS_URL,
    DEFAULT_STATIC_URL,
    IMMUTABLE,
    USWDS,
)
from uswds_components.testing import run_axe

SITE_TITLE = SITE_REGIONS["header"]["title"]
PAGE = '{% extends "uswds/layouts/page.html" %}{% block content %}<h1>Hi</h1>{% endblock %}'


@pytest.fixture
def app(tmp_path: Path) -> flask.Flask:
    return create_app(tmp_path / "feedback.sqlite3")


@pytest.fixture
def client(app: flask.Flask):
    return app.test_client()


def new_app(**config: object) -> flask.Flask:
    app = flask.Flask(__name__)
    app.config.update(config)

    @app.get("/")
    def home() -> str:
        return flask.render_template_string(PAGE, title="Home")

    return app


def test_the_seed_page_renders_in_both_languages_with_versioned_asset_urls(client):
    html = client.get("/").get_data(as_text=True)
    assert_is_the_seed_page(html)
    assert_is_the_seed_page(client.get("/es/").get_data(as_text=True), lang="es")
    doc = parse(html)
    assert doc.find("link", rel="stylesheet")["href"] == f"{DEFAULT_ASSETS_URL}/css/uswds.min.css"
    assert DEFAULT_ASSETS_URL == "/assets/uswds-3.14.0"
    assert DEFAULT_STATIC_URL == "/assets/uswds-components-0.1.0"
    # The favicon and the component images follow assets_url: one setting moves them all.
    assert doc.find("link", rel="icon")["href"].startswith(f"{DEFAULT_ASSETS_URL}/img/")
    assert doc.find("img", class_="usa-banner__header-flag")["src"].startswith(
        f"{DEFAULT_ASSETS_URL}/img/"
    )


def test_the_agency_landing_page_renders_in_both_languages(client):
    assert_is_the_agency_landing_page(client.get("/agency-landing/").get_data(as_text=True))
    spanish = client.get("/agency-landing/es/").get_data(as_text=True)
    assert_is_the_agency_landing_page(spanish, lang="es")
    assert client.get("/agency-landing/fr/").status_code == 404


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        (f"{DEFAULT_ASSETS_URL}/css/uswds.min.css", "text/css"),
        (f"{DEFAULT_ASSETS_URL}/js/uswds.min.js", "text/javascript"),
        (
            f"{DEFAULT_ASSETS_URL}/fonts/source-sans-pro/sourcesanspro-bold-webfont.woff2",
            "font/woff2",
        ),
        (f"{DEFAULT_ASSETS_URL}/img/us_flag_small.png", "image/png"),
        (f"{DEFAULT_ASSETS_URL}/img/usa-icons/close.svg", "image/svg+xml"),
        (f"{DEFAULT_STATIC_URL}/page-feedback.js", "text/javascript"),
        (f"{DEFAULT_STATIC_URL}/uswds-components.css", "text/css"),
    ],
)
def test_assets_are_served_with_their_type_and_a_years_immutable_cache(client, path, content_type):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == content_type
    assert response.headers["Cache-Control"] == IMMUTABLE
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert len(response.get_data()) > 100


def test_every_asset_the_page_links_is_served_and_revalidates(client):
    urls = linked_assets(client.get("/").get_data(as_text=True))
    assert len(urls) >= 8
    for url in urls:
        assert client.get(url).status_code == 200, url
    first = client.get(urls[0])
    again = client.get(urls[0], headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_nothing_outside_the_asset_folders_is_served(client):
    assert client.get(f"{DEFAULT_ASSETS_URL}/css/missing.css").status_code == 404
    assert client.get(f"{DEFAULT_ASSETS_URL}/..%2F..%2Fflask.py").status_code == 404
    assert client.get(f"{DEFAULT_STATIC_URL}/../assets.py").status_code == 404


def test_the_no_js_feedback_posts_store_and_reply_in_the_site_layout(app, client, tmp_path):
    action, fields = feedback_form_fields(client.get("/").get_data(as_text=True))
    assert action == "/feedback"
    asked = client.post(action, data={**fields, "helpful": "no"})
    assert asked.status_code == 200
    html = asked.get_data(as_text=True)
    assert_in_site_layout(html, SITE_TITLE)
    assert parse(html).find("h1").get_text() == "Page feedback"
    # The next step: the reasons form, posting back to the receiver, then the thanks.
    action, fields = feedback_form_fields(html)
    assert fields["step"] == "reasons"
    thanks = client.post(action, data={**fields, "helpful": "no", "reason": "outdated"})
    assert "Thank you for your feedback" in thanks.get_data(as_text=True)
    assert_in_site_layout(thanks.get_data(as_text=True), SITE_TITLE)
    rows = FeedbackStore(tmp_path / "feedback.sqlite3").rows()
    assert [(row["helpful"], row["reasons"]) for row in rows] == [("no", ["outdated"])]
    assert app.extensions["uswds"].feedback.store.count() == 1


def test_the_script_gets_json_and_a_refusal_is_in_the_layout_too(client):
    _, fields = feedback_form_fields(client.get("/").get_data(as_text=True))
    answer = client.post(
        "/feedback", data={**fields, "helpful": "yes"}, headers={"Accept": "application/json"}
    )
    assert answer.status_code == 200 and answer.get_json()["state"] == "thanks"
    refused = client.post("/feedback", data={**fields, "page_url": "javascript:alert(1)"})
    assert refused.status_code == 400
    assert_in_site_layout(refused.get_data(as_text=True), SITE_TITLE)
    assert client.get("/feedback").status_code == 405


def test_init_app_reads_its_urls_from_config_and_unversioned_urls_revalidate(tmp_path):
    ext = USWDS(feedback={"db": tmp_path / "f.sqlite3"})
    app = new_app(USWDS_ASSETS_URL="/static/uswds/", USWDS_STATIC_URL="/static/ours")
    state = ext.init_app(app)
    assert state.feedback is not None and state.feedback_url == "/feedback"
    client = app.test_client()
    doc = parse(client.get("/").get_data(as_text=True))
    assert doc.find("link", rel="icon")["href"] == "/static/uswds/img/favicons/favicon.ico"
    assert doc.find("img")["src"].startswith("/static/uswds/img/")
    response = client.get("/static/ours/page-feedback.js")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-cache"
    assert client.get(f"{DEFAULT_ASSETS_URL}/css/uswds.min.css").status_code == 404


def test_assets_served_elsewhere_are_linked_but_not_routed():
    app = new_app(USWDS_ASSETS_URL="https://cdn.example.gov/uswds-3.14.0", USWDS_SERVE_ASSETS=True)
    USWDS(app)
    client = app.test_client()
    html = client.get("/").get_data(as_text=True)
    assert 'href="https://cdn.example.gov/uswds-3.14.0/css/uswds.min.css"' in html
    assert "uswds.feedback" not in app.view_functions
    assert set(app.view_functions) == {"static", "home", "uswds.static"}
    served_elsewhere = new_app(USWDS_SERVE_ASSETS=False)
    USWDS(served_elsewhere)
    assert (
        served_elsewhere.test_client().get(f"{DEFAULT_STATIC_URL}/page-feedback.js").status_code
        == 404
    )


def test_regions_reach_every_page_and_a_page_still_overrides_them():
    app = new_app(USWDS_REGIONS={"footer": {"agency_name": "Site agency"}})
    USWDS(app)

    @app.get("/own")
    def own() -> str:
        return flask.render_template_string(PAGE, title="Own", footer={"agency_name": "Own agency"})

    client = app.test_client()
    assert "Site agency" in client.get("/").get_data(as_text=True)
    own_page = client.get("/own").get_data(as_text=True)
    assert "Own agency" in own_page and "Site agency" not in own_page


@pytest.mark.parametrize(
    ("config", "options", "message"),
    [
        ({"USWDS_REGIONS": {"heder": {}}}, {}, "param 'USWDS_REGIONS': unknown region 'heder'"),
        ({"USWDS_REGIONS": ["header"]}, {}, "param 'USWDS_REGIONS': expected a mapping"),
        ({"USWDS_ASSETS_URL": ""}, {}, "param 'USWDS_ASSETS_URL': must be a non-empty URL"),
        (
            {"USWDS_REGION": {"header": {}}},
            {},
            "param 'USWDS_REGION': is not a setting; did you mean 'USWDS_REGIONS'?",
        ),
        ({"USWDS_SERVE_ASSET": False}, {}, "did you mean 'USWDS_SERVE_ASSETS'?"),
        ({}, {"feedback": 42}, "param 'feedback': expected a FeedbackApp"),
        ({}, {"feedback": {"dbb": "x"}}, "param 'feedback': bad FeedbackApp options"),
        (
            {"USWDS_FEEDBACK": True, "USWDS_FEEDBACK_URL": "https://x.gov/f"},
            {},
            "param 'USWDS_FEEDBACK_URL': must be a path",
        ),
    ],
)
def test_bad_configuration_is_refused_naming_the_key(config, options, message):
    with pytest.raises(ComponentError, match=r"^uswds_components\.flask: ") as error:
        USWDS(new_app(**config), **options)
    assert message in str(error.value)


def test_a_sites_own_uswds_settings_and_our_environment_names_are_left_alone():
    app = new_app(USWDS_AGENCY="DHS", USWDS_THEME="dark", USWDS_FEEDBACK_DB="/tmp/f.sqlite3")
    USWDS(app)
    assert app.test_client().get("/").status_code == 200


def test_a_given_receiver_gets_the_site_layout_unless_it_has_a_page_of_its_own(tmp_path):
    app = new_app(USWDS_REGIONS={"header": {"title": "Site"}, "footer": {"agency_name": "A"}})
    receiver = FeedbackApp(tmp_path / "f.sqlite3")
    USWDS(app, feedback=receiver)
    data = {"page_url": "/", "lang": "es", "form_id": "page-feedback", "helpful": "yes"}
    reply = app.test_client().post("/feedback", data=data).get_data(as_text=True)
    assert_in_site_layout(reply, "Site")
    assert parse(reply).find("html")["lang"] == "es"
    assert receiver.store.count() == 1

    def own_page(content: Markup, lang: str, page_url: str | None) -> str:
        return f"<p>own {lang}</p>{content}"

    other = new_app()
    USWDS(other, feedback={"db": tmp_path / "g.sqlite3"}, page_renderer=own_page)
    assert (
        other.test_client()
        .post("/feedback", data=data)
        .get_data(as_text=True)
        .startswith("<p>own es</p>")
    )


def test_the_receivers_own_csrf_check_works_through_the_extension(tmp_path):
    app = new_app()
    csrf = double_submit_cookie(secret="a-flask-test-secret-of-32-chars!")
    USWDS(app, feedback={"db": tmp_path / "f.sqlite3", "csrf": csrf})
    client = app.test_client()
    cookie, token = csrf.issue()
    data = {"page_url": "/", "form_id": "page-feedback", "helpful": "yes", "csrf_token": token}
    assert client.post("/feedback", data=data).status_code == 403
    client.set_cookie("__Host-csrf_token", cookie)
    assert client.post("/feedback", data=data).status_code == 200
    assert app.extensions["uswds"].feedback.store.count() == 1


def test_the_flask_snippet_in_the_docs_serves_its_page_assets_and_feedback(tmp_path, monkeypatch):
    folder = write_snippets(tmp_path, "flask/")
    monkeypatch.chdir(folder)  # its database is a relative path
    app = runpy.run_path(str(folder / "app.py"))["app"]
    client = app.test_client()
    page = client.get("/")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert_in_site_layout(html, "Agency name")
    for url in linked_assets(html):
        assert client.get(url).status_code == 200, url
    action, fields = feedback_form_fields(html)
    reply = client.post(action, data={**fields, "helpful": "yes"})
    assert "Thank you for your feedback" in reply.get_data(as_text=True)
    assert_in_site_layout(reply.get_data(as_text=True), "Agency name")
    assert FeedbackStore(folder / "feedback.sqlite3").count() == 1


@pytest.mark.browser
def test_in_chromium_every_request_loads_and_axe_finds_nothing(browser, tmp_path):
    app = create_app(tmp_path / "feedback.sqlite3")
    missing = {
        f"{DEFAULT_ASSETS_URL}/css/uswds.min.css": f"{DEFAULT_ASSETS_URL}/css/missing.css",
        f"{DEFAULT_ASSETS_URL}/img/us_flag_small.png": f"{DEFAULT_ASSETS_URL}/img/missing.png",
    }
    with serve_wsgi(with_broken_page(app, missing)) as url:
        open_page(browser, f"{url}/")
        loaded, failed = page_loads(browser)
        assert failed == []
        assert {"css", "js", "woff2", "png", "svg"} <= kinds_loaded(loaded)
        assert console_errors(browser) == []
        result = run_axe(browser, context=WHOLE_PAGE)
        assert result.failures == [], result.report()

        # The no-JS reply: the form posted natively, answered in the site's layout.
        browser.find_element(By.CSS_SELECTOR, "label[for=page-feedback-helpful-no]").click()
        browser.execute_script(
            "document.querySelector('.uswds-components-page-feedback form').submit()"
        )
        wait_for_reply(browser, f"{url}/feedback")
        assert_in_site_layout(browser.page_source, SITE_TITLE)
        # The script showed the reasons on "No" (step=reasons): none chosen, stored as it is.
        assert "Thank you for your feedback" in browser.page_source
        assert [row["helpful"] for row in app.extensions["uswds"].feedback.store.rows()] == ["no"]
        assert page_loads(browser)[1] == []
        result = run_axe(browser, context=WHOLE_PAGE)
        assert result.failures == [], result.report()

        # The check can fail: the same page with a stylesheet and an image that 404.
        open_page(browser, f"{url}/broken/")
        failed = page_loads(browser)[1]
        assert sorted(failed) == [f"404 {url}{path}" for path in sorted(missing.values())]
