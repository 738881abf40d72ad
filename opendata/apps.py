from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """Citable versions, exports, feeds, the API and comparison, over the public catalogue."""

    name = "opendata"
    verbose_name = "Open data"

    def ready(self):
        from catalogue.models.content_version import content_version_changed

        from .tasks import after_publish

        content_version_changed.connect(after_publish, dispatch_uid="opendata-build-after-publish")
