"""page_feedback in Chromium: axe with JS off, and whole journeys against the real receiver."""

from __future__ import annotations

import mimetypes
import re
import sqlite3
import threading
from pathlib import Path

import pytest
from browser_helpers import console_errors, open_page
from markupsafe import Markup
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of

from uswds_components import get_spec
from uswds_components.environment import render_in
from uswds_components.feedback import FeedbackApp, make_threaded_server
from uswds_components.gallery import gallery_environment, preview_page
from uswds_components.page import page
from uswds_components.testing import run_axe, wait_until

pytestmark = pytest.mark.browser

SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.IGNORECASE | re.DOTALL)
EXAMPLE = get_spec("page_feedback").example("default")
ERRORS = {lang: get_spec("page_feedback").strings[lang]["errors"] for lang in ("en", "es")}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
NO_JS_EXAMPLES = [
    "default",
    "lang-es",
    "reasons",
    "reasons-es",
    "errors-ask",
    "errors-reasons",
    "errors-es",
    "thanks",
    "thanks-es",
    "custom-reasons",
    "no-comment",
]


def without_scripts(html: str) -> str:
    stripped = SCRIPT.sub("", html)
    assert "<script" not in stripped.lower()
    return stripped


def load_without_js(browser, url: str) -> None:
    browser.get(url)
    wait_until(browser, lambda d: d.execute_script("return document.readyState") == "complete")
    assert browser.execute_script("return document.scripts.length") == 0


def assert_axe_passes(browser) -> None:
    result = run_axe(browser)
    assert result.failures == [], result.report()
    assert result.passes > 0


def component_page(**params) -> str:
    """A preview page (USWDS CSS and JS) holding the components rendered with each params."""
    env = gallery_environment()
    html = Markup("\n").join(render_in(env, "page_feedback", **p) for p in params.values())
    return preview_page(EXAMPLE, html)


# --- axe with JavaScript off: no USWDS JS, no script of ours ------------------------------------


@pytest.mark.parametrize("name", NO_JS_EXAMPLES)
def test_every_state_passes_axe_without_javascript(browser, base_url, gallery_dir, name):
    page = (gallery_dir / "page_feedback" / f"{name}.html").read_text(encoding="utf-8")
    (gallery_dir / "page_feedback" / f"_test-no-js-{name}.html").write_text(
        without_scripts(page), encoding="utf-8"
    )
    load_without_js(browser, f"{base_url}/page_feedback/_test-no-js-{name}.html")
    assert_axe_passes(browser)
    reasons = browser.find_elements(By.CSS_SELECTOR, ".uswds-components-page-feedback__reasons")
    assert all(not element.is_displayed() for element in reasons)  # only the script shows them


def test_a_radio_with_no_label_is_reported_with_and_without_js(browser, write_page, gallery_dir):
    html = str(component_page(one={"action": "/feedback", "page_url": "/"}))
    label = '<label class="usa-radio__label" for="page-feedback-helpful-yes">Yes</label>'
    assert label in html
    broken = html.replace(label, "")
    url = write_page("no-radio-label", EXAMPLE, Markup(""))  # a page to overwrite below
    page = gallery_dir / "page_feedback" / url.rsplit("/", 1)[1]
    page.write_text(broken, encoding="utf-8")
    open_page(browser, url)
    assert "label" in run_axe(browser).rule_ids()
    no_js = page.with_name("_test-no-radio-label-no-js.html")
    no_js.write_text(without_scripts(broken), encoding="utf-8")
    load_without_js(browser, url.replace(page.name, no_js.name))
    assert "label" in run_axe(browser).rule_ids()


# --- journeys against the receiver on 127.0.0.1 ------------------------------------------------


def layout_page(content: Markup, lang: str, page_url: str | None, nonce: str | None = None):
    """A reply in the package's layout (USWDS's scripts in it), as the integrations render."""
    env = gallery_environment()
    return str(
        page(title="Page feedback", lang=lang, content=content, nonce=nonce, environment=env)
    )


def layout_page_without_nonce(content: Markup, lang: str, page_url: str | None) -> str:
    return layout_page(content, lang, page_url)


