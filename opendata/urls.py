"""Open-data URLs; included before Wagtail's page routing so these paths are never page slugs."""

from django.urls import path

from . import compare, exports, feeds, views
from .api import api

urlpatterns = [
    path("robots.txt", views.robots_txt, name="opendata-robots"),
    path("catalogue/export.csv", exports.export_csv, name="opendata-export-csv"),
    path("catalogue/export.json", exports.export_json, name="opendata-export-json"),
    path("catalogue/feed/", feeds.catalogue_feed, name="opendata-feed"),
    path("catalogue/<slug:slug>/versions/<int:number>/", views.entry_version, name="opendata-version"),
    path("catalogue/<slug:slug>/versions/<int:number>/cite.<str:fmt>", views.cite_download, name="opendata-version-cite"),
    path("catalogue/<slug:slug>/cite.<str:fmt>", views.cite_download, name="opendata-cite"),
    path("compare/", compare.compare, name="opendata-compare"),
    path("api/v1/", api.urls),
]
