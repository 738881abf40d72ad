from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Roles, the evidence-review workflow, review-date reporting, audit of ratings and CSV import."""

    name = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        # The rule "only reviewers change a rating" is installed through the catalogue's
        # `entry_page_base_form_class` hook (wagtail_hooks.py): the catalogue keeps working without this app.
        from . import audit  # noqa: F401  (connects the evidence-rating audit signal)