@pytest.fixture
def site(gallery_dir, tmp_path):
    """The gallery's files and the receiver at /feedback, on one origin (as a site mounts it).

    Also: /feedback-limited (one post a minute, its own database, limited.sqlite3), and
    /feedback-layout and /feedback-no-nonce answering in the layout, with and without the CSP
    nonce on its scripts."""
    db = tmp_path / "feedback.sqlite3"
    receivers = {
        "/feedback": FeedbackApp(db, comment_limit=40),
        "/feedback-limited": FeedbackApp(
            tmp_path / "limited.sqlite3", action="/feedback-limited", rate_limit=(1, 60.0)
        ),
        "/feedback-layout": FeedbackApp(
            tmp_path / "layout.sqlite3", action="/feedback-layout", page_renderer=layout_page
        ),
        "/feedback-no-nonce": FeedbackApp(
            tmp_path / "layout.sqlite3",
            action="/feedback-no-nonce",
            page_renderer=layout_page_without_nonce,
        ),
    }

    def application(environ, start_response):
        path = environ["PATH_INFO"]
        if path in receivers:
            return receivers[path](environ, start_response)
        if path == "/not-json":
            start_response("500 Internal Server Error", [("Content-Type", "text/html")])
            return [b'<!DOCTYPE html><html lang="en"><title>Oops</title><h1>Server error</h1>']
        file = (gallery_dir / path.lstrip("/")).resolve()
        if not file.is_relative_to(gallery_dir.resolve()) or not file.is_file():
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        start_response("200 OK", [("Content-Type", kind)])
        return [file.read_bytes()]

    server = make_threaded_server(application)
    # shutdown() waits for the loop's next poll: 0.5 s by default.
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", db
    finally:
        server.shutdown()
        server.server_close()


def stored_rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT page_url, helpful, reasons, comment, lang FROM page_feedback"
        ).fetchall()


def write(gallery_dir: Path, name: str, html: str) -> str:
    (gallery_dir / "page_feedback" / f"_test-{name}.html").write_text(html, encoding="utf-8")
    return f"/page_feedback/_test-{name}.html"


def click(browser, selector: str) -> None:
    browser.find_element(By.CSS_SELECTOR, selector).click()


def test_the_whole_journey_without_javascript(browser, site, gallery_dir):
    origin, db = site
    html = component_page(one={"action": "/feedback", "page_url": "/about/", "comment_limit": 40})
    load_without_js(browser, origin + write(gallery_dir, "journey-no-js", without_scripts(html)))
    assert_axe_passes(browser)

    # Submitting with no answer: the receiver shows the question again, with the error.
    click(browser, "button[type=submit]")
    wait_until(browser, lambda d: d.current_url == f"{origin}/feedback")
    assert browser.execute_script("return document.scripts.length") == 0
    summary = browser.find_element(By.CSS_SELECTOR, ".uswds-components-page-feedback__errors")
    assert "Select Yes or No" in summary.text
    assert_axe_passes(browser)
    summary.find_element(By.TAG_NAME, "a").click()
    assert browser.switch_to.active_element.get_attribute("id") == "page-feedback-helpful-yes"

    # No → the reasons, from the server.
    click(browser, "label[for=page-feedback-helpful-no]")
    question_page = browser.find_element(By.TAG_NAME, "html")
    click(browser, "button[type=submit]")
    # The question page holds the reasons too (hidden until JS reveals them): wait for it to go.
    wait_until(browser, staleness_of(question_page))
    wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=reason]"))
    legend = browser.find_element(By.TAG_NAME, "legend")
    assert legend.text == "This page was not helpful because the content…"
    assert browser.find_elements(By.CSS_SELECTOR, "input[type=radio]") == []
    assert stored_rows(db) == []
    assert_axe_passes(browser)

    # Reasons and a comment → thanks; without JS the textarea's maxlength holds the limit.
    click(browser, "label[for=page-feedback-reason-outdated]")
    click(browser, "label[for=page-feedback-reason-broken_links]")
    comment = browser.find_element(By.ID, "page-feedback-comment")
    comment.send_keys("The fee table is from 2019, and more text past the limit.")
    assert len(comment.get_attribute("value")) == 40
    click(browser, "button[type=submit]")
    wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".usa-alert--success"))
    status = browser.find_element(By.CSS_SELECTOR, "[role=status]")
    assert status.text == "Thank you for your feedback"
    assert browser.find_elements(By.TAG_NAME, "form") == []
    assert_axe_passes(browser)
    assert stored_rows(db) == [
        (
            "/about/",
            "no",
            '["outdated", "broken_links"]',
            "The fee table is from 2019, and more tex",
            "en",
        )
    ]
    browser.find_element(By.LINK_TEXT, "Back to the page").get_attribute("href").endswith("/about/")


