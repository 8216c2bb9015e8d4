"""The seed page served by Flask, with the feedback receiver mounted at /feedback.

    flask --app examples.flask_app.app run
"""

from __future__ import annotations

import os
from pathlib import Path

from flask import Flask, render_template, send_from_directory
from markupsafe import Markup
from werkzeug.middleware.dispatcher import DispatcherMiddleware

from uswds_components import configure_environment, page
from uswds_components.assets import PACKAGE_STATIC
from uswds_components.assets import path as uswds_assets
from uswds_components.feedback import FeedbackApp
from uswds_components.seed.build import HERE as SEED_DIR
from uswds_components.seed.build import page_data


def feedback_page(content: Markup, lang: str, page_url: str | None) -> str:
    """The receiver's no-JS answer, in the site's own layout."""
    title = "Comentarios sobre la página" if lang == "es" else "Page feedback"
    heading = Markup('<h1 class="margin-top-4">{}</h1>').format(title)
    return page(title=title, lang=lang, content=heading + content)


def create_app(feedback_database: str | os.PathLike[str] = "feedback.sqlite3") -> Flask:
    app = Flask(__name__, template_folder=str(SEED_DIR))
    # Flask made its environment; add the components to it (its loader is searched first).
    configure_environment(
        app.jinja_env, assets_url="/assets/uswds", static_url="/assets/uswds-components"
    )
    feedback = FeedbackApp(Path(feedback_database), action="/feedback", page_renderer=feedback_page)
    app.wsgi_app = DispatcherMiddleware(app.wsgi_app, {"/feedback": feedback})  # type: ignore[method-assign]
    app.extensions["feedback"] = feedback

    @app.get("/")
    def seed_page() -> str:
        return render_template("article.html", **page_data("en"))

    @app.get("/es/")
    def seed_page_spanish() -> str:
        return render_template("article.html", **page_data("es"))

    @app.get("/assets/uswds/<path:name>")
    def uswds_asset(name: str):
        return send_from_directory(uswds_assets(), name)

    @app.get("/assets/uswds-components/<path:name>")
    def package_asset(name: str):
        return send_from_directory(PACKAGE_STATIC, name)

    return app
