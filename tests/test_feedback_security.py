"""The receiver's defences (issue #17): CSRF, cross-site posts, page_url, body limits, refusals in
the form's language, idempotent retries, rate limits, store failures, health, logs and headers.

Every test runs the WSGI app on a real SQLite file; store failures are real too (a lock held by
another connection, a trigger that aborts the insert). Where a check could pass vacuously, the
test also shows the broken case it catches.
"""

from __future__ import annotations

import http.cookies
import json
import logging
import re
import sqlite3
import time
import urllib.parse
import uuid

import jinja2
import pytest
from conftest import parse
from feedback_helpers import call
from markupsafe import Markup

from uswds_components import get_spec
from uswds_components.components.page_feedback.hooks import page_url_problem
from uswds_components.feedback import FeedbackApp, FeedbackStore, StoreUnavailable
from uswds_components.feedback import app as app_module
from uswds_components.feedback.app import (
    CSRF_COOKIE,
    DoubleSubmitCookie,
    double_submit_cookie,
    parse_cookies,
)
from uswds_components.page import page

ERRORS = {lang: get_spec("page_feedback").strings[lang]["errors"] for lang in ("en", "es")}
SECRET = "a-test-secret-that-is-long-enough"
YES = {"page_url": "/about/", "lang": "en", "form_id": "page-feedback", "helpful": "yes"}
NO = {
    "page_url": "/about/",
    "lang": "es",
    "form_id": "page-feedback",
    "step": "reasons",
    "helpful": "no",
    "reason": "outdated",
    "comment": "La tabla de tarifas es de 2019.",
}


def call_json(app: FeedbackApp, fields: dict | None = None, **kwargs) -> tuple[str, dict, dict]:
    status, headers, text = call(app, fields, accept="application/json", **kwargs)
    assert headers["Content-Type"] == "application/json"
    return status, headers, json.loads(text)


def alert_text(html: str) -> str:
    return parse(html).find(class_="usa-alert--error").get_text(strip=True)


def rows(db) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT page_url, helpful, comment, lang, submission_id FROM page_feedback"
        ).fetchall()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "feedback.sqlite3"


@pytest.fixture
def app(db):
    return FeedbackApp(db)


# --- 1, 2. CSRF: lenient cookies, signed tokens, __Host- -----------------------------------------


def test_cookies_are_read_one_pair_at_a_time():
    header = 'x=a b; csrf_token=T; quoted="v"; bare; =nameless; dup=1; dup=2'
    assert parse_cookies(header) == {
        "x": ["a b"],
        "csrf_token": ["T"],
        "quoted": ["v"],
        "dup": ["1", "2"],
    }
    # The case that matters: the standard library drops the whole header over one bad pair.
    standard = http.cookies.SimpleCookie()
    standard.load("x=a b; csrf_token=T")
    assert "csrf_token" not in standard


def test_a_token_passes_beside_a_cookie_the_standard_library_cannot_read(db):
    csrf = double_submit_cookie(secret=SECRET)
    app = FeedbackApp(db, csrf=csrf)
    cookie, token = csrf.issue()
    header = f"x=a b; {CSRF_COOKIE}={cookie}; theme=dark"
    assert call(app, {**YES, "csrf_token": token}, HTTP_COOKIE=header)[0] == "200 OK"
    assert len(rows(db)) == 1