_COUNT_SUBMIT_LISTENERS = """
window.__submitListeners = 0;
const add = Document.prototype.addEventListener;
Document.prototype.addEventListener = function (type, ...rest) {
  if (type === "submit") window.__submitListeners += 1;
  return add.call(this, type, ...rest);
};
"""


@pytest.fixture
def count_submit_listeners(browser):
    """Counts document-level submit listeners on the next pages; removed afterwards."""
    added = browser.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": _COUNT_SUBMIT_LISTENERS}
    )
    yield
    browser.execute_cdp_cmd(
        "Page.removeScriptToEvaluateOnNewDocument", {"identifier": added["identifier"]}
    )


def test_the_whole_journey_with_javascript(browser, site, gallery_dir, count_submit_listeners):
    origin, db = site
    # Two forms on one page, each emitting the script tag: it must bind once.
    html = component_page(
        top={"action": "/feedback", "page_url": "/about/", "id": "top", "comment_limit": 40},
        end={"action": "/feedback", "page_url": "/about/", "comment_limit": 40},
    )
    assert html.count("page-feedback.js") == 2
    open_page(browser, origin + write(gallery_dir, "journey-js", html))
    assert browser.execute_script("return window.__submitListeners") == 1
    browser.execute_script("window.__samePage = true")
    reasons = browser.find_element(By.ID, "page-feedback-reasons")
    assert not reasons.is_displayed()

    # No reveals the reasons in place; focus stays on the radio.
    click(browser, "label[for=page-feedback-helpful-no]")
    assert reasons.is_displayed()
    assert not browser.find_element(By.ID, "top-reasons").is_displayed()
    assert browser.switch_to.active_element.get_attribute("id") == "page-feedback-helpful-no"
    step = browser.find_element(By.CSS_SELECTOR, "#page-feedback input[name=step]")
    assert step.get_attribute("value") == "reasons"
    assert_axe_passes(browser)
    # Yes hides them again; No shows them.
    click(browser, "label[for=page-feedback-helpful-yes]")
    assert not reasons.is_displayed() and step.get_attribute("value") == "ask"
    click(browser, "label[for=page-feedback-helpful-no]")

    # Over the limit (USWDS's JS lets one type past it and counts): errors, in place.
    click(browser, "label[for=page-feedback-reason-confusing]")
    comment = browser.find_element(By.ID, "page-feedback-comment")
    comment.send_keys("x" * 45)
    click(browser, "#page-feedback button[type=submit]")
    focused_class = "return document.activeElement && document.activeElement.className"
    summary_class = "uswds-components-page-feedback__errors"
    wait_until(browser, lambda d: summary_class in d.execute_script(focused_class))
    assert browser.execute_script("return window.__samePage") is True
    summary = browser.switch_to.active_element
    assert "Your comment must be 40 characters or fewer" in summary.text
    comment = browser.find_element(By.ID, "page-feedback-comment")
    assert comment.get_attribute("aria-invalid") == "true"
    assert comment.get_attribute("value") == "x" * 45
    assert browser.find_element(By.ID, "page-feedback-reason-confusing").is_selected()
    assert stored_rows(db) == []
    assert_axe_passes(browser)

    # Corrected → thanks, announced in the live region, with focus moved to it.
    comment.clear()
    comment.send_keys("Add the 2024 fees.")
    click(browser, "#page-feedback button[type=submit]")
    status_text = "return document.getElementById(arguments[0]).textContent.trim()"
    wait_until(browser, lambda d: d.execute_script(status_text, "page-feedback-status"))
    status = browser.find_element(By.ID, "page-feedback-status")
    assert status.get_attribute("role") == "status"
    assert status.text == "Thank you for your feedback"
    assert browser.switch_to.active_element == status
    assert browser.find_elements(By.CSS_SELECTOR, "#page-feedback form") == []
    assert browser.find_elements(By.CSS_SELECTOR, "#top form")  # the other form is untouched
    assert browser.execute_script("return window.__samePage") is True
    assert_axe_passes(browser)
    assert stored_rows(db) == [("/about/", "no", '["confusing"]', "Add the 2024 fees.", "en")]

    # Yes in the other form: straight to thanks.
    click(browser, "label[for=top-helpful-yes]")
    click(browser, "#top button[type=submit]")
    wait_until(browser, lambda d: d.execute_script(status_text, "top-status"))
    assert browser.switch_to.active_element.get_attribute("id") == "top-status"
    assert len(stored_rows(db)) == 2
    # Chromium logs the refused post (400) as an error; nothing else may be logged.
    assert [m for m in console_errors(browser) if "status of 400" not in m] == []


