"""The feedback receiver: a dependency-free WSGI application for the page_feedback form."""

from __future__ import annotations

import base64
import hashlib
import hmac
import inspect
import ipaddress
import json
import logging
import math
import os
import re
import secrets
import threading
import time
import traceback
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jinja2
from markupsafe import Markup

from ..components.page_feedback.hooks import (
    HONEYPOT_FIELD,
    check_reasons,
    default_reasons,
    page_url_problem,
)
from ..environment import create_environment, render_in
from ..registry import get_spec
from .store import Store, StoreBusy, StoreError, StoreUnavailable, Submission, open_store

Environ = Mapping[str, Any]
StartResponse = Callable[..., Any]
CsrfVerifier = Callable[[Environ, str | None], bool]
# (content, lang, page_url) -> HTML; a renderer that also takes `nonce=` gets the CSP nonce.
PageRenderer = Callable[..., str]

logger = logging.getLogger("uswds_components.feedback")

LANGUAGES = ("en", "es")
DEFAULT_COMMENT_LIMIT = 500
MAX_COMMENT_LIMIT = 5000  # the component's own maximum
DEFAULT_ACTION = "/feedback"
DEFAULT_HEALTH_PATH = "/healthz"
DEFAULT_RATE_LIMIT = (30, 60.0)  # posts that would store, per client address, per 60 s
CSRF_COOKIE = "__Host-csrf_token"
SECRET_ENV = "USWDS_FEEDBACK_SECRET"
BUSY_RETRY_AFTER = 2  # seconds: a write lock held past the store's busy timeout clears fast

# The body limit, derived from comment_limit: a code point is up to 4 UTF-8 bytes, each sent
# as "%XX", so 12 bytes (a counted line break is CRLF, "%0D%0A": 6). page_url (2048 characters)
# likewise; the other fields (names, lang, form_id, step, helpful, the honeypot, a CSRF token,
# submission_id) fit in the rest.
_BYTES_PER_CHARACTER = 12
_URL_LIMIT = 2048
_OTHER_FIELDS_BYTES = 4096


def max_body_bytes_for(comment_limit: int, reason_values: Iterable[str] = ()) -> int:
    """The largest form body a browser can send for `comment_limit` and these reasons."""
    reasons = sum(len("&reason=") + 3 * len(value) for value in reason_values)
    return (comment_limit + _URL_LIMIT) * _BYTES_PER_CHARACTER + reasons + _OTHER_FIELDS_BYTES


DEFAULT_MAX_BODY_BYTES = max_body_bytes_for(
    DEFAULT_COMMENT_LIMIT,
    ["confusing", "outdated", "missing", "broken_links", "not_applicable", "other"],
)
_FORM_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
_SUBMISSION_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_COOKIE_NAME = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
_REASONS = Sequence[Mapping[str, str]]


# --- CSRF: a signed double-submit cookie --------------------------------------------------------


def new_csrf_token() -> str:
    """A random value for the CSRF cookie (the form gets its signature, see DoubleSubmitCookie)."""
    return secrets.token_urlsafe(32)


def parse_cookies(header: str) -> dict[str, list[str]]:
    """A Cookie header's values by name, one `name=value` pair at a time.

    Lenient where http.cookies is not: a pair it cannot read (`x=a b`) is kept or skipped on
    its own instead of dropping the whole header. Every value of a repeated name is kept, so a
    caller can refuse the repeat.
    """
    cookies: dict[str, list[str]] = {}
    for pair in header.split(";"):
        name, sep, value = pair.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name:
            continue
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        cookies.setdefault(name, []).append(value)
    return cookies


_process_secret: bytes | None = None
_process_secret_lock = threading.Lock()


def _default_secret() -> bytes:
    """$USWDS_FEEDBACK_SECRET, else one random secret for this process (development only)."""
    global _process_secret
    configured = os.environ.get(SECRET_ENV)
    if configured:
        return _secret_bytes(configured)
    with _process_secret_lock:
        if _process_secret is None:
            logger.warning(
                "page_feedback: no CSRF secret (secret= or $%s); using a random one for this "
                "process only. Tokens will not survive a restart or work across processes: "
                "for development only.",
                SECRET_ENV,
            )
            _process_secret = secrets.token_bytes(32)
        return _process_secret


def _secret_bytes(secret: str | bytes) -> bytes:
    raw = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
    if len(raw) < 16:
        raise ValueError("the CSRF secret must be at least 16 bytes (e.g. secrets.token_hex(32))")
    return raw