@pytest.mark.parametrize(
    ("cookie_header", "token_of", "why"),
    [
        ("{name}={cookie}; {name}={cookie}", "cookie", "the cookie twice"),
        ("{name}={cookie}; {name}=planted", "cookie", "a planted second cookie"),
        ("{name}={cookie}", "made-up", "a made-up token equal to its cookie"),
        ("{name}={cookie}", "other-secret", "signed with another secret"),
        ("{name}={cookie}", "other-cookie", "another cookie's token"),
        ("csrf_token={cookie}", "cookie", "the cookie without the __Host- prefix"),
        ("", "cookie", "no cookie"),
    ],
)
def test_csrf_refusals(db, cookie_header, token_of, why):
    csrf = double_submit_cookie(secret=SECRET)
    app = FeedbackApp(db, csrf=csrf)
    cookie, token = csrf.issue()
    token = {
        "cookie": token,
        "made-up": cookie,
        "other-secret": double_submit_cookie(secret="another-secret-long-enough").token_for(cookie),
        "other-cookie": csrf.token_for("another-cookie"),
    }[token_of]
    header = cookie_header.format(name=CSRF_COOKIE, cookie=cookie)
    status, _, html = call(app, {**YES, "lang": "es", "csrf_token": token}, HTTP_COOKIE=header)
    assert status == "403 Forbidden", why
    assert alert_text(html) == ERRORS["es"]["csrf"]
    assert rows(db) == []


def test_an_unsigned_check_would_take_the_made_up_token(db):
    """The made-up pair above is no straw man: the old equality check let it through."""
    cookie = "attacker-chosen"

    def unsigned(environ, token):
        return token == parse_cookies(environ["HTTP_COOKIE"])[CSRF_COOKIE][0]

    app = FeedbackApp(db, csrf=unsigned)
    header = f"{CSRF_COOKIE}={cookie}"
    assert call(app, {**YES, "csrf_token": cookie}, HTTP_COOKIE=header)[0] == "200 OK"
    signed = FeedbackApp(db, csrf=double_submit_cookie(secret=SECRET))
    assert call(signed, {**YES, "csrf_token": cookie}, HTTP_COOKIE=header)[0] == "403 Forbidden"


def test_the_cookie_is_host_prefixed_and_the_app_secret_signs(db):
    csrf = double_submit_cookie()
    assert csrf.cookie_name == "__Host-csrf_token"
    # __Host- cookies are kept only when Secure, Path=/ and without Domain.
    assert DoubleSubmitCookie(secret=SECRET).set_cookie("v", max_age=3600) == (
        "__Host-csrf_token=v; Path=/; Secure; HttpOnly; SameSite=Lax; Max-Age=3600"
    )
    app = FeedbackApp(db, csrf=csrf, secret=SECRET)
    cookie, token = double_submit_cookie(secret=SECRET).issue()  # e.g. made by the page's code
    assert app.csrf.token_for(cookie) == token
    fields = {**YES, "csrf_token": token}
    assert call(app, fields, HTTP_COOKIE=f"{CSRF_COOKIE}={cookie}")[0] == "200 OK"
    with pytest.raises(ValueError, match="at least 16 bytes"):
        double_submit_cookie(secret="short")


def test_without_a_secret_the_environment_then_a_per_process_one_with_a_warning(
    monkeypatch, caplog
):
    monkeypatch.setenv("USWDS_FEEDBACK_SECRET", SECRET)
    assert double_submit_cookie().token_for("c") == double_submit_cookie(secret=SECRET).token_for(
        "c"
    )
    monkeypatch.delenv("USWDS_FEEDBACK_SECRET")
    monkeypatch.setattr(app_module, "_process_secret", None)
    with caplog.at_level(logging.WARNING, logger="uswds_components.feedback"):
        first = double_submit_cookie().token_for("c")
        assert double_submit_cookie().token_for("c") == first  # one per process, not per call
    warnings = [r for r in caplog.records if "for development only" in r.getMessage()]
    assert len(warnings) == 1
    assert first != double_submit_cookie(secret=SECRET).token_for("c")


# --- 3. cross-site posts -------------------------------------------------------------------------

OWN = "http://127.0.0.1"  # setup_testing_defaults: Host 127.0.0.1, scheme http


