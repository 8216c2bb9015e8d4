"""Flask integration: the components in `app.jinja_env`, the USWDS assets served, the feedback
receiver mounted, its no-JS replies in the site's own layout.

    from uswds_components.flask import USWDS

    app = Flask(__name__)
    app.config["USWDS_REGIONS"] = {"header": {...}, "footer": {...}}  # optional
    USWDS(app, feedback="feedback.sqlite3")                             # or USWDS().init_app(app)

Config keys (read by init_app):

- `USWDS_ASSETS_URL` (default `/assets/uswds-3.14.0`): where USWDS's css/, js/, img/ and fonts/
  are served; the layout's CSS, JS, favicon and component images all follow it.
- `USWDS_STATIC_URL` (default `/assets/uswds-components-0.1.0`): this package's own files.
- `USWDS_SERVE_ASSETS` (default True): False when a web server or CDN serves both folders.
- `USWDS_CACHE_CONTROL` (default: `public, max-age=31536000, immutable` for a URL that holds the
  version, else `no-cache`): the assets' Cache-Control.
- `USWDS_REGIONS` (default none): site-wide layout regions (banner, header, footer, identifier,
  ...), the environment's `regions` (see configure_environment): a page that leaves a region out
  gets the site's; its own params, or False, win.
- `USWDS_FEEDBACK` (default None), `USWDS_FEEDBACK_URL` (default `/feedback`),
  `USWDS_FEEDBACK_TEMPLATE` (default `uswds/layouts/content.html`): the receiver, see `USWDS`.

A key that looks like a misspelling of one of these (`USWDS_REGION`) is refused, naming it;
other `USWDS_` keys are the site's own.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import flask
from markupsafe import Markup

from . import USWDS_VERSION, __version__, configure_environment
from .assets import PACKAGE_STATIC
from .assets import path as uswds_assets
from .errors import ComponentError, misspelt_setting
from .feedback.app import DEFAULT_ACTION, FeedbackApp, PageRenderer, reply_content, reply_title
from .page import LANGUAGES, REGIONS

__all__ = [
    "DEFAULT_ASSETS_URL",
    "DEFAULT_FEEDBACK_TEMPLATE",
    "DEFAULT_FEEDBACK_URL",
    "DEFAULT_STATIC_URL",
    "IMMUTABLE",
    "USWDS",
    "USWDSState",
]

# The versions are in the URLs, so an upgrade changes every URL and a year's cache is honest.
DEFAULT_ASSETS_URL = f"/assets/uswds-{USWDS_VERSION}"
DEFAULT_STATIC_URL = f"/assets/uswds-components-{__version__}"
DEFAULT_FEEDBACK_URL = "/feedback"
DEFAULT_FEEDBACK_TEMPLATE = "uswds/layouts/content.html"
_WHERE = "uswds_components.flask"  # names the source of config errors
IMMUTABLE = "public, max-age=31536000, immutable"
# Unversioned URLs may serve other bytes after an upgrade: revalidate (ETag) every time.
REVALIDATE = "no-cache"
# Browsers ignore a font served as application/octet-stream only with nosniff: be exact.
_FONT_TYPES = {".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf"}

FeedbackOption = FeedbackApp | str | os.PathLike[str] | Mapping[str, Any] | bool | None


@dataclass
class USWDSState:
    """What init_app set up on one app: `app.extensions["uswds"]`."""

    assets_url: str
    static_url: str
    regions: dict[str, Any] = field(default_factory=dict)
    feedback: FeedbackApp | None = None
    feedback_url: str | None = None


class USWDS:
    """The Flask extension. `USWDS(app)` or `ext = USWDS(); ext.init_app(app)`.

    - `feedback`: mounts the feedback receiver at `USWDS_FEEDBACK_URL` (POST, endpoint
      `uswds.feedback`). A FeedbackApp, a SQLite path, a mapping of FeedbackApp's options
      (`{"db": path, "reasons": ..., "csrf": ...}`), or True for the database in
      $USWDS_FEEDBACK_DB. Overrides `USWDS_FEEDBACK`. Its forms post to `USWDS_FEEDBACK_URL`
      unless the options give an `action`.
    - `regions`: site-wide layout regions; overrides `USWDS_REGIONS`.
    - `page_renderer`: renders the receiver's no-JS replies, `(content, lang, page_url) -> str`
      (given `nonce=` too when it takes it: the reply's CSP allows only scripts with it).
      By default they render `USWDS_FEEDBACK_TEMPLATE` with `title`, `lang`, `content` and
      `nonce` through Flask's `render_template`, so the site's regions, context processors and
      layout apply.
    """

    def __init__(
        self,
        app: flask.Flask | None = None,
        *,
        feedback: FeedbackOption = None,
        regions: Mapping[str, Any] | None = None,
        page_renderer: PageRenderer | None = None,
    ) -> None:
        self.feedback = feedback
        self.regions = regions
        self.page_renderer = page_renderer
        if app is not None:
            self.init_app(app)

    def init_app(self, app: flask.Flask) -> USWDSState:
        """Configure `app`; returns its USWDSState (also `app.extensions["uswds"]`)."""
        config = app.config
        for key in config:
            close = misspelt_setting(key) if isinstance(key, str) else None
            if close is not None:
                raise ComponentError(_WHERE, key, f"is not a setting; did you mean {close!r}?")
        assets_url = _url_setting(config, "USWDS_ASSETS_URL", DEFAULT_ASSETS_URL)
        static_url = _url_setting(config, "USWDS_STATIC_URL", DEFAULT_STATIC_URL)
        regions = _checked_regions(
            self.regions if self.regions is not None else config.get("USWDS_REGIONS")
        )
        # images_url is left to follow assets_url: CSS, JS, favicon and images move together.
        configure_environment(
            app.jinja_env, assets_url=assets_url, static_url=static_url, regions=regions
        )
        state = USWDSState(assets_url=assets_url, static_url=static_url, regions=regions)

        blueprint = flask.Blueprint("uswds", __name__)
        if config.get("USWDS_SERVE_ASSETS", True):
            cache_control = config.get("USWDS_CACHE_CONTROL")
            # The bundle is looked up (AssetsMissing if absent) only when this app serves it.
            for url, folder, endpoint in (
                (assets_url, uswds_assets, "assets"),
                (static_url, lambda: PACKAGE_STATIC, "static"),
            ):
                if _is_local_path(url):
                    blueprint.add_url_rule(
                        f"{url}/<path:filename>",
                        endpoint,
                        _file_view(folder(), cache_control or _cache_control_for(url)),
                    )

        feedback = self.feedback if self.feedback is not None else config.get("USWDS_FEEDBACK")
        if feedback is not None and feedback is not False:
            feedback_url = _url_setting(config, "USWDS_FEEDBACK_URL", DEFAULT_FEEDBACK_URL)
            if not _is_local_path(feedback_url):
                raise ComponentError(
                    _WHERE,
                    "USWDS_FEEDBACK_URL",
                    f"must be a path such as '/feedback', got {feedback_url!r}",
                )
            template = config.get("USWDS_FEEDBACK_TEMPLATE", DEFAULT_FEEDBACK_TEMPLATE)
            renderer = self.page_renderer or _template_renderer(template)
            state.feedback = _receiver(feedback, app, renderer, feedback_url)
            state.feedback_url = feedback_url
            blueprint.add_url_rule(
                feedback_url, "feedback", _receiver_view(state.feedback), methods=["POST"]
            )

        app.register_blueprint(blueprint)
        app.extensions["uswds"] = state
        return state


def _url_setting(config: Mapping[str, Any], key: str, default: str) -> str:
    value = config.get(key, default)
    if not isinstance(value, str) or not value.strip("/"):
        raise ComponentError(_WHERE, key, f"must be a non-empty URL or path, got {value!r}")
    return value.rstrip("/")


def _is_local_path(url: str) -> bool:
    # "https://cdn.example.gov/uswds" or "//cdn…" is served elsewhere: nothing to route here.
    return url.startswith("/") and not url.startswith("//")


def _cache_control_for(url: str) -> str:
    versioned = USWDS_VERSION in url or __version__ in url
    return IMMUTABLE if versioned else REVALIDATE


def _checked_regions(regions: Any) -> dict[str, Any]:
    if regions is None:
        return {}
    if not isinstance(regions, Mapping):
        raise ComponentError(
            _WHERE, "USWDS_REGIONS", f"expected a mapping of region params, got {regions!r}"
        )
    unknown = sorted(set(regions) - set(REGIONS) - set(LANGUAGES))
    if unknown:
        raise ComponentError(
            _WHERE, "USWDS_REGIONS", f"unknown region {unknown[0]!r} (known: {', '.join(REGIONS)})"
        )
    return dict(regions)


def _file_view(folder: Path, cache_control: str) -> Any:
    def serve(filename: str) -> flask.Response:
        mimetype = _FONT_TYPES.get(Path(filename).suffix.lower())
        # send_from_directory refuses paths that leave `folder` (404) and answers conditionals.
        response = flask.send_from_directory(folder, filename, mimetype=mimetype)
        response.headers["Cache-Control"] = cache_control
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    return serve


def _template_renderer(template: str) -> PageRenderer:
    def render(content: Markup, lang: str, page_url: str | None, nonce: str | None = None) -> str:
        # Runs inside the receiver's Flask request: the site's context processors apply.
        return flask.render_template(
            template,
            title=reply_title(lang),
            lang=lang,
            content=reply_content(content, lang, page_url),
            nonce=nonce,  # the layout's scripts carry it: the reply's CSP allows no others
        )

    return render


def _receiver(
    option: FeedbackOption, app: flask.Flask, renderer: PageRenderer, url: str
) -> FeedbackApp:
    if isinstance(option, FeedbackApp):
        # A receiver left with its stand-alone page gets the site's layout instead, and one
        # left posting to the default URL posts where it is mounted.
        if option.page_renderer == option._minimal_page:
            option.page_renderer = renderer
        if option.action == DEFAULT_ACTION:
            option.action = url
        return option
    options: dict[str, Any]
    if option is True:
        options = {}
    elif isinstance(option, str | os.PathLike):
        options = {"db": option}
    elif isinstance(option, Mapping):
        options = dict(option)
    else:
        raise ComponentError(
            _WHERE,
            "feedback",
            "expected a FeedbackApp, a database path, a mapping of FeedbackApp options or True; "
            f"got {option!r}",
        )
    options.setdefault("environment", app.jinja_env)
    options.setdefault("page_renderer", renderer)
    options.setdefault("action", url)
    try:
        return FeedbackApp(**options)
    except TypeError as error:
        raise ComponentError(_WHERE, "feedback", f"bad FeedbackApp options: {error}") from None


def _receiver_view(receiver: FeedbackApp) -> Any:
    def feedback() -> flask.Response:
        # One code path: the WSGI receiver itself, given this request's environ (its body unread).
        reply: dict[str, Any] = {}

        def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None):
            reply.update(status=status, headers=headers)

        body = b"".join(receiver(flask.request.environ, start_response))
        return flask.Response(body, status=reply["status"], headers=reply["headers"])

    return feedback
