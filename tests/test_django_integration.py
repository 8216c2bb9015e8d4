"""uswds_components.django: the app's static files found by staticfiles, the Jinja2 environment
following STATIC_URL, and the feedback view with Django's CSRF check and the site's layout.

Django is configured once per process, with examples/django_site/settings.py; tests change
settings with override_settings only. The docs' project runs in a process of its own.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlencode

import pytest
from browser_helpers import WHOLE_PAGE, console_errors, open_page
from conftest import parse
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

import uswds_components
from uswds_components import page
from uswds_components.feedback import FeedbackStore
from uswds_components.testing import run_axe

FORM = "application/x-www-form-urlencoded"
_setup_lock = threading.Lock()


@pytest.fixture(scope="module", autouse=True)
def django_ready() -> None:
    """Django configured with the example project's settings, once per process. configure()
    rather than DJANGO_SETTINGS_MODULE: nothing leaks into the environment of other tests'
    subprocesses."""
    import django
    from django.conf import settings
    from django.test.utils import setup_test_environment

    from examples.django_site import settings as example

    with _setup_lock:
        if not settings.configured:
            settings.configure(
                **{name: getattr(example, name) for name in dir(example) if name.isupper()}
            )
            django.setup()
            setup_test_environment()  # adds "testserver" to ALLOWED_HOSTS
    assert settings.ROOT_URLCONF == example.ROOT_URLCONF


@pytest.fixture
def feedback_db(tmp_path: Path):
    from django.test.utils import override_settings

    db = tmp_path / "feedback.sqlite3"
    with override_settings(USWDS_FEEDBACK={"db": db}):
        yield db


def site_title() -> str:
    from django.conf import settings

    return settings.USWDS_REGIONS["header"]["title"]


def static_client():
    """A werkzeug client on the project wrapped as `runserver --insecure` serves it."""
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.wsgi import get_wsgi_application
    from werkzeug.test import Client

    return Client(StaticFilesHandler(get_wsgi_application()))


def test_the_app_is_the_package_folder_so_its_static_files_are_found():
    from django.apps import apps
    from django.core import checks

    config = apps.get_app_config("uswds_components")
    assert config.name == "uswds_components.django"
    assert Path(config.path) == Path(uswds_components.__file__).parent
    assert not [m for m in checks.run_checks() if m.id.startswith("uswds_components")]


def test_a_misspelt_setting_fails_djangos_checks_naming_it():
    from django.core import checks
    from django.test.utils import override_settings

    with override_settings(USWDS_REGION={}, USWDS_ASSET_URL="/x/", USWDS_AGENCY="DHS"):
        found = [m for m in checks.run_checks() if m.id == "uswds_components.E002"]
    assert sorted((m.msg, m.hint) for m in found) == [
        ("USWDS_ASSET_URL is not a uswds_components setting", "Did you mean USWDS_ASSETS_URL?"),
        ("USWDS_REGION is not a uswds_components setting", "Did you mean USWDS_REGIONS?"),
    ]


def test_findstatic_finds_the_uswds_assets_and_ours():
    from django.core.management import call_command

    out = io.StringIO()
    call_command(
        "findstatic", "uswds/css/uswds.min.css", "uswds-components/page-feedback.js", stdout=out
    )
    package = Path(uswds_components.__file__).parent
    assert str(package / "static" / "uswds" / "css" / "uswds.min.css") in out.getvalue()
    assert str(package / "static" / "uswds-components" / "page-feedback.js") in out.getvalue()


def test_collectstatic_copies_them_into_static_root(tmp_path):
    from django.core.management import call_command
    from django.test.utils import override_settings

    with override_settings(STATIC_ROOT=tmp_path / "static"):
        call_command("collectstatic", "--noinput", stdout=io.StringIO())
    collected = tmp_path / "static"
    assert (collected / "uswds" / "css" / "uswds.min.css").is_file()
    assert (collected / "uswds" / "js" / "uswds.min.js").is_file()
    assert list((collected / "uswds" / "fonts").rglob("*.woff2"))
    assert (collected / "uswds" / "img" / "us_flag_small.png").is_file()
    assert (collected / "uswds-components" / "page-feedback.js").is_file()


def test_the_seed_page_renders_with_assets_under_static_url():
    from django.test import Client

    client = Client()
    html = client.get("/").content.decode()
    assert_is_the_seed_page(html)
    assert_is_the_seed_page(client.get("/es/").content.decode(), lang="es")
    doc = parse(html)
    assert doc.find("link", rel="stylesheet")["href"] == "/static/uswds/css/uswds.min.css"
    assert doc.find("link", rel="icon")["href"] == "/static/uswds/img/favicons/favicon.ico"
    assert doc.find("img", class_="usa-banner__header-flag")["src"].startswith("/static/uswds/img/")
    assert doc.find("script", src="/static/uswds-components/page-feedback.js") is not None


def test_the_agency_landing_page_renders_in_both_languages():
    from django.test import Client

    client = Client()
    assert_is_the_agency_landing_page(client.get("/agency-landing/").content.decode())
    spanish = client.get("/agency-landing/es/").content.decode()
    assert_is_the_agency_landing_page(spanish, lang="es")
    assert parse(spanish).find("link", rel="stylesheet")["href"].startswith("/static/uswds/")


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/static/uswds/css/uswds.min.css", "text/css"),
        ("/static/uswds/js/uswds.min.js", "text/javascript"),
        ("/static/uswds/fonts/source-sans-pro/sourcesanspro-bold-webfont.woff2", "font/woff2"),
        ("/static/uswds/img/us_flag_small.png", "image/png"),
        ("/static/uswds-components/page-feedback.js", "text/javascript"),
    ],
)
def test_staticfiles_serves_the_assets_with_their_type_and_revalidation(path, content_type):
    client = static_client()
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == content_type
    assert len(response.get_data()) > 100
    again = client.get(path, headers={"If-Modified-Since": response.headers["Last-Modified"]})
    assert again.status_code == 304


def test_every_asset_the_page_links_is_served():
    client = static_client()
    urls = linked_assets(client.get("/").get_data(as_text=True))
    assert len(urls) >= 8
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert client.get("/static/uswds/css/missing.css").status_code == 404


def test_the_no_js_feedback_posts_pass_djangos_csrf_check_store_and_reply_in_the_layout(
    feedback_db,
):
    from django.test import Client

    from uswds_components.django.views import feedback

    client = Client(enforce_csrf_checks=True)
    action, fields = feedback_form_fields(client.get("/").content.decode())
    assert action == "/feedback/"
    assert fields["csrfmiddlewaretoken"]
    asked = client.post(action, urlencode({**fields, "helpful": "no"}), content_type=FORM)
    assert asked.status_code == 200
    html = asked.content.decode()
    assert_in_site_layout(html, site_title())
    assert parse(html).find("h1").get_text() == "Page feedback"
    # The next step's form carries the token on: its post passes the check as well.
    action, fields = feedback_form_fields(html)
    assert fields["step"] == "reasons" and fields["csrfmiddlewaretoken"]
    data = {**fields, "helpful": "no", "reason": "outdated"}
    thanks = client.post(action, urlencode(data), content_type=FORM)
    assert "Thank you for your feedback" in thanks.content.decode()
    rows = FeedbackStore(feedback_db).rows()
    assert [(row["helpful"], row["reasons"]) for row in rows] == [("no", ["outdated"])]
    assert feedback.receiver.store.path == feedback_db


def test_a_post_without_the_token_gets_the_receivers_refusal_in_the_layout(feedback_db):
    from django.test import Client

    _, fields = feedback_form_fields(Client().get("/").content.decode())
    stranger = Client(enforce_csrf_checks=True)  # no CSRF cookie
    data = urlencode({**fields, "helpful": "yes"})
    refused = stranger.post("/feedback/", data, content_type=FORM)
    assert refused.status_code == 403
    assert "the form has expired" in refused.content.decode()
    assert_in_site_layout(refused.content.decode(), site_title())
    as_json = stranger.post("/feedback/", data, content_type=FORM, HTTP_ACCEPT="application/json")
    assert as_json.status_code == 403 and json.loads(as_json.content)["state"] == "error"
    assert FeedbackStore(feedback_db).count() == 0


def test_a_view_of_its_own_options_without_csrf_and_with_its_own_page(tmp_path):
    from django.test import RequestFactory

    from uswds_components.django.views import feedback_view

    view = feedback_view(
        {"db": tmp_path / "own.sqlite3", "csrf": None},
        page_renderer=lambda content, lang, page_url: f"<p>own {lang}</p>{content}",
    )
    data = urlencode({"page_url": "/", "lang": "es", "form_id": "page-feedback", "helpful": "yes"})
    response = view(RequestFactory().post("/f/", data, content_type=FORM))
    assert response.status_code == 200
    assert response.content.decode().startswith("<p>own es</p>")
    assert response["Cache-Control"] == "no-store"
    assert view.receiver.store.count() == 1


def test_without_a_jinja2_backend_replies_use_the_layout_with_the_settings_regions(feedback_db):
    from django.test import Client
    from django.test.utils import override_settings

    data = urlencode({"page_url": "/", "form_id": "page-feedback", "helpful": "yes"})
    with override_settings(TEMPLATES=[]):
        reply = Client().post("/feedback/", data, content_type=FORM)
    assert reply.status_code == 200
    assert_in_site_layout(reply.content.decode(), site_title())
    assert 'href="/static/uswds/css/uswds.min.css"' in reply.content.decode()


def test_the_environment_follows_static_url_and_its_own_settings():
    from django.test.utils import override_settings

    from uswds_components.django import environment

    with override_settings(STATIC_URL="/s/"):
        env = environment()
    assert env.globals["uswds_assets_url"] == "/s/uswds"
    assert env.globals["uswds_images_url"] == "/s/uswds/img"
    assert env.globals["uswds_static_url"] == "/s/uswds-components"
    with override_settings(USWDS_ASSETS_URL="https://cdn.example.gov/uswds-3.14.0"):
        env = environment(static_url="/ours")
    assert env.globals["uswds_images_url"] == "https://cdn.example.gov/uswds-3.14.0/img"
    assert env.globals["uswds_static_url"] == "/ours"
    env = environment(regions={"footer": {"agency_name": "Agency name"}})
    assert "footer" not in env.globals  # the site's regions, not variables of every template
    assert "Agency name" in page(title="News", environment=env)
    assert "Agency name" not in page(title="News", footer=False, environment=env)


@pytest.mark.parametrize(
    ("settings_values", "message"),
    [
        ({"STATIC_URL": None}, "set STATIC_URL, or USWDS_ASSETS_URL"),
        ({"USWDS_REGIONS": {"heder": {}}}, "USWDS_REGIONS has unknown region 'heder'"),
        ({"USWDS_REGIONS": ["header"]}, "USWDS_REGIONS must be a mapping"),
    ],
)
def test_bad_settings_are_refused_naming_the_setting(settings_values, message):
    from django.core.exceptions import ImproperlyConfigured
    from django.test.utils import override_settings

    from uswds_components.django import environment

    with override_settings(**settings_values), pytest.raises(ImproperlyConfigured) as error:
        environment()
    assert str(error.value).startswith("uswds_components.django: ")
    assert message in str(error.value)


@pytest.mark.parametrize(
    ("value", "message"),
    [("feedback.sqlite3", "USWDS_FEEDBACK must be a mapping"), ({"nope": 1}, "bad FeedbackApp")],
)
def test_a_bad_feedback_setting_is_refused_naming_it(value, message):
    from django.core.exceptions import ImproperlyConfigured
    from django.test.utils import override_settings

    from uswds_components.django.views import feedback

    with override_settings(USWDS_FEEDBACK=value), pytest.raises(ImproperlyConfigured) as error:
        feedback.receiver  # noqa: B018 - built on first use
    assert message in str(error.value)


def test_a_feedback_template_that_is_not_a_name_is_refused_naming_it(feedback_db):
    from django.core.exceptions import ImproperlyConfigured
    from django.test.utils import override_settings

    from uswds_components.django.views import feedback

    with (
        override_settings(USWDS_FEEDBACK_TEMPLATE=42),
        pytest.raises(ImproperlyConfigured) as error,
    ):
        feedback.receiver  # noqa: B018 - built on first use
    assert "USWDS_FEEDBACK_TEMPLATE must be a template name, got 42" in str(error.value)


# The docs' project, in a process of its own (Django's settings are once per process), run with
# the docs' files only on its path.
_SNIPPET_CHECK = """\
import json, os, re, sys
from urllib.parse import urlencode
sys.path.insert(0, ".")
os.environ["DJANGO_SETTINGS_MODULE"] = "settings"
import django
django.setup()
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.core.wsgi import get_wsgi_application
from werkzeug.test import Client
call_command("check")
client = Client(StaticFilesHandler(get_wsgi_application()))
page = client.get("/")
html = page.get_data(as_text=True)
urls = re.findall(r'(?:href|src)="(/[^/"][^"]*)"', html)
assets = {url: client.get(url).status_code for url in urls}
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))
reply = client.post(
    "/feedback/",
    data=urlencode({**hidden, "helpful": "yes"}),
    content_type="application/x-www-form-urlencoded",
)
print(json.dumps({"status": page.status_code, "html": html, "assets": assets,
                  "token": token, "reply_status": reply.status_code,
                  "reply": reply.get_data(as_text=True)}))