@pytest.mark.parametrize(
    ("headers", "allowed"),
    [
        pytest.param({}, True, id="no-headers-a-non-browser-client"),
        pytest.param({"HTTP_ORIGIN": OWN}, True, id="own-origin"),
        pytest.param({"HTTP_ORIGIN": "https://127.0.0.1"}, True, id="own-host-tls-at-a-proxy"),
        pytest.param({"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": OWN}, True, id="sfs"),
        pytest.param({"HTTP_SEC_FETCH_SITE": "none"}, True, id="typed-into-the-bar"),
        pytest.param({"HTTP_SEC_FETCH_SITE": "cross-site"}, False, id="cross-site"),
        pytest.param(
            {"HTTP_SEC_FETCH_SITE": "cross-site", "HTTP_ORIGIN": OWN}, False, id="cross-site-own"
        ),
        pytest.param({"HTTP_ORIGIN": "https://evil.example"}, False, id="foreign-origin"),
        pytest.param({"HTTP_ORIGIN": "http://127.0.0.1:8080"}, False, id="other-port"),
        pytest.param({"HTTP_ORIGIN": "null"}, False, id="null-origin"),
        pytest.param(
            {"HTTP_ORIGIN": "https://www.example.gov", "HTTP_SEC_FETCH_SITE": "cross-site"},
            True,
            id="allowed-origin",
        ),
    ],
)
def test_cross_site_posts_are_refused_in_the_forms_language(db, headers, allowed):
    app = FeedbackApp(db, allowed_origins=["https://WWW.example.gov:443"])
    status, _, html = call(app, NO, **headers)
    if allowed:
        assert status == "200 OK"
        assert len(rows(db)) == 1
    else:
        assert status == "403 Forbidden"
        assert alert_text(html) == ERRORS["es"]["cross_site"]
        status, _, reply = call_json(app, NO, **headers)
        assert (status, reply["state"], reply["message"]) == (
            "403 Forbidden",
            "error",
            ERRORS["es"]["cross_site"],
        )
        assert rows(db) == []


def test_the_cross_site_check_is_what_refuses(db):
    """With the check off, the same cross-site post is stored: the refusal above is its work."""
    app = FeedbackApp(db, check_origin=False)
    assert call(app, NO, HTTP_SEC_FETCH_SITE="cross-site")[0] == "200 OK"
    assert call(app, NO, HTTP_ORIGIN="https://evil.example")[0] == "200 OK"
    assert len(rows(db)) == 2
    with pytest.raises(ValueError, match="allowed_origins"):
        FeedbackApp(db, allowed_origins=["www.example.gov"])


# --- 4. render and store failures: a clean 5xx, in the form's language, nothing half-done --------


def test_a_page_renderer_that_fails_gets_a_clean_500_and_nothing_is_stored(db, caplog):
    def broken(content, lang, page_url):
        raise RuntimeError(f"no layout for {page_url}")

    app = FeedbackApp(db, page_renderer=broken)
    with caplog.at_level(logging.ERROR, logger="uswds_components.feedback"):
        status, headers, html = call(app, {**NO, "page_url": "/about/?q=private-query"})
    assert status == "500 Internal Server Error"
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert parse(html).find("html")["lang"] == "es"
    assert alert_text(html) == ERRORS["es"]["server_error"]
    assert rows(db) == []  # rendered first, stored last: no row behind a failed reply
    assert "rendering the reply failed: RuntimeError" in caplog.text
    assert "in broken" in caplog.text  # where it failed...
    assert "private-query" not in caplog.text  # ...not its message, which quotes the page


def test_an_environment_that_fails_gets_a_clean_json_500(db):
    app = FeedbackApp(db, environment=jinja2.Environment())  # no templates at all
    status, _, reply = call_json(app, NO)
    assert status == "500 Internal Server Error"
    assert reply == {
        "ok": False,
        "state": "error",
        "errors": {},
        "message": ERRORS["es"]["server_error"],
    }
    assert rows(db) == []


