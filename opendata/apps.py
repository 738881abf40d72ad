from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """Citable versions, exports, feeds, the API and comparison, over the public catalogue."""

    name = "opendata"
    verbose_name = "Open data"
