"""Admin panels that show, read-only, what is edited elsewhere, or a field only a feature app's form has."""

from wagtail.admin.panels import FieldPanel, Panel


class FormFieldPanel(FieldPanel):
    """
    A field the entry form declares itself, not a model field (e.g. the editorial app's "Paste references"
    box, given through the `entry_page_base_form_class` hook). Asked of the model form only when its base
    form declares it (a model form refuses a field it cannot make), so the catalogue works without that app;
    Wagtail hides a panel whose field the form does not have.
    """

    def get_form_options(self):
        base_form = getattr(self.model, "base_form_class", None)
        return super().get_form_options() if self.field_name in getattr(base_form, "declared_fields", {}) else {}


class CitingEntriesPanel(Panel):
    """On a reference: the entries that cite it. Links are edited on each entry (its revisions and review)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "catalogue/panels/citing_entries.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            reference = self.instance
            context["entries"] = reference.entries.order_by("title") if reference and reference.pk else []
            return context
