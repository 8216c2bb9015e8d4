"""The library inside the frameworks people use: plain jinja2 static build, Flask, Django."""

from __future__ import annotations

import os

import pytest
from conftest import parse

from examples.static_site.build import HERE as STATIC_SITE
from examples.static_site.build import build as build_static_site
from examples.static_site.build import main as static_site_main

SEED_TITLE = (
    "Blue Campaign-Initiated Project Leads to Arrests in Connection with International Sex "
    "Trafficking Ring"
)


def assert_is_the_seed_page(html: str, lang: str = "en") -> None:
    doc = parse(html)
    assert doc.find("html")["lang"] == lang
    assert doc.find("h1").get_text() == SEED_TITLE
    for css_class in (
        "usa-skipnav",
        "usa-banner",
        "usa-header",
        "usa-breadcrumb",
        "usa-alert",
        "usa-page-feedback",
        "usa-footer",
        "usa-identifier",
    ):
        assert doc.find(class_=css_class) is not None, css_class
    assert doc.find("main", id="main-content").find("article") is not None


def test_static_site_builds_every_content_file_with_progress(tmp_path):
    lines: list[str] = []
    pages = build_static_site(STATIC_SITE / "content", tmp_path, progress=lines.append)
    sources = sorted(p.stem for p in (STATIC_SITE / "content").glob("*.toml"))
    assert sorted(p.stem for p in pages) == sources
    assert lines[0] == f"[1/{len(sources)}] {sorted(sources)[0]}.html"
    assert lines[-1].startswith(f"done: {len(sources)} pages")
    about = parse((tmp_path / "about.html").read_text(encoding="utf-8"))
    assert about.find("h1").get_text() == "About the agency"
    assert about.find(class_="usa-breadcrumb").find(attrs={"aria-current": "page"})
    assert about.find("time")["datetime"] == "2026-10-15"
    archive = parse((tmp_path / "archive.html").read_text(encoding="utf-8"))
    assert archive.find("html")["lang"] == "es"
    assert archive.find(class_="usa-alert") is not None
    assert (tmp_path / "assets" / "uswds" / "css" / "uswds.min.css").is_file()


def test_static_site_builds_in_parallel_identically(tmp_path, capsys):
    assert static_site_main([str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert static_site_main([str(tmp_path / "two"), "--jobs", "2"]) == 0
    assert "done: 4 pages" in capsys.readouterr().out
    for page in (tmp_path / "one").glob("*.html"):
        assert page.read_bytes() == (tmp_path / "two" / page.name).read_bytes()


def test_flask_renders_the_seed_page_and_mounts_the_receiver(tmp_path):
    from examples.flask_app.app import create_app

    app = create_app(tmp_path / "feedback.sqlite3")
    client = app.test_client()
    response = client.get("/")
    assert response.status_code == 200
    assert_is_the_seed_page(response.get_data(as_text=True))
    assert_is_the_seed_page(client.get("/es/").get_data(as_text=True), lang="es")
    assert client.get("/assets/uswds/css/uswds.min.css").status_code == 200
    assert client.get("/assets/uswds-components/uswds-components.css").status_code == 200

    form = parse(response.get_data(as_text=True)).find("form", action="/feedback")
    fields = {i["name"]: i.get("value", "") for i in form.find_all("input", type="hidden")}
    answer = client.post("/feedback", data={**fields, "helpful": "yes"})
    assert answer.status_code == 200
    assert "Thank you for your feedback" in answer.get_data(as_text=True)
    assert app.extensions["feedback"].store.count() == 1


def test_django_jinja2_backend_uses_create_environment():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "examples.django_site.settings")
    import django
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment

    django.setup()
    assert settings.TEMPLATES[0]["OPTIONS"]["environment"] == (
        "uswds_components.create_environment"
    )
    setup_test_environment()
    client = Client()
    response = client.get("/")
    assert response.status_code == 200
    assert_is_the_seed_page(response.content.decode())
    assert_is_the_seed_page(client.get("/es/").content.decode(), lang="es")


def test_a_broken_content_file_fails_the_static_build(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "bad.toml").write_text('paragraphs = ["x"]\nbreadcrumb = { items = [] }\n')
    from uswds_components import ComponentError

    with pytest.raises(ComponentError, match="breadcrumb: param 'items'"):
        build_static_site(content, tmp_path / "out", progress=lambda line: None)
