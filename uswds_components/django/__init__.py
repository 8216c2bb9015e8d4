"""Django integration: an app for INSTALLED_APPS, a Jinja2 environment and the feedback view.

    INSTALLED_APPS = [..., "django.contrib.staticfiles", "uswds_components.django"]
    TEMPLATES = [{"BACKEND": "django.template.backends.jinja2.Jinja2", "DIRS": [...],
                  "OPTIONS": {"environment": "uswds_components.django.environment"}}]
    urlpatterns = [path("feedback/", uswds_components.django.views.feedback, name="feedback")]

The app's static files are USWDS's runtime files under `uswds/` and ours under
`uswds-components/`: `collectstatic` and `findstatic` find them (AppDirectoriesFinder). The
environment links them under STATIC_URL. Settings (all optional): USWDS_ASSETS_URL,
USWDS_STATIC_URL, USWDS_REGIONS, USWDS_FEEDBACK, USWDS_FEEDBACK_TEMPLATE; see jinja.py and
views.py. Django's checks report one that looks misspelt (USWDS_REGION) as
uswds_components.E002.
"""

from __future__ import annotations

from .jinja import assets_url, environment, regions, static_url

__all__ = ["assets_url", "environment", "regions", "static_url"]
