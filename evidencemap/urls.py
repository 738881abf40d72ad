from django.urls import path

from . import views

app_name = "evidencemap"
urlpatterns = [
    path("", views.evidence_map, name="map"),
    path("table/", views.data_table, name="table"),
    path("evidence-map.csv", views.matrix_csv, name="csv"),
    path("references/", views.reference_list, name="references"),
]
