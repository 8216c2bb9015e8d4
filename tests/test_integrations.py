"""The library inside the frameworks people use: the plain jinja2 static build here, and what the
Flask and Django tests (test_flask_integration.py, test_django_integration.py) share: the seed
page's check, the docs' snippets, a real WSGI server in a thread, and the failed-request check."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import parse

from examples.static_site.build import HERE as STATIC_SITE
from examples.static_site.build import build as build_static_site
from examples.static_site.build import main as static_site_main
from uswds_components.feedback import make_threaded_server
from uswds_components.testing import wait_until
from uswds_components.testing.server import serving

ROOT = Path(__file__).resolve().parent.parent
GETTING_STARTED = ROOT / "docs" / "getting-started.md"
SNIPPET = re.compile(r"^<!-- snippet: (\S+) -->\n```\w*\n(.*?)^```", re.M | re.S)
SNIPPET_FILES = {"flask/app.py", "django/settings.py", "django/urls.py", "django/views.py"}
SEED_TITLE = (
    "Blue Campaign-Initiated Project Leads to Arrests in Connection with International Sex "
    "Trafficking Ring"
)
FEEDBACK_FIELDS = {"page_url", "lang", "form_id", "step"}

# --- shared by the framework tests ------------------------------------------------------------


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
        "uswds-components-page-feedback",
        "usa-footer",
        "usa-identifier",
    ):
        assert doc.find(class_=css_class) is not None, css_class
    assert doc.find("main", id="main-content").find("article") is not None


def assert_is_the_agency_landing_page(html: str, lang: str = "en") -> None:
    """The agency landing page, whole: its h1 and every section, in the page's language."""
    from uswds_components.example_pages import AGENCY_LANDING

    doc = parse(html)
    assert doc.find("html")["lang"] == lang
    hero = AGENCY_LANDING.data(lang)["hero"]
    assert doc.find("h1").get_text(" ", strip=True) == f"{hero['callout']} {hero['heading']}"
    main = doc.find("main", id="main-content")
    for css_class in ("usa-hero", "usa-card-group", "usa-summary-box", "usa-process-list",
                      "usa-table", "usa-collection", "usa-accordion"):  # fmt: skip
        assert main.find(class_=css_class) is not None, css_class
    for css_class in ("usa-banner", "usa-header", "usa-footer", "usa-identifier"):
        assert doc.find(class_=css_class) is not None, css_class


def assert_in_site_layout(html: str, header_title: str) -> None:
    """A whole page in the site's layout: banner, the site's own header and footer."""
    doc = parse(html)
    assert doc.find("section", class_="usa-banner") is not None
    header = doc.find("header", class_="usa-header")
    assert header is not None and header_title in header.get_text()
    assert doc.find("footer", class_="usa-footer") is not None
    assert doc.find("main", id="main-content") is not None


def linked_assets(html: str) -> list[str]:
    """Every local URL the page links: stylesheets, the favicon, scripts and images."""
    doc = parse(html)
    urls = [tag["href"] for tag in doc.find_all("link", href=True)]
    urls += [tag["src"] for tag in doc.find_all(["script", "img"], src=True)]
    return [url for url in urls if url.startswith("/") and not url.startswith("//")]


def feedback_form_fields(html: str) -> tuple[str, dict[str, str]]:
    """The page_feedback form's action and hidden fields."""
    form = parse(html).find(class_="uswds-components-page-feedback").find("form")
    fields = {i["name"]: i.get("value", "") for i in form.find_all("input", type="hidden")}
    assert set(fields) >= FEEDBACK_FIELDS, fields
    return form["action"], fields


def doc_snippets() -> dict[str, str]:
    """docs/getting-started.md's runnable files: each block after `<!-- snippet: DIR/FILE -->`."""
    return dict(SNIPPET.findall(GETTING_STARTED.read_text(encoding="utf-8")))


def write_snippets(folder: Path, prefix: str) -> Path:
    """Write the snippets under `prefix` ("flask/") into `folder`; returns that project's folder."""
    written = 0
    for name, body in doc_snippets().items():
        if name.startswith(prefix):
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
            written += 1
    assert written, f"docs/getting-started.md has no <!-- snippet: {prefix}... --> blocks"
    return folder / prefix.rstrip("/")


def wait_for_reply(driver, url: str) -> None:
    """Wait until the browser shows the receiver's reply at `url`, its USWDS JS started."""
    wait_until(
        driver,
        lambda d: (
            d.current_url == url
            and d.execute_script(
                "return document.readyState === 'complete' && !!window.uswdsPresent"
            )
        ),
        description=f"the feedback reply at {url}",
        seen=lambda d: d.current_url,
    )


@contextlib.contextmanager
def serve_wsgi(app: Callable[..., Iterable[bytes]]) -> Iterator[str]:
    """Serve a WSGI app on a free port of 127.0.0.1 (a threaded wsgiref server)."""
    with serving(make_threaded_server(app)) as url:
        yield url