class DoubleSubmitCookie:
    """A CSRF verifier: the form's token must be the HMAC of the `cookie_name` cookie's value.

    The cookie holds a random value; the form holds its signature under a server secret, so a
    cookie and token an attacker made up (say, through a sibling subdomain) do not match, even
    equal ones. The default name has the `__Host-` prefix: browsers accept that cookie only
    with `Secure`, `Path=/` and no `Domain`, so no other host can set it. A repeated cookie
    name (one way to plant a second value) is refused.
    """

    def __init__(self, cookie_name: str = CSRF_COOKIE, *, secret: str | bytes | None = None):
        if not _COOKIE_NAME.match(cookie_name):
            raise ValueError(f"not a cookie name: {cookie_name!r}")
        self.cookie_name = cookie_name
        self._secret = _secret_bytes(secret) if secret is not None else None

    @property
    def has_secret(self) -> bool:
        return self._secret is not None

    def with_secret(self, secret: str | bytes) -> DoubleSubmitCookie:
        """The same verifier with `secret` (FeedbackApp's `secret=` fills in a missing one)."""
        return DoubleSubmitCookie(self.cookie_name, secret=secret)

    def token_for(self, cookie_value: str) -> str:
        """The form token for a cookie value: its HMAC-SHA256 under the secret."""
        key = self._secret if self._secret is not None else _default_secret()
        message = b"uswds-components page_feedback csrf\0" + cookie_value.encode("utf-8")
        digest = hmac.new(key, message, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")

    def issue(self) -> tuple[str, str]:
        """A new `(cookie_value, form_token)` pair for a page."""
        value = new_csrf_token()
        return value, self.token_for(value)

    def set_cookie(self, cookie_value: str, *, max_age: int | None = None) -> str:
        """A Set-Cookie header value for `cookie_value` (Secure, Path=/: what `__Host-` needs)."""
        attributes = [f"{self.cookie_name}={cookie_value}", "Path=/", "Secure", "HttpOnly"]
        attributes.append("SameSite=Lax")
        if max_age is not None:
            attributes.append(f"Max-Age={int(max_age)}")
        return "; ".join(attributes)

    def __call__(self, environ: Environ, token: str | None) -> bool:
        values = parse_cookies(environ.get("HTTP_COOKIE", "")).get(self.cookie_name, [])
        if not token or len(values) != 1 or not values[0] or len(values[0]) > 256:
            return False
        return hmac.compare_digest(token.encode(), self.token_for(values[0]).encode())


def double_submit_cookie(
    cookie_name: str = CSRF_COOKIE, *, secret: str | bytes | None = None
) -> DoubleSubmitCookie:
    """A signed double-submit CSRF verifier (see DoubleSubmitCookie)."""
    return DoubleSubmitCookie(cookie_name, secret=secret)


# --- the receiver --------------------------------------------------------------------------------


class BadRequest(Exception):
    """A request refused before any field can be shown with an error."""

    def __init__(
        self,
        status: str,
        message_key: str,
        headers: Sequence[tuple[str, str]] = (),
        lang: str | None = None,
    ):
        super().__init__(status)
        self.status = status
        self.message_key = message_key
        self.headers = list(headers)
        self.lang = lang


@dataclass
class _Outcome:
    status: str
    state: str  # ask, reasons, thanks, or "error" (no form: the request itself was refused)
    lang: str
    page_url: str | None
    params: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    message: str | None = None
    headers: list[tuple[str, str]] = field(default_factory=list)
    event: str = "refused"  # for the log line
    submission: Submission | None = None  # stored after the reply is rendered
    client: str | None = None  # the rate limit's key


def _strings(lang: str) -> Mapping[str, Any]:
    return get_spec("page_feedback").strings[lang]


def _refusal(status: str, key: str, lang: str, headers: Sequence[tuple[str, str]] = ()) -> _Outcome:
    return _Outcome(
        status,
        "error",
        lang,
        None,
        message=_strings(lang)["errors"][key],
        headers=list(headers),
        event=f"refused:{key}",
    )


class FeedbackApp:
    """WSGI app: validates a page_feedback submission, stores it, answers with the next state.

    Give it the same `reasons`, `comment` and `comment_limit` as the component, and the
    component's `action` as `action`. Answers JSON when the request accepts `application/json`
    and not `text/html` (the script), else HTML: a minimal page holding the component in its
    next state (override with `page_renderer`). See the README's "The feedback receiver".
    """

    def __init__(
        self,
        db: str | os.PathLike[str] | Store | None = None,
        *,
        reasons: _REASONS | Mapping[str, _REASONS] | None = None,
        comment: bool = True,
        comment_limit: int = DEFAULT_COMMENT_LIMIT,
        max_body_bytes: int | None = None,
        csrf: CsrfVerifier | None = None,
        csrf_field: str = "csrf_token",
        secret: str | bytes | None = None,
        action: str | None = None,
        allowed_hosts: Collection[str] = (),
        allowed_origins: Collection[str] = (),
        check_origin: bool = True,
        rate_limit: tuple[int, float] | None = DEFAULT_RATE_LIMIT,
        trusted_proxy_header: str | None = None,
        trusted_proxies: Collection[str] = (),
        health_path: str | None = DEFAULT_HEALTH_PATH,
        environment: jinja2.Environment | None = None,
        assets_url: str = "/assets/uswds",
        page_renderer: PageRenderer | None = None,
    ) -> None:
        if not 1 <= comment_limit <= MAX_COMMENT_LIMIT:
            raise ValueError(f"comment_limit must be 1-{MAX_COMMENT_LIMIT}, got {comment_limit}")
        if rate_limit is not None and (rate_limit[0] < 1 or rate_limit[1] <= 0):
            raise ValueError(f"rate_limit must be (posts >= 1, seconds > 0), got {rate_limit}")
        self.action = action if action is not None else DEFAULT_ACTION
        problem = page_url_problem(self.action)
        if problem:
            raise ValueError(f"action {self.action!r}: {problem}")
        self._reasons = {lang: self._reasons_for(reasons, lang) for lang in LANGUAGES}
        self.comment = comment
        self.comment_limit = comment_limit
        values = {reason["value"] for lang in LANGUAGES for reason in self._reasons[lang]}
        self.max_body_bytes = (
            max_body_bytes
            if max_body_bytes is not None
            else max_body_bytes_for(comment_limit, sorted(values))
        )
        self._max_fields = 16 + max(len(self._reasons[lang]) for lang in LANGUAGES)
        if isinstance(csrf, DoubleSubmitCookie) and not csrf.has_secret and secret is not None:
            csrf = csrf.with_secret(secret)
        self.csrf = csrf
        self.csrf_field = csrf_field
        self.allowed_hosts = frozenset(host.lower() for host in allowed_hosts)
        self.allowed_origins = frozenset(_checked_origin(origin) for origin in allowed_origins)
        self.check_origin = check_origin
        self.rate_limit = rate_limit
        self.trusted_proxy_header = trusted_proxy_header
        self._proxy_key = (
            "HTTP_" + trusted_proxy_header.upper().replace("-", "_")
            if trusted_proxy_header
            else None
        )
        self.trusted_proxies = tuple(
            ipaddress.ip_network(proxy, strict=False) for proxy in trusted_proxies
        )
        if health_path is not None and not health_path.startswith("/"):
            raise ValueError(f"health_path must start with '/', got {health_path!r}")
        self.health_path = health_path
        self.environment = environment or create_environment(assets_url=assets_url)
        self.assets_url = assets_url.rstrip("/")
        self.page_renderer = page_renderer or self._minimal_page
        self._csp_sources = _asset_sources(self.environment, self.assets_url)
        try:
            self.store = open_store(db)
        except StoreError as error:
            # At start-up, not at the first submission; the store's message names the path.
            raise StoreUnavailable(f"FeedbackApp: cannot open the feedback store: {error}") from (
                error
            )

    @staticmethod
    def _reasons_for(reasons: Any, lang: str) -> list[dict[str, str]]:
        if reasons is None:
            return default_reasons(lang)
        chosen = reasons.get(lang, reasons.get("en")) if isinstance(reasons, Mapping) else reasons
        checked = [{"value": r["value"], "text": r["text"]} for r in chosen]
        check_reasons(checked, "feedback")
        return checked

    # --- WSGI --------------------------------------------------------------------------------

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        started = time.perf_counter()
        method = environ.get("REQUEST_METHOD", "GET").upper()
        health = self.health_path and environ.get("PATH_INFO", "") == self.health_path
        if health and method in ("GET", "HEAD"):
            return self._health(started, start_response)
        wants_json = _wants_json(environ.get("HTTP_ACCEPT", ""))
        nonce = base64.b64encode(secrets.token_bytes(18)).decode("ascii")
        try:
            outcome = self._handle(environ)
        except BadRequest as refused:
            lang = refused.lang or _query_lang(environ)
            outcome = _refusal(refused.status, refused.message_key, lang, refused.headers)
        if outcome.submission is not None:
            outcome = self._rate_limited(outcome) or outcome
        try:
            body, content_type = self._answer(outcome, wants_json, nonce)
        except Exception as error:
            # The site's renderer or environment failed: nothing is stored yet (see below).
            # The type and the frames, not the message: it may quote a submitted value.
            logger.error(
                "page_feedback: rendering the reply failed: %s\n%s",
                type(error).__name__,
                "".join(traceback.format_tb(error.__traceback__)).rstrip(),
            )
            outcome = _refusal("500 Internal Server Error", "server_error", outcome.lang)
            body, content_type = self._plain_answer(outcome, wants_json, nonce)
        if outcome.submission is not None:
            # The store is the last step, so a failure to render can never follow a stored row.
            failed = self._store(outcome)
            if failed is not None:
                outcome = failed
                try:  # in the site's layout, as other refusals
                    body, content_type = self._answer(outcome, wants_json, nonce)
                except Exception:
                    body, content_type = self._plain_answer(outcome, wants_json, nonce)
        headers = [
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "same-origin"),
            ("Vary", "Accept"),
            *outcome.headers,
        ]
        if content_type.startswith("text/html"):
            headers += [
                ("Content-Security-Policy", self._csp(nonce)),
                ("X-Frame-Options", "DENY"),
            ]
        self._log(outcome, started)
        start_response(outcome.status, headers)
        return [body]

    def _handle(self, environ: Environ) -> _Outcome:
        if environ.get("REQUEST_METHOD", "GET").upper() != "POST":
            raise BadRequest("405 Method Not Allowed", "bad_request", [("Allow", "POST")])
        form = self._read_form(environ)
        lang = _one(form, "lang")
        lang = lang if lang in LANGUAGES else _query_lang(environ)
        strings = _strings(lang)
        form_id = _one(form, "form_id") or ""
        params: dict[str, Any] = {"id": form_id if _FORM_ID.match(form_id) else None}

        if self.check_origin and self._cross_site(environ):
            return _refusal("403 Forbidden", "cross_site", lang)
        token = _one(form, self.csrf_field)
        if self.csrf is not None:
            if not self.csrf(environ, token):
                return _refusal("403 Forbidden", "csrf", lang)
            params.update(csrf_token=token, csrf_field=self.csrf_field)
        page_url = _one(form, "page_url")
        if page_url is None or page_url_problem(page_url, self.allowed_hosts):
            return _refusal("400 Bad Request", "page_url", lang)
        submission_id = _one(form, "submission_id")
        if "submission_id" in form:
            submission_id = (submission_id or "").lower()
            if not _SUBMISSION_ID.match(submission_id):
                return _refusal("400 Bad Request", "bad_request", lang)
        if _one(form, HONEYPOT_FIELD):
            # A bot: thank it like anyone else, so it learns nothing, and store nothing.
            return _Outcome(
                "200 OK",
                "thanks",
                lang,
                page_url,
                params,
                message=strings["thanks"],
                event="honeypot",
            )
        step = _one(form, "step") or "reasons"
        if step not in ("ask", "reasons"):
            return _refusal("400 Bad Request", "bad_request", lang)

        helpful = _one(form, "helpful")
        if helpful not in ("yes", "no"):
            errors = {"helpful": strings["errors"]["helpful"]}
            return _Outcome(
                "400 Bad Request", "ask", lang, page_url, params, errors, event="invalid"
            )
        if helpful == "no" and step == "ask":
            return _Outcome("200 OK", "reasons", lang, page_url, params, event="reasons")

        reasons: list[str] = []
        comment = ""
        errors = {}
        if helpful == "no":
            known = [reason["value"] for reason in self._reasons[lang]]
            given = form.get("reason", [])
            reasons = [value for value in known if value in given]
            if any(value not in known for value in given):
                errors["reason"] = strings["errors"]["reason"]
            if self.comment:
                # Browsers count a line break as one character and send it as CRLF.
                comment = (_one(form, "comment") or "").replace("\r\n", "\n").strip()
                if len(comment) > self.comment_limit:
                    errors["comment"] = strings["errors"]["comment"].format(
                        limit=self.comment_limit
                    )
        if errors:
            params.update(selected_reasons=reasons, comment_text=comment)
            return _Outcome(
                "400 Bad Request", "reasons", lang, page_url, params, errors, event="invalid"
            )
        submission = Submission(
            page_url, helpful, tuple(reasons), comment, lang, submission_id=submission_id
        )
        return _Outcome(
            "200 OK",
            "thanks",
            lang,
            page_url,
            params,
            message=strings["thanks"],
            event="stored",
            submission=submission,
            client=self._client(environ),
        )

    def _read_form(self, environ: Environ) -> dict[str, list[str]]:
        content_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        if content_type != "application/x-www-form-urlencoded":
            raise BadRequest("415 Unsupported Media Type", "bad_request")
        try:
            length = int(environ.get("CONTENT_LENGTH") or "")
        except ValueError:
            raise BadRequest("411 Length Required", "bad_request") from None
        if length < 0:
            raise BadRequest("400 Bad Request", "bad_request")
        if length > self.max_body_bytes:
            raise BadRequest("413 Content Too Large", "too_large")
        try:
            body = environ["wsgi.input"].read(length) if length else b""
        except (OSError, ValueError):  # the client went away mid-body
            raise BadRequest("400 Bad Request", "bad_request") from None
        try:
            return parse_qs(
                body.decode("utf-8"),
                keep_blank_values=True,
                errors="strict",
                max_num_fields=self._max_fields,
            )
        except (UnicodeDecodeError, ValueError):
            raise BadRequest("400 Bad Request", "bad_request") from None

    # --- cross-site, rate limit, store -------------------------------------------------------

    def _cross_site(self, environ: Environ) -> bool:
        """A browser's post from another site (clients that send neither header pass)."""
        origin = environ.get("HTTP_ORIGIN")
        normalized = _origin(origin) if origin is not None else None
        if normalized is not None and normalized in self.allowed_origins:
            return False
        if environ.get("HTTP_SEC_FETCH_SITE", "").strip().lower() == "cross-site":
            return True
        if origin is None:
            return False
        return normalized is None or normalized not in _own_origins(environ)

    def _client(self, environ: Environ) -> str:
        """The rate limit's key: the client address, through a trusted proxy's header if set."""
        address = environ.get("REMOTE_ADDR", "") or "unknown"
        if self._proxy_key:
            hops = [hop.strip() for hop in environ.get(self._proxy_key, "").split(",")]
            hops = [hop for hop in hops if hop]
            if not self.trusted_proxies:
                # No proxies listed: the peer is the one proxy, and its hop is the last.
                last = _ip(hops[-1]) if hops else None
                address = str(last) if last is not None else address
            else:
                # Right to left from the peer: each trusted proxy appended the hop before it;
                # the first hop that is not one of them is the client. Anything further left
                # is the client's own claim. A peer that is not a listed proxy is the client.
                for hop in reversed([*hops, address]):
                    ip = _ip(hop)
                    if ip is None:
                        break
                    if not any(ip in network for network in self.trusted_proxies):
                        address = str(ip)
                        break
        ip = _ip(address)
        if ip is not None and ip.version == 6:
            # One IPv6 client holds a whole /64: count it as one.
            return "addr:" + str(ipaddress.ip_network(f"{ip}/64", strict=False))
        return f"addr:{address}"

    def _rate_limited(self, outcome: _Outcome) -> _Outcome | None:
        if self.rate_limit is None or outcome.client is None:
            return None
        limit, window = self.rate_limit
        try:
            wait = self.store.hit(outcome.client, window=window, limit=limit)
        except Exception as error:
            return self._store_failure(error, outcome.lang)
        if wait is None:
            return None
        retry_after = str(max(1, math.ceil(wait)))
        return _refusal(
            "429 Too Many Requests", "rate_limited", outcome.lang, [("Retry-After", retry_after)]
        )

    def _store(self, outcome: _Outcome) -> _Outcome | None:
        """Store the outcome's submission; None when stored (or already stored), else a 5xx."""
        assert outcome.submission is not None
        try:
            row = self.store.add(outcome.submission)
        except Exception as error:
            return self._store_failure(error, outcome.lang)
        if row is None:
            outcome.event = "duplicate"  # a retry of a stored submission: answer it the same
        return None

    @staticmethod
    def _store_failure(error: Exception, lang: str) -> _Outcome:
        if isinstance(error, StoreBusy):
            return _refusal(
                "503 Service Unavailable", "busy", lang, [("Retry-After", str(BUSY_RETRY_AFTER))]
            )
        # Only the exception's type and message: a driver's message holds no submitted text.
        logger.error("page_feedback: the store failed: %s: %s", type(error).__name__, error)
        return _refusal("503 Service Unavailable", "server_error", lang)

    def _health(self, started: float, start_response: StartResponse) -> Iterable[bytes]:
        try:
            self.store.check()
            status, ok = "200 OK", True
        except Exception as error:
            logger.error("page_feedback: health check failed: %s: %s", type(error).__name__, error)
            status, ok = "503 Service Unavailable", False
        body = json.dumps({"ok": ok}).encode("utf-8")
        outcome = _Outcome(status, "health", "en", None, event="health")
        self._log(outcome, started)
        start_response(
            status,
            [
                ("Content-Type", "application/json"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "no-store"),
                ("X-Content-Type-Options", "nosniff"),
                ("Referrer-Policy", "same-origin"),
            ],
        )
        return [body]

    def _log(self, outcome: _Outcome, started: float) -> None:
        """One line per request: never the comment, the page_url or anything else submitted."""
        code = int(outcome.status.split(" ", 1)[0])
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        fields = {
            "outcome": outcome.event,
            "status": code,
            "lang": outcome.lang,
            "duration_ms": duration_ms,
        }
        logger.log(
            logging.WARNING if code >= 500 else logging.INFO,
            "page_feedback outcome=%s status=%d lang=%s duration_ms=%.1f",
            outcome.event,
            code,
            outcome.lang,
            duration_ms,
            extra={"feedback": fields},
        )

    # --- answers -----------------------------------------------------------------------------

    def _component(self, outcome: _Outcome) -> Markup:
        return render_in(
            self.environment,
            "page_feedback",
            action=self.action,
            page_url=outcome.page_url,
            lang=outcome.lang,
            state=outcome.state,
            errors=outcome.errors or None,
            reasons=self._reasons[outcome.lang],
            comment=self.comment,
            comment_limit=self.comment_limit,
            script=False,
            **{k: v for k, v in outcome.params.items() if v is not None},
        )

    def _answer(self, outcome: _Outcome, wants_json: bool, nonce: str) -> tuple[bytes, str]:
        if wants_json:
            return self._json(outcome, with_html=True), "application/json"
        content = _error_alert(outcome) if outcome.state == "error" else self._component(outcome)
        renderer = self.page_renderer
        if _takes_nonce(renderer):
            html = renderer(content, outcome.lang, outcome.page_url, nonce=nonce)
        else:
            html = renderer(content, outcome.lang, outcome.page_url)
        return html.encode("utf-8"), "text/html; charset=utf-8"

    def _plain_answer(self, outcome: _Outcome, wants_json: bool, nonce: str) -> tuple[bytes, str]:
        """An error answer that uses neither the site's renderer nor Jinja (they may be broken)."""
        if wants_json:
            return self._json(outcome, with_html=False), "application/json"
        html = self._minimal_page(_error_alert(outcome), outcome.lang, None, nonce=nonce)
        return html.encode("utf-8"), "text/html; charset=utf-8"

    def _json(self, outcome: _Outcome, *, with_html: bool) -> bytes:
        reply: dict[str, Any] = {
            "ok": outcome.status.startswith("2"),
            "state": outcome.state,
            "errors": outcome.errors,
        }
        if outcome.message:
            reply["message"] = outcome.message
        if with_html and outcome.state != "error":
            reply["html"] = str(self._component(outcome))
        return json.dumps(reply).encode("utf-8")

    def _csp(self, nonce: str) -> str:
        sources = " ".join(["'self'", *self._csp_sources])
        # The reply's form posts to `action`, which an integration may set after construction.
        form_action = " ".join(["'self'", *_asset_sources_of([self.action])])
        return (
            f"default-src {sources}; script-src 'nonce-{nonce}'; img-src {sources} data:; "
            f"object-src 'none'; base-uri 'none'; form-action {form_action}; "
            "frame-ancestors 'none'"
        )

    def _minimal_page(
        self, content: Markup, lang: str, page_url: str | None, nonce: str | None = None
    ) -> str:
        return (
            Markup(
                "<!DOCTYPE html>\n"
                '<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
                '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
                "<title>{title}</title>\n"
                '<link rel="stylesheet" href="{css}">\n</head>\n<body>\n'
                '<main id="main-content" class="grid-container padding-y-4">\n'
                "{body}\n</main>\n</body>\n</html>\n"
            )
            .format(
                lang=lang,
                title=reply_title(lang),
                css=f"{self.assets_url}/css/uswds.min.css",
                body=reply_content(content, lang, page_url),
            )
            .__str__()
        )


