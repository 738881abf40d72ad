from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    """The evidence and practice catalogue: taxonomies, entries, references and search."""

    name = "catalogue"
    verbose_name = "Catalogue"

    def ready(self):
        from . import signals  # noqa: F401  (connects index invalidation)
        from .search import snapshot_files

        snapshot_files.connect()
