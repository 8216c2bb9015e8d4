"""The seed page and the agency landing page rendered by Django's Jinja2 backend."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from uswds_components.django.views import feedback_form
from uswds_components.example_pages import AGENCY_LANDING
from uswds_components.seed.build import page_data


def seed_page(request: HttpRequest, lang: str) -> HttpResponse:
    data = page_data(lang)
    # Posts to the feedback view with Django's CSRF token, about the seed's own page URL.
    data["page_feedback"] = feedback_form(request, page_url=data["page_feedback"]["page_url"])
    return render(request, "article.html", data)


def agency_landing(request: HttpRequest, lang: str) -> HttpResponse:
    return render(request, AGENCY_LANDING.template, AGENCY_LANDING.data(lang))
