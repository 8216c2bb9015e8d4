"""The feedback receiver as a Django view, in the site's own layout.

    from uswds_components.django.views import feedback
    urlpatterns = [path("feedback/", feedback, name="feedback")]

`feedback` reads settings.USWDS_FEEDBACK, a mapping of FeedbackApp's options (`db`, `reasons`,
`comment`, `comment_limit`, ...); `feedback_view(...)` makes another with options of its own.
The view runs the WSGI FeedbackApp itself (one code path) on this request.

CSRF: the view is exempt from CsrfViewMiddleware and runs Django's own check itself, inside the
receiver, so a refused form gets the receiver's answer (its 403 page in the site's layout, or
JSON for the script) rather than Django's CSRF page. Pages put Django's token in the form with
`feedback_form(request)`, and the receiver carries it into the next step's form.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import threading
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any, Literal

import jinja2
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.template import TemplateDoesNotExist, engines
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from markupsafe import Markup

from ..feedback.app import (
    CsrfVerifier,
    Environ,
    FeedbackApp,
    PageRenderer,
    reply_content,
    reply_title,
)
from ..feedback.store import FeedbackStore
from ..page import page
from .jinja import environment

__all__ = [
    "CSRF_FIELD",
    "DEFAULT_TEMPLATE",
    "FeedbackView",
    "django_csrf",
    "feedback",
    "feedback_form",
    "feedback_view",
]

DEFAULT_TEMPLATE = "uswds/layouts/content.html"
CSRF_FIELD = "csrfmiddlewaretoken"  # Django's own field: CsrfViewMiddleware reads it
_SETTINGS = frozenset({"USWDS_FEEDBACK", "USWDS_FEEDBACK_TEMPLATE", "USWDS_REGIONS", "TEMPLATES"})
_WHERE = "uswds_components.django.views"
# The request being answered: the receiver's CSRF check and page renderer take no request.
_request: ContextVar[HttpRequest] = ContextVar("uswds_feedback_request")
_generation = 0  # bumped when a setting changes (tests): settings-built receivers rebuild


def django_csrf(environ: Environ, token: str | None) -> bool:
    """A FeedbackApp CSRF verifier that runs Django's CsrfViewMiddleware check on the request
    (origin, referer over HTTPS, the token against the CSRF cookie or session)."""
    request = _request.get()
    checker = CsrfViewMiddleware(lambda request: HttpResponse())
    return checker.process_view(request, None, (), {}) is None


def feedback_form(request: HttpRequest, **params: Any) -> dict[str, Any]:
    """The page_feedback region's params for this page: posting to the `feedback` view (or the
    given `action`), about `request.path`, with Django's CSRF token. `params` override these."""
    defaults = {
        "page_url": request.path,
        "csrf_token": get_token(request),
        "csrf_field": CSRF_FIELD,
    }
    if "action" not in params:
        defaults["action"] = reverse(feedback)
    return {**defaults, **params}


