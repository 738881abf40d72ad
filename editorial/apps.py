from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Roles, the evidence-review workflow, review-date reporting, audit of ratings and CSV import."""

    name = "editorial"
    verbose_name = "Editorial workflow"

    def ready(self):
        from catalogue.models import EntryPage

        from . import audit  # noqa: F401  (connects the evidence-rating audit signal)
        from .forms import EntryPageForm

        # The rule "only reviewers change a rating" belongs to the editorial roles, so it is installed from
        # here: the catalogue app keeps working without this app. Wagtail reads the model's
        # base_form_class when it builds the edit form, so entry subclasses inherit it.
        EntryPage.base_form_class = EntryPageForm
