"""A minimal Django project: uswds_components.django serves the assets (staticfiles), renders
through the Jinja2 backend and answers the feedback form."""

from pathlib import Path

from uswds_components.example_pages import AGENCY_LANDING
from uswds_components.seed.build import HERE as SEED_DIR
from uswds_components.seed.build import page_data

SECRET_KEY = "example-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
ROOT_URLCONF = "examples.django_site.urls"
INSTALLED_APPS = ["django.contrib.staticfiles", "uswds_components.django"]
MIDDLEWARE = ["django.middleware.csrf.CsrfViewMiddleware"]
STATIC_URL = "/static/"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [
            str(SEED_DIR),
            str(AGENCY_LANDING.folder),
            str(Path(__file__).parent / "templates"),
        ],
        "APP_DIRS": False,
        # Links USWDS under STATIC_URL + "uswds", and adds USWDS_REGIONS to every page.
        "OPTIONS": {"environment": "uswds_components.django.environment"},
    }
]
# The site's furniture: the feedback receiver's replies show it around their form.
USWDS_REGIONS = {name: page_data("en")[name] for name in ("header", "footer", "identifier")}
# FeedbackApp's options; without "db", $USWDS_FEEDBACK_DB or page-feedback.sqlite3.
USWDS_FEEDBACK: dict = {}
USE_TZ = True
# Forms through the components: {{ form }} and {{ field }} in USWDS markup (the /apply/ page).
FORM_RENDERER = "uswds_components.django.forms.USWDSRenderer"
