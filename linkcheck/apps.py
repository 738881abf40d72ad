from django.apps import AppConfig


class LinkcheckConfig(AppConfig):
    """Checks that the catalogue's source and reference links still work, and reports those that do not."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "linkcheck"
    verbose_name = "Link checks"