"""


def test_the_django_snippets_in_the_docs_serve_their_page_assets_and_feedback(tmp_path):
    folder = write_snippets(tmp_path, "django/")
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.pop("PYTHONPATH", None)
    ran = subprocess.run(
        [sys.executable, "-c", _SNIPPET_CHECK],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ran.returncode == 0, ran.stderr
    result = json.loads(ran.stdout.splitlines()[-1])
    assert result["status"] == 200
    assert_in_site_layout(result["html"], "Agency name")
    assert len(result["assets"]) >= 8
    assert {url: 200 for url in result["assets"]} == result["assets"]
    assert result["reply_status"] == 200, result["reply"]
    assert "Thank you for your feedback" in result["reply"]
    assert_in_site_layout(result["reply"], "Agency name")
    assert FeedbackStore(folder / "feedback.sqlite3").count() == 1


@pytest.mark.browser
def test_in_chromium_every_request_loads_and_axe_finds_nothing(browser, feedback_db):
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.core.wsgi import get_wsgi_application

    app = StaticFilesHandler(get_wsgi_application())
    missing = {
        "/static/uswds/css/uswds.min.css": "/static/uswds/css/missing.css",
        "/static/uswds/img/us_flag_small.png": "/static/uswds/img/missing.png",
    }
    with serve_wsgi(with_broken_page(app, missing)) as url:
        open_page(browser, f"{url}/")
        loaded, failed = page_loads(browser)
        assert failed == []
        assert {"css", "js", "woff2", "png", "svg"} <= kinds_loaded(loaded)
        assert console_errors(browser) == []
        result = run_axe(browser, context=WHOLE_PAGE)
        assert result.failures == [], result.report()

        # The no-JS reply: posted natively with Django's CSRF cookie and token, in the layout.
        browser.find_element(By.CSS_SELECTOR, "label[for=page-feedback-helpful-no]").click()
        browser.execute_script(
            "document.querySelector('.uswds-components-page-feedback form').submit()"
        )
        wait_for_reply(browser, f"{url}/feedback/")
        assert_in_site_layout(browser.page_source, site_title())
        assert "expired" not in browser.page_source
        assert page_loads(browser)[1] == []
        result = run_axe(browser, context=WHOLE_PAGE)
        assert result.failures == [], result.report()
        # The script showed the reasons on "No" (step=reasons): none chosen, stored as it is.
        assert "Thank you for your feedback" in browser.page_source
        assert [row["helpful"] for row in FeedbackStore(feedback_db).rows()] == ["no"]

        # The check can fail: the same page with a stylesheet and an image that 404.
        open_page(browser, f"{url}/broken/")
        failed = page_loads(browser)[1]
        assert sorted(failed) == [f"404 {url}{path}" for path in sorted(missing.values())]