def test_the_script_falls_back_to_an_ordinary_post(browser, site, gallery_dir):
    origin, _ = site
    html = component_page(one={"action": "/not-json", "page_url": "/about/"})
    open_page(browser, origin + write(gallery_dir, "fallback", html))
    click(browser, "label[for=page-feedback-helpful-yes]")
    click(browser, "button[type=submit]")
    wait_until(browser, lambda d: d.current_url == f"{origin}/not-json")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Server error"


def test_spanish_character_count_speaks_spanish(browser, base_url):
    open_page(browser, f"{base_url}/page_feedback/lang-es.html")
    click(browser, "label[for=page-feedback-helpful-no]")
    visible = browser.find_element(By.CSS_SELECTOR, ".usa-character-count__status")
    assert visible.text == "500 caracteres permitidos"
    browser.find_element(By.ID, "page-feedback-comment").send_keys("abc")
    wait_until(browser, lambda d: visible.text == "Quedan 497 caracteres")
    spoken = browser.find_element(By.CSS_SELECTOR, ".usa-character-count__sr-status")
    wait_until(browser, lambda d: spoken.get_attribute("textContent") == "Quedan 497 caracteres")
    assert console_errors(browser) == []


# --- issue #17: retries, refusals, cross-site posts, the reply's CSP ----------------------------


def submission_ids(browser) -> list[str]:
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('input[name=submission_id]'), i => i.value)"
    )


_POST_TWICE = """
const done = arguments[arguments.length - 1];
const form = document.querySelector(arguments[0]);
const body = new URLSearchParams(new FormData(form)).toString();
const post = () => fetch(form.action, {
  method: "POST",
  headers: {Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded"},
  body,
}).then((response) => response.json());
post().then((first) => post().then((second) => done([first, second])), (e) => done(String(e)));
"""


def test_a_retried_post_is_stored_once(browser, site, gallery_dir):
    origin, db = site
    html = component_page(
        top={"action": "/feedback", "page_url": "/about/", "id": "top"},
        end={"action": "/feedback", "page_url": "/about/"},
    )
    open_page(browser, origin + write(gallery_dir, "retry", html))
    ids = submission_ids(browser)
    assert len(ids) == 2 and len(set(ids)) == 2, ids  # one per form
    assert all(UUID.match(value) for value in ids), ids
    click(browser, "label[for=page-feedback-helpful-yes]")
    # The same post twice, as after a reply lost on the way back: one row, thanks both times.
    replies = browser.execute_async_script(_POST_TWICE, "#page-feedback form")
    assert [(reply["ok"], reply["state"]) for reply in replies] == [(True, "thanks")] * 2
    assert len(stored_rows(db)) == 1
    # The script's own post of the same form: thanks again, still one row.
    click(browser, "#page-feedback button[type=submit]")
    status_text = "return document.getElementById('page-feedback-status').textContent.trim()"
    wait_until(browser, lambda d: d.execute_script(status_text))
    assert browser.execute_script(status_text) == "Thank you for your feedback"
    assert len(stored_rows(db)) == 1
    # Re-rendered forms get ids of their own: No in the other form brings the reasons back.
    click(browser, "label[for=top-helpful-no]")
    browser.find_element(By.ID, "top-comment").send_keys("x" * 45)  # over 40: errors come back
    click(browser, "#top button[type=submit]")
    wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#top .usa-alert--error"))
    fresh = submission_ids(browser)
    assert len(fresh) == 1 and UUID.match(fresh[0]) and fresh[0] not in ids
    assert [m for m in console_errors(browser) if "status of 400" not in m] == []