def test_a_store_that_fails_to_write_gets_a_clean_503(db, caplog):
    app = FeedbackApp(db)
    with sqlite3.connect(db) as connection:
        connection.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON page_feedback"
            " BEGIN SELECT RAISE(ABORT, 'disk says no'); END"
        )
    with caplog.at_level(logging.INFO, logger="uswds_components.feedback"):
        status, _, html = call(app, NO)
        assert status == "503 Service Unavailable"
        assert alert_text(html) == ERRORS["es"]["server_error"]
        status, _, reply = call_json(app, NO)
    assert (status, reply["message"]) == ("503 Service Unavailable", ERRORS["es"]["server_error"])
    assert rows(db) == []
    assert "disk says no" in caplog.text
    assert NO["comment"] not in caplog.text


def test_a_store_that_cannot_be_opened_fails_at_start_up_naming_the_path(tmp_path, monkeypatch):
    missing = tmp_path / "no-such-folder" / "feedback.sqlite3"
    with pytest.raises(StoreUnavailable, match=re.escape(str(missing))):
        FeedbackApp(missing)
    monkeypatch.delenv("USWDS_FEEDBACK_DB", raising=False)
    with pytest.raises(StoreUnavailable, match="USWDS_FEEDBACK_DB"):
        FeedbackApp()


# --- 5. page_url: paths on this site, or hosts in allowed_hosts ----------------------------------

ACCEPTED_URLS = [
    "/about/",
    "/a?b=1#c",
    "about/",
    "/%2F%2Fevil.example",  # an encoded slash is part of a path, not a new host
    "https://www.example.gov/benefits/",
    "HTTPS://WWW.EXAMPLE.GOV/x",
    "https://www.example.gov:8443/x",
]
REFUSED_URLS = [
    "//evil.example/x",
    " //evil.example/x",
    "/\\evil.example",
    "\\\\evil.example",
    "https:evil.example",
    "https:/evil.example",
    "https:///evil.example",
    "https://evil.example/",
    "https://www.example.gov.evil.example/",
    "https://www.example.gov@evil.example/",
    "https://www.example.gov:abc/",
    "/about/\r\nSet-Cookie: x=1",
    "/about/\n",
    "/a\x00b",
    "/a\tb",
    "/a\x7fb",
    "/a\x85b",
    "java\nscript:alert(1)",
    "javascript:alert(1)",
    "data:text/html,x",
    "mailto:a@example.gov",
    "",
]


@pytest.mark.parametrize("url", ACCEPTED_URLS)
def test_page_urls_on_this_site_or_an_allowed_host_are_stored(db, url):
    app = FeedbackApp(db, allowed_hosts=["www.example.gov"])
    assert call(app, {**YES, "page_url": url})[0] == "200 OK"
    assert rows(db)[0][0] == url


@pytest.mark.parametrize("url", REFUSED_URLS)
def test_page_urls_that_leave_the_site_or_hide_characters_are_refused(db, url):
    app = FeedbackApp(db, allowed_hosts=["www.example.gov"])
    status, _, html = call(app, {**YES, "lang": "es", "page_url": url})
    assert status == "400 Bad Request", url
    assert alert_text(html) == ERRORS["es"]["page_url"]
    assert rows(db) == []


def test_absolute_urls_need_allowed_hosts_and_the_component_shares_the_rule(db):
    app = FeedbackApp(db)  # no allowed_hosts: paths only
    assert call(app, {**YES, "page_url": "https://www.example.gov/"})[0] == "400 Bad Request"
    # The component has no host list; the rest of the rule is the same function.
    assert page_url_problem("https://www.example.gov/") is None
    for url in ("//evil.example/", "/\\evil.example", "https:evil.example", "/a\r\nb"):
        assert page_url_problem(url) is not None, url
        assert page_url_problem(url, {"evil.example"}) is not None, url


# --- 6. a busy store: a fast 503 with Retry-After, after validation ------------------------------


@pytest.fixture
def locked(db):
    """A store with a short busy timeout, and its database's write lock held by another
    connection."""
    store = FeedbackStore(db, busy_timeout=1.0)
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    yield store
    connection.execute("ROLLBACK")
    connection.close()
    store.close()


