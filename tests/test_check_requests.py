"""A page whose stylesheet, script, font or image did not load fails the check, naming the URL.

axe checks what it sees: a page without its CSS mostly "passes" it. `uswds-components check`
and `axe_check` read Chromium's record of failed requests instead. The good page, with a fetch()
of a missing API and Chromium's own favicon request, shows what is left out.
"""

from __future__ import annotations

import argparse
import json
import socket
from pathlib import Path

import pytest

from uswds_components.testing.cli import register, run_check

pytestmark = pytest.mark.browser

PAGE = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{title}</title>{head}</head>
<body><main><h1>{title}</h1><p>Apply online.</p>{body}</main></body>
</html>
"""
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c"
    "6360606060000000050001a5f645400000000049454e44ae426082"
)


def closed_port() -> int:
    with socket.socket() as probe:  # nothing listens once it is closed
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "site.css").write_text("p { margin: 1em; }", encoding="utf-8")
    (root / "logo.png").write_bytes(PNG)

    def page(name: str, head: str = "", body: str = "") -> None:
        (root / name).write_text(PAGE.format(title=name, head=head, body=body), encoding="utf-8")

    page(
        "good.html",
        '<link rel="stylesheet" href="/site.css">',
        # The page's own API call may 404 by design: it is the script's to handle.
        '<img src="/logo.png" alt="Logo"><script>fetch("/api/missing")</script>',
    )
    page("no-css.html", '<link rel="stylesheet" href="/assets/missing.css">')
    page("no-image.html", body='<img src="/images/missing.png" alt="Chart">')
    page(
        "refused.html",
        f'<link rel="stylesheet" href="http://127.0.0.1:{closed_port()}/offline.css">',
    )
    return root


def check(argv: list[str], driver: object) -> int:
    parser = argparse.ArgumentParser(prog="uswds-components")
    register(parser.add_subparsers(dest="command", required=True))
    return run_check(parser.parse_args(["check", *argv]), driver=driver)


def test_a_good_page_passes(browser, site, capsys):
    assert check([str(site), "--exclude", "no-*", "--exclude", "refused.html"], browser) == 0
    out, err = capsys.readouterr()
    assert "[1/1] good.html ... ok" in err
    assert "1 of 1 pages passed" in out


def test_missing_css_and_images_fail_their_pages_naming_the_url(browser, site, tmp_path, capsys):
    report = tmp_path / "report.json"
    assert check([str(site), "--exclude", "good.html", "--json", str(report)], browser) == 1
    out, err = capsys.readouterr()
    assert "[1/3] no-css.html ... 1 failed request" in err
    assert "[2/3] no-image.html ... 1 failed request" in err
    assert "[3/3] refused.html ... 1 failed request" in err
    header, _, *rows = out.splitlines()[:5]
    assert header.split()[-3:] == ["failed", "requests", "status"]
    assert [row.split()[-2:] for row in rows] == [["1", "FAIL"]] * 3
    assert "0 of 3 pages passed, 3 failed" in out

    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["summary"]["failed_requests"] == 3
    by_page = {page["page"]: page for page in data["pages"]}
    base = by_page["no-css.html"]["url"].rsplit("/", 1)[0]
    assert [page["status"] for page in data["pages"]] == ["fail"] * 3
    assert by_page["no-css.html"]["failed_requests"] == [
        {
            "url": f"{base}/assets/missing.css",
            "kind": "stylesheet",
            "status": 404,
            "error": "HTTP 404 File not found",
        }
    ]
    assert f"  stylesheet {base}/assets/missing.css failed to load: HTTP 404" in out
    [image] = by_page["no-image.html"]["failed_requests"]
    assert (image["url"], image["kind"], image["status"]) == (
        f"{base}/images/missing.png",
        "image",
        404,
    )
    assert f"  image {base}/images/missing.png failed to load: HTTP 404" in out
    [offline] = by_page["refused.html"]["failed_requests"]
    assert offline["url"].endswith("/offline.css")
    assert offline["status"] is None
    assert offline["error"] == "net::ERR_CONNECTION_REFUSED"


def test_axe_check_fails_on_a_stylesheet_that_did_not_load(axe_check, site):
    html = '<link rel="stylesheet" href="/assets/missing.css"><h1>Benefits</h1>'
    failures = axe_check(html, base_dir=site, fail=False)
    [failed] = failures
    assert failed["kind"] == failed["id"] == "request-failed"
    assert failed["url"].endswith("/assets/missing.css")
    assert (failed["status"], failed["resource"], failed["state"]) == (404, "stylesheet", "initial")
    with pytest.raises(pytest.fail.Exception) as raised:
        axe_check(html, base_dir=site)
    report = str(raised.value)
    assert "1 request(s) failed on the given HTML" in report
    assert "[initial] stylesheet http://127.0.0.1:" in report
    assert "/assets/missing.css failed to load: HTTP 404 File not found" in report
    # A stylesheet that loads passes.
    assert (
        axe_check('<link rel="stylesheet" href="/site.css"><h1>Benefits</h1>', base_dir=site) == []
    )