def reply_title(lang: str) -> str:
    """The title of a no-JS reply page ("Page feedback") in `lang`."""
    return _strings(lang)["page_title"]


def reply_content(content: Markup, lang: str, page_url: str | None) -> Markup:
    """A no-JS reply's main content: its heading, `content` (the form's next state or the
    error) and a link back to the page. Page renderers put this inside a site's own layout."""
    back = (
        Markup('<p><a class="usa-link" href="{}">{}</a></p>').format(
            page_url, _strings(lang)["back"]
        )
        if page_url
        else ""
    )
    return Markup("<h1>{title}</h1>\n{content}\n{back}").format(
        title=reply_title(lang), content=content, back=back
    )


def _error_alert(outcome: _Outcome) -> Markup:
    return Markup(
        '<div class="usa-alert usa-alert--error" role="alert">'
        '<div class="usa-alert__body"><p class="usa-alert__text">{}</p></div></div>'
    ).format(outcome.message)


def _one(form: Mapping[str, list[str]], name: str) -> str | None:
    """The field's value when sent exactly once; None when absent or repeated."""
    values = form.get(name)
    return values[0] if values and len(values) == 1 else None


def _query_lang(environ: Environ) -> str:
    """The `lang` of the query string (for refusals made before the form can be read)."""
    values = parse_qs(environ.get("QUERY_STRING", ""), max_num_fields=16).get("lang", [])
    return values[0] if len(values) == 1 and values[0] in LANGUAGES else "en"


