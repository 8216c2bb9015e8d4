"""The feedback receiver: a dependency-free WSGI application for the page_feedback form."""

from __future__ import annotations

import hmac
import http.cookies
import json
import os
import re
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

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
from .store import FeedbackStore, Submission

Environ = Mapping[str, Any]
StartResponse = Callable[..., Any]
CsrfVerifier = Callable[[Environ, str | None], bool]
PageRenderer = Callable[[Markup, str, str | None], str]

LANGUAGES = ("en", "es")
DEFAULT_COMMENT_LIMIT = 500
DEFAULT_MAX_BODY_BYTES = 16 * 1024
_FORM_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
_REASONS = Sequence[Mapping[str, str]]


def new_csrf_token() -> str:
    """A random token for the double-submit cookie and the form's hidden field."""
    return secrets.token_urlsafe(32)


def double_submit_cookie(cookie_name: str = "csrf_token") -> CsrfVerifier:
    """A CSRF verifier: the form's token must equal the `cookie_name` cookie, and not be empty."""

    def verify(environ: Environ, token: str | None) -> bool:
        cookies = http.cookies.SimpleCookie()
        try:
            cookies.load(environ.get("HTTP_COOKIE", ""))
        except http.cookies.CookieError:
            return False
        morsel = cookies.get(cookie_name)
        if not token or morsel is None or not morsel.value:
            return False
        return hmac.compare_digest(token.encode(), morsel.value.encode())

    return verify


class BadRequest(Exception):
    """A request refused before any field can be shown with an error."""

    def __init__(self, status: str, message_key: str, headers: Sequence[tuple[str, str]] = ()):
        super().__init__(status)
        self.status = status
        self.message_key = message_key
        self.headers = list(headers)


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


