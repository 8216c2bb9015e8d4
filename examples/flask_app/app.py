"""The seed page served by Flask through uswds_components.flask: assets, layout and receiver.

    flask --app examples.flask_app.app run     (Flask calls create_app())
"""

from __future__ import annotations

import os

from flask import Flask, render_template

from uswds_components.flask import USWDS
from uswds_components.seed.build import HERE as SEED_DIR
from uswds_components.seed.build import page_data

# The site's furniture: the feedback receiver's replies show it around their form.
SITE_REGIONS = {name: page_data("en")[name] for name in ("header", "footer", "identifier")}


def create_app(feedback_database: str | os.PathLike[str] = "feedback.sqlite3") -> Flask:
    app = Flask(__name__, template_folder=str(SEED_DIR))
    app.config["USWDS_REGIONS"] = SITE_REGIONS
    # Serves USWDS at /assets/uswds-3.14.0 and the receiver at /feedback (the seed's action).
    USWDS(app, feedback=feedback_database)

    @app.get("/")
    def seed_page() -> str:
        return render_template("article.html", **page_data("en"))

    @app.get("/es/")
    def seed_page_spanish() -> str:
        return render_template("article.html", **page_data("es"))

    return app

