"""The seed page, the agency landing page and an application form rendered by Django's Jinja2
backend."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from uswds_components.django.views import feedback_form
from uswds_components.example_pages import AGENCY_LANDING
from uswds_components.seed.build import page_data

from .forms import Application


def seed_page(request: HttpRequest, lang: str) -> HttpResponse:
    data = page_data(lang)
    # Posts to the feedback view with Django's CSRF token, about the seed's own page URL.
    data["page_feedback"] = feedback_form(request, page_url=data["page_feedback"]["page_url"])
    return render(request, "article.html", data)


def agency_landing(request: HttpRequest, lang: str) -> HttpResponse:
    return render(request, AGENCY_LANDING.template, AGENCY_LANDING.data(lang))


def apply(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = Application(request.POST, request.FILES)
        if form.is_valid():
            return redirect("apply-done")
    else:
        form = Application()
    # ?script=0: the summary without its script (the browser test's deliberately broken page).
    script = request.GET.get("script") != "0"
    context = {"title": "Apply", "form": form, "errors": form.errors, "script": script}
    return render(request, "apply.html", context)


def apply_done(request: HttpRequest) -> HttpResponse:
    return render(request, "apply_done.html", {"title": "Application received"})
