"""The data explorer at /data/."""

from django.urls import path

from . import own_data, views

app_name = "explorer"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("regions/", views.regions, name="regions"),
    path("outliers/", views.funnel, name="funnel"),
    path("relationships/", views.relationships_view, name="relationships"),
    path("local-authorities/", views.local_authorities, name="local_authorities"),
    path("local-authorities/<str:ons_code>/", views.local_authority, name="local_authority"),
    path("your-data/", own_data.your_data, name="your_data"),
    path("your-data/example.csv", own_data.example_file, name="example_file"),
    path("datasets/", views.datasets, name="datasets"),
    path("datasets/<int:pk>/", views.dataset_detail, name="dataset_detail"),
    path("sources/", views.sources, name="sources"),
]
