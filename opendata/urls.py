"""
Open-data URLs, included before Wagtail's page routing.

The catalogue's exports and feed and the entries' versions and citation files are not here: they
are routes of those pages (routes.py, registered in wagtail_hooks.py), so they move with the
catalogue. website/urls.py hands Wagtail the paths whose last segment is a file name.
"""

from django.urls import path

from . import compare, views
from .api import api

urlpatterns = [
    path("robots.txt", views.robots_txt, name="opendata-robots"),
    path("compare/", compare.compare, name="opendata-compare"),
    path("api/v1/", api.urls),
]