@pytest.mark.parametrize("rate_limit", [None, (30, 60.0)], ids=["add", "hit"])
def test_a_busy_store_answers_503_fast_with_retry_after(rate_limit, locked):
    app = FeedbackApp(locked, rate_limit=rate_limit)
    started = time.perf_counter()
    status, headers, html = call(app, NO)
    assert time.perf_counter() - started < 3  # the store's busy timeout, not a hang
    assert status == "503 Service Unavailable"
    assert int(headers["Retry-After"]) >= 1
    assert alert_text(html) == ERRORS["es"]["busy"]
    status, headers, reply = call_json(app, NO)
    assert (status, reply["message"]) == ("503 Service Unavailable", ERRORS["es"]["busy"])
    assert "Retry-After" in headers


def test_bad_input_is_refused_without_waiting_for_a_busy_store(db, locked):
    app = FeedbackApp(locked)
    started = time.perf_counter()
    status, _, _ = call(app, {**NO, "reason": "spam"})
    assert status == "400 Bad Request"  # validated before any store call: no 1 s wait
    assert call(app, {**NO, "step": "ask"})[0] == "200 OK"  # No → the reasons: nothing stored
    assert call(app, {**NO, "website": "spam"})[0] == "200 OK"  # the honeypot: nothing stored
    assert time.perf_counter() - started < 0.8
    assert rows(db) == []


# --- 8. the body limit follows comment_limit -----------------------------------------------------


@pytest.mark.parametrize("character", ["é", "€", "😀", "\n"])
def test_a_comment_at_the_largest_limit_fits_the_body_limit(db, character):
    app = FeedbackApp(db, comment_limit=5000, rate_limit=None)
    comment = "x\n" * 2499 + "xx" if character == "\n" else character * 5000
    assert len(comment) == 5000
    body = urllib.parse.urlencode({**NO, "comment": comment.replace("\n", "\r\n")}).encode()
    assert len(body) > 16 * 1024  # the old fixed limit would have answered 413
    status, _, _ = call(app, body=body)
    assert status == "200 OK"
    assert rows(db)[0][2] == comment
    over = urllib.parse.urlencode({**NO, "comment": comment + "x"}).encode()
    status, _, html = call(app, body=over)
    assert status == "400 Bad Request"  # the comment's own error, not 413
    assert "5000" in parse(html).find(id="page-feedback-comment-error").get_text()


def test_the_body_limit_still_refuses_more_than_a_browser_sends(db):
    app = FeedbackApp(db, comment_limit=100)
    assert app.max_body_bytes < 40_000
    status, _, html = call(app, body=b"x" * (app.max_body_bytes + 1), query="lang=es")
    assert status == "413 Content Too Large"
    assert alert_text(html) == ERRORS["es"]["too_large"]


# --- 9. every refusal in the form's language -----------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "code", "key"),
    [
        ({"method": "GET"}, "405", "bad_request"),
        ({"method": "PUT"}, "405", "bad_request"),
        ({"content_length": ""}, "411", "bad_request"),
        ({"content_length": "999999999"}, "413", "too_large"),
        ({"content_type": "text/plain"}, "415", "bad_request"),
        ({"body": b"page_url=%FF&helpful=yes"}, "400", "bad_request"),
    ],
)
def test_refusals_before_the_form_is_read_speak_the_query_strings_language(app, kwargs, code, key):
    for lang, query in (("es", "lang=es"), ("en", ""), ("en", "lang=fr")):
        status, headers, html = call(app, dict(YES), query=query, **kwargs)
        assert status.startswith(code)
        assert parse(html).find("html")["lang"] == lang
        assert alert_text(html) == ERRORS[lang][key]
        status, _, reply = call_json(app, dict(YES), query=query, **kwargs)
        assert reply["message"] == ERRORS[lang][key]
    if code == "405":
        assert headers["Allow"] == "POST"


