from django.apps import AppConfig


class EvidenceMapConfig(AppConfig):
    """The evidence and gap map, its reference list, research questions and reference import."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "evidencemap"
    verbose_name = "Evidence map"
