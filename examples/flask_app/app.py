"""The seed page and the agency landing page served by Flask through uswds_components.flask:
assets, layout and receiver.

    flask --app examples.flask_app.app run     (Flask calls create_app())
"""

from __future__ import annotations

import os

import jinja2
from flask import Flask, render_template

from uswds_components.example_pages import AGENCY_LANDING, SEED
from uswds_components.flask import USWDS
from uswds_components.seed.build import page_data

# The site's furniture: the feedback receiver's replies show it around their form.
SITE_REGIONS = {name: page_data("en")[name] for name in ("header", "footer", "identifier")}


def create_app(feedback_database: str | os.PathLike[str] = "feedback.sqlite3") -> Flask:
    app = Flask(__name__)
    app.jinja_loader = jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader(SEED.folder), jinja2.FileSystemLoader(AGENCY_LANDING.folder)]
    )
    app.config["USWDS_REGIONS"] = SITE_REGIONS
    # Serves USWDS at /assets/uswds-3.14.0 and the receiver at /feedback (the seed's action).
    USWDS(app, feedback=feedback_database)

    @app.get("/")
    def seed_page() -> str:
        return render_template("article.html", **page_data("en"))

    @app.get("/es/")
    def seed_page_spanish() -> str:
        return render_template("article.html", **page_data("es"))

    @app.get("/agency-landing/")
    @app.get("/agency-landing/<any(es):lang>/")
    def agency_landing(lang: str = "en") -> str:
        return render_template(AGENCY_LANDING.template, **AGENCY_LANDING.data(lang))

    return app