def test_refusals_after_the_form_is_read_speak_the_forms_language(db):
    app = FeedbackApp(db, csrf=double_submit_cookie(secret=SECRET), rate_limit=(1, 60))
    # The form's field wins over the query string.
    status, _, html = call(app, NO, query="lang=en")
    assert status == "403 Forbidden" and alert_text(html) == ERRORS["es"]["csrf"]
    status, _, html = call(app, {**NO, "submission_id": "not-a-uuid"}, query="lang=en")
    assert status == "403 Forbidden"  # CSRF first; then the id's shape:
    free = FeedbackApp(db, rate_limit=None)
    status, _, html = call(free, {**NO, "submission_id": "not-a-uuid"})
    assert status == "400 Bad Request" and alert_text(html) == ERRORS["es"]["bad_request"]


# --- 12. a retried post is stored once -----------------------------------------------------------


def test_the_same_submission_id_twice_is_one_row_and_two_thanks(app, db):
    key = str(uuid.uuid4())
    first = call_json(app, {**NO, "submission_id": key})
    second = call(app, {**NO, "submission_id": key})  # the fallback's ordinary post
    assert first[0] == second[0] == "200 OK"
    assert first[2]["state"] == "thanks" and first[2]["message"] == "Gracias por sus comentarios"
    assert "Gracias por sus comentarios" in second[2]
    assert rows(db) == [("/about/", "no", NO["comment"], "es", key)]
    # Upper case is the same id; another id is another row; none at all (no JS) is stored.
    assert call(app, {**NO, "submission_id": key.upper()})[0] == "200 OK"
    assert call(app, {**NO, "submission_id": str(uuid.uuid4())})[0] == "200 OK"
    assert call(app, NO)[0] == "200 OK"
    assert len(rows(db)) == 3
    # Without the id the same retry is a second row: the id is what makes it one.
    assert call(app, NO)[0] == "200 OK"
    assert len(rows(db)) == 4


@pytest.mark.parametrize(
    "value",
    [
        "",
        "x",
        "12345678-1234-1234-1234-12345678901g",
        "6f1c2e9a-3b4d-4c5e-8f60-7a8b9c0d1e2f0",
        "' OR 1=1 --",
    ],
)
def test_a_submission_id_of_another_shape_is_refused(app, db, value):
    status, _, reply = call_json(app, {**NO, "submission_id": value})
    assert (status, reply["message"]) == ("400 Bad Request", ERRORS["es"]["bad_request"])
    key = str(uuid.uuid4())
    status, _, _ = call_json(app, {**NO, "submission_id": [key, key]})  # repeated
    assert status == "400 Bad Request"
    assert rows(db) == []


# --- rate limiting -------------------------------------------------------------------------------


def test_past_the_rate_limit_429_with_retry_after_in_the_forms_language(db):
    app = FeedbackApp(db, rate_limit=(2, 60.0))
    for _ in range(2):
        assert call(app, NO)[0] == "200 OK"
    status, headers, html = call(app, NO)
    assert status == "429 Too Many Requests"
    assert 1 <= int(headers["Retry-After"]) <= 60
    assert alert_text(html) == ERRORS["es"]["rate_limited"]
    status, _, reply = call_json(app, {**NO, "lang": "en"})
    assert (status, reply["message"]) == ("429 Too Many Requests", ERRORS["en"]["rate_limited"])
    assert len(rows(db)) == 2
    # Another address has its own allowance; bad input and the No step do not use any.
    assert call(app, NO, REMOTE_ADDR="192.0.2.7")[0] == "200 OK"
    assert call(app, {**NO, "reason": "spam"})[0] == "400 Bad Request"
    assert call(app, {**NO, "step": "ask"})[0] == "200 OK"
    # Shared through the database: a second app (another process) sees the same count.
    assert call(FeedbackApp(db, rate_limit=(2, 60.0)), NO)[0] == "429 Too Many Requests"
    assert call(FeedbackApp(db, rate_limit=None), NO)[0] == "200 OK"


