"""examples/apply_service in Chromium: the whole journey, with errors then without, in English and
Spanish, with USWDS's JS and without any script. On each page with errors: the title says so,
axe finds nothing, each error summary link moves focus to its field, and with JS the summary
has focus on arrival (without JS nothing moves focus, and the page still works).

One journey per (language, JS) pair, each page checked for many things at one load. Without JS
is the session browser with script execution switched off (CDP emulation, restored after),
which spares starting a second Chromium."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

import pytest
from browser_helpers import SET_ASIDE_SELECT_ARROWS, console_errors, eventually, open_page
from form_journeys import SUMMARY, links_not_focusing, submit_and_wait, uswds_ran
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
from test_integrations import serve_wsgi

from examples.apply_service import create_app
from examples.apply_service.strings import STRINGS
from uswds_components.testing import run_axe

pytestmark = pytest.mark.browser

COOKIE = "apply_service_session"
HEADINGS = {"en": "There is a problem", "es": "Hay un problema"}
# The file input's own message when USWDS's JS turns a file of the wrong type away.
WRONG_TYPE = {
    "en": "Error: This is not a valid file type.",
    "es": "Error: Este tipo de archivo no es válido.",
}


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    app = create_app({"SECRET_KEY": "browser-test", "SESSION_COOKIE_NAME": COOKIE})
    with serve_wsgi(app) as url:
        yield url


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("uploads")
    (folder / "bill.pdf").write_bytes(b"%PDF-1.7\n% a utility bill\n")
    (folder / "notes.txt").write_bytes(b"not a proof of address\n")
    return {name: str(folder / name) for name in ("bill.pdf", "notes.txt")}


@contextmanager
def scripts(browser: Any, enabled: bool) -> Iterator[None]:
    """Run the block with page scripts on or off; the session browser is left with them on."""
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not enabled})
    try:
        yield
    finally:
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})


def heading_is(text: str) -> Callable[[Any], bool]:
    return lambda d: d.find_element(By.TAG_NAME, "h1").text == text


def check_errors_page(browser: Any, js: bool, lang: str, title: str, expected: list) -> None:
    """A page that came back with errors: its title, the summary's heading and links, axe,
    focus on the summary (JS) or left alone (no JS), and each link focusing its field."""
    t = STRINGS[lang]
    assert browser.title == f"Error: {title} | {t['service']}"
    summary = browser.find_element(By.CSS_SELECTOR, SUMMARY)
    assert summary.find_element(By.TAG_NAME, "h2").text == HEADINGS[lang]
    links = summary.find_elements(By.TAG_NAME, "a")
    assert [(a.get_attribute("hash"), a.text) for a in links] == expected
    focused = lambda: browser.switch_to.active_element == summary  # noqa: E731
    if js:
        assert eventually(browser, focused)
        assert console_errors(browser) == []
    else:
        assert not focused()
    assert_axe_clean(browser, js)
    assert links_not_focusing(browser, [target[1:] for target, _ in expected]) == []


def assert_axe_clean(browser: Any, js: bool) -> None:
    # The select's arrow is a background image axe cannot see through: set aside as
    # test_select_browser does, once shown to sit in the padding, clear of the text.
    assert browser.execute_script(SET_ASIDE_SELECT_ARROWS) == []
    if not js:
        # axe is a script too: let it run on the page as it loaded without scripts.
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    try:
        result = run_axe(browser)
    finally:
        if not js:
            browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    assert result.passes > 0  # axe ran on the page, scripts or not
    assert result.failures == [], result.report()


def type_into(browser: Any, values: dict[str, str]) -> None:
    for field_id, text in values.items():
        element = browser.find_element(By.ID, field_id)
        element.clear()
        element.send_keys(text)


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_journey_with_errors_then_without(browser, site, files, lang, js):
    t = STRINGS[lang]
    at = f"{site}/es" if lang == "es" else site
    # A fresh session: no answers left from another journey.
    browser.execute_cdp_cmd("Network.deleteCookies", {"name": COOKIE, "domain": "127.0.0.1"})
    with scripts(browser, js):
        # Step 1: sent empty, then answered.
        if js:
            open_page(browser, f"{at}/details")
        else:
            browser.get(f"{at}/details")
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang
        assert browser.find_elements(By.CSS_SELECTOR, SUMMARY) == []
        assert browser.find_element(By.TAG_NAME, "h1").text == t["details_title"]
        submit_and_wait(
            browser, lambda d: d.find_elements(By.CSS_SELECTOR, SUMMARY), "errors", scripts=js
        )
        check_errors_page(
            browser,
            js,
            lang,
            t["details_title"],
            [
                ("#name", t["name_required"]),
                ("#dob", t["dob_required"]),
                ("#contact", t["contact_required"]),
            ],
        )
        type_into(browser, {"name": "Ada Lovelace", "dob-day": "10", "dob-year": "1985"})
        Select(browser.find_element(By.ID, "dob")).select_by_value("12")
        browser.find_element(By.CSS_SELECTOR, "label[for='contact']").click()
        type_into(browser, {"email": "ada@example.com"})
        submit_and_wait(browser, heading_is(t["address_title"]), "step 2", scripts=js)
        assert browser.title == f"{t['address_title']} | {t['service']}"

        # Step 2: a file of the wrong type and nothing else, then answered.
        browser.find_element(By.ID, "proof").send_keys(files["notes.txt"])
        if js:
            # USWDS's JS turns the file away before it is sent, in the page's language.
            assert WRONG_TYPE[lang] in browser.find_element(By.TAG_NAME, "main").text
        submit_and_wait(
            browser, lambda d: d.find_elements(By.CSS_SELECTOR, SUMMARY), "errors", scripts=js
        )
        check_errors_page(
            browser,
            js,
            lang,
            t["address_title"],
            [
                ("#street", t["street_required"]),
                ("#city", t["city_required"]),
                ("#state", t["state_required"]),
                ("#zip", t["zip_required"]),
                # Without JS the server sees the text file and names the problem.
                ("#proof", t["proof_required"] if js else t["proof_type"]),
            ],
        )
        type_into(browser, {"street": "1600 Pennsylvania Ave NW", "city": "Washington"})
        type_into(browser, {"zip": "20500"})
        Select(browser.find_element(By.ID, "state")).select_by_value("DC")
        browser.find_element(By.ID, "proof").send_keys(files["bill.pdf"])
        submit_and_wait(browser, heading_is(t["check_title"]), "the check page", scripts=js)

        # The answers, then sent.
        assert browser.title == f"{t['check_title']} | {t['service']}"
        table = browser.find_element(By.CSS_SELECTOR, "main table")
        answers = [cell.text for cell in table.find_elements(By.CSS_SELECTOR, "tbody td")[::2]]
        dob = {"en": "December 10, 1985", "es": "10 de diciembre de 1985"}[lang]
        assert answers == [
            "Ada Lovelace",
            dob,
            f"{t['contact_email']}: ada@example.com",
            "1600 Pennsylvania Ave NW\nWashington, District of Columbia 20500",
            "bill.pdf",
        ]
        assert_axe_clean(browser, js)
        submit_and_wait(browser, heading_is(t["done_title"]), "the done page", scripts=js)
        # (The URL may keep the fragment of the last summary link followed: browsers carry it
        # through the post and its redirects.)
        assert urlsplit(browser.current_url).path == urlsplit(f"{at}/done").path
        assert browser.title == f"{t['done_title']} | {t['service']}"
        reference = browser.find_element(By.ID, "reference").text
        assert re.fullmatch(r"[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}", reference)
        if js:
            assert console_errors(browser) == []


def test_the_check_without_scripts_catches_a_broken_page(browser, site):
    # Deliberately broken: the name's label removed from the page loaded without scripts. axe,
    # let run for the check alone, must see it, and scripts stay off for the page after it.
    with scripts(browser, False):
        browser.get(f"{site}/details")
        browser.execute_script("document.querySelector(\"label[for='name']\").remove()")
        with pytest.raises(AssertionError, match="label"):
            assert_axe_clean(browser, js=False)
        browser.get(f"{site}/details")
        assert not uswds_ran(browser)
    open_page(browser, f"{site}/details")  # and on again after the block
