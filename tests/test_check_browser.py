"""Where the checks find Chromium and chromedriver, and what their waits say when they time out.

A user's machine may keep the browser elsewhere than Debian's /usr/bin: the paths come from
start_chromium's arguments, the check command's options (pytest's are in test_pytest_plugin.py)
or environment variables, and a missing one is named with how to install or point at it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from selenium.common.exceptions import TimeoutException

from uswds_components.__main__ import main
from uswds_components.testing import BrowserMissing, open_uswds_page, serve_directory, wait_until
from uswds_components.testing.browser import (
    CHROMEDRIVER,
    CHROMEDRIVER_ENV,
    CHROMIUM,
    CHROMIUM_ENV,
    browser_paths,
)

PAGE = (
    '<!DOCTYPE html><html lang="en"><head><title>Home</title></head>'
    "<body><main><h1>Home</h1></main></body></html>"
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "index.html").write_text(PAGE, encoding="utf-8")
    return root


@pytest.fixture
def no_path_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CHROMIUM_ENV, raising=False)
    monkeypatch.delenv(CHROMEDRIVER_ENV, raising=False)


def test_paths_come_from_arguments_then_variables_then_debian(
    tmp_path, monkeypatch, no_path_variables
):
    chromium, driver = tmp_path / "chrome", tmp_path / "driver"
    chromium.touch()
    driver.touch()
    assert browser_paths() == (CHROMIUM, CHROMEDRIVER)
    monkeypatch.setenv(CHROMIUM_ENV, str(chromium))
    monkeypatch.setenv(CHROMEDRIVER_ENV, str(driver))
    assert browser_paths() == (chromium, driver)
    assert browser_paths(CHROMIUM, CHROMEDRIVER) == (CHROMIUM, CHROMEDRIVER)


def test_a_missing_path_is_named_with_where_it_came_from(tmp_path, monkeypatch):
    monkeypatch.setenv(CHROMIUM_ENV, str(tmp_path / "chrome"))
    with pytest.raises(BrowserMissing) as raised:
        browser_paths(chromedriver=tmp_path / "driver")
    message = str(raised.value)
    assert message.startswith(
        f"Chromium not found at {tmp_path / 'chrome'} (from ${CHROMIUM_ENV}). "
        f"chromedriver not found at {tmp_path / 'driver'}. "
    )
    assert "apt-get install chromium chromium-driver" in message
    assert "--uswds-chromium PATH" in message


def test_the_check_options_choose_the_browser(site, tmp_path, capsys, no_path_variables):
    assert main(["check", str(site), "--chromium", str(tmp_path / "elsewhere")]) == 2
    assert f"Chromium not found at {tmp_path / 'elsewhere'}." in capsys.readouterr().err
    assert main(["check", str(site), "--chromedriver", str(tmp_path / "driver")]) == 2
    err = capsys.readouterr().err
    assert f"chromedriver not found at {tmp_path / 'driver'}." in err
    assert "Chromium not found" not in err


@pytest.mark.browser
def test_the_command_runs_the_browser_the_variables_name(site, tmp_path):
    # A machine with Chromium elsewhere than /usr/bin: links to the real ones, in a folder of
    # our own, named through the environment.
    (tmp_path / "bin").mkdir()
    chromium, driver = tmp_path / "bin" / "my-chromium", tmp_path / "bin" / "my-chromedriver"
    chromium.symlink_to(CHROMIUM)
    driver.symlink_to(CHROMEDRIVER)
    env = {**os.environ, CHROMIUM_ENV: str(chromium), CHROMEDRIVER_ENV: str(driver)}
    run = subprocess.run(
        [sys.executable, "-m", "uswds_components", "check", str(site)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert "1 of 1 pages passed" in run.stdout
    # The same variables pointing nowhere: the run stops, so the links above were what ran.
    chromium.unlink()
    run = subprocess.run(
        [sys.executable, "-m", "uswds_components", "check", str(site)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert run.returncode == 2
    assert f"Chromium not found at {chromium} (from ${CHROMIUM_ENV})" in run.stderr


@pytest.mark.browser
def test_a_wait_that_times_out_says_what_it_waited_for_and_saw(browser):
    browser.get("data:text/html,<p>Hello</p>")
    with pytest.raises(TimeoutException) as raised:
        wait_until(
            browser,
            lambda d: d.execute_script("return document.title") == "Ready",
            0.2,
            "the title to be 'Ready'",
            seen=lambda d: d.execute_script("return document.title"),
        )
    assert raised.value.msg == "waited 0.2 s for the title to be 'Ready'; saw ''"
    # Without a description, the condition's last value is still shown.
    with pytest.raises(TimeoutException, match=r"waited 0.1 s for a condition; saw False"):
        wait_until(browser, lambda d: d.execute_script("return false"), 0.1)


@pytest.mark.browser
def test_a_page_without_uswds_js_says_so(browser, site):
    with serve_directory(site) as base_url:
        url = f"{base_url}/index.html"
        with pytest.raises(TimeoutException) as raised:
            open_uswds_page(browser, url, timeout=0.3)
    message = raised.value.msg
    assert message.startswith(f"waited 0.3 s for USWDS's JS to start on {url} (")
    assert "'readyState': 'complete'" in message
    assert "'uswdsPresent': False" in message
