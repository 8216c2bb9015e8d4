"""A minimal Django project whose Jinja2 backend uses uswds_components.create_environment."""

from uswds_components.seed.build import HERE as SEED_DIR

SECRET_KEY = "example-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
ROOT_URLCONF = "examples.django_site.urls"
INSTALLED_APPS: list[str] = []
MIDDLEWARE = ["django.middleware.csrf.CsrfViewMiddleware"]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [str(SEED_DIR)],
        "APP_DIRS": False,
        "OPTIONS": {
            # Django calls this with the loader and autoescape it built: our factory takes them.
            "environment": "uswds_components.create_environment",
        },
    }
]
USE_TZ = True