def test_a_proxy_header_counts_only_when_configured_right_most_untrusted_hop(db):
    proxied = {"REMOTE_ADDR": "10.0.0.1"}
    # Not configured: X-Forwarded-For is anyone's to write, so it changes nothing.
    app = FeedbackApp(db, rate_limit=(1, 60.0))
    assert call(app, NO, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxied)[0] == "200 OK"
    assert call(app, NO, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxied)[0].startswith("429")

    app = FeedbackApp(
        tmp_db := db.with_name("proxied.sqlite3"),
        rate_limit=(1, 60.0),
        trusted_proxy_header="X-Forwarded-For",
        trusted_proxies=["10.0.0.0/8"],
    )
    # The client writes the left part; our proxies append the right part.
    chain = "{spoof}, 203.0.113.5, 10.0.0.2"
    assert call(app, NO, HTTP_X_FORWARDED_FOR=chain.format(spoof="1.1.1.1"), **proxied)[0] == (
        "200 OK"
    )
    again = call(app, NO, HTTP_X_FORWARDED_FOR=chain.format(spoof="2.2.2.2"), **proxied)
    assert again[0] == "429 Too Many Requests"  # a new spoofed hop is the same client
    other = call(app, NO, HTTP_X_FORWARDED_FOR="203.0.113.6, 10.0.0.2", **proxied)
    assert other[0] == "200 OK"
    # IPv6: one client holds a /64.
    v6 = {"HTTP_X_FORWARDED_FOR": "2001:db8:1:2::1"}
    assert call(app, NO, **v6, **proxied)[0] == "200 OK"
    v6_next = {"HTTP_X_FORWARDED_FOR": "[2001:db8:1:2::99]:4431"}
    assert call(app, NO, **v6_next, **proxied)[0] == "429 Too Many Requests"
    # A peer that is not one of the proxies is the client, whatever header it sends.
    direct = {"REMOTE_ADDR": "198.51.100.9", "HTTP_X_FORWARDED_FOR": "203.0.113.77"}
    assert call(app, NO, **direct)[0] == "200 OK"
    assert call(app, NO, **{**direct, "HTTP_X_FORWARDED_FOR": "203.0.113.78"})[0].startswith("429")
    assert len(rows(tmp_db)) == 4
    # No proxies listed: the peer is the proxy, the header's last hop the client.
    one_proxy = FeedbackApp(
        db.with_name("one-proxy.sqlite3"),
        rate_limit=(1, 60.0),
        trusted_proxy_header="X-Forwarded-For",
    )
    assert call(one_proxy, NO, HTTP_X_FORWARDED_FOR="9.9.9.9, 203.0.113.5", **proxied)[0] == (
        "200 OK"
    )
    assert call(one_proxy, NO, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxied)[0].startswith("429")
    assert call(one_proxy, NO, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxied)[0] == "200 OK"


# --- /healthz ------------------------------------------------------------------------------------


def test_healthz(db):
    app = FeedbackApp(FeedbackStore(db, busy_timeout=0.2))
    status, headers, text = call(app, method="GET", path="/healthz")
    assert (status, json.loads(text)) == ("200 OK", {"ok": True})
    assert headers["Cache-Control"] == "no-store"
    # Relative to where the app is mounted.
    assert call(app, method="GET", path="/healthz", SCRIPT_NAME="/feedback")[0] == "200 OK"
    assert call(app, method="GET", path="/feedback")[0] == "405 Method Not Allowed"
    with sqlite3.connect(db, isolation_level=None) as connection:
        connection.execute("BEGIN IMMEDIATE")  # the store cannot write now
        status, _, text = call(app, method="GET", path="/healthz")
        connection.execute("ROLLBACK")
    assert (status, json.loads(text)) == ("503 Service Unavailable", {"ok": False})
    custom = FeedbackApp(db, health_path="/status")
    assert call(custom, method="GET", path="/status")[0] == "200 OK"
    assert call(custom, method="GET", path="/healthz")[0] == "405 Method Not Allowed"


# --- logging -------------------------------------------------------------------------------------


