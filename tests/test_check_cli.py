"""`uswds-components check`: axe on a folder of built pages, localhost URLs, and usage errors.

The browser runs reuse the session's Chromium (run_check(driver=...)); one subprocess run shows
the command starting its own.
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from uswds_components.__main__ import main
from uswds_components.testing import browser as browser_module
from uswds_components.testing import serve_directory
from uswds_components.testing.cli import register, run_check

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title></head>
<body><main><h1>{title}</h1>{body}</main></body>
</html>
"""
IMAGE_ALT_HELP = "https://dequeuniversity.com/rules/axe/4.14/image-alt"
# A 1x1 PNG: the broken page's image loads, so only its missing alt text fails it.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c"
    "6360606060000000050001a5f645400000000049454e44ae426082"
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A built site: a good home page and a news page whose image has no alt text."""
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    (root / "news" / "chart.png").write_bytes(PNG)
    (root / "index.html").write_text(
        PAGE.format(title="Home", body="<p>Welcome.</p>"), encoding="utf-8"
    )
    (root / "news" / "broken.html").write_text(
        PAGE.format(title="News", body='<img src="chart.png">'), encoding="utf-8"
    )
    return root


def check(argv: list[str], driver: object) -> int:
    """Parse like `uswds-components check ...`, but run in the given browser."""
    parser = argparse.ArgumentParser(prog="uswds-components")
    register(parser.add_subparsers(dest="command", required=True))
    return run_check(parser.parse_args(["check", *argv]), driver=driver)


@pytest.mark.browser
def test_a_broken_page_fails_the_run_and_is_named(browser, site, tmp_path, capsys):
    report = tmp_path / "report.json"
    assert check([str(site), "--json", str(report)], browser) == 1
    out, err = capsys.readouterr()
    assert "[1/2] index.html ... ok" in err
    assert "[2/2] news/broken.html ... 1 violation" in err
    rows = {line.split()[0]: line.split() for line in out.splitlines()[:4] if line.strip()}
    assert rows["index.html"][1:] == ["0", "0", "0", "PASS"]
    assert rows["news/broken.html"][1:] == ["1", "0", "0", "FAIL"]
    assert "image-alt (critical): Images must have alternative text" in out
    assert "selector: img" in out
    assert IMAGE_ALT_HELP in out
    assert "1 of 2 pages passed, 1 failed (axe-core 4.14.1;" in out

    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["axe_version"] == "4.14.1"
    assert data["summary"] == {
        "pages": 2,
        "passed": 1,
        "failed": 1,
        "errors": 0,
        "failures": 1,
        "failed_requests": 0,
    }
    good, broken = data["pages"]
    assert (good["page"], good["status"], good["violations"]) == ("index.html", "pass", [])
    assert broken["page"] == "news/broken.html"
    assert broken["status"] == "fail"
    assert broken["failed_requests"] == []
    assert broken["url"].startswith("http://127.0.0.1:")
    [violation] = broken["violations"]
    assert violation["id"] == "image-alt"
    assert violation["kind"] == "violation"
    assert violation["impact"] == "critical"
    assert violation["help"] == "Images must have alternative text"
    assert violation["helpUrl"].startswith(IMAGE_ALT_HELP)
    assert violation["nodes"][0]["target"] == "img"
    assert violation["nodes"][0]["html"] == '<img src="chart.png">'


@pytest.mark.browser
def test_a_clean_folder_passes(browser, site, capsys):
    assert check([str(site), "--exclude", "news/*"], browser) == 0
    out, err = capsys.readouterr()
    assert "[1/1] index.html ... ok" in err
    assert "broken" not in out + err
    assert "1 of 1 pages passed, 0 failed" in out


@pytest.mark.browser
def test_tags_and_disabled_rules_reach_axe(browser, site, capsys):
    # image-alt is a wcag2a rule: off by name, or not among the tags run, the page passes.
    assert check([str(site / "news" / "broken.html"), "--disable-rule", "image-alt"], browser) == 0
    assert check([str(site / "news" / "broken.html"), "--tags", "wcag2aa"], browser) == 0
    assert "tags wcag2aa)" in capsys.readouterr().out


@pytest.mark.browser
def test_localhost_urls_are_checked_and_unreachable_ones_are_errors(browser, site, capsys):
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    with serve_directory(site) as base_url:
        good, gone = f"{base_url}/index.html", f"{base_url}/missing.html"
        nobody = f"http://localhost:{closed}/"
        assert check([good, gone, nobody], browser) == 1
    out, err = capsys.readouterr()
    assert f"[1/3] {good} ... ok" in err
    assert f"[2/3] {gone} ... error: HTTP 404" in err
    assert f"[3/3] {nobody} ... error: cannot reach it" in err
    assert "1 of 3 pages passed, 0 failed, 2 could not be checked" in out


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("https://www.example.gov/", "only opens 127.0.0.1 or localhost"),
        ("http://192.168.1.5:8000/", "only opens 127.0.0.1 or localhost"),
        ("ftp://127.0.0.1/index.html", "only http:// and https://"),
        ("{empty}", "no .html pages in this folder"),
        ("{missing}", "no such file or folder"),
        ("{text}", "not an .html file"),
    ],
)
def test_usage_errors_exit_2_with_a_message(tmp_path, capsys, target, message):
    (tmp_path / "empty").mkdir()
    (tmp_path / "notes.txt").write_text("notes", encoding="utf-8")
    target = target.format(
        empty=tmp_path / "empty", missing=tmp_path / "gone", text=tmp_path / "notes.txt"
    )
    assert main(["check", target]) == 2
    err = capsys.readouterr().err
    assert err.startswith("uswds-components check: ")
    assert message in err
    assert "Traceback" not in err


def test_excluding_every_page_is_a_usage_error(site, capsys):
    assert main(["check", str(site), "--exclude", "*.html"]) == 2
    assert "--exclude matched every page" in capsys.readouterr().err


def test_a_missing_axe_script_is_a_clear_usage_error(site, tmp_path, capsys):
    assert main(["check", str(site), "--axe-script", str(tmp_path / "axe.min.js")]) == 2
    assert f"--axe-script {tmp_path / 'axe.min.js'}: no such file" in capsys.readouterr().err


def test_a_missing_browser_is_a_clear_error(site, monkeypatch, capsys):
    # A machine without Chromium: the real check start_chromium() makes, at a path that is empty.
    monkeypatch.delenv("USWDS_COMPONENTS_CHROMIUM", raising=False)
    monkeypatch.setattr(browser_module, "CHROMIUM", site / "no-chromium")
    assert main(["check", str(site)]) == 2
    err = capsys.readouterr().err
    assert f"Chromium not found at {site / 'no-chromium'}." in err
    assert "apt-get install chromium chromium-driver" in err
    assert "--chromium PATH" in err
    assert "USWDS_COMPONENTS_CHROMIUM" in err
    assert "make test" not in err
    assert "Traceback" not in err


def test_without_the_check_extra_the_cli_starts_and_says_what_to_install(site):
    # selenium made unimportable: importing the CLI must not need it, and check says why it stops.
    code = (
        "import sys; sys.modules['selenium'] = None\n"
        "from uswds_components.__main__ import main\n"
        f"sys.exit(main(['check', {str(site)!r}]))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2, run.stderr
    assert "needs the check extra (selenium is not installed)" in run.stderr
    assert "pip install 'uswds-components[check]'" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.browser
def test_the_command_starts_its_own_browser(site, tmp_path):
    # The one run with a browser of its own, as a site's CI would call it.
    run = subprocess.run(
        [sys.executable, "-m", "uswds_components", "check", str(site)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert run.returncode == 1, run.stderr
    assert "news/broken.html" in run.stdout
    assert "image-alt (critical)" in run.stdout
    assert "[2/2] news/broken.html ... 1 violation" in run.stderr


def test_the_check_extra_is_enough_for_the_command_and_the_plugin():
    # pillow, bs4 and hypothesis are this repository's tools (the dev extra): nothing the
    # command or the plugin's fixtures load may need them.
    code = (
        "import sys\n"
        "for name in ('PIL', 'bs4', 'hypothesis'): sys.modules[name] = None\n"
        "import uswds_components.testing as testing\n"
        "from uswds_components.testing import axe_check, check, cli, loads, plugin, report\n"
        "for name in testing.__all__: getattr(testing, name)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
