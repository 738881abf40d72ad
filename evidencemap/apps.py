from django.apps import AppConfig


class EvidenceMapConfig(AppConfig):
    """The evidence and gap map, its reference list, research questions and reference import."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "evidencemap"
    verbose_name = "Evidence map"

    def ready(self):
        from catalogue.models.content_version import content_version_changed
        from catalogue.search.snapshot_files import prebuilding

        from . import questions  # noqa: F401  (its visitor lists: the task worker builds them too)
        from .pages import first_page_with
        from .tasks import after_publish

        content_version_changed.connect(after_publish, dispatch_uid="evidencemap-build-after-publish")
        prebuilding.connect(first_page_with, dispatch_uid="evidencemap-first-page-with-each-snapshot")
