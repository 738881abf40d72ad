from django.apps import AppConfig


class FamilyJusticeConfig(AppConfig):
    """Family justice (DFJ) areas, legal status, residential family centres, young parents, trend events."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "familyjustice"
    verbose_name = "Family justice data"
