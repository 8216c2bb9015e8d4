from django.urls import path

from uswds_components.django.views import feedback

from . import views

urlpatterns = [
    path("", views.seed_page, {"lang": "en"}),
    path("es/", views.seed_page, {"lang": "es"}),
    path("agency-landing/", views.agency_landing, {"lang": "en"}),
    path("agency-landing/es/", views.agency_landing, {"lang": "es"}),
    path("feedback/", feedback, name="feedback"),
    path("apply/", views.apply, name="apply"),
    path("apply/done/", views.apply_done, name="apply-done"),
]
