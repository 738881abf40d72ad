from django.apps import AppConfig


class ExplorerConfig(AppConfig):
    """The data explorer at /data/: open data, newborn care-proceedings uploads, charts."""

    name = "explorer"
    verbose_name = "Data explorer"

    def ready(self):
        from . import links, signals  # noqa: F401  (links: its visitor list, which the task worker builds too)

        signals.connect()  # saves and deletes of the data move the data version on
