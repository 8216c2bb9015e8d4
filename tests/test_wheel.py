"""`pip install uswds-components` is all a site needs.

The wheel is built as `python -m build` builds it, from an sdist of a copy of the tracked files,
installed into a new virtualenv whose PATH holds no Node.js or npm, and run from outside the
repository: the assets it serves can only come from inside the wheel. The Flask app and Django
project are the docs' own snippets (docs/getting-started.md, each fenced block after a
`<!-- snippet: DIR/FILE -->` line), served by real WSGI servers in that virtualenv; headless
Chromium loads their pages and finds every request answered and no axe violation.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
from browser_helpers import console_errors, open_page
from selenium.webdriver.common.by import By

from uswds_components import USWDS_VERSION, all_specs
from uswds_components.testing import run_axe

ROOT = Path(__file__).resolve().parent.parent
MAX_WHEEL_BYTES = 6_000_000
_SNIPPET = re.compile(r"^<!-- snippet: (\S+) -->\n```\w*\n(.*?)^```", re.M | re.S)

# Harnesses that only start a server around the snippet's app and print its port; the app
# itself is the docs' code, unchanged.
_FLASK_SERVER = """\
import sys
sys.path.insert(0, ".")
from werkzeug.serving import make_server
from app import app
server = make_server("127.0.0.1", 0, app, threaded=True)
print(server.server_port, flush=True)
server.serve_forever()
"""
_DJANGO_SERVER = """\
import os, socketserver, sys
from wsgiref.simple_server import WSGIServer, make_server
sys.path.insert(0, ".")
os.environ["DJANGO_SETTINGS_MODULE"] = "settings"
import django
django.setup()
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.wsgi import get_wsgi_application
class Server(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True
# StaticFilesHandler is what `runserver --insecure` serves static files with: the app's files
# are found by the same finders collectstatic uses.
server = make_server("127.0.0.1", 0, StaticFilesHandler(get_wsgi_application()), Server)
print(server.server_port, flush=True)
server.serve_forever()
"""
# Every subresource's HTTP status, once the fonts the page uses have loaded.
_RESOURCES = """
const done = arguments[arguments.length - 1];
document.fonts.ready.then(() => done(performance.getEntriesByType('resource').map(
  entry => [entry.name, entry.initiatorType, entry.responseStatus])));
"""


def doc_snippets() -> dict[str, str]:
    text = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    return {name: body for name, body in _SNIPPET.findall(text)}


def tracked_copy(destination: Path) -> Path:
    """The files a clone would have, plus a link to this checkout's npm packages."""
    names = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True, text=True
    ).stdout.split("\0")
    for name in filter(None, names):
        target = destination / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target)
    (destination / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return destination


HATCHLING = [sys.executable, "-m", "hatchling", "build"]


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The source archive, built from a copy of the tracked files and unpacked: its folder."""
    # A copy, because the build hook rewrites the bundle that other tests are serving.
    source = tracked_copy(tmp_path_factory.mktemp("source"))
    out = tmp_path_factory.mktemp("sdist")
    subprocess.run([*HATCHLING, "-t", "sdist", "-d", str(out)], cwd=source, check=True,
                   capture_output=True)  # fmt: skip
    (archive,) = out.glob("*.tar.gz")
    shutil.unpack_archive(archive, out / "unpacked")
    (unpacked,) = (out / "unpacked").iterdir()
    return unpacked


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory, sdist: Path) -> Path:
    """The wheel, built from the sdist as `python -m build` and pip (from PyPI's source
    archive) build it: with no node_modules anywhere near."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([*HATCHLING, "-t", "wheel", "-d", str(out)], cwd=sdist, check=True,
                   capture_output=True)  # fmt: skip
    (built,) = out.glob("uswds_components-*.whl")
    return built


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> tuple[Path, dict[str, str]]:
    """A new virtualenv with the wheel, Flask and Django, and an environment without Node.js."""
    folder = tmp_path_factory.mktemp("site")
    venv = folder / "venv"
    # No pip inside it (ensurepip costs 3 s): this suite's pip installs into it with --python.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PATH", "VIRTUAL_ENV", "PYTHONPATH", "USWDS_COMPONENTS_NODE_MODULES"}
    }
    env["PATH"] = str(venv / "bin")
    assert shutil.which("node", path=env["PATH"]) is None
    assert shutil.which("npm", path=env["PATH"]) is None
    # The Jinja the wheel's templates were compiled with: a newer one would compile them itself.
    # --no-compile: byte-compiling all of Django up front took 3 s of the 8; the few modules
    # these tests import are compiled when first imported.
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "-q",
         "--no-compile", f"{wheel}[flask,django]", f"jinja2=={jinja2.__version__}"],
        check=True,
        env=env,
        cwd=folder,
    )  # fmt: skip
    return venv, env


