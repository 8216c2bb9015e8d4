from django.urls import path

from uswds_components.django.views import feedback

from . import views

urlpatterns = [
    path("", views.seed_page, {"lang": "en"}),
    path("es/", views.seed_page, {"lang": "es"}),
    path("feedback/", feedback, name="feedback"),
]