def test_one_log_line_per_request_without_what_was_written(db, caplog):
    app = FeedbackApp(db, rate_limit=(3, 60.0))
    secret_comment = "My SSN is 078-05-1120"
    page_url = "/about/?token=s3cr3t-query"
    fields = {**NO, "comment": secret_comment, "page_url": page_url}
    with caplog.at_level(logging.INFO, logger="uswds_components.feedback"):
        call(app, fields)  # stored
        call(app, {**fields, "reason": "spam"})  # invalid
        call(app, fields, HTTP_ORIGIN="https://evil.example")  # refused
        call(app, fields)
        call(app, fields)
        call(app, fields)  # rate limited
        call(app, method="GET", path="/healthz")
    records = [r for r in caplog.records if r.name == "uswds_components.feedback"]
    assert [(r.feedback["outcome"], r.feedback["status"]) for r in records] == [
        ("stored", 200),
        ("invalid", 400),
        ("refused:cross_site", 403),
        ("stored", 200),
        ("stored", 200),
        ("refused:rate_limited", 429),
        ("health", 200),
    ]
    assert all(r.feedback["lang"] == "es" for r in records[:-1])
    assert all(r.feedback["duration_ms"] >= 0 for r in records)
    assert "outcome=stored status=200 lang=es duration_ms=" in records[0].getMessage()
    logged = caplog.text + "".join(repr(r.__dict__) for r in records)
    for private in (secret_comment, "s3cr3t-query", "078-05"):
        assert private not in logged
    assert secret_comment in rows(db)[0][2]  # it was there to leak


# --- headers of HTML replies ---------------------------------------------------------------------


def layout_renderer(content: Markup, lang: str, page_url: str | None, nonce: str | None = None):
    """The package's own layout (USWDS scripts in it), as the Flask and Django renderers do."""
    return str(page(title="Page feedback", lang=lang, content=content, nonce=nonce))


def test_html_replies_carry_a_csp_whose_nonce_the_pages_scripts_have(db):
    app = FeedbackApp(db, page_renderer=layout_renderer)
    nonces = []
    for fields in (YES, {**YES, "helpful": "maybe"}, {**YES, "page_url": "//evil"}):
        _, headers, html = call(app, fields)
        csp = headers["Content-Security-Policy"]
        [nonce] = re.findall(r"'nonce-([A-Za-z0-9+/=]+)'", csp)
        nonces.append(nonce)
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        assert "script-src 'nonce-" in csp and "unsafe-inline" not in csp
        scripts = parse(html).find_all("script")
        assert len(scripts) >= 2 and all(s.get("nonce") == nonce for s in scripts)
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "same-origin"
        assert headers["X-Frame-Options"] == "DENY"
    assert len(set(nonces)) == 3  # a new one per reply
    _, headers, _ = call_json(app, YES)
    assert "Content-Security-Policy" not in headers and headers["X-Content-Type-Options"]


def test_a_renderer_without_the_nonce_is_caught(db):
    """A page renderer that leaves the nonce out would have its scripts blocked: the check above
    would see scripts without it (Chromium refusing them is in the browser tests)."""

    def without_nonce(content, lang, page_url):
        return layout_renderer(content, lang, page_url)

    _, headers, html = call(FeedbackApp(db, page_renderer=without_nonce), YES)
    assert "'nonce-" in headers["Content-Security-Policy"]
    assert all(s.get("nonce") is None for s in parse(html).find_all("script"))


def test_the_csp_allows_assets_served_from_another_host(db):
    app = FeedbackApp(db, assets_url="https://cdn.example.gov/uswds-3.14.0")
    csp = call(app, YES)[1]["Content-Security-Policy"]
    assert "default-src 'self' https://cdn.example.gov;" in csp
    assert "form-action 'self';" in csp
    absolute = FeedbackApp(db, action="https://feedback.example.gov/f")
    assert (
        "form-action 'self' https://feedback.example.gov;"
        in call(absolute, YES)[1]["Content-Security-Policy"]
    )
