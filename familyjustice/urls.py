"""Family-justice pages, under /data/ beside the explorer's."""

from django.urls import path

from . import views

app_name = "familyjustice"

urlpatterns = [
    path("family-justice-areas/", views.area_index, name="area_index"),
    path("family-justice-areas/<slug:slug>/", views.area_detail, name="area_detail"),
    path("family-justice-areas/<slug:slug>/pack.zip", views.area_pack, name="area_pack"),
    path("legal-status/", views.legal_status, name="legal_status"),
    path("parent-and-child-units/", views.parent_and_child_units, name="centres"),
    path("questions/", views.questions_page, name="questions"),
    path("family-justice/local-authorities/<str:ons_code>/<slug:slug>.csv", views.la_table, name="la_table"),
]
