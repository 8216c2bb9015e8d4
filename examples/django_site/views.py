"""The seed page rendered by Django's Jinja2 backend."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from uswds_components.seed.build import page_data


def seed_page(request: HttpRequest, lang: str) -> HttpResponse:
    return render(request, "article.html", page_data(lang))