class FeedbackView:
    """A view running one FeedbackApp, built on first use.

    `options` are FeedbackApp's (`db`, `reasons`, ...); with none, settings.USWDS_FEEDBACK's.
    `template` (default settings.USWDS_FEEDBACK_TEMPLATE, else uswds/layouts/content.html)
    renders the no-JS replies with `title`, `lang` and `content`, through the site's Jinja2
    backend and its context processors; `page_renderer` replaces that. `csrf`: "django"
    (default) runs Django's check, None none, or a FeedbackApp verifier of your own.
    """

    csrf_exempt = True  # CsrfViewMiddleware skips it: the receiver runs the check (see above)

    def __init__(
        self,
        options: Mapping[str, Any] | None = None,
        *,
        template: str | None = None,
        page_renderer: PageRenderer | None = None,
    ) -> None:
        self._options = dict(options) if options is not None else None
        self._template = template
        self._page_renderer = page_renderer
        self._lock = threading.Lock()
        self._built: tuple[int, FeedbackApp] | None = None

    @property
    def receiver(self) -> FeedbackApp:
        """The FeedbackApp behind the view (its `store` holds the submissions)."""
        built = self._built
        if built is None or built[0] != _generation:
            with self._lock:
                built = self._built
                if built is None or built[0] != _generation:
                    built = (_generation, self._build())
                    self._built = built
        return built[1]

    def _build(self) -> FeedbackApp:
        options = self._options
        if options is None:
            options = getattr(settings, "USWDS_FEEDBACK", None) or {}
        if not isinstance(options, Mapping):
            raise ImproperlyConfigured(
                f"{_WHERE}: USWDS_FEEDBACK must be a mapping of FeedbackApp options "
                f"(e.g. {{'db': BASE_DIR / 'feedback.sqlite3'}}), got {options!r}"
            )
        options = dict(options)
        csrf: Literal["django"] | CsrfVerifier | None = options.pop("csrf", "django")
        if csrf == "django":
            options.setdefault("csrf_field", CSRF_FIELD)
            csrf = django_csrf
        template = self._template or getattr(settings, "USWDS_FEEDBACK_TEMPLATE", DEFAULT_TEMPLATE)
        if not isinstance(template, str):
            raise ImproperlyConfigured(
                f"{_WHERE}: USWDS_FEEDBACK_TEMPLATE must be a template name, got {template!r}"
            )
        options.setdefault("page_renderer", self._page_renderer or _template_renderer(template))
        options.setdefault("environment", _site_environment())
        if "action" not in options:
            # The next step's form posts back here: this view's own URL, when it is routed.
            with contextlib.suppress(NoReverseMatch):
                options["action"] = reverse(self)
        db = options.pop("db", None)
        if not (db is None or isinstance(db, str | os.PathLike | FeedbackStore)):
            raise ImproperlyConfigured(f"{_WHERE}: 'db' must be a path, got {db!r}")
        try:
            return FeedbackApp(db, csrf=csrf, **options)
        except TypeError as error:
            raise ImproperlyConfigured(f"{_WHERE}: bad FeedbackApp options: {error}") from None

    def __call__(self, request: HttpRequest) -> HttpResponse:
        receiver = self.receiver
        environ = dict(request.META)
        try:
            length = int(environ.get("CONTENT_LENGTH") or "")
        except ValueError:
            length = 0
        # Read within the receiver's limit only: past it the receiver answers 413 unread. Read
        # through request.body so Django's CSRF check can still parse the form afterwards.
        body = request.body if 0 < length <= receiver.max_body_bytes else b""
        environ["wsgi.input"] = io.BytesIO(body)
        reply: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None):
            reply.update(status=status, headers=headers)

        token = _request.set(request)
        try:
            content = b"".join(receiver(environ, start_response))
        finally:
            _request.reset(token)
        code, _, reason = reply["status"].partition(" ")
        return HttpResponse(content, status=int(code), reason=reason, headers=reply["headers"])


def feedback_view(
    options: Mapping[str, Any] | None = None,
    *,
    template: str | None = None,
    page_renderer: PageRenderer | None = None,
) -> FeedbackView:
    """A feedback view with options of its own, e.g. `feedback_view({"db": path})`."""
    return FeedbackView(options, template=template, page_renderer=page_renderer)


feedback = FeedbackView()


def _site_environment() -> jinja2.Environment:
    """The Jinja2 backend's environment made by ours, else one from the settings alone."""
    for engine in engines.all():
        env = getattr(engine, "env", None)
        if isinstance(env, jinja2.Environment) and "uswds_assets_url" in env.globals:
            return env
    return _fallback_environment()


@functools.cache
def _fallback_environment() -> jinja2.Environment:
    return environment()


def _template_renderer(template: str) -> PageRenderer:
    def render(content: Markup, lang: str, page_url: str | None, nonce: str | None = None) -> str:
        context = {
            "title": reply_title(lang),
            "lang": lang,
            "content": reply_content(content, lang, page_url),
            "nonce": nonce,  # the layout's scripts carry it: the reply's CSP allows no others
        }
        try:
            return render_to_string(template, context, request=_request.get(None))
        except TemplateDoesNotExist:
            if template != DEFAULT_TEMPLATE:
                raise
        # No Jinja2 backend uses our environment: the layout, with the settings' regions.
        return str(page(context, environment=_fallback_environment()))

    return render


def _settings_changed(*, setting: str, **kwargs: Any) -> None:
    global _generation
    if setting in _SETTINGS or setting == "STATIC_URL":
        _generation += 1
        _fallback_environment.cache_clear()


setting_changed.connect(_settings_changed)
