"""
Open-data URLs, included before Wagtail's page routing.

The catalogue's exports and feed and the entries' versions and citation files are routes of those
pages (routes.py, registered in wagtail_hooks.py), so they move with the catalogue. Wagtail's own
URL pattern only accepts paths of slash-ended segments; the one below hands it paths whose last
segment is a file name ("export.csv", "cite.bib") too.
"""

from django.urls import path, re_path
from wagtail import views as wagtail_views

from . import compare, views
from .api import api

urlpatterns = [
    path("robots.txt", views.robots_txt, name="opendata-robots"),
    path("compare/", compare.compare, name="opendata-compare"),
    path("api/v1/", api.urls),
    re_path(r"^((?:[\w\-]+/)+[\w\-]+\.\w+)$", wagtail_views.serve, name="opendata-page-file"),
]