def with_broken_page(app: Callable[..., Iterable[bytes]], replacements: dict[str, str]) -> Any:
    """`app` plus /broken/: its / page with URLs replaced, e.g. a stylesheet that 404s."""

    def broken(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != "/broken/":
            return app(environ, start_response)
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
            captured.update(status=status, headers=headers)

        html = b"".join(app({**environ, "PATH_INFO": "/"}, capture)).decode()
        for old, new in replacements.items():
            assert old in html, old
            html = html.replace(old, new)
        body = html.encode()
        headers = [(k, v) for k, v in captured["headers"] if k.lower() != "content-length"]
        start_response(captured["status"], [*headers, ("Content-Length", str(len(body)))])
        return [body]

    return broken


# Every subresource's status once the page settled (fonts loaded, no new entry for 200 ms),
# the URLs the page links that never appear there, and the favicon's status.
_LOADS = """
const done = arguments[arguments.length - 1];
(async () => {
  await document.fonts.ready;
  let count = -1;
  while (count !== performance.getEntriesByType('resource').length) {
    count = performance.getEntriesByType('resource').length;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  const entries = performance.getEntriesByType('resource')
    .filter(entry => entry.initiatorType !== 'fetch' && entry.initiatorType !== 'xmlhttprequest')
    .map(entry => [entry.name, entry.responseStatus]);
  const seen = new Set(entries.map(([name]) => name));
  const linked = [...document.querySelectorAll('link[rel~=stylesheet], script[src], img[src]')]
    .map(element => element.href || element.src);
  const icons = [];
  for (const link of document.querySelectorAll('link[rel~=icon]')) {
    icons.push([link.href, (await fetch(link.href, {cache: 'no-store'})).status]);
  }
  done({entries, unseen: linked.filter(url => !seen.has(url)), icons});
})();
"""


def page_loads(driver: Any) -> tuple[list[str], list[str]]:
    """(every URL the page loaded, every failure as "STATUS URL"): answered other than 2xx/304,
    linked but never requested, or the favicon not served."""
    loads = driver.execute_async_script(_LOADS)
    loaded = [name for name, _ in loads["entries"]]
    failed = [
        f"{status} {name}"
        for name, status in [*loads["entries"], *loads["icons"]]
        if not (200 <= status < 300 or status == 304)
    ]
    failed += [f"never requested {url}" for url in loads["unseen"]]
    return loaded, failed


def kinds_loaded(urls: list[str]) -> set[str]:
    return {urlsplit(url).path.rsplit(".", 1)[-1] for url in urls}


# --- docs -------------------------------------------------------------------------------------


def test_the_docs_mark_each_framework_snippet_with_its_file_name():
    snippets = doc_snippets()
    assert set(snippets) == SNIPPET_FILES
    text = GETTING_STARTED.read_text(encoding="utf-8")
    for name in SNIPPET_FILES:
        assert f"<!-- snippet: {name} -->\n```python\n" in text, name
    # Self-contained: only the frameworks, the standard library and this package.
    allowed = {"flask", "django", "uswds_components", "pathlib", "views"}
    for name, body in snippets.items():
        imported = set(re.findall(r"^(?:from|import) (\w+)", body, re.M))
        assert imported <= allowed, (name, imported - allowed)


def test_the_snippet_extraction_finds_a_marked_block_only():
    text = "<!-- snippet: a/b.py -->\n```python\nx = 1\n```\n\n```python\ny = 2\n```\n"
    assert SNIPPET.findall(text) == [("a/b.py", "x = 1\n")]


# --- the static site --------------------------------------------------------------------------


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
    # The site's regions (site.toml), on every page and in the page's language.
    assert about.find(class_="usa-logo").get_text(strip=True) == "The Agency"
    assert about.find(class_="usa-footer") and about.find(class_="usa-identifier")
    archive = parse((tmp_path / "archive.html").read_text(encoding="utf-8"))
    assert archive.find("html")["lang"] == "es"
    assert archive.find(class_="usa-alert") is not None
    assert archive.find(class_="usa-logo").get_text(strip=True) == "La Agencia"
    assert "Acerca de la agencia" in archive.find(class_="usa-footer").get_text()
    assert (tmp_path / "assets" / "uswds" / "css" / "uswds.min.css").is_file()


def test_static_site_builds_in_parallel_identically(tmp_path, capsys):
    assert static_site_main([str(tmp_path / "one"), "--jobs", "1"]) == 0
    assert static_site_main([str(tmp_path / "two"), "--jobs", "2"]) == 0
    assert "done: 4 pages" in capsys.readouterr().out
    for page in (tmp_path / "one").glob("*.html"):
        assert page.read_bytes() == (tmp_path / "two" / page.name).read_bytes()


def test_a_broken_content_file_fails_the_static_build(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "bad.toml").write_text('paragraphs = ["x"]\nbreadcrumb = { items = [] }\n')
    from uswds_components import ComponentError

    with pytest.raises(ComponentError, match="breadcrumb: param 'items'"):
        build_static_site(content, tmp_path / "out", progress=lambda line: None)