def run_in(site: tuple[Path, dict[str, str]], *args: str, cwd: Path) -> str:
    venv, env = site
    command = [str(venv / "bin" / args[0]), *args[1:]]
    return subprocess.run(
        command, check=True, env=env, cwd=cwd, capture_output=True, text=True
    ).stdout


def test_the_wheel_carries_the_assets_and_their_licences_and_no_test_data(wheel: Path) -> None:
    assert wheel.stat().st_size < MAX_WHEEL_BYTES
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "uswds_components/static/uswds/css/uswds.min.css",
        "uswds_components/static/uswds/js/uswds.min.js",
        "uswds_components/static/uswds/js/uswds-init.min.js",
        "uswds_components/static/uswds/img/us_flag_small.png",
        "uswds_components/static/uswds/img/usa-icons/close.svg",
        "uswds_components/static/uswds/img/favicons/favicon.ico",
        "uswds_components/static/uswds/LICENSE.md",
        "uswds_components/static/uswds-components/page-feedback.js",
        "uswds_components/testing/axe-core/axe.min.js",
        "uswds_components/testing/axe-core/LICENSE",
        "uswds_components/seed/article.html",
        "uswds_components/py.typed",
        "uswds_components/_compiled/manifest.py",
        "uswds_components/_compiled/specs/banner.pickle",
    ):
        assert name in names, name
    assert any(name.endswith(".woff2") for name in names)
    assert not [name for name in names if "accessibility-tree" in name]
    assert not [name for name in names if name.endswith("reference.txt")]
    licences = {name.rsplit("/", 1)[-1] for name in names if "/licenses/" in name}
    assert {"LICENSE", "LICENSE.md"} <= licences
    metadata = (
        zipfile.ZipFile(wheel)
        .read(next(name for name in names if name.endswith("/METADATA")))
        .decode()
    )
    assert "License-Expression: CC0-1.0" in metadata
    assert "Project-URL: Source," in metadata
    assert "Provides-Extra: check" in metadata


def test_the_installed_package_finds_its_own_assets(site, tmp_path: Path) -> None:
    printed = run_in(site, "uswds-components", "assets", "path", cwd=tmp_path).strip()
    assert Path(printed).is_relative_to(site[0]), "the assets come from the virtualenv"
    assert (Path(printed) / "VERSION").read_text().strip() == USWDS_VERSION
    run_in(site, "uswds-components", "assets", "copy", str(tmp_path / "copy"), cwd=tmp_path)
    assert (tmp_path / "copy" / "css" / "uswds.min.css").is_file()


_FROM_MODULES = """\
from uswds_components import all_specs, create_environment, render
from uswds_components.precompiled import loaded_from_module
env = create_environment()
names = [spec.template for spec in all_specs().values()] + ["uswds/layouts/page.html"]
print(sum(not loaded_from_module(env.get_template(name)) for name in names), len(names))
print(render("banner")[:28])
"""


def test_the_installed_package_renders_from_the_templates_compiled_at_build(
    site, tmp_path: Path
) -> None:
    not_compiled, templates = run_in(site, "python", "-c", _FROM_MODULES, cwd=tmp_path).split()[:2]
    assert (int(not_compiled), int(templates)) == (0, len(all_specs()) + 1)
    assert '<section class="usa-banner"' in run_in(
        site, "python", "-c", _FROM_MODULES, cwd=tmp_path
    )


def test_a_gallery_builds_from_the_wheel_with_the_seed_page(site, tmp_path: Path) -> None:
    run_in(site, "uswds-components", "gallery", "build", str(tmp_path / "gallery"), cwd=tmp_path)
    built = {
        path.relative_to(tmp_path / "gallery").as_posix()
        for path in (tmp_path / "gallery").rglob("*.html")
    }
    assert "index.html" in built
    assert [name for name in built if "dhs_archived_news" in name or "seed" in name]
    assert (tmp_path / "gallery" / "assets" / "uswds" / "css" / "uswds.min.css").is_file()


