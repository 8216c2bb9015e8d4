"""The feedback receiver (uswds_components.feedback) with a real SQLite file: no mocks."""

from __future__ import annotations

import csv
import json
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from conftest import parse
from feedback_helpers import call

from uswds_components import ComponentError, get_spec
from uswds_components.feedback import (
    DEFAULT_COMMENT_LIMIT,
    FeedbackApp,
    FeedbackStore,
    double_submit_cookie,
    export_csv,
    make_threaded_server,
    safe_cell,
)
from uswds_components.feedback.__main__ import main as feedback_main

NO_WITH_REASONS = {
    "page_url": "/about/",
    "lang": "en",
    "form_id": "page-feedback",
    "step": "reasons",
    "helpful": "no",
    "reason": ["outdated", "missing"],
    "comment": "The fee table is from 2019.",
}


def call_json(app: FeedbackApp, fields: dict, **kwargs) -> tuple[str, dict]:
    status, headers, text = call(app, fields, accept="application/json", **kwargs)
    assert headers["Content-Type"] == "application/json"
    return status, json.loads(text)


def rows_in(db) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT count(*) FROM page_feedback").fetchone()[0]


@pytest.fixture
def db(tmp_path):
    return tmp_path / "feedback.sqlite3"


@pytest.fixture
def app(db):
    return FeedbackApp(db)


# --- the happy paths ---------------------------------------------------------------------------


def test_yes_is_stored_and_answered_with_thanks(app, db):
    status, headers, html = call(app, {"page_url": "/about/", "step": "ask", "helpful": "yes"})
    assert status == "200 OK"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-store"
    page = parse(html)
    assert page.find(class_="uswds-components-page-feedback__status").get_text(strip=True) == (
        "Thank you for your feedback"
    )
    assert page.find("a", href="/about/").get_text() == "Back to the page"
    assert page.find("script") is None  # the fallback page works with no JS at all
    [row] = app.store.rows()
    assert (row["page_url"], row["helpful"], row["reasons"], row["comment"], row["lang"]) == (
        "/about/",
        "yes",
        [],
        "",
        "en",
    )
    assert rows_in(db) == 1


def test_no_from_the_ask_step_answers_with_the_reasons_and_stores_nothing(app, db):
    status, _, html = call(app, {"page_url": "/es/", "lang": "es", "step": "ask", "helpful": "no"})
    assert status == "200 OK"
    page = parse(html)
    assert page.find("html")["lang"] == "es"
    assert "Esta página no fue útil porque el contenido…" in page.find("legend").get_text()
    assert page.find("input", attrs={"name": "helpful"})["value"] == "no"
    assert page.find("input", attrs={"name": "step"})["value"] == "reasons"
    assert page.find("form")["action"] == "/feedback"
    assert rows_in(db) == 0
    status, reply = call_json(app, {"page_url": "/es/", "step": "ask", "helpful": "no"})
    assert (status, reply["ok"], reply["state"]) == ("200 OK", True, "reasons")
    assert 'name="reason"' in reply["html"]
    assert rows_in(db) == 0


def test_no_with_reasons_and_a_comment_is_one_row(app, db):
    fields = {**NO_WITH_REASONS, "comment": "Line one\r\nline two", "lang": "es"}
    status, reply = call_json(app, fields)
    assert (status, reply["ok"], reply["state"]) == ("200 OK", True, "thanks")
    assert reply["message"] == "Gracias por sus comentarios"
    [row] = app.store.rows()
    assert row["reasons"] == ["outdated", "missing"]
    assert row["comment"] == "Line one\nline two"  # browsers send a line break as CRLF
    assert row["lang"] == "es"