def test_a_refused_post_is_shown_above_the_form_in_its_language(
    browser, site, gallery_dir, tmp_path
):
    origin, _ = site
    params = {"action": "/feedback-limited", "page_url": "/es/acerca/", "lang": "es"}
    html = component_page(top={**params, "id": "top"}, end=params)
    open_page(browser, origin + write(gallery_dir, "refused", html))
    click(browser, "label[for=top-helpful-yes]")
    click(browser, "#top button[type=submit]")
    status_text = "return document.getElementById('top-status').textContent.trim()"
    wait_until(browser, lambda d: d.execute_script(status_text) == "Gracias por sus comentarios")

    # The second post in the minute: 429, said in Spanish above the form, which stays.
    click(browser, "label[for=page-feedback-helpful-yes]")
    click(browser, "#page-feedback button[type=submit]")
    focused = "return document.activeElement && document.activeElement.className"
    refused_class = "uswds-components-page-feedback__refused"
    wait_until(browser, lambda d: refused_class in d.execute_script(focused))
    alert = browser.switch_to.active_element
    assert alert.text == ERRORS["es"]["rate_limited"]
    form = browser.find_element(By.CSS_SELECTOR, "#page-feedback form")
    assert form.get_attribute("data-page-feedback-busy") is None  # free to try again
    assert browser.find_element(By.ID, "page-feedback-helpful-yes").is_selected()
    assert_axe_passes(browser)
    with sqlite3.connect(tmp_path / "limited.sqlite3") as connection:
        assert connection.execute("SELECT count(*) FROM page_feedback").fetchone()[0] == 1
    assert [m for m in console_errors(browser) if "status of 429" not in m] == []


def test_a_post_from_another_site_is_refused(browser, site, gallery_dir):
    origin, db = site
    html = component_page(one={"action": f"{origin}/feedback", "page_url": "/about/"})
    name = write(gallery_dir, "cross-site", without_scripts(html))
    # From its own origin the post lands; the same page on another site (localhost is not
    # 127.0.0.1) posts cross-site, and Chromium says so: refused, nothing stored.
    for page_origin, stored in ((origin, 1), (origin.replace("127.0.0.1", "localhost"), 1)):
        load_without_js(browser, page_origin + name)
        click(browser, "label[for=page-feedback-helpful-yes]")
        click(browser, "button[type=submit]")
        wait_until(browser, lambda d: d.find_elements(By.CSS_SELECTOR, ".usa-alert"))
        assert len(stored_rows(db)) == stored
    alert = browser.find_element(By.CSS_SELECTOR, ".usa-alert--error")
    assert alert.text == ERRORS["en"]["cross_site"]


def test_the_replys_csp_lets_only_the_layouts_own_scripts_run(browser, site, gallery_dir):
    origin, _ = site
    for action, runs in (("/feedback-layout", True), ("/feedback-no-nonce", False)):
        html = component_page(one={"action": action, "page_url": "/about/"})
        load_without_js(
            browser, origin + write(gallery_dir, f"csp-{action.strip('/')}", without_scripts(html))
        )
        click(browser, "label[for=page-feedback-helpful-yes]")
        click(browser, "button[type=submit]")
        reply_url = origin + action
        wait_until(browser, lambda d, url=reply_url: d.current_url == url)
        wait_until(browser, lambda d: d.execute_script("return document.readyState") == "complete")
        assert "Thank you for your feedback" in browser.find_element(By.TAG_NAME, "main").text
        # USWDS's scripts carry the reply's nonce and run; without it the CSP blocks them.
        assert browser.execute_script("return !!window.uswdsPresent") is runs
        blocked = [m for m in console_errors(browser) if "Content Security Policy" in m]
        assert bool(blocked) is not runs, blocked
