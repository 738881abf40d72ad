from django.apps import AppConfig


class ExplorerConfig(AppConfig):
    """The data explorer at /data/: open data, newborn care-proceedings uploads, charts."""

    name = "explorer"
    verbose_name = "Data explorer"