class FeedbackApp:
    """WSGI app: validates a page_feedback submission, stores it, answers with the next state.

    Give it the same `reasons`, `comment` and `comment_limit` as the component. Answers JSON
    when the request accepts `application/json` and not `text/html` (the script), else HTML: a
    minimal page holding the component in its next state (override with `page_renderer`).
    """

    def __init__(
        self,
        db: str | os.PathLike[str] | FeedbackStore | None = None,
        *,
        reasons: _REASONS | Mapping[str, _REASONS] | None = None,
        comment: bool = True,
        comment_limit: int = DEFAULT_COMMENT_LIMIT,
        max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
        csrf: CsrfVerifier | None = None,
        csrf_field: str = "csrf_token",
        action: str | None = None,
        environment: jinja2.Environment | None = None,
        assets_url: str = "/assets/uswds",
        page_renderer: PageRenderer | None = None,
    ) -> None:
        self.store = db if isinstance(db, FeedbackStore) else FeedbackStore(db)
        self._reasons = {lang: self._reasons_for(reasons, lang) for lang in LANGUAGES}
        self.comment = comment
        self.comment_limit = comment_limit
        self.max_body_bytes = max_body_bytes
        self.csrf = csrf
        self.csrf_field = csrf_field
        self.action = action
        self.environment = environment or create_environment(assets_url=assets_url)
        self.assets_url = assets_url.rstrip("/")
        self.page_renderer = page_renderer or self._minimal_page

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
        wants_json = _wants_json(environ.get("HTTP_ACCEPT", ""))
        try:
            outcome = self._handle(environ)
        except BadRequest as refused:
            outcome = _Outcome(refused.status, "error", "en", None, headers=refused.headers)
            outcome.message = get_spec("page_feedback").strings["en"]["errors"][refused.message_key]
        body, content_type = (
            self._json(outcome, environ) if wants_json else self._html(outcome, environ)
        )
        headers = [
            ("Content-Type", content_type),
            ("Content-Length", str(len(body))),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            ("Vary", "Accept"),
            *outcome.headers,
        ]
        start_response(outcome.status, headers)
        return [body]

    def _handle(self, environ: Environ) -> _Outcome:
        if environ.get("REQUEST_METHOD", "GET").upper() != "POST":
            raise BadRequest("405 Method Not Allowed", "bad_request", [("Allow", "POST")])
        form = self._read_form(environ)
        lang = _one(form, "lang")
        lang = lang if lang in LANGUAGES else "en"
        strings = get_spec("page_feedback").strings[lang]
        form_id = _one(form, "form_id") or ""
        params: dict[str, Any] = {"id": form_id if _FORM_ID.match(form_id) else None}

        def refuse(status: str, key: str) -> _Outcome:
            return _Outcome(status, "error", lang, None, message=strings["errors"][key])

        token = _one(form, self.csrf_field)
        if self.csrf is not None:
            if not self.csrf(environ, token):
                return refuse("403 Forbidden", "csrf")
            params.update(csrf_token=token, csrf_field=self.csrf_field)
        page_url = _one(form, "page_url")
        if page_url is None or page_url_problem(page_url):
            return refuse("400 Bad Request", "page_url")
        if _one(form, HONEYPOT_FIELD):
            # A bot: thank it like anyone else, so it learns nothing, and store nothing.
            return _Outcome("200 OK", "thanks", lang, page_url, params, message=strings["thanks"])
        step = _one(form, "step") or "reasons"
        if step not in ("ask", "reasons"):
            return refuse("400 Bad Request", "bad_request")

        helpful = _one(form, "helpful")
        if helpful not in ("yes", "no"):
            return _Outcome(
                "400 Bad Request",
                "ask",
                lang,
                page_url,
                params,
                {"helpful": strings["errors"]["helpful"]},
            )
        if helpful == "no" and step == "ask":
            return _Outcome("200 OK", "reasons", lang, page_url, params)

        reasons: list[str] = []
        comment = ""
        errors: dict[str, str] = {}
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
            return _Outcome("400 Bad Request", "reasons", lang, page_url, params, errors)
        self.store.add(Submission(page_url, helpful, tuple(reasons), comment, lang))
        return _Outcome("200 OK", "thanks", lang, page_url, params, message=strings["thanks"])

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
        body = environ["wsgi.input"].read(length) if length else b""
        try:
            return parse_qs(
                body.decode("utf-8"),
                keep_blank_values=True,
                errors="strict",
                max_num_fields=64,
            )
        except (UnicodeDecodeError, ValueError):
            raise BadRequest("400 Bad Request", "bad_request") from None

    # --- answers -----------------------------------------------------------------------------

    def _component(self, outcome: _Outcome, environ: Environ) -> Markup:
        return render_in(
            self.environment,
            "page_feedback",
            action=self.action or _request_path(environ),
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

    def _html(self, outcome: _Outcome, environ: Environ) -> tuple[bytes, str]:
        if outcome.state == "error":
            content = Markup(
                '<div class="usa-alert usa-alert--error" role="alert">'
                '<div class="usa-alert__body"><p class="usa-alert__text">{}</p></div></div>'
            ).format(outcome.message)
        else:
            content = self._component(outcome, environ)
        html = self.page_renderer(content, outcome.lang, outcome.page_url)
        return html.encode("utf-8"), "text/html; charset=utf-8"

    def _json(self, outcome: _Outcome, environ: Environ) -> tuple[bytes, str]:
        reply: dict[str, Any] = {
            "ok": outcome.status.startswith("2"),
            "state": outcome.state,
            "errors": outcome.errors,
        }
        if outcome.message:
            reply["message"] = outcome.message
        if outcome.state != "error":
            reply["html"] = str(self._component(outcome, environ))
        return json.dumps(reply).encode("utf-8"), "application/json"

    def _minimal_page(self, content: Markup, lang: str, page_url: str | None) -> str:
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
    return get_spec("page_feedback").strings[lang]["page_title"]


def reply_content(content: Markup, lang: str, page_url: str | None) -> Markup:
    """A no-JS reply's main content: its heading, `content` (the form's next state or the
    error) and a link back to the page. Page renderers put this inside a site's own layout."""
    back = (
        Markup('<p><a class="usa-link" href="{}">{}</a></p>').format(
            page_url, get_spec("page_feedback").strings[lang]["back"]
        )
        if page_url
        else ""
    )
    return Markup("<h1>{title}</h1>\n{content}\n{back}").format(
        title=reply_title(lang), content=content, back=back
    )


def _one(form: Mapping[str, list[str]], name: str) -> str | None:
    """The field's value when sent exactly once; None when absent or repeated."""
    values = form.get(name)
    return values[0] if values and len(values) == 1 else None


def _wants_json(accept: str) -> bool:
    accept = accept.lower()
    return "application/json" in accept and "text/html" not in accept


def _request_path(environ: Environ) -> str:
    """This app's own path, for the re-rendered form's action."""
    path = environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", "")
    # "//host/x" would post the next step to another site: keep it a path on this one.
    return "/" + path.lstrip("/")