def test_a_comment_of_exactly_the_limit_with_line_breaks_is_accepted(app):
    comment = ("x" * 9 + "\r\n") * (DEFAULT_COMMENT_LIMIT // 10)  # 500 as the browser counts
    status, _ = call_json(app, {**NO_WITH_REASONS, "comment": comment})
    assert status == "200 OK"


@pytest.mark.parametrize(("length", "accepted"), [(DEFAULT_COMMENT_LIMIT, True), (501, False)])
def test_the_limit_counts_the_comment_after_stripping(app, length, accepted):
    """The boundary itself: 500 characters once surrounding space is stripped pass, 501 fail."""
    assert DEFAULT_COMMENT_LIMIT == 500
    comment = "  \r\n" + ("y" * 8 + "\r\n") * (length // 9) + "z" * (length % 9) + " \r\n"
    stored = comment.replace("\r\n", "\n").strip()
    assert len(stored) == length
    status, reply = call_json(app, {**NO_WITH_REASONS, "comment": comment, "lang": "es"})
    if accepted:
        assert status == "200 OK"
        [row] = app.store.rows()
        assert row["comment"] == stored
    else:
        assert status.startswith("400")
        assert reply["errors"] == {"comment": "Su comentario debe tener 500 caracteres o menos"}
        assert app.store.rows() == []


def test_the_component_and_the_receiver_share_the_comment_limit():
    assert get_spec("page_feedback").params["comment_limit"].default == DEFAULT_COMMENT_LIMIT


# --- bad input: refused, nothing stored, the form shown again with errors -----------------------

BAD_FIELDS = [
    pytest.param({**NO_WITH_REASONS, "helpful": "maybe"}, "helpful", id="unknown-helpful"),
    pytest.param({**NO_WITH_REASONS, "helpful": ["yes", "no"]}, "helpful", id="two-helpful"),
    pytest.param(
        {k: v for k, v in NO_WITH_REASONS.items() if k != "helpful"}, "helpful", id="no-helpful"
    ),
    pytest.param({**NO_WITH_REASONS, "reason": ["outdated", "spam"]}, "reason", id="bad-reason"),
    pytest.param(
        {**NO_WITH_REASONS, "comment": "x" * (DEFAULT_COMMENT_LIMIT + 1)}, "comment", id="long"
    ),
]


@pytest.mark.parametrize(("fields", "field"), BAD_FIELDS)
def test_a_bad_field_is_refused_and_the_form_comes_back_with_its_error(app, db, fields, field):
    status, _, html = call(app, fields)
    assert status == "400 Bad Request"
    page = parse(html)
    summary = page.find(class_="uswds-components-page-feedback__errors")
    assert summary is not None
    # The reasons' group is `<id>-reasons` (page_feedback/hooks.py), its error `-reasons-error`.
    message = page.find(id=f"page-feedback-{'reasons' if field == 'reason' else field}-error")
    assert message is not None and message.get_text(strip=True)
    # The field, or its group's fieldset, names the message (components/fields.py).
    described = page.find_all(attrs={"aria-describedby": True})
    assert any(message["id"] in tag["aria-describedby"].split() for tag in described)
    invalid = page.find_all(attrs={"aria-invalid": "true"})
    assert all(message["id"] in tag["aria-describedby"] for tag in invalid)
    status, reply = call_json(app, fields)
    assert (status, reply["ok"]) == ("400 Bad Request", False)
    assert set(reply["errors"]) == {field}
    assert "uswds-components-page-feedback__errors" in reply["html"]
    assert rows_in(db) == 0


def test_the_errors_page_keeps_what_the_user_wrote(app):
    fields = {**NO_WITH_REASONS, "reason": ["missing", "spam"], "comment": "y" * 600}
    _, _, html = call(app, fields)
    page = parse(html)
    # HTML drops the newline right after <textarea>; html.parser keeps it.
    assert page.find("textarea").get_text().removeprefix("\n") == "y" * 600
    checked = [tag["value"] for tag in page.find_all("input", checked=True)]
    assert checked == ["missing"]
    assert {"reasons", "comment"} == {
        tag["id"].removeprefix("page-feedback-").removesuffix("-error")
        for tag in page.find_all(class_="usa-error-message")
    }


REFUSED = [
    pytest.param({"fields": {**NO_WITH_REASONS, "page_url": None}}, "400", id="no-page-url"),
    pytest.param({"fields": {**NO_WITH_REASONS, "page_url": ""}}, "400", id="empty-page-url"),
    pytest.param(
        {"fields": {**NO_WITH_REASONS, "page_url": "javascript:alert(1)"}}, "400", id="js-url"
    ),
    pytest.param(
        {"fields": {**NO_WITH_REASONS, "page_url": "mailto:a@example.gov"}}, "400", id="mailto"
    ),
    pytest.param(
        {"fields": {**NO_WITH_REASONS, "page_url": "ftp://example.gov/"}}, "400", id="ftp"
    ),
    pytest.param(
        {"fields": {**NO_WITH_REASONS, "page_url": "/" + "a" * 3000}}, "400", id="long-url"
    ),
    pytest.param({"fields": {**NO_WITH_REASONS, "step": "done"}}, "400", id="unknown-step"),
    pytest.param({"body": b"page_url=/&helpful=yes&" + b"x" * 100_000}, "413", id="oversized"),
    pytest.param({"body": b"page_url=%FF&helpful=yes"}, "400", id="not-utf8"),
    pytest.param({"content_length": ""}, "411", id="no-length"),
    pytest.param({"content_length": "-5"}, "400", id="negative-length"),
    pytest.param({"content_type": "multipart/form-data; boundary=x"}, "415", id="multipart"),
    pytest.param({"content_type": "application/json"}, "415", id="json-body"),
    pytest.param({"method": "GET"}, "405", id="get"),
]


@pytest.mark.parametrize(("request_kwargs", "code"), REFUSED)
def test_a_refused_request_gets_a_clear_message_and_stores_nothing(app, db, request_kwargs, code):
    kwargs = dict(request_kwargs)
    fields = kwargs.pop("fields", dict(NO_WITH_REASONS))
    fields = {k: v for k, v in fields.items() if v is not None}
    status, headers, html = call(app, fields, **kwargs)
    assert status.startswith(code)
    alert = parse(html).find(class_="usa-alert--error")
    assert alert is not None and "could not be sent" in alert.get_text()
    if code == "405":
        assert headers["Allow"] == "POST"
    status, reply = call_json(app, fields, **kwargs)
    assert status.startswith(code)
    assert reply["ok"] is False and reply["state"] == "error"
    assert "could not be sent" in reply["message"]
    assert rows_in(db) == 0


def test_an_oversized_body_is_refused_before_it_is_read(db):
    app = FeedbackApp(db, max_body_bytes=100)
    status, _, _ = call(app, body=b"", content_length="101")  # nothing to read: not waited for
    assert status == "413 Content Too Large"
    assert rows_in(db) == 0


def test_the_honeypot_is_thanked_and_nothing_is_stored(app, db):
    status, reply = call_json(app, {**NO_WITH_REASONS, "website": "http://spam.example"})
    assert (status, reply["state"]) == ("200 OK", "thanks")
    assert rows_in(db) == 0


# --- CSRF ------------------------------------------------------------------------------------


def test_double_submit_csrf(db):
    csrf = double_submit_cookie("csrf", secret="a-test-secret-of-32-characters!!")
    app = FeedbackApp(db, csrf=csrf, csrf_field="_csrf")
    cookie, token = csrf.issue()
    fields = {**NO_WITH_REASONS, "reason": "bogus", "_csrf": token}
    for cookie_header, extra in [
        (None, {}),  # no cookie
        ("csrf=other", {}),  # another cookie's token
        ("csrf=", {"_csrf": ""}),  # both empty
        (f"csrf={cookie}", {"_csrf": None}),  # no field
        (f"csrf={cookie}", {"_csrf": cookie}),  # the cookie itself as the token: not signed
    ]:
        sent = {k: v for k, v in {**fields, **extra}.items() if v is not None}
        status, _, html = call(app, sent, cookie=cookie_header)
        assert status == "403 Forbidden", cookie_header
        assert "form has expired" in html
    assert rows_in(db) == 0
    # A valid token: the errors page carries it on, so the corrected form passes too.
    status, _, html = call(app, fields, cookie=f"theme=dark; csrf={cookie}")
    assert status == "400 Bad Request"
    assert parse(html).find("input", attrs={"name": "_csrf"})["value"] == token
    status, _, _ = call(app, {**fields, "reason": "missing"}, cookie=f"csrf={cookie}")
    assert status == "200 OK"
    assert rows_in(db) == 1


def test_a_caller_supplied_csrf_verifier(db):
    seen = []

    def verify(environ, token):
        seen.append((environ["PATH_INFO"], token))
        return token == "ok"

    app = FeedbackApp(db, csrf=verify)
    assert call(app, {**NO_WITH_REASONS, "csrf_token": "no"})[0] == "403 Forbidden"
    assert call(app, {**NO_WITH_REASONS, "csrf_token": "ok"})[0] == "200 OK"
    assert seen == [("/feedback", "no"), ("/feedback", "ok")]
    assert rows_in(db) == 1


# --- configuration -----------------------------------------------------------------------------


def test_custom_reasons_per_language(db):
    app = FeedbackApp(
        db,
        reasons={
            "en": [{"value": "jargon", "text": "uses jargon"}],
            "es": [{"value": "jargon", "text": "usa jerga"}],
        },
        comment=False,
    )
    _, _, html = call(app, {"page_url": "/", "lang": "es", "step": "ask", "helpful": "no"})
    page = parse(html)
    assert [label.get_text() for label in page.find_all("label", class_="usa-checkbox__label")] == [
        "usa jerga"
    ]
    assert page.find("textarea") is None
    assert call(app, {**NO_WITH_REASONS, "reason": "outdated"})[0] == "400 Bad Request"
    assert call(app, {**NO_WITH_REASONS, "reason": "jargon"})[0] == "200 OK"
    [row] = app.store.rows()
    assert (row["reasons"], row["comment"]) == (["jargon"], "")  # comment off: not stored


def test_duplicate_reasons_are_refused_when_the_app_is_made(db):
    with pytest.raises(ComponentError, match="duplicate 'a'"):
        FeedbackApp(db, reasons=[{"value": "a", "text": "A"}, {"value": "a", "text": "B"}])


def test_the_default_database_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("USWDS_FEEDBACK_DB", str(tmp_path / "env.sqlite3"))
    app = FeedbackApp()
    assert app.store.path == tmp_path / "env.sqlite3"
    assert call(app, {"page_url": "/", "helpful": "yes"})[0] == "200 OK"
    assert rows_in(tmp_path / "env.sqlite3") == 1


def test_the_database_uses_wal(app, db):
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_next_form_posts_to_the_configured_action_never_the_request_path(app, db):
    fields = {"page_url": "/", "step": "ask", "helpful": "no"}
    for path in ("/fb/x", "//evil.example", "/\\evil.example"):
        page = parse(call(app, fields, path=path)[2])
        assert page.find("form")["action"] == "/feedback"  # the default
    configured = FeedbackApp(db, action="/site/feedback/")
    page = parse(call(configured, fields, path="//evil.example")[2])
    assert page.find("form")["action"] == "/site/feedback/"
    with pytest.raises(ValueError, match=r"action '//evil\.example'"):
        FeedbackApp(db, action="//evil.example")


def test_json_is_answered_only_to_a_request_that_prefers_it(app):
    fields = {"page_url": "/", "helpful": "yes"}
    assert call(app, fields, accept="application/json")[1]["Content-Type"] == "application/json"
    for accept in ("", "*/*", "text/html, application/json"):
        assert call(app, fields, accept=accept)[1]["Content-Type"].startswith("text/html")


# --- concurrency and restarts, over real HTTP --------------------------------------------------


def http_post(url: str, fields: dict) -> int:
    data = urllib.parse.urlencode(fields, doseq=True).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def serve():
    servers = []

    def start(app):
        server = make_threaded_server(app)
        # shutdown() waits for the loop's next poll: 0.5 s by default.
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(server)
        return server, f"http://127.0.0.1:{server.server_port}/feedback"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_20_threads_of_50_posts_all_land(db, serve, record_property):
    _, url = serve(FeedbackApp(db, rate_limit=None))  # 1000 posts from one address
    failures: list[object] = []

    def worker(number: int) -> None:
        for index in range(50):
            fields = {**NO_WITH_REASONS, "comment": f"thread {number} post {index}"}
            try:
                status = http_post(url, fields)
            except OSError as error:  # a dropped connection is a failure, not a retry
                status = error
            if status != 200:
                failures.append(status)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(20)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    elapsed = time.perf_counter() - started
    record_property("seconds_for_1000_posts", round(elapsed, 2))
    print(f"\n1000 posts from 20 threads: {elapsed:.2f} s")
    assert failures == []
    assert rows_in(db) == 1000
    comments = {row["comment"] for row in FeedbackStore(db).rows()}
    assert len(comments) == 1000


def test_a_restart_loses_nothing(db, serve):
    server, url = serve(FeedbackApp(db, rate_limit=None))
    for index in range(25):
        assert http_post(url, {**NO_WITH_REASONS, "comment": f"before {index}"}) == 200
    server.shutdown()
    server.server_close()
    # A new process would see the same: the file is all there is.
    _, url = serve(FeedbackApp(db, rate_limit=None))
    assert rows_in(db) == 25
    for index in range(25):
        assert http_post(url, {"page_url": "/", "helpful": "yes", "comment": f"after {index}"})
    rows = FeedbackStore(db).rows()
    assert len(rows) == 50
    assert [row["id"] for row in rows] == list(range(1, 51))


# --- CSV export -------------------------------------------------------------------------------


def test_csv_export_guards_against_formula_injection(app, db, tmp_path, capsys):
    for comment in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "plain, “quoted” ñ"):
        assert call(app, {**NO_WITH_REASONS, "comment": comment})[0] == "200 OK"
    assert call(app, {**NO_WITH_REASONS, "page_url": "=cmd|' /C calc'!A0"})[0] == "200 OK"
    out = tmp_path / "out.csv"
    assert feedback_main(["export", str(db), str(out)]) == 0
    assert "Exported 6 rows" in capsys.readouterr().err
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads ñ right
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["comment"] for row in rows[:5]] == [
        '\'=HYPERLINK("http://x")',
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "plain, “quoted” ñ",
    ]
    assert rows[5]["page_url"] == "'=cmd|' /C calc'!A0"
    assert rows[0]["reasons"] == "outdated; missing"
    assert list(rows[0]) == [
        "id",
        "created_at",
        "page_url",
        "helpful",
        "reasons",
        "comment",
        "lang",
    ]
    assert export_csv(db, tmp_path / "again.csv") == 6
    assert safe_cell(7) == 7 and safe_cell("\tx") == "'\tx"


def test_csv_export_to_standard_output(app, db, capsys):
    call(app, {"page_url": "/", "helpful": "yes"})
    assert feedback_main(["export", str(db), "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0] == "id,created_at,page_url,helpful,reasons,comment,lang"
    assert len(captured.out.splitlines()) == 2


def test_csv_export_of_a_missing_database_fails_clearly(tmp_path, capsys):
    with pytest.raises(SystemExit):
        feedback_main(["export", str(tmp_path / "nope.sqlite3"), str(tmp_path / "o.csv")])
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "nope.sqlite3").exists()
