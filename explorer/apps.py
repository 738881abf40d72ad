from django.apps import AppConfig


class ExplorerConfig(AppConfig):
    """The data explorer at /data/: open data, newborn care-proceedings uploads, charts."""

    name = "explorer"
    verbose_name = "Data explorer"

    def ready(self):
        from . import links  # noqa: F401  (its visitor list: the task worker builds it too)