def serve_snippet(site, folder: Path, harness: str) -> Iterator[str]:
    venv, env = site
    (folder / "serve.py").write_text(harness, encoding="utf-8")
    server = subprocess.Popen(
        [str(venv / "bin" / "python"), "serve.py"],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        port = server.stdout.readline().strip() if server.stdout else ""
        if not port.isdigit():
            server.kill()
            raise AssertionError(f"the server did not start: {server.communicate()[1]}")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def write_snippets(folder: Path, prefix: str) -> Path:
    snippets = {name: body for name, body in doc_snippets().items() if name.startswith(prefix)}
    assert snippets, f"docs/getting-started.md has no <!-- snippet: {prefix}... --> blocks"
    for name, body in snippets.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    return folder / prefix.rstrip("/")


@pytest.fixture(scope="module")
def flask_url(site, tmp_path_factory) -> Iterator[str]:
    folder = write_snippets(tmp_path_factory.mktemp("flask"), "flask/")
    yield from serve_snippet(site, folder, _FLASK_SERVER)


@pytest.fixture(scope="module")
def django_url(site, tmp_path_factory) -> Iterator[str]:
    folder = write_snippets(tmp_path_factory.mktemp("django"), "django/")
    yield from serve_snippet(site, folder, _DJANGO_SERVER)


def failed_requests(driver) -> list[str]:
    """Every subresource that was not answered 2xx or 304, with its status."""
    entries = driver.execute_async_script(_RESOURCES)
    return [
        f"{status} {name}"
        for name, _, status in entries
        if not (200 <= status < 300 or status == 304)
    ]


def assert_whole_page_served_and_accessible(driver, url: str) -> None:
    open_page(driver, url)
    entries = driver.execute_async_script(_RESOURCES)
    kinds = {name.rsplit(".", 1)[-1].split("?")[0] for name, _, _ in entries}
    # The page really loaded USWDS: its CSS, JS, a web font and images, all from the wheel.
    assert {"css", "js", "woff2"} <= kinds, kinds
    assert kinds & {"png", "svg", "ico"}, kinds
    assert failed_requests(driver) == []
    assert console_errors(driver) == []
    assert driver.find_element(By.CSS_SELECTOR, "section.usa-banner").is_displayed()
    result = run_axe(driver)
    assert result.failures == [], result.report()


@pytest.mark.browser
def test_the_flask_snippet_serves_a_whole_accessible_page(browser, flask_url: str) -> None:
    assert_whole_page_served_and_accessible(browser, f"{flask_url}/")


@pytest.mark.browser
def test_the_django_snippet_serves_a_whole_accessible_page(browser, django_url: str) -> None:
    assert_whole_page_served_and_accessible(browser, f"{django_url}/")


@pytest.mark.browser
def test_a_missing_asset_is_caught(browser, flask_url: str) -> None:
    """The failed-request check can fail: a stylesheet that 404s is named with its status."""
    open_page(browser, f"{flask_url}/")
    browser.execute_async_script(
        "const done = arguments[0]; const link = document.createElement('link');"
        "const css = document.querySelector('link[rel=stylesheet]').href;"
        "link.rel = 'stylesheet'; link.href = css.replace(/[^/]*$/, 'missing.css');"
        "link.onload = link.onerror = () => done(); document.head.append(link);"
    )
    failed = failed_requests(browser)
    assert len(failed) == 1 and failed[0].startswith("404 ") and "missing.css" in failed[0]


def test_an_sdist_carries_the_bundle_and_builds_a_wheel_without_node_modules(
    sdist: Path, wheel: Path
) -> None:
    """A build from the sdist (as pip does from PyPI's source archive) needs no npm either."""
    assert not (sdist / "node_modules").exists()
    assert (sdist / "uswds_components" / "static" / "uswds" / "VERSION").is_file()
    assert "uswds_components/static/uswds/css/uswds.min.css" in zipfile.ZipFile(wheel).namelist()


def test_a_checkout_without_npm_packages_refuses_to_build(tmp_path: Path) -> None:
    """No node_modules and no bundle: the build fails with the fix, never an asset-less wheel."""
    source = tracked_copy(tmp_path / "source")
    (source / "node_modules").unlink()
    failed = subprocess.run(
        [*HATCHLING, "-t", "wheel", "-d", str(tmp_path / "out")],
        cwd=source,
        capture_output=True,
        text=True,
    )
    assert failed.returncode != 0
    assert "npm ci" in failed.stdout + failed.stderr
    assert not list((tmp_path / "out").glob("*.whl"))
