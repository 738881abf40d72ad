from django.apps import AppConfig


class CatalogueConfig(AppConfig):
    """The evidence and practice catalogue: taxonomies, entries, references and search."""

    name = "catalogue"
    verbose_name = "Catalogue"

    def ready(self):
        # signals connects index invalidation; the others register visitor lists, which the task worker builds too
        from . import law_at_stage, navigation, signals  # noqa: F401
        from .places import index  # noqa: F401
        from .search import snapshot_files

        snapshot_files.connect()