def _wants_json(accept: str) -> bool:
    accept = accept.lower()
    return "application/json" in accept and "text/html" not in accept


def _takes_nonce(renderer: PageRenderer) -> bool:
    try:
        parameters = inspect.signature(renderer).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "nonce" or p.kind is p.VAR_KEYWORD for p in parameters)


def _origin(value: str) -> str | None:
    """`scheme://host[:port]`, lowercase, default port dropped; None when not an http(s) origin."""
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:
        return None
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host or parts.path not in ("", "/"):
        return None
    if ":" in host:
        host = f"[{host}]"
    default = 443 if parts.scheme == "https" else 80
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


def _checked_origin(value: str) -> str:
    origin = _origin(value)
    if origin is None:
        raise ValueError(f"allowed_origins: expected https://host[:port], got {value!r}")
    return origin


def _own_origins(environ: Environ) -> set[str]:
    """The origins this request was made to: its scheme and Host, and https for the same Host
    (TLS often ends at a proxy in front, which the WSGI scheme does not show)."""
    host = environ.get("HTTP_HOST") or (
        f"{environ.get('SERVER_NAME', '')}:{environ.get('SERVER_PORT', '')}"
    )
    scheme = environ.get("wsgi.url_scheme", "http")
    origins = {_origin(f"{scheme}://{host}"), _origin(f"https://{host}")}
    origins.discard(None)
    return origins  # type: ignore[return-value]


def _ip(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address from a header hop: `1.2.3.4`, `1.2.3.4:567`, `::1` or `[::1]:567`."""
    value = value.strip()
    if value.startswith("["):
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:
        value = value.split(":", 1)[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _asset_sources_of(urls: Iterable[str]) -> list[str]:
    """CSP sources for the URLs that are on another host (paths are 'self' already)."""
    sources = []
    for url in urls:
        if not isinstance(url, str):
            continue
        parts = urlsplit(url)
        if parts.netloc and parts.scheme in ("http", "https", ""):
            source = f"{parts.scheme}://{parts.netloc}" if parts.scheme else parts.netloc
            if source not in sources:
                sources.append(source)
    return sources


def _asset_sources(environment: jinja2.Environment, assets_url: str) -> list[str]:
    urls = [assets_url]
    urls += [
        environment.globals.get(name)  # type: ignore[misc]
        for name in ("uswds_assets_url", "uswds_static_url", "uswds_images_url")
    ]
    return _asset_sources_of(url for url in urls if isinstance(url, str))
