from django.urls import path

from . import views

urlpatterns = [
    path("", views.seed_page, {"lang": "en"}),
    path("es/", views.seed_page, {"lang": "es"}),
]
